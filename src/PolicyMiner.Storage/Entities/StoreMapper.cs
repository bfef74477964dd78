using System.Collections.Frozen;
using LiteDB;
using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Targets;
using PolicyMiner.Core.Text;

namespace PolicyMiner.Storage.Entities;

/// <summary>The BSON mapping of the store's entities and the conversions between them and the Core records.</summary>
/// <remarks>Core stays free of LiteDB: only these entity classes are serialised.</remarks>
internal static class StoreMapper
{
    /// <summary>A mapper for one database; a new instance each time so no global mapper state is shared.</summary>
    /// <remarks>Document records keep categories and extractor versions as codes of <paramref name="names"/>, which the
    /// caller attaches to the database it opens with this mapper (<see cref="Open"/>).</remarks>
    public static StoreBsonMapper Create(StoreNames? names = null)
    {
        var mapper = new StoreBsonMapper(names ?? new StoreNames())
        {
            // Quotes and units are kept exactly as written: "" is not null and whitespace is data.
            EmptyStringToNull = false,
            TrimWhitespace = false,
            SerializeNullValues = false,
            EnumAsInteger = false,
        };
        mapper.Entity<DocumentEntity>().Id(x => x.Id, autoId: false);
        mapper.Entity<DocumentContentEntity>().Id(x => x.Id, autoId: false);
        mapper.Entity<ContentChunkEntity>().Id(x => x.Id, autoId: false);
        mapper.Entity<TargetEntity>().Id(x => x.Id);
        mapper.Entity<IngestRunEntity>().Id(x => x.Id);
        mapper.Entity<IngestErrorEntity>().Id(x => x.Id);
        var table = mapper.Names;
        mapper.RegisterType<CategoryNames>(
            categories => new BsonArray(categories.Names.Select(name => new BsonValue(table.Code(StoreNames.Category, name)))),
            value => new CategoryNames(value.IsArray ? [.. value.AsArray.Select(table.NameOf)] : []));
        mapper.RegisterType<ExtractorName>(
            version => new BsonValue(table.Code(StoreNames.Extractor, version.Name)),
            value => new ExtractorName(table.NameOf(value)));
        return mapper;
    }

    /// <summary>A LiteDB engine on <paramref name="connection"/> with this store's mapper and its names table attached.</summary>
    public static LiteDatabase Open(ConnectionString connection)
    {
        var mapper = Create();
        var db = new LiteDatabase(connection, mapper);
        mapper.Names.Attach(db);
        return db;
    }

    /// <summary>The names table of a database opened by <see cref="Open"/>.</summary>
    public static StoreNames NamesOf(ILiteDatabase db) =>
        (db.Mapper as StoreBsonMapper)?.Names ?? throw new InvalidOperationException("the database was not opened with the store's mapper");

    public static DocumentEntity ToEntity(PolicyDocument document, int targetCount, string extractorVersion, DateTime now, int runId) => new()
    {
        Id = document.ContentHash,
        SourceName = document.SourceName,
        SourcePath = SourcePathOf(document),
        Format = document.Format.ToString().ToLowerInvariant(),
        Encoding = document.Encoding,
        Metadata = new MetadataEntity
        {
            Title = document.Metadata.Title,
            Issuer = document.Metadata.Issuer,
            DocNumber = document.Metadata.DocNumber,
            Region = document.Metadata.Region,
            Province = document.Metadata.Province,
            Year = document.Metadata.Year,
            Date = document.Metadata.Date?.ToString("yyyy-MM-dd"),
            Published = document.Metadata.Published?.ToString("yyyy-MM-dd"),
            Uploaded = document.Metadata.Uploaded?.ToString("yyyy-MM-dd"),
            IndexNumber = document.Metadata.IndexNumber,
        },
        SectionCount = document.Sections.Count,
        DiagnosticCount = document.Diagnostics.Count,
        TextLength = document.Text.Length,
        TargetCount = targetCount,
        ExtractorVersion = extractorVersion,
        IngestedAt = now,
        RunId = runId,
        Fingerprint = document.Fingerprint?.Exact,
        MinHash = document.Fingerprint?.MinHashText,
    };

