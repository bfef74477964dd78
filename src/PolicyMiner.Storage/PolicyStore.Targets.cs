using LiteDB;
using PolicyMiner.Storage.Entities;
using PolicyMiner.Storage.Schema;

namespace PolicyMiner.Storage;

/// <summary>Reading and writing the target packs (<see cref="TargetPack"/>): a document's targets are one record.</summary>
public sealed partial class PolicyStore
{
    /// <summary>A target found by id, with its document and every target of its pack (the target is one of them).</summary>
    private sealed record FoundTarget(TargetEntity Target, DocumentEntity Document, List<TargetEntity> Pack);

    /// <summary>Every target of a stored document, as entities (empty when it has none).</summary>
    private List<TargetEntity> TargetsOfDocument(DocumentEntity document) =>
        document.Key > 0 && _packs.FindById(document.Key) is { } pack ? TargetPack.Decode(_db.Mapper, pack, StoredTextOf) : [];

    /// <summary>A stored document's text, which gives the quotes its pack leaves out; null when it has none stored.</summary>
    private string? StoredTextOf(string documentId) => _contents.FindById(documentId) is { } content ? TextOf(content) : null;

    /// <summary>Writes a document's targets as its pack, replacing the one it had; targets without an id get the pack's
    /// next ordinals, and a target whose id names another pack gets a home pointing here.</summary>
    /// <param name="text">The document's text as stored (its quotes are left out of the pack); read from the store when null.</param>
    private void SaveTargets(DocumentEntity document, List<TargetEntity> targets, string? text = null)
    {
        var key = document.Key;
        var next = targets.Where(t => TargetPack.IsOwn(t.Id, key)).Select(t => t.Id.Increment).DefaultIfEmpty(0).Max();
        foreach (var target in targets)
        {
            if (target.Id == ObjectId.Empty)
            {
                target.Id = TargetPack.IdOf(key, ++next);
            }
            else if (!TargetPack.IsOwn(target.Id, key))
            {
                _homes.Upsert(new BsonDocument { ["_id"] = target.Id, [TargetPack.HomeKey] = key });
            }

            target.DocumentId = document.Id;
        }

        _packs.Upsert(TargetPack.Record(key, document.Id, TargetPack.Encode(targets, key, text ?? StoredTextOf(document.Id)), targets.Count));
    }

    /// <summary>Deletes a document's pack and the homes of its targets with foreign ids.</summary>
    private void DeleteTargets(DocumentEntity document, IEnumerable<TargetEntity> targets)
    {
        foreach (var target in targets.Where(t => !TargetPack.IsOwn(t.Id, document.Key)))
        {
            _homes.Delete(target.Id);
        }

        _packs.Delete(document.Key);
    }

    /// <summary>A target by id, with its document and pack; null when unknown or when its document is gone.</summary>
    private FoundTarget? FindTarget(string targetId)
    {
        if (!IsObjectId(targetId))
        {
            return null;
        }

        var id = new ObjectId(targetId);
        int key;
        if (_homes.FindById(id) is { } home)
        {
            key = home[TargetPack.HomeKey].AsInt32;
        }
        else if (!TargetPack.TryParse(id, out key, out _))
        {
            return null;
        }

        if (_packs.FindById(key) is not { } pack || _documents.FindById(pack[TargetPack.DocumentId].AsString) is not { } document)
        {
            return null;
        }

        var targets = TargetPack.Decode(_db.Mapper, pack, StoredTextOf);
        return targets.Find(t => t.Id == id) is { } target ? new FoundTarget(target, document, targets) : null;
    }

    /// <summary>The key for a new document's pack: one past the largest in use (the packs' primary index answers it).</summary>
    private int NextKey() => TargetPack.MaxKey(_packs) + 1;

    /// <summary>New pack keys of one transaction: the first from <see cref="NextKey"/> on first use, then one more each.</summary>
    /// <remarks>Valid only while one transaction holds the store and takes every new key from here.</remarks>
    private sealed class PackKeys(Func<int> first)
    {
        private int _next;

        public int Next() => _next = _next == 0 ? first() : _next + 1;
    }

    /// <summary>The packs of the given documents (document id → key), or of every document when null.</summary>
    private IEnumerable<BsonDocument> PacksOf(IReadOnlyDictionary<string, int>? documents)
    {
        if (documents is null)
        {
            foreach (var pack in _packs.FindAll())
            {
                yield return pack;
            }

            yield break;
        }

        foreach (var key in documents.Values.Where(k => k > 0).Order())
        {
            if (_packs.FindById(key) is { } pack)
            {
                yield return pack;
            }
        }
    }

    /// <summary>Documents that have pending targets, lowest confidence first: the review queue's candidates.</summary>
    private List<(string Id, int Key, double MinConfidence)> DocumentsWithPending() =>
        [.. _db.GetCollection(StoreSchema.Documents).Query()
            .Where(BsonExpression.Create($"$.{DocumentBson.Pending} > 0"))
            .Select(BsonExpression.Create($"{{ i: $._id, k: $.{DocumentBson.Key}, m: $.{DocumentBson.MinConfidence} }}"))
            .ToEnumerable()
            .Select(d => (d["i"].AsString, d["k"].IsNumber ? d["k"].AsInt32 : 0, d["m"].IsNumber ? d["m"].AsDouble : 0))
            .OrderBy(d => d.Item3)];
}
