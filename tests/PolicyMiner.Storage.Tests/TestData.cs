using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Targets;
using PolicyMiner.Core.Text;
using PolicyMiner.Tests.Shared;

namespace PolicyMiner.Storage.Tests;

/// <summary>Invented documents and targets (sample regions 青川市, 云岭县) for store tests.</summary>
internal static class TestData
{
    public const string Extractor = "test-extractor/1";

    public static PolicyDocument Document(string text, string path = "/samples/青川市-2018.txt", string? region = "青川市", int? year = 2018) =>
        SampleDocuments.Document(text, path, new DocumentMetadata($"{region}{year}年科技工作要点(样例)", $"{region}人民政府", "青政发〔2018〕3号", region, "样例省", year, new DateOnly(2018, 3, 21))) with
        {
            Sections = [new Section(1, "一", "主要目标", new TextSpan(0, text.Length))],
            Diagnostics = [new Diagnostic("PM1001", DiagnosticSeverity.Warning, "样例诊断", new TextSpan(0, 1))],
        };

    /// <summary>A target on the first occurrence of <paramref name="quote"/> in the document's text.</summary>
    public static PolicyTarget Target(PolicyDocument document, string quote, double value, string unit = "%", string category = "rd_intensity", int? year = 2020) =>
        SampleDocuments.Target(document, quote, value) with
        {
            Indicator = "研发经费占地区生产总值比重",
            Category = category,
            ValueMax = null,
            Unit = unit,
            ValueStd = value,
            UnitStd = unit,
            Comparator = Comparator.AtLeast,
            Kind = TargetKind.Share,
            Commitment = Commitment.Aspirational,
            Year = year,
            YearText = year is null ? null : $"到{year}年",
            Baseline = 1.5,
            Responsible = ["市科技局", "市财政局"],
            Confidence = 0.9,
            IndicatorId = "rd_intensity",
        };

    public static DocumentExtraction Extraction(PolicyDocument document, params PolicyTarget[] targets) =>
        new(document, targets, Extractor);
}

/// <summary>What an older PolicyMiner wrote: targets with the property names as field names (schema v1 and v2).</summary>
internal static class LegacySchema
{
    /// <summary>Gives every document the long field names and text fingerprints of schema v1–v5 (this build writes the
    /// short names of v6 whatever the schema version, so a test builds an older file by writing with it and renaming back).</summary>
    public static void LongDocumentNames(string path)
    {
        NamesBack(path);
        using var raw = new LiteDB.LiteDatabase(path);
        var documents = raw.GetCollection("documents");
        var longNames = PolicyMiner.Storage.Entities.DocumentBson.Renames.ToDictionary(r => r.Value, r => r.Key);
        var longMetadata = PolicyMiner.Storage.Entities.DocumentBson.MetadataRenames.ToDictionary(r => r.Value, r => r.Key);
        foreach (var document in documents.FindAll().ToList())
        {
            var old = new LiteDB.BsonDocument();
            foreach (var (name, value) in document)
            {
                var was = longNames.GetValueOrDefault(name, name);
                old[was] = was switch
                {
                    "Metadata" => new LiteDB.BsonDocument(value.AsDocument.ToDictionary(f => longMetadata.GetValueOrDefault(f.Key, f.Key), f => f.Value)),
                    "Fingerprint" => Convert.ToHexStringLower(value.AsBinary),
                    "MinHash" => Convert.ToBase64String(value.AsBinary),
                    _ => value,
                };
            }

            old["SourceName"] = old.TryGetValue("SourceName", out var file) ? file : Path.GetFileName(old["SourcePath"].AsString);
            foreach (var count in new[] { "Accepted", "Corrected", "Rejected" })
            {
                old[count] = old.TryGetValue(count, out var value) ? value : 0;
            }

            foreach (var list in new[] { "Sources", "SourceHashes" })
            {
                old[list] = old.TryGetValue(list, out var kept) ? kept : new LiteDB.BsonArray();
            }

            documents.Update(old);
        }
    }