    public static DocumentContentEntity ToContent(PolicyDocument document, byte[] packed, int chunks) => new()
    {
        Id = document.ContentHash,
        Packed = packed,
        Chunks = chunks,
        Sections = [.. document.Sections.Select(s => new SectionEntity
        {
            Level = s.Level,
            Number = s.Number,
            Heading = s.Heading,
            Start = s.Span.Start,
            End = s.Span.End,
        })],
        Diagnostics = [.. document.Diagnostics.Select(d => new DiagnosticEntity
        {
            Code = d.Code,
            Severity = d.Severity.ToString().ToLowerInvariant(),
            Message = d.Message,
            Start = d.Span?.Start,
            End = d.Span?.End,
        })],
    };

    /// <summary>The path a document is known by: its full source path, or its name when it did not come from a file.</summary>
    public static string SourcePathOf(PolicyDocument document) =>
        document.SourcePath is { Length: > 0 } path ? Path.GetFullPath(path) : document.SourceName;

    public static DocumentSummary ToSummary(DocumentEntity entity) => new(
        entity.Id,
        entity.SourceName,
        entity.SourcePath,
        Enum.TryParse<DocumentFormat>(entity.Format, ignoreCase: true, out var format) ? format : DocumentFormat.Txt,
        entity.Encoding,
        new DocumentMetadata(
            entity.Metadata.Title,
            entity.Metadata.Issuer,
            entity.Metadata.DocNumber,
            entity.Metadata.Region,
            entity.Metadata.Province,
            entity.Metadata.Year,
            DateOnly.TryParseExact(entity.Metadata.Date, "yyyy-MM-dd", out var date) ? date : null,
            DateOnly.TryParseExact(entity.Metadata.Published, "yyyy-MM-dd", out var published) ? published : null,
            DateOnly.TryParseExact(entity.Metadata.Uploaded, "yyyy-MM-dd", out var uploaded) ? uploaded : null,
            entity.Metadata.IndexNumber),
        entity.TextLength,
        entity.TargetCount,
        entity.ExtractorVersion,
        entity.IngestedAt);

    public static StoredDocument ToStored(DocumentEntity entity, DocumentContentEntity? content, string text) => new(
        ToSummary(entity),
        text,
        content is null ? [] : [.. content.Sections.Select(s => new Section(s.Level, s.Number, s.Heading, new TextSpan(s.Start, s.End)))],
        content is null ? [] : [.. content.Diagnostics.Select(d => new Diagnostic(
            d.Code,
            Enum.TryParse<DiagnosticSeverity>(d.Severity, ignoreCase: true, out var severity) ? severity : DiagnosticSeverity.Info,
            d.Message,
            d.Start is { } start && d.End is { } end ? new TextSpan(start, end) : null))]);

    public static TargetEntity ToEntity(PolicyTarget target, PolicyDocument document, string extractorVersion, DateTime now)
    {
        var entity = new TargetEntity
        {
            Id = ObjectId.NewObjectId(),
            ExtractorVersion = extractorVersion,
            ExtractedAt = now,
            ReviewState = Name(ReviewState.Unreviewed),
            DocumentExtraction = (extractorVersion, now),
        };
        CopyFields(target, entity);
        AttachTo(entity, document);
        return entity;
    }

    /// <summary>Fills in what a target read from LiteDB takes from its document (schema v4 stores it once, on the document).</summary>
    public static void Inherit(TargetEntity entity, DocumentEntity document)
    {
        entity.Doc = document.SourceName;
        entity.Region = document.Metadata.Region;
        entity.Province = document.Metadata.Province;
        entity.PlanYear = document.Metadata.Year;
        if (entity.ExtractorVersion.Length == 0)
        {
            (entity.ExtractorVersion, entity.ExtractedAt) = (document.ExtractorVersion, document.IngestedAt);
        }
    }

    /// <summary>Points a target at a document and copies the document's filterable metadata onto it.</summary>
    public static void AttachTo(TargetEntity entity, PolicyDocument document)
    {
        entity.DocumentId = document.ContentHash;
        entity.Doc = document.SourceName;
        entity.Region = document.Metadata.Region;
        entity.Province = document.Metadata.Province;
        entity.PlanYear = document.Metadata.Year;
    }

