using LiteDB;
using PolicyMiner.Storage.Entities;

namespace PolicyMiner.Storage.Schema;

/// <summary>The collections of a PolicyMiner database and the ordered migrations that build them.</summary>
/// <remarks>
/// The schema version is LiteDB's <c>USER_VERSION</c> pragma. A new layout appends a migration with the next
/// version number; a database opened by an older build is migrated step by step, one opened by a newer build is refused.
/// </remarks>
internal static class StoreSchema
{
    public const string Documents = "documents";
    public const string Contents = "contents";
    public const string ContentChunks = "content_chunks";
    public const string Targets = "targets";
    public const string IngestRuns = "ingest_runs";
    public const string IngestErrors = "ingest_errors";
    public const string ReviewAudit = "review_audit";

    /// <summary>Every migration, in version order starting at 1.</summary>
    public static IReadOnlyList<StoreMigration> Migrations { get; } =
    [
        new(1, "documents, contents, targets, ingest runs and errors with their indexes", CreateVersion1),
        new(2, "review: audit trail, target versions, review counts per document, confidence index for the review queue", CreateVersion2),
        new(3, "compact targets: short field names, no region index (region filters are OR queries LiteDB cannot index)", CreateVersion3),
        new(4, "targets keep only their own fields (document data stored once), year and category indexes replaced by the documents' category list", CreateVersion4),
        new(5, "a document's targets in one compressed pack keyed by a short document key; no per-target indexes; sections and diagnostics compressed; documents lose the region and file-name indexes no query uses", CreateVersion5,
            db => db.DropCollection(Targets)),
        new(6, "documents with short field names, the text fingerprint and MinHash signature as binary, no empty folded-file lists", CreateVersion6),
        new(7, "documents keep their categories and extractor version as codes of a names table (the category index on codes)", CreateVersion7),
        new(8, "target packs leave out a quote that is the document's text at the target's offsets (taken from the stored text on reading); documents lose the category index", CreateVersion8),
    ];

    /// <summary>Target fields that schema v4 no longer stores: the document's file name, region, province and plan year.</summary>
    private static readonly string[] DocumentFieldsOnTargets = [TargetBson.Doc, TargetBson.Region, TargetBson.Province, TargetBson.PlanYear];

    /// <summary>The version a database has after every migration ran.</summary>
    public static int CurrentVersion => Migrations[^1].Version;

    private static void CreateVersion1(ILiteDatabase db)
    {
        var documents = db.GetCollection<DocumentEntity>(Documents);
        // Named by the fields schema v1 wrote (the entity's names are shorter from v6 on).
        documents.EnsureIndex("SourcePath", "$.SourcePath");
        documents.EnsureIndex("SourceName", "$.SourceName");
        documents.EnsureIndex("region", "$.Metadata.Region");
        documents.EnsureIndex("plan_year", "$.Metadata.Year");

        // Every index costs each of the many target inserts a tree update, so only the filters get one;
        // plan year and indicator id filters scan (the documents' plan_year index still serves plan-year listings).
        var targets = db.GetCollection<TargetEntity>(Targets);
        targets.EnsureIndex(x => x.DocumentId);
        targets.EnsureIndex("Region", "$.Region");
        targets.EnsureIndex(x => x.Year);
        targets.EnsureIndex(x => x.Category);

        db.GetCollection<IngestErrorEntity>(IngestErrors).EnsureIndex(x => x.RunId);
        db.GetCollection<IngestRunEntity>(IngestRuns);
        db.GetCollection<DocumentContentEntity>(Contents);
    }