    /// <summary>Gives every document its category names and extractor version in full and drops the names table, as schema
    /// v1–v6 wrote them (this build writes codes whatever the schema version).</summary>
    public static void NamesBack(string path)
    {
        using var raw = new LiteDB.LiteDatabase(path);
        var names = raw.GetCollection("names").FindAll().ToDictionary(n => n["_id"].AsInt32, n => n["v"]);
        var documents = raw.GetCollection("documents");
        foreach (var document in documents.FindAll().ToList())
        {
            if (document.TryGetValue("xv", out var version) && version.IsNumber)
            {
                document["xv"] = names[version.AsInt32];
            }

            if (document.TryGetValue("c", out var categories) && categories.IsArray)
            {
                document["c"] = new LiteDB.BsonArray(categories.AsArray.Select(c => c.IsNumber ? names[c.AsInt32] : c));
            }

            documents.Update(document);
        }

        raw.DropCollection("names");
    }

    /// <summary>Gives every target the fields schema v3 wrote and v4 does not (the document's file name, region,
    /// province and plan year; defaults written out), and takes the documents' category lists away, as a v3 file has.</summary>
    public static void AddDocumentFieldsBack(string path)
    {
        using var raw = new LiteDB.LiteDatabase(path);
        var documents = raw.GetCollection("documents");
        var byId = documents.FindAll().ToDictionary(d => d["_id"].AsString);
        var targets = raw.GetCollection("targets");
        foreach (var target in targets.FindAll().ToList())
        {
            var document = byId[target["d"].AsString];
            target["f"] = document["SourceName"];
            target["rg"] = document["Metadata"]["Region"];
            target["pv"] = document["Metadata"]["Province"];
            target["py"] = document["Metadata"]["Year"];
            if (!target.ContainsKey("xv"))
            {
                (target["xv"], target["xa"]) = (document["ExtractorVersion"], document["IngestedAt"]);
            }

            foreach (var (name, empty) in new (string, LiteDB.BsonValue)[] { ("st", false), ("ver", 0), ("rf", new LiteDB.BsonArray()), ("r", new LiteDB.BsonArray()) })
            {
                if (!target.ContainsKey(name))
                {
                    target[name] = empty;
                }
            }

            targets.Update(target);
        }

        foreach (var document in byId.Values)
        {
            document.Remove("Categories");
            documents.Update(document);
        }
    }

    /// <summary>Turns the target packs of schema v5 back into one record per target, as schema v1–v4 stored them (this build
    /// writes packs whatever the schema version, so a test builds an older file by writing with it and unpacking).</summary>
    public static void UnpackTargets(string path)
    {
        using var raw = new LiteDB.LiteDatabase(path);
        var targets = raw.GetCollection("targets");
        var packs = raw.GetCollection(PolicyMiner.Storage.Entities.TargetPack.Collection);
        foreach (var pack in packs.FindAll().ToList())
        {
            targets.Insert(PolicyMiner.Storage.Entities.TargetPack.DecodeRaw(pack, id => StoredText(raw, id)));
        }

        raw.DropCollection(PolicyMiner.Storage.Entities.TargetPack.Collection);
        raw.DropCollection(PolicyMiner.Storage.Entities.TargetPack.Homes);
        var documents = raw.GetCollection("documents");
        foreach (var document in documents.FindAll().ToList())
        {
            document.Remove("Key");
            documents.Update(document);
        }
    }

    /// <summary>The text of a document as a raw database stores it (one stream with the layout since v7, its own stream in v5
    /// and v6, a plain string before).</summary>
    public static string StoredText(LiteDB.LiteDatabase raw, string documentId)
    {
        var record = raw.GetCollection("contents").FindById(documentId);
        if (record?["Packed"] is not { IsBinary: true } packed)
        {
            return record?["Text"] is { IsString: true } text ? text.AsString : "";
        }

        var bytes = PolicyMiner.Storage.Entities.PackedLayout.Decompress(packed.AsBinary);
        return System.Text.Encoding.UTF8.GetString(bytes, 0, record["tb"] is { IsNumber: true } textBytes ? textBytes.AsInt32 : bytes.Length);
    }