    /// <summary>Copies every extracted field of <paramref name="target"/> onto <paramref name="entity"/>.</summary>
    /// <summary>Records a verdict given outside the review app (<c>IPolicyStore.Review</c>): the correction's fields (the
    /// target keeps its document), the review state, and every field pinned against re-extraction, as the whole record is now
    /// the reviewer's; the version moves on.</summary>
    public static void ApplyReview(TargetEntity entity, TargetReview review, PolicyTarget? correction)
    {
        if (correction is not null)
        {
            var (documentId, doc) = (entity.DocumentId, entity.Doc);
            CopyFields(correction, entity);
            (entity.DocumentId, entity.Doc) = (documentId, doc);
        }

        entity.ReviewState = Name(review.State);
        entity.Reviewer = review.Reviewer;
        entity.ReviewedAt = review.ReviewedAt ?? (review.State == ReviewState.Unreviewed ? null : DateTime.UtcNow);
        entity.ReviewNote = review.Note;
        entity.ReviewedFields = review.State == ReviewState.Unreviewed ? [] : [.. Reviewing.TargetFields.All];
        entity.Version++;
    }

    public static void CopyFields(PolicyTarget target, TargetEntity entity)
    {
        entity.Doc = target.Doc;
        entity.Quote = target.Quote;
        entity.Start = target.Start;
        entity.End = target.End;
        entity.SourceStart = target.SourceStart;
        entity.SourceEnd = target.SourceEnd;
        entity.Indicator = target.Indicator;
        entity.IndicatorId = target.IndicatorId;
        entity.Category = target.Category;
        entity.Value = target.Value;
        entity.ValueMax = target.ValueMax;
        entity.Unit = target.Unit;
        entity.ValueStd = target.ValueStd;
        entity.UnitStd = target.UnitStd;
        entity.Comparator = target.Comparator.ToSymbol();
        entity.Kind = Name(target.Kind);
        entity.Commitment = Name(target.Commitment);
        entity.Year = target.Year;
        entity.YearText = target.YearText;
        entity.Baseline = target.Baseline;
        entity.Responsible = [.. target.Responsible];
        entity.Confidence = target.Confidence;
    }

    public static PolicyTarget ToTarget(TargetEntity entity) => new()
    {
        Doc = entity.Doc,
        Quote = entity.Quote,
        Start = entity.Start,
        End = entity.End,
        SourceStart = entity.SourceStart,
        SourceEnd = entity.SourceEnd,
        Indicator = entity.Indicator,
        IndicatorId = entity.IndicatorId,
        Category = entity.Category,
        Value = entity.Value,
        ValueMax = entity.ValueMax,
        Unit = entity.Unit,
        ValueStd = entity.ValueStd,
        UnitStd = entity.UnitStd,
        Comparator = ComparatorText.TryParse(entity.Comparator, out var comparator) ? comparator : Comparator.Equal,
        Kind = Enum.TryParse<TargetKind>(entity.Kind, ignoreCase: true, out var kind) ? kind : TargetKind.Level,
        Commitment = Enum.TryParse<Commitment>(entity.Commitment, ignoreCase: true, out var commitment) ? commitment : Commitment.Plain,
        Year = entity.Year,
        YearText = entity.YearText,
        Baseline = entity.Baseline,
        Responsible = entity.Responsible,
        Confidence = entity.Confidence,
    };

