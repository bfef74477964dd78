using LiteDB;
using PolicyMiner.Storage.Entities;
using PolicyMiner.Storage.Reviewing;
using PolicyMiner.Storage.Schema;
using PolicyMiner.Storage.Transfer;

namespace PolicyMiner.Storage;

/// <summary>The LiteDB store's records as they are, for <see cref="StoreCopy"/>.</summary>
public sealed partial class PolicyStore : IStoreTransfer
{
    IEnumerable<DocumentRecord> IStoreTransfer.ReadDocuments()
    {
        foreach (var id in _documents.Query().OrderBy(x => x.Id).Select(x => x.Id).ToList())
        {
            if (_documents.FindById(id) is not { } document)
            {
                continue;
            }

            var (content, text) = ContentOf(id);
            var targets = TargetsOfDocument(document).OrderBy(t => t.Start).ThenBy(t => t.Id).ToList();
            foreach (var target in targets)
            {
                // What LiteDB keeps once, on the document; another store (PostgreSQL) keeps it on each target.
                StoreMapper.Inherit(target, document);
            }

            yield return new DocumentRecord(document, content, text, targets);
        }
    }

    void IStoreTransfer.WriteDocuments(IReadOnlyList<DocumentRecord> documents)
    {
        InTransaction(() =>
        {
            foreach (var (document, content, text, targets) in documents)
            {
                // A pack key of this database (the source's, if any, means nothing here); ids come along as they are.
                document.Key = _documents.FindById(document.Id)?.Key is > 0 and var key ? key : NextKey();
                foreach (var target in targets)
                {
                    target.DocumentExtraction = (document.ExtractorVersion, document.IngestedAt);
                }

                SaveTargets(document, [.. targets], text);
                // Mapped first: mapping may assign codes in the names table, which the typed upsert would do inside its engine call.
                _db.GetCollection(StoreSchema.Documents).Upsert(_db.Mapper.ToDocument(document));
                var (packed, textBytes) = PackedText.PackWithLayout(text, PackedLayout.Serialize(content?.Sections ?? [], content?.Diagnostics ?? []));
                var pieces = PackedText.Split(packed);
                _contents.Upsert(new DocumentContentEntity
                {
                    Id = document.Id,
                    Packed = pieces[0],
                    Chunks = pieces.Count - 1,
                    TextBytes = textBytes,
                });
                for (var i = 1; i < pieces.Count; i++)
                {
                    _chunks.Upsert(new ContentChunkEntity { Id = PackedText.ChunkId(document.Id, i), Data = pieces[i] });
                }
            }
        });
        _duplicates = null;
        _storedKeys = null;
        _storedContents = null;
        Interlocked.Increment(ref _writes);
    }

    IReadOnlyList<ReviewAuditEntry> IStoreTransfer.ReadAudit() => [.. Audit.FindAll().OrderBy(e => e.Id).Select(ToEntry)];

    void IStoreTransfer.WriteAudit(IReadOnlyList<ReviewAuditEntry> entries) => InTransaction(() =>
    {
        foreach (var e in entries)
        {
            Audit.Insert(NewEntry(e.TargetId, e.DocumentId, e.Version, e.User, e.At, e.Action, e.Field, e.Before, e.After));
        }
    });

    void IStoreTransfer.WriteRuns(IReadOnlyList<IngestRun> runs, IReadOnlyList<IngestFailure> failures) => InTransaction(() =>
    {
        foreach (var run in runs)
        {
            _runs.Insert(new IngestRunEntity
            {
                Id = run.Id, StartedAt = run.StartedAt, EndedAt = run.EndedAt, ToolVersion = run.ToolVersion, ExtractorVersion = run.ExtractorVersion,
                Inputs = [.. run.Inputs], Files = run.Counts.Files, Added = run.Counts.Added, Updated = run.Counts.Updated,
                Unchanged = run.Counts.Unchanged, Failed = run.Counts.Failed, Targets = run.Counts.Targets, Duplicates = run.Counts.Duplicates,
            });
        }

        foreach (var failure in failures)
        {
            _errors.Insert(new IngestErrorEntity { RunId = failure.RunId, Path = failure.Path, Reason = failure.Reason, At = failure.At });
        }
    });
}