    /// <summary>Writes every target's quote into its pack, as schema v5–v7 stored them (this build leaves out a quote that is
    /// the document's text at the target's offsets, whatever the schema version).</summary>
    public static void QuotesBack(string path)
    {
        using var raw = new LiteDB.LiteDatabase(path);
        var packs = raw.GetCollection(PolicyMiner.Storage.Entities.TargetPack.Collection);
        var mapper = PolicyMiner.Storage.Entities.StoreMapper.Create();
        foreach (var pack in packs.FindAll().ToList())
        {
            var targets = PolicyMiner.Storage.Entities.TargetPack.Decode(mapper, pack, id => StoredText(raw, id));
            pack[PolicyMiner.Storage.Entities.TargetPack.Data] = PolicyMiner.Storage.Entities.TargetPack.Encode(targets, pack["_id"].AsInt32, text: null);
            packs.Update(pack);
        }
    }

    /// <summary>Moves the compressed sections and diagnostics of schema v5 back into plain lists on each content record.</summary>
    public static void UnpackLayout(string path)
    {
        SeparateLayout(path);
        using var raw = new LiteDB.LiteDatabase(path);
        var contents = raw.GetCollection("contents");
        foreach (var record in contents.FindAll().ToList())
        {
            if (record["Layout"] is { IsBinary: true } layout)
            {
                var unpacked = LiteDB.BsonSerializer.Deserialize(PolicyMiner.Storage.Entities.PackedLayout.Decompress(layout.AsBinary));
                record["Sections"] = new LiteDB.BsonArray(unpacked["s"].AsArray.Select(v => v.AsArray).Select(s => new LiteDB.BsonDocument
                {
                    ["Level"] = s[0], ["Number"] = s[1], ["Heading"] = s[2], ["Start"] = s[3], ["End"] = s[4],
                }));
                record["Diagnostics"] = new LiteDB.BsonArray();
                record.Remove("Layout");
                contents.Update(record);
            }
        }
    }

    /// <summary>Gives every text its own compressed stream and the sections and diagnostics theirs, as schema v5 and v6
    /// wrote them (this build writes them in one stream whatever the schema version); texts of one piece only.</summary>
    public static void SeparateLayout(string path)
    {
        using var raw = new LiteDB.LiteDatabase(path);
        var contents = raw.GetCollection("contents");
        foreach (var record in contents.FindAll().ToList())
        {
            if (record["tb"] is { IsNumber: true } textBytes)
            {
                var bytes = PolicyMiner.Storage.Entities.PackedLayout.Decompress(record["Packed"].AsBinary);
                record["Packed"] = PolicyMiner.Storage.Entities.PackedLayout.Compress(bytes.AsSpan(0, textBytes.AsInt32));
                if (bytes.Length > textBytes.AsInt32)
                {
                    record["Layout"] = PolicyMiner.Storage.Entities.PackedLayout.Compress(bytes.AsSpan(textBytes.AsInt32));
                }

                record["Text"] = "";
                record["Chunks"] = 0;
                record.Remove("tb");
                contents.Update(record);
            }
        }
    }

    public static void RenameTargetFieldsBack(string path)
    {
        var back = PolicyMiner.Storage.Entities.TargetBson.Renames.ToDictionary(r => r.Value, r => r.Key, StringComparer.Ordinal);
        using var raw = new LiteDB.LiteDatabase(path);
        var targets = raw.GetCollection("targets");
        foreach (var target in targets.FindAll().ToList())
        {
            var old = new LiteDB.BsonDocument { ["_id"] = target["_id"] };
            foreach (var (name, value) in target)
            {
                if (name != "_id")
                {
                    old[back[name]] = value;
                }
            }

            targets.Update(old);
        }
    }
}

/// <summary>A database file in a fresh temporary folder, deleted with the folder.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pm-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string Path => System.IO.Path.Combine(Folder, "test.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