    /// <summary>The target in a raw <c>targets</c> document, mapped by hand (the BSON names are <see cref="TargetBson"/>'s).</summary>
    /// <remarks>Must read every field <see cref="ToTarget(TargetEntity)"/> reads; a Storage test compares the two.</remarks>
    public static PolicyTarget ToTarget(BsonDocument raw, DocumentSummary document, StringPool strings)
    {
        var responsible = raw[TargetBson.Responsible];
        return new PolicyTarget
        {
            // The document's file name (schema v4 stores none per target), one shared instance instead of a copy per target.
            Doc = document.SourceName,
            Quote = String(raw, TargetBson.Quote) ?? "",
            Start = raw[TargetBson.Start].AsInt32,
            End = raw[TargetBson.End].AsInt32,
            SourceStart = raw[TargetBson.SourceStart].AsInt32,
            SourceEnd = raw[TargetBson.SourceEnd].AsInt32,
            Indicator = strings.Get(String(raw, TargetBson.Indicator) ?? ""),
            IndicatorId = strings.Get(String(raw, TargetBson.IndicatorId)),
            Category = strings.Get(String(raw, TargetBson.Category) ?? ""),
            Value = raw[TargetBson.Value].AsDouble,
            ValueMax = Number(raw, TargetBson.ValueMax),
            Unit = strings.Get(String(raw, TargetBson.Unit) ?? ""),
            ValueStd = Number(raw, TargetBson.ValueStd),
            UnitStd = strings.Get(String(raw, TargetBson.UnitStd)),
            Comparator = ComparatorText.TryParse(String(raw, TargetBson.Comparator) ?? "", out var comparator) ? comparator : Comparator.Equal,
            Kind = Enum.TryParse<TargetKind>(String(raw, TargetBson.Kind), ignoreCase: true, out var kind) ? kind : TargetKind.Level,
            Commitment = Enum.TryParse<Commitment>(String(raw, TargetBson.Commitment), ignoreCase: true, out var commitment) ? commitment : Commitment.Plain,
            Year = raw[TargetBson.Year].IsNumber ? raw[TargetBson.Year].AsInt32 : null,
            YearText = strings.Get(String(raw, TargetBson.YearText)),
            Baseline = Number(raw, TargetBson.Baseline),
            Responsible = responsible.IsArray
                ? [.. responsible.AsArray.Select(r => strings.Get(r.AsString)!)]
                : [],
            Confidence = raw[TargetBson.Confidence].AsDouble,
        };
    }

    private static string? String(BsonDocument raw, string name) => raw[name] is { IsString: true } value ? value.AsString : null;

    private static double? Number(BsonDocument raw, string name) => raw[name] is { IsNumber: true } value ? value.AsDouble : null;

    public static StoredTarget ToStored(TargetEntity entity, DocumentSummary document) => new(
        entity.Id.ToString(),
        // The file name is the document's: LiteDB does not store it on each target (schema v4 on).
        ToTarget(entity) with { Doc = document.SourceName },
        document,
        entity.ExtractorVersion.Length > 0 ? entity.ExtractorVersion : document.ExtractorVersion,
        entity.ExtractedAt != default ? entity.ExtractedAt : document.IngestedAt,
        new TargetReview(ParseReviewState(entity.ReviewState), entity.Reviewer, entity.ReviewedAt, entity.ReviewNote),
        entity.Stale)
    {
        Version = entity.Version,
        ReviewedFields = entity.ReviewedFields,
        AddedByEditor = entity.Origin == EditorOrigin,
    };

    /// <summary><see cref="TargetEntity.Origin"/> of a target an editor added or split off.</summary>
    public const string EditorOrigin = "editor";

    /// <summary>The review verdict in a raw <c>targets</c> document.</summary>
    public static TargetReview ReviewOf(BsonDocument raw) => raw[TargetBson.ReviewState] is { IsString: true } state && state.AsString != Name(ReviewState.Unreviewed)
        ? new TargetReview(
            ParseReviewState(state.AsString),
            String(raw, TargetBson.Reviewer),
            raw[TargetBson.ReviewedAt] is { IsDateTime: true } at ? at.AsDateTime : null,
            String(raw, TargetBson.ReviewNote))
        : TargetReview.None;

    public static string Name(ReviewState state) => LowerCaseNames<ReviewState>.Of(state);

    public static ReviewState ParseReviewState(string? name) =>
        Enum.TryParse<ReviewState>(name, ignoreCase: true, out var state) ? state : ReviewState.Unreviewed;

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => LowerCaseNames<TEnum>.Of(value);

    /// <summary>Each value's lower-case name, worked out once: ToString and ToLowerInvariant made two strings per enum
    /// field of every target a batch packs.</summary>
    private static class LowerCaseNames<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly FrozenDictionary<TEnum, string> Names =
            Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(value => value, value => value.ToString().ToLowerInvariant());

        // A value without a name of its own (flags combined, a number out of range) is named as before.
        public static string Of(TEnum value) => Names.TryGetValue(value, out var name) ? name : value.ToString().ToLowerInvariant();
    }
}
