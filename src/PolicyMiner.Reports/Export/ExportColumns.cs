using System.Globalization;
using PolicyMiner.Core.Indicators;
using PolicyMiner.Core.Targets;
using PolicyMiner.Storage;

namespace PolicyMiner.Reports.Export;

/// <summary>One column of the export: its snake_case name and how to read it from a row.</summary>
/// <param name="Name">Header in CSV and XLSX, property name in JSONL.</param>
public sealed record ExportColumn(string Name, Func<ReportRow, IndicatorDefinition?, object?> Read);

/// <summary>The columns of every export, in order: the document's title, region and other metadata, its file and id, the target's id, the target, its quote and offsets, then its review.</summary>
public static class ExportColumns
{
    /// <summary>All columns, the same for CSV, XLSX and JSONL.</summary>
    public static IReadOnlyList<ExportColumn> All { get; } =
    [
        // What a reader looks for first (the document's title and region); the file name and 64-digit id after them.
        new("title", (r, _) => r.Document.Metadata.Title),
        new("region", (r, _) => r.Document.Metadata.Region),
        new("province", (r, _) => r.Document.Metadata.Province),
        new("plan_year", (r, _) => r.Document.Metadata.Year),
        new("issue_date", (r, _) => r.Document.Metadata.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("issuer", (r, _) => r.Document.Metadata.Issuer),
        new("doc_number", (r, _) => r.Document.Metadata.DocNumber),
        new("doc", (r, _) => r.Document.Name),
        new("doc_id", (r, _) => r.Document.Id),
        // The same text from other files (another format, a copy), folded into this document and counted once.
        new("other_sources", (r, _) => string.Join("；", r.Document.OtherSources)),
        new("target_id", (r, _) => r.TargetId),
        new("indicator_id", (_, i) => i?.Id),
        new("indicator_name", (_, i) => i?.Name),
        new("indicator", (r, _) => r.Target.Indicator),
        new("category", (r, _) => r.Target.Category),
        new("value", (r, _) => r.Target.Value),
        new("value_max", (r, _) => r.Target.ValueMax),
        new("unit", (r, _) => r.Target.Unit),
        new("value_std", (r, _) => r.Target.ValueStd),
        new("unit_std", (r, _) => r.Target.UnitStd),
        new("comparator", (r, _) => r.Target.Comparator.ToSymbol()),
        new("kind", (r, _) => r.Target.Kind.ToString().ToLowerInvariant()),
        new("commitment", (r, _) => r.Target.Commitment.ToString().ToLowerInvariant()),
        new("year", (r, _) => r.Target.Year),
        new("year_text", (r, _) => r.Target.YearText),
        new("baseline", (r, _) => r.Target.Baseline),
        new("responsible", (r, _) => string.Join("；", r.Target.Responsible)),
        new("confidence", (r, _) => r.Target.Confidence),
        new("quote", (r, _) => r.Target.Quote),
        new("start", (r, _) => r.Target.Start),
        new("end", (r, _) => r.Target.End),
        new("review_state", (r, _) => (r.Review?.State ?? ReviewState.Unreviewed).ToString().ToLowerInvariant()),
        new("reviewed_by", (r, _) => r.Review?.Reviewer),
        new("reviewed_at", (r, _) => r.Review?.ReviewedAt is { } at ? at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : null),
    ];
}
