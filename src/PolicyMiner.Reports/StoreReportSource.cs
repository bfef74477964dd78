using PolicyMiner.Storage;

namespace PolicyMiner.Reports;

/// <summary>Reads report inputs from a <see cref="IPolicyStore"/>: documents with metadata, targets with their documents.</summary>
public static class StoreReportSource
{
    /// <summary>The report view of a stored document.</summary>
    /// <param name="otherSources">Files folded into it as duplicates (full paths); none when null.</param>
    public static ReportDocument ToReportDocument(DocumentSummary summary, IReadOnlyList<string>? otherSources = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new ReportDocument(summary.Id, summary.SourceName, summary.Metadata) { SourcePath = summary.SourcePath, OtherSources = otherSources ?? [] };
    }

    /// <summary>Every stored document, targets or not, with the files folded into it.</summary>
    public static IReadOnlyList<ReportDocument> Documents(IPolicyStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var folded = store.FoldedSources();
        return [.. store.Documents().Select(d => ToReportDocument(d, folded.GetValueOrDefault(d.Id)))];
    }

    /// <summary>Stored targets matching <paramref name="query"/> (all but rejected ones by default), each with its document, id and review.</summary>
    /// <remarks>Corrections are stored on the target itself, so every row carries the corrected values.</remarks>
    public static IReadOnlyList<ReportRow> Rows(IPolicyStore store, TargetQuery? query = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var documents = new Dictionary<string, ReportDocument>(StringComparer.Ordinal);
        var folded = store.FoldedSources();
        var stored = store.ReadTargets(query ?? TargetQuery.All);
        var rows = new ReportRow[stored.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = stored[i];
            var (summary, target) = row;
            if (!documents.TryGetValue(summary.Id, out var document))
            {
                documents[summary.Id] = document = ToReportDocument(summary, folded.GetValueOrDefault(summary.Id));
            }

            rows[i] = new ReportRow(document, target) { TargetId = row.TargetId, Review = row.Review };
        }

        return rows;
    }
}
