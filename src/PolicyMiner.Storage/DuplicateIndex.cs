using LiteDB;
using PolicyMiner.Core.Text;
using PolicyMiner.Storage.Entities;

namespace PolicyMiner.Storage;

/// <summary>
/// Finds a stored document with the same or nearly the same text as a new one: by exact text fingerprint, then by
/// MinHash bands (candidates) confirmed by estimated Jaccard similarity of at least <see cref="NearThreshold"/>.
/// </summary>
/// <remarks>In memory, loaded once from the documents collection (fingerprint fields only); entries whose document has
/// since gone are skipped when looked up. Not thread-safe: used by the store's single writer.</remarks>
internal sealed class DuplicateIndex
{
    /// <summary>Estimated Jaccard similarity of 5-character shingles above which two texts are the same document.</summary>
    public const double NearThreshold = 0.9;

    /// <summary>Bands two signatures must share to be at least <see cref="NearThreshold"/> similar: each differing slot
    /// spoils at most one band, so a candidate sharing fewer can be passed over without comparing (no near copy is missed).</summary>
    private static readonly int MinSharedBands = Math.Max(
        1, (TextFingerprint.Hashes / TextFingerprint.RowsPerBand) - (TextFingerprint.Hashes - (int)Math.Ceiling(NearThreshold * TextFingerprint.Hashes)));

    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);

    // Documents by slot number, so that counting shared bands touches ints, not 64-character ids.
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];
    private readonly List<TextFingerprint> _fingerprints = [];

    // What a near match is judged by (source path, metadata), by slot: known for documents this index saw written or
    // looked up, so a candidate from the same template but another region or year is passed over without loading it.
    private readonly List<Judged?> _judged = [];

    // Slots of documents replaced by a preferred copy of their text (see Remove): never a candidate again.
    private readonly List<bool> _removed = [];
    private readonly bool _remember;
    private readonly Dictionary<BandKey, List<int>> _bands = [];

    // Shared-band counts of the lookup in progress; a slot's count is valid when its stamp is the lookup's.
    private int[] _hits = [];
    private int[] _stamps = [];
    private int _lookups;
    private readonly Func<string, DocumentEntity?> _lookup;

    private DuplicateIndex(Func<string, DocumentEntity?> lookup, bool remember)
    {
        _lookup = lookup;
        _remember = remember;
    }

    /// <summary>An index over a LiteDB store's documents, for its one writer: a document's path and metadata, once seen, are
    /// remembered, since nothing else changes them while the writer holds the file (a new version of a document is added
    /// again, and the store drops the index when another process may have written).</summary>
    public static DuplicateIndex Load(ILiteCollection<DocumentEntity> documents, Func<string, DocumentEntity?> lookup)
    {
        var index = new DuplicateIndex(lookup, remember: true);
        var projection = BsonExpression.Create($"{{ id: $._id, exact: $.{DocumentBson.Fingerprint}, minhash: $.{DocumentBson.MinHash} }}");
        foreach (var row in documents.Query().Select(projection).ToEnumerable())
        {
            var exact = row["exact"];
            var minHash = row["minhash"];
            if (exact.IsBinary && minHash.IsBinary
                && TextFingerprint.FromStored(Convert.ToHexStringLower(exact.AsBinary), Convert.ToBase64String(minHash.AsBinary)) is { } fingerprint)
            {
                index.Add(row["id"].AsString, fingerprint);
            }
        }

        return index;
    }

    /// <summary>An index over stored fingerprints read by another store (rows of id, exact fingerprint, MinHash text).</summary>
    /// <remarks>Other writers may change those documents, so each candidate is looked up afresh.</remarks>
    public static DuplicateIndex From(IEnumerable<(string Id, string? Exact, string? MinHash)> rows, Func<string, DocumentEntity?> lookup)
    {
        var index = new DuplicateIndex(lookup, remember: false);
        foreach (var (id, exact, minHash) in rows)
        {
            if (exact is not null && minHash is not null && TextFingerprint.FromStored(exact, minHash) is { } fingerprint)
            {
                index.Add(id, fingerprint);
            }
        }

        return index;
    }

    /// <param name="stored">The document as just written, when the caller has it: its path and metadata are then known
    /// without a lookup (and replace what was known of an earlier version).</param>
    public void Add(string id, TextFingerprint fingerprint, DocumentEntity? stored = null)
    {
        // Replaces a removed document's entry; otherwise the first document stored with this text keeps it.
        if (!_exact.TryGetValue(fingerprint.Exact, out var holder) || (_slots.TryGetValue(holder, out var held) && _removed[held]))
        {
            _exact[fingerprint.Exact] = id;
        }
        var judged = _remember && stored is not null ? new Judged(stored.SourcePath, stored.Metadata) : null;
        if (_slots.TryGetValue(id, out var slot))
        {
            // The same document stored again: its old bands stay listed, which can only add candidates, never hide one.
            _fingerprints[slot] = fingerprint;
            _judged[slot] = judged;
            _removed[slot] = false;
        }
        else
        {
            slot = _ids.Count;
            _slots.Add(id, slot);
            _ids.Add(id);
            _fingerprints.Add(fingerprint);
            _judged.Add(judged);
            _removed.Add(false);
        }

        foreach (var key in BandKey.Of(fingerprint))
        {
            if (!_bands.TryGetValue(key, out var slots))
            {
                _bands[key] = slots = [];
            }

            slots.Add(slot);
        }
    }

    /// <summary>Forgets a document that a preferred copy of its text replaced (the store deleted it).</summary>
    public void Remove(string id)
    {
        if (!_slots.TryGetValue(id, out var slot))
        {
            return;
        }

        _removed[slot] = true;
        if (_exact.TryGetValue(_fingerprints[slot].Exact, out var holder) && holder == id)
        {
            _exact.Remove(_fingerprints[slot].Exact);
        }
    }

    /// <summary>The stored document whose text <paramref name="fingerprint"/> matches, other than the document itself
    /// (<paramref name="id"/>) or one at the same path (a changed file is an update, not a duplicate). A near match must
    /// also be <paramref name="sameDocument"/>: documents from one template (the same notice issued by two counties) are
    /// near in text but not the same document.</summary>
    public DocumentEntity? Find(TextFingerprint fingerprint, string id, string path, Func<MetadataEntity, bool> sameDocument)
    {
        if (_exact.TryGetValue(fingerprint.Exact, out var exact) && exact != id && Usable(exact, path) is { } same)
        {
            return same;
        }

        // Documents from one template share many bands: a candidate is compared once, and only when it shares enough of them.
        if (_hits.Length < _ids.Count)
        {
            Array.Resize(ref _hits, Math.Max(_ids.Count, _hits.Length * 2));
            Array.Resize(ref _stamps, _hits.Length);
        }

        var stamp = ++_lookups;
        var best = (Slot: -1, Similarity: 0.0);
        foreach (var key in BandKey.Of(fingerprint))
        {
            foreach (var candidate in _bands.GetValueOrDefault(key) ?? [])
            {
                if (_stamps[candidate] != stamp)
                {
                    (_stamps[candidate], _hits[candidate]) = (stamp, 0);
                }

                if (++_hits[candidate] != MinSharedBands || _removed[candidate])
                {
                    continue;
                }

                // Ties go to the smaller slot (the earlier stored), whatever order the bands list them in.
                var similarity = fingerprint.Similarity(_fingerprints[candidate]);
                if (similarity >= NearThreshold && (similarity > best.Similarity || (similarity == best.Similarity && candidate < best.Slot)))
                {
                    best = (candidate, similarity);
                }
            }
        }

        if (best.Slot < 0 || _ids[best.Slot] == id)
        {
            return null;
        }

        // Judged by what is known of it when it can be: most near matches in a batch are other documents of one template.
        if (_judged[best.Slot] is { } known && (known.Path == path || !sameDocument(known.Metadata)))
        {
            return null;
        }

        var near = Usable(_ids[best.Slot], path);
        if (near is not null && _remember)
        {
            _judged[best.Slot] = new Judged(near.SourcePath, near.Metadata);
        }

        return near is not null && sameDocument(near.Metadata) ? near : null;
    }

    /// <summary>What a near match is judged by besides its text.</summary>
    private sealed record Judged(string Path, MetadataEntity Metadata);

    /// <summary>The stored document <paramref name="candidate"/>, unless it is gone or comes from <paramref name="path"/> itself.</summary>
    private DocumentEntity? Usable(string candidate, string path) =>
        _lookup(candidate) is { } entity && entity.SourcePath != path ? entity : null;

    /// <summary>One band of a MinHash signature: its number and its four rows, as a value (no string per band and document).</summary>
    private readonly record struct BandKey(int Band, uint A, uint B, uint C, uint D)
    {
        public static IEnumerable<BandKey> Of(TextFingerprint fingerprint)
        {
            if (TextFingerprint.RowsPerBand != 4)
            {
                throw new InvalidOperationException("BandKey holds four rows per band; TextFingerprint.RowsPerBand changed.");
            }

            var hashes = fingerprint.MinHash;
            for (var band = 0; band < TextFingerprint.Hashes / TextFingerprint.RowsPerBand; band++)
            {
                var at = band * TextFingerprint.RowsPerBand;
                yield return new BandKey(band, hashes[at], hashes[at + 1], hashes[at + 2], hashes[at + 3]);
            }
        }
    }
}