    private static void CreateVersion2(ILiteDatabase db)
    {
        db.GetCollection<ReviewAuditEntity>(ReviewAudit).EnsureIndex(x => x.TargetId);
        // The review queue walks targets lowest confidence first without sorting them all.
        db.GetCollection<TargetEntity>(Targets).EnsureIndex(x => x.Confidence);

        // Review counts per document, from one pass over the targets (raw BSON: no mapping of fields we do not need).
        var counts = new Dictionary<string, (int Pending, int Accepted, int Corrected, int Rejected, double Min)>(StringComparer.Ordinal);
        var projection = BsonExpression.Create("{ d: $.DocumentId, s: $.ReviewState, c: $.Confidence }");
        foreach (var row in db.GetCollection(Targets).Query().Select(projection).ToEnumerable())
        {
            var id = row["d"].AsString;
            var (pending, accepted, corrected, rejected, min) = counts.GetValueOrDefault(id, (0, 0, 0, 0, 1.0));
            var state = row["s"].IsString ? row["s"].AsString : "";
            switch (state)
            {
                case "accepted": accepted++; break;
                case "corrected": corrected++; break;
                case "rejected": rejected++; break;
                default: pending++; break;
            }

            if (state != "rejected" && row["c"].IsNumber)
            {
                min = Math.Min(min, row["c"].AsDouble);
            }

            counts[id] = (pending, accepted, corrected, rejected, min);
        }

        var documents = db.GetCollection(Documents);
        foreach (var document in documents.FindAll().ToList())
        {
            var (pending, accepted, corrected, rejected, min) = counts.GetValueOrDefault(document["_id"].AsString, (0, 0, 0, 0, 1.0));
            document["Pending"] = pending;
            document["Accepted"] = accepted;
            document["Corrected"] = corrected;
            document["Rejected"] = rejected;
            document["MinConfidence"] = min;
            documents.Update(document);
        }
    }

    /// <summary>Rewrites every target with the short field names of <see cref="TargetBson"/> and rebuilds the target indexes.</summary>
    /// <remarks>
    /// Rewrites targets a thousand at a time, so memory stays flat over 300,000 of them. The target
    /// indexes of v1 and v2 are replaced by the ones the read paths use: document (every per-document read and write), year
    /// (<c>targets --year</c>), category (the documents page's category filter, <c>--category</c>) and confidence (the
    /// review queue's order). Region filters are <c>region OR province</c>, which LiteDB answers by a scan either way.
    /// A field that is already short (or unknown) keeps its name.
    /// </remarks>
    private static void CreateVersion3(ILiteDatabase db)
    {
        // Indexes first: every index of the old names goes (LiteDB would otherwise update them on each rewrite).
        var targets = db.GetCollection(Targets);
        foreach (var index in db.GetCollection("$indexes").Find(BsonExpression.Create("$.collection = @0", new BsonValue(Targets))).ToList())
        {
            if (index["name"].AsString != "_id")
            {
                targets.DropIndex(index["name"].AsString);
            }
        }

        // Rewritten in place, a thousand at a time (collections cannot be dropped or renamed inside the migration's transaction).
        var ids = targets.Query().Select(BsonExpression.Create("{ i: $._id }")).ToEnumerable().Select(r => r["i"]).ToList();
        foreach (var chunk in ids.Chunk(1000))
        {
            foreach (var old in targets.Find(BsonExpression.Create("$._id IN @0", new BsonArray(chunk))).ToList())
            {
                var renamed = new BsonDocument { ["_id"] = old["_id"] };
                foreach (var (name, value) in old)
                {
                    if (name != "_id")
                    {
                        renamed[TargetBson.Renames.GetValueOrDefault(name, name)] = value;
                    }
                }

                targets.Update(renamed);
            }
        }

        var typed = db.GetCollection<TargetEntity>(Targets);
        typed.EnsureIndex(x => x.DocumentId);
        typed.EnsureIndex(x => x.Year);
        typed.EnsureIndex(x => x.Category);
        typed.EnsureIndex(x => x.Confidence);
    }

