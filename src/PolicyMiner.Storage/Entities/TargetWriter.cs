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
        var record = new BsonDocument();
        ((Dictionary<string, BsonValue>)record.RawValue).EnsureCapacity(Fields);
        record["_id"] = target.Id;
        record[TargetBson.DocumentId] = target.DocumentId;
        record[TargetBson.Quote] = target.Quote;
        record[TargetBson.Start] = target.Start;
        record[TargetBson.End] = target.End;
        record[TargetBson.SourceStart] = target.SourceStart;
        record[TargetBson.SourceEnd] = target.SourceEnd;
        record[TargetBson.Indicator] = target.Indicator;
        Optional(record, TargetBson.IndicatorId, target.IndicatorId);
        record[TargetBson.Category] = target.Category;
        record[TargetBson.Value] = target.Value;
        Optional(record, TargetBson.ValueMax, target.ValueMax);
        record[TargetBson.Unit] = target.Unit;
        Optional(record, TargetBson.ValueStd, target.ValueStd);
        Optional(record, TargetBson.UnitStd, target.UnitStd);
        record[TargetBson.Comparator] = target.Comparator;
        record[TargetBson.Kind] = target.Kind;
        record[TargetBson.Commitment] = target.Commitment;
        Optional(record, TargetBson.Year, target.Year);
        Optional(record, TargetBson.YearText, target.YearText);
        Optional(record, TargetBson.Baseline, target.Baseline);
        if (target.StoredResponsible is { } responsible)
        {
            record[TargetBson.Responsible] = Strings(responsible);
        }

        record[TargetBson.Confidence] = target.Confidence;
        Optional(record, TargetBson.ExtractorVersion, target.StoredExtractorVersion);
        if (target.StoredExtractedAt is { } extractedAt)
        {
            record[TargetBson.ExtractedAt] = extractedAt;
        }

        record[TargetBson.ReviewState] = target.ReviewState;
        Optional(record, TargetBson.Reviewer, target.Reviewer);
        if (target.ReviewedAt is { } reviewedAt)
        {
            record[TargetBson.ReviewedAt] = reviewedAt;
        }

        Optional(record, TargetBson.ReviewNote, target.ReviewNote);
        if (target.StoredStale is { } stale)
        {
            record[TargetBson.Stale] = stale;
        }

        Optional(record, TargetBson.Version, target.StoredVersion);
        if (target.StoredReviewedFields is { } reviewedFields)
        {
            record[TargetBson.ReviewedFields] = Strings(reviewedFields);
        }

        Optional(record, TargetBson.Origin, target.Origin);
        return record;
    }

    private static void Optional(BsonDocument record, string name, string? value)
    {
        if (value is not null)
        {
            record[name] = value;
        }
    }

    private static void Optional(BsonDocument record, string name, double? value)
    {
        if (value is { } number)
        {
            record[name] = number;
        }
    }

    private static void Optional(BsonDocument record, string name, int? value)
    {
        if (value is { } number)
        {
            record[name] = number;
        }
    }

    private static BsonArray Strings(List<string> values) => new(values.Select(value => new BsonValue(value)));
}
