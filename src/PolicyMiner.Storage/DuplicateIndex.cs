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

    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<BandKey, List<string>> _bands = [];
    private readonly Dictionary<string, TextFingerprint> _fingerprints = new(StringComparer.Ordinal);
    private readonly Func<string, DocumentEntity?> _lookup;

    private DuplicateIndex(Func<string, DocumentEntity?> lookup) => _lookup = lookup;

    public static DuplicateIndex Load(ILiteCollection<DocumentEntity> documents, Func<string, DocumentEntity?> lookup)
    {
        var index = new DuplicateIndex(lookup);
        var projection = BsonExpression.Create("{ id: $._id, exact: $.Fingerprint, minhash: $.MinHash }");
        foreach (var row in documents.Query().Select(projection).ToEnumerable())
        {
            var exact = row["exact"];
            var minHash = row["minhash"];
            if (exact.IsString && minHash.IsString && TextFingerprint.FromStored(exact.AsString, minHash.AsString) is { } fingerprint)
            {
                index.Add(row["id"].AsString, fingerprint);
            }
        }

        return index;
    }

    /// <summary>An index over stored fingerprints read by another store (rows of id, exact fingerprint, MinHash text).</summary>
    public static DuplicateIndex From(IEnumerable<(string Id, string? Exact, string? MinHash)> rows, Func<string, DocumentEntity?> lookup)
    {
        var index = new DuplicateIndex(lookup);
        foreach (var (id, exact, minHash) in rows)
        {
            if (exact is not null && minHash is not null && TextFingerprint.FromStored(exact, minHash) is { } fingerprint)
            {
                index.Add(id, fingerprint);
            }
        }

        return index;
    }

    public void Add(string id, TextFingerprint fingerprint)
    {
        _exact.TryAdd(fingerprint.Exact, id);
        _fingerprints[id] = fingerprint;
        foreach (var key in BandKey.Of(fingerprint))
        {
            if (!_bands.TryGetValue(key, out var ids))
            {
                _bands[key] = ids = [];
            }

            ids.Add(id);
        }
    }

    /// <summary>The stored document whose text <paramref name="fingerprint"/> matches, other than the document itself
    /// (<paramref name="id"/>) or one at the same path (a changed file is an update, not a duplicate). A near match must
    /// also be <paramref name="sameDocument"/>: documents from one template (the same notice issued by two counties) are
    /// near in text but not the same document.</summary>
    public DocumentEntity? Find(TextFingerprint fingerprint, string id, string path, Func<DocumentEntity, bool> sameDocument)
    {
        if (_exact.TryGetValue(fingerprint.Exact, out var exact) && Usable(exact, id, path) is { } same)
        {
            return same;
        }

        // Documents from one template share most bands: each candidate is compared once, not once per shared band.
        var best = (Id: (string?)null, Similarity: 0.0);
        var compared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in BandKey.Of(fingerprint))
        {
            foreach (var candidate in _bands.GetValueOrDefault(key) ?? [])
            {
                if (!compared.Add(candidate))
                {
                    continue;
                }

                var similarity = fingerprint.Similarity(_fingerprints[candidate]);
                if (similarity >= NearThreshold && similarity > best.Similarity)
                {
                    best = (candidate, similarity);
                }
            }
        }

        return best.Id is not null && Usable(best.Id, id, path) is { } near && sameDocument(near) ? near : null;
    }

    private DocumentEntity? Usable(string candidate, string id, string path) =>
        candidate == id ? null : _lookup(candidate) is { } entity && entity.SourcePath != path ? entity : null;

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
