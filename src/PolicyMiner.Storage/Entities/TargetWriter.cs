using LiteDB;

namespace PolicyMiner.Storage.Entities;

/// <summary>Maps a <see cref="TargetEntity"/> to its BSON record by hand, for the batch writer's inserts.</summary>
/// <remarks>
/// The batch writer inserts every extracted target, and LiteDB's mapper was a sixth of its time: it walks the
/// entity's properties by reflection and grows each record's dictionary one field at a time. This writes exactly
/// what the mapper writes (<see cref="StoreMapper.Create"/>: null values left out, empty strings kept), into a
/// record sized once; a Storage test compares the two on full and default entities. Updates and reads keep the mapper.
/// </remarks>
internal static class TargetWriter
{
    /// <summary>Upper bound of a target record's fields, so its dictionary is allocated once.</summary>
    private const int Fields = 32;

    public static BsonDocument ToBson(TargetEntity target)
    {
        var record = new DocumentFields(new BsonDocument());
        ((Dictionary<string, BsonValue>)record.Document.RawValue).EnsureCapacity(Fields);
        record.Add("_id", target.Id);
        record.Add(TargetBson.DocumentId, target.DocumentId);
        WriteFields(target, record);
        return record.Document;
    }

    /// <summary>Every field of a target after its id and document id, in the order the record keeps them.</summary>
    /// <param name="withQuote">False leaves the quote out (a pack takes it from the document's text, see <see cref="TargetPack"/>).</param>
    public static void WriteFields<TFields>(TargetEntity target, TFields record, bool withQuote = true)
        where TFields : IBsonFields
    {
        if (withQuote)
        {
            record.Add(TargetBson.Quote, target.Quote);
        }

        record.Add(TargetBson.Start, target.Start);
        record.Add(TargetBson.End, target.End);
        record.Add(TargetBson.SourceStart, target.SourceStart);
        record.Add(TargetBson.SourceEnd, target.SourceEnd);
        record.Add(TargetBson.Indicator, target.Indicator);
        Optional(record, TargetBson.IndicatorId, target.IndicatorId);
        record.Add(TargetBson.Category, target.Category);
        record.Add(TargetBson.Value, target.Value);
        Optional(record, TargetBson.ValueMax, target.ValueMax);
        record.Add(TargetBson.Unit, target.Unit);
        Optional(record, TargetBson.ValueStd, target.ValueStd);
        Optional(record, TargetBson.UnitStd, target.UnitStd);
        record.Add(TargetBson.Comparator, target.Comparator);
        record.Add(TargetBson.Kind, target.Kind);
        record.Add(TargetBson.Commitment, target.Commitment);
        Optional(record, TargetBson.Year, target.Year);
        Optional(record, TargetBson.YearText, target.YearText);
        Optional(record, TargetBson.Baseline, target.Baseline);
        if (target.StoredResponsible is { } responsible)
        {
            record.Add(TargetBson.Responsible, responsible);
        }

        record.Add(TargetBson.Confidence, target.Confidence);
        Optional(record, TargetBson.ExtractorVersion, target.StoredExtractorVersion);
        if (target.StoredExtractedAt is { } extractedAt)
        {
            record.Add(TargetBson.ExtractedAt, extractedAt);
        }

        record.Add(TargetBson.ReviewState, target.ReviewState);
        Optional(record, TargetBson.Reviewer, target.Reviewer);
        if (target.ReviewedAt is { } reviewedAt)
        {
            record.Add(TargetBson.ReviewedAt, reviewedAt);
        }

        Optional(record, TargetBson.ReviewNote, target.ReviewNote);
        if (target.StoredStale is { } stale)
        {
            record.Add(TargetBson.Stale, stale);
        }

        Optional(record, TargetBson.Version, target.StoredVersion);
        if (target.StoredReviewedFields is { } reviewedFields)
        {
            record.Add(TargetBson.ReviewedFields, reviewedFields);
        }

        Optional(record, TargetBson.Origin, target.Origin);
    }

    private static void Optional<TFields>(TFields record, string name, string? value)
        where TFields : IBsonFields
    {
        if (value is not null)
        {
            record.Add(name, value);
        }
    }

    private static void Optional<TFields>(TFields record, string name, double? value)
        where TFields : IBsonFields
    {
        if (value is { } number)
        {
            record.Add(name, number);
        }
    }

    private static void Optional<TFields>(TFields record, string name, int? value)
        where TFields : IBsonFields
    {
        if (value is { } number)
        {
            record.Add(name, number);
        }
    }

    /// <summary>Fields added to a <see cref="BsonDocument"/>.</summary>
    private readonly struct DocumentFields(BsonDocument document) : IBsonFields
    {
        public BsonDocument Document => document;

        public void Add(string name, ObjectId value) => document[name] = value;

        public void Add(string name, string value) => document[name] = value;

        public void Add(string name, int value) => document[name] = value;

        public void Add(string name, double value) => document[name] = value;

        public void Add(string name, bool value) => document[name] = value;

        public void Add(string name, DateTime value) => document[name] = value;

        public void Add(string name, List<string> values) => document[name] = new BsonArray(values.Select(value => new BsonValue(value)));
    }
}

/// <summary>Where a record's fields go: a <see cref="BsonDocument"/>, or BSON bytes written straight away (<see cref="BsonBytesWriter"/>).</summary>
internal interface IBsonFields
{
    void Add(string name, ObjectId value);

    void Add(string name, string value);

    void Add(string name, int value);

    void Add(string name, double value);

    void Add(string name, bool value);

    void Add(string name, DateTime value);

    void Add(string name, List<string> values);
}
