namespace PolicyMiner.Storage.Entities;

/// <summary>The short field names of a stored document (schema v6 on), for the mapping and for raw queries.</summary>
/// <remarks>
/// BSON spells every field name out in every record: the long property names cost each document about 330 bytes, more
/// than its identity and counts. <see cref="Renames"/> maps the names schema v1–v5 wrote to these.
/// </remarks>
internal static class DocumentBson
{
    public const string Key = "k";
    public const string SourceName = "n";
    public const string SourcePath = "p";
    public const string Format = "f";
    public const string Encoding = "e";
    public const string Metadata = "m";
    public const string SectionCount = "sc";
    public const string DiagnosticCount = "dc";
    public const string TextLength = "l";
    public const string TargetCount = "tc";
    public const string ExtractorVersion = "xv";
    public const string IngestedAt = "at";
    public const string RunId = "run";
    public const string Pending = "sp";
    public const string Accepted = "sa";
    public const string Corrected = "sx";
    public const string Rejected = "sr";
    public const string MinConfidence = "mc";
    public const string Categories = "c";
    public const string Fingerprint = "fp";
    public const string MinHash = "mh";
    public const string Sources = "s";
    public const string SourceHashes = "sh";

    /// <summary>Fields of the document's metadata (<see cref="MetadataEntity"/>).</summary>
    public static class Meta
    {
        public const string Title = "t";
        public const string Issuer = "i";
        public const string DocNumber = "dn";
        public const string Region = "r";
        public const string Province = "pv";
        public const string Year = "y";
        public const string Date = "d";
        public const string Published = "pd";
        public const string Uploaded = "ud";
        public const string IndexNumber = "ix";
    }

    /// <summary>Region (<c>$.m.r</c>) and province paths, as the region filters read them.</summary>
    public const string RegionPath = $"$.{Metadata}.{Meta.Region}";

    public const string ProvincePath = $"$.{Metadata}.{Meta.Province}";

    public const string YearPath = $"$.{Metadata}.{Meta.Year}";

    /// <summary>Schema v1–v5 name → schema v6 name, top-level fields.</summary>
    public static readonly IReadOnlyDictionary<string, string> Renames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Key"] = Key,
        ["SourceName"] = SourceName,
        ["SourcePath"] = SourcePath,
        ["Format"] = Format,
        ["Encoding"] = Encoding,
        ["Metadata"] = Metadata,
        ["SectionCount"] = SectionCount,
        ["DiagnosticCount"] = DiagnosticCount,
        ["TextLength"] = TextLength,
        ["TargetCount"] = TargetCount,
        ["ExtractorVersion"] = ExtractorVersion,
        ["IngestedAt"] = IngestedAt,
        ["RunId"] = RunId,
        ["Pending"] = Pending,
        ["Accepted"] = Accepted,
        ["Corrected"] = Corrected,
        ["Rejected"] = Rejected,
        ["MinConfidence"] = MinConfidence,
        ["Categories"] = Categories,
        ["Fingerprint"] = Fingerprint,
        ["MinHash"] = MinHash,
        ["Sources"] = Sources,
        ["SourceHashes"] = SourceHashes,
    };

    /// <summary>Schema v1–v5 name → schema v6 name, fields of the metadata.</summary>
    public static readonly IReadOnlyDictionary<string, string> MetadataRenames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Title"] = Meta.Title,
        ["Issuer"] = Meta.Issuer,
        ["DocNumber"] = Meta.DocNumber,
        ["Region"] = Meta.Region,
        ["Province"] = Meta.Province,
        ["Year"] = Meta.Year,
        ["Date"] = Meta.Date,
        ["Published"] = Meta.Published,
        ["Uploaded"] = Meta.Uploaded,
        ["IndexNumber"] = Meta.IndexNumber,
    };

    /// <summary>A document record of schema v1–v5 with the names and value types of schema v6: fingerprint hex and
    /// MinHash base64 become binary; empty folded-file lists, zero review counts and a file name the path ends in go.</summary>
    public static LiteDB.BsonDocument Rename(LiteDB.BsonDocument old)
    {
        var renamed = new LiteDB.BsonDocument();
        foreach (var (name, value) in old)
        {
            var now = Renames.GetValueOrDefault(name, name);
            renamed[now] = now switch
            {
                Metadata when value.IsDocument => RenameMetadata(value.AsDocument),
                Fingerprint when value.IsString => new LiteDB.BsonValue(Convert.FromHexString(value.AsString)),
                MinHash when value.IsString => new LiteDB.BsonValue(Convert.FromBase64String(value.AsString)),
                _ => value,
            };
            if (now is Sources or SourceHashes && value.IsArray && value.AsArray.Count == 0)
            {
                renamed.Remove(now);
            }
        }

        // Absent when it says nothing: the file name that ends the path, review counts of zero (as the entity writes them).
        if (renamed.TryGetValue(SourceName, out var file) && renamed.TryGetValue(SourcePath, out var path) && file.IsString && path.IsString
            && file.AsString == Path.GetFileName(path.AsString))
        {
            renamed.Remove(SourceName);
        }

        foreach (var count in new[] { Accepted, Corrected, Rejected })
        {
            if (renamed.TryGetValue(count, out var value) && value.IsNumber && value.AsInt32 == 0)
            {
                renamed.Remove(count);
            }
        }

        return renamed;
    }

    private static LiteDB.BsonDocument RenameMetadata(LiteDB.BsonDocument old)
    {
        var renamed = new LiteDB.BsonDocument();
        foreach (var (name, value) in old)
        {
            renamed[MetadataRenames.GetValueOrDefault(name, name)] = value;
        }

        return renamed;
    }
}