    /// <summary>
    /// Stores what every target repeated of its document once, on the document, and keeps only the indexes that writes
    /// pay for and reads need.
    /// </summary>
    /// <remarks>
    /// Each target loses its document's file name, region, province and plan year (filled in from the document on
    /// reading; region and plan-year filters go through the documents' indexes), the extractor version and time when
    /// they are its document's, and the fields at their default value
    /// (not stale, version 0, no responsible bodies or reviewed fields), which are absent in new records. Each document
    /// gains the list of its targets' categories with a multi-key index, which serves the review app's category filter
    /// without reading targets. The targets' year and category indexes go: every insert paid for them, and the year and
    /// category filters of <c>targets</c> are served by the document lists or one scan. Rewritten a thousand targets at a time.
    /// </remarks>
    private static void CreateVersion4(ILiteDatabase db)
    {
        var targets = db.GetCollection(Targets);
        foreach (var index in new[] { "y", "c" })
        {
            targets.DropIndex(index);
        }

        var categories = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var ids = new List<BsonValue>();
        var projection = BsonExpression.Create($"{{ i: $._id, d: $.{TargetBson.DocumentId}, c: $.{TargetBson.Category} }}");
        foreach (var row in targets.Query().Select(projection).ToEnumerable())
        {
            ids.Add(row["i"]);
            if (row["d"].IsString)
            {
                if (!categories.TryGetValue(row["d"].AsString, out var set))
                {
                    categories[row["d"].AsString] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(row["c"].IsString ? row["c"].AsString : "");
            }
        }

        var extractions = db.GetCollection(Documents).Query()
            .Select(BsonExpression.Create("{ i: $._id, v: $.ExtractorVersion, a: $.IngestedAt }")).ToEnumerable()
            .ToDictionary(d => d["i"].AsString, d => (Version: d["v"], At: d["a"]), StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(1000))
        {
            foreach (var target in targets.Find(BsonExpression.Create("$._id IN @0", new BsonArray(chunk))).ToList())
            {
                var changed = false;
                foreach (var name in DocumentFieldsOnTargets)
                {
                    changed |= target.Remove(name);
                }

                if (target[TargetBson.DocumentId] is { IsString: true } owner && extractions.TryGetValue(owner.AsString, out var extraction))
                {
                    // The document's extraction is the target's unless it kept its own (a reviewed target carried over).
                    changed |= RemoveIf(target, TargetBson.ExtractorVersion, v => v == extraction.Version);
                    changed |= RemoveIf(target, TargetBson.ExtractedAt, v => v == extraction.At);
                }

                changed |= RemoveIf(target, TargetBson.Stale, v => v.IsBoolean && !v.AsBoolean);
                changed |= RemoveIf(target, TargetBson.Version, v => v.IsNumber && v.AsInt32 == 0);
                changed |= RemoveIf(target, TargetBson.Responsible, v => v.IsArray && v.AsArray.Count == 0);
                changed |= RemoveIf(target, TargetBson.ReviewedFields, v => v.IsArray && v.AsArray.Count == 0);
                if (changed)
                {
                    targets.Update(target);
                }
            }
        }

        var documents = db.GetCollection(Documents);
        foreach (var document in documents.FindAll().ToList())
        {
            var list = categories.TryGetValue(document["_id"].AsString, out var set) ? set.Select(c => new BsonValue(c)) : [];
            document["Categories"] = new BsonArray(list);
            documents.Update(document);
        }

        documents.EnsureIndex("categories", "$.Categories[*]");
    }

    private static bool RemoveIf(BsonDocument record, string name, Func<BsonValue, bool> isDefault) =>
        record.TryGetValue(name, out var value) && isDefault(value) && record.Remove(name);

    /// <summary>
    /// Packs each document's targets into one compressed record keyed by a short document key (<see cref="TargetPack"/>),
    /// and drops the indexes nothing reads.
    /// </summary>
    /// <remarks>
    /// Each document gets a key (1, 2, … in id order) and a pack, possibly empty; targets without a document (kept by a
    /// repair because they were reviewed) get packs of their own. Every target keeps its id (review links, the
    /// audit trail and exported lists name it), so each gets a home (the id → key map), which targets stored later, numbered
    /// by their pack, do not need. The old target records are deleted a thousand at a time. Rerun after a kill before the version bump,
    /// documents that already have a key are left alone. The documents' region index served only <c>region OR province</c>
    /// filters, which LiteDB answers by a scan, and the file-name index only an OR as well: both go. Each text's
    /// sections and diagnostics are packed into its compressed layout (<see cref="PackedLayout"/>).
    /// </remarks>
    private static void CreateVersion5(ILiteDatabase db)
    {
        var targets = db.GetCollection(Targets);
        var packs = db.GetCollection(TargetPack.Collection);
        var homes = db.GetCollection(TargetPack.Homes);
        var documents = db.GetCollection(Documents);

        // Target ids by document, read through the document index before it goes.
        var byDocument = new Dictionary<string, List<BsonValue>>(StringComparer.Ordinal);
        foreach (var row in targets.Query().Select(BsonExpression.Create($"{{ i: $._id, d: $.{TargetBson.DocumentId} }}")).ToEnumerable())
        {
            var owner = row["d"].IsString ? row["d"].AsString : "";
            if (!byDocument.TryGetValue(owner, out var ids))
            {
                byDocument[owner] = ids = [];
            }

            ids.Add(row["i"]);
        }

        var next = TargetPack.MaxKey(packs) + 1;
        var mapper = StoreMapper.Create();
        void Pack(string documentId, int key)
        {
            var entities = new List<TargetEntity>();
            foreach (var chunk in byDocument.GetValueOrDefault(documentId, []).Chunk(1000))
            {
                entities.AddRange(targets.Find(BsonExpression.Create("$._id IN @0", new BsonArray(chunk))).Select(mapper.ToObject<TargetEntity>));
            }

            foreach (var target in entities.Where(t => !TargetPack.IsOwn(t.Id, key)))
            {
                // Every id is kept: review links, the audit trail and exported lists name targets by it.
                homes.Upsert(new BsonDocument { ["_id"] = target.Id, [TargetPack.HomeKey] = key });
            }

            packs.Upsert(TargetPack.Record(key, documentId, TargetPack.Encode(entities, key, text: null), entities.Count));
            byDocument.Remove(documentId);
        }

        foreach (var document in documents.Query().Select(BsonExpression.Create("{ i: $._id, k: $.Key }")).ToEnumerable().ToList())
        {
            if (document["k"] is { IsNumber: true } key && key.AsInt32 > 0)
            {
                continue;
            }

            var id = document["i"].AsString;
            var assigned = next++;
            Pack(id, assigned);
            var record = documents.FindById(id);
            record["Key"] = assigned;
            documents.Update(record);
        }

        foreach (var orphan in byDocument.Keys.ToList())
        {
            Pack(orphan, next++);
        }

        foreach (var index in new[] { "d", "p" })
        {
            targets.DropIndex(index);
        }

        var all = targets.Query().Select(BsonExpression.Create("{ i: $._id }")).ToEnumerable().Select(r => r["i"]).ToList();
        foreach (var chunk in all.Chunk(1000))
        {
            targets.DeleteMany(BsonExpression.Create("$._id IN @0", new BsonArray(chunk)));
        }

        foreach (var index in new[] { "region", "SourceName" })
        {
            documents.DropIndex(index);
        }

        // Sections and diagnostics into the compressed layout, one content record at a time (each holds a text).
        var contents = db.GetCollection(Contents);
        foreach (var id in contents.Query().Select(BsonExpression.Create("{ i: $._id }")).ToEnumerable().Select(r => r["i"]).ToList())
        {
            var record = contents.FindById(id);
            if (record is null || !(record.ContainsKey("Sections") || record.ContainsKey("Diagnostics")))
            {
                continue;
            }

            var content = mapper.ToObject<DocumentContentEntity>(record);
            record.Remove("Sections");
            record.Remove("Diagnostics");
            if (PackedLayout.Pack(content.Sections, content.Diagnostics) is { } layout)
            {
                record["Layout"] = layout;
            }

            contents.Update(record);
        }
    }

    /// <summary>Rewrites every document with the short field names of <see cref="DocumentBson"/> and binary fingerprints,
    /// and rebuilds the documents' indexes on the new names.</summary>
    /// <remarks>
    /// The long names cost each document about 330 bytes and the base64 and hex fingerprints another 120; a smaller record
    /// also leaves less of each page unused (LiteDB stops filling a data page once less than 30% of it is free).
    /// Rewritten a thousand documents at a time; a record that already has the short names is left as it is.
    /// </remarks>
    private static void CreateVersion6(ILiteDatabase db)
    {
        var documents = db.GetCollection(Documents);
        foreach (var index in new[] { "SourcePath", "SourceName", "region", "plan_year", "categories" })
        {
            documents.DropIndex(index);
        }

        var ids = documents.Query().Select(BsonExpression.Create("{ i: $._id }")).ToEnumerable().Select(r => r["i"]).ToList();
        foreach (var chunk in ids.Chunk(1000))
        {
            foreach (var old in documents.Find(BsonExpression.Create("$._id IN @0", new BsonArray(chunk))).ToList())
            {
                if (old.Keys.Any(DocumentBson.Renames.ContainsKey))
                {
                    documents.Update(DocumentBson.Rename(old));
                }
            }
        }

        documents.EnsureIndex("path", $"$.{DocumentBson.SourcePath}");
        documents.EnsureIndex("plan_year", DocumentBson.YearPath);
        documents.EnsureIndex("categories", $"$.{DocumentBson.Categories}[*]");
    }

    /// <summary>Replaces each document's category names and extractor version by codes of the names table
    /// (<see cref="StoreNames"/>), and rebuilds the category index on the codes.</summary>
    /// <remarks>
    /// Every document repeated a version of about 90 bytes and category names of about 180, and the category index held
    /// each name again per document. Rewritten a thousand documents at a time; a record whose values are codes already
    /// (a rerun) is left as it is, and names keep the codes an earlier run gave them.
    /// </remarks>
    private static void CreateVersion7(ILiteDatabase db)
    {
        var names = new StoreNames();
        names.Attach(db);
        var documents = db.GetCollection(Documents);
        documents.DropIndex("categories");
        var ids = documents.Query().Select(BsonExpression.Create("{ i: $._id }")).ToEnumerable().Select(r => r["i"]).ToList();
        foreach (var chunk in ids.Chunk(1000))
        {
            foreach (var document in documents.Find(BsonExpression.Create("$._id IN @0", new BsonArray(chunk))).ToList())
            {
                var changed = false;
                if (document.TryGetValue(DocumentBson.ExtractorVersion, out var version) && version.IsString)
                {
                    document[DocumentBson.ExtractorVersion] = names.Code(StoreNames.Extractor, version.AsString);
                    changed = true;
                }

                if (document.TryGetValue(DocumentBson.Categories, out var categories) && categories.IsArray && categories.AsArray.Any(c => c.IsString))
                {
                    document[DocumentBson.Categories] = new BsonArray(categories.AsArray.Select(c => c.IsString ? new BsonValue(names.Code(StoreNames.Category, c.AsString)) : c));
                    changed = true;
                }

                if (changed)
                {
                    documents.Update(document);
                }
            }
        }

        documents.EnsureIndex("categories", $"$.{DocumentBson.Categories}[*]");
    }

    /// <summary>Drops the documents' category index; packs need no rewrite (a pack written before keeps its quotes, which
    /// readers take as they are), the version tells an older PolicyMiner that it cannot read the new packs.</summary>
    /// <remarks>
    /// A document lists about ten categories, so the multi-key index cost each document written ten index inserts: about 30 % of
    /// the single writer's CPU and 7 % of the database in <c>bench ingest</c>. Only the review app's category filter used it,
    /// and that filter reads the documents' own lists in one pass, as its region filter always did.
    /// </remarks>
    private static void CreateVersion8(ILiteDatabase db) => db.GetCollection(Documents).DropIndex("categories");
}
