namespace PolicyMiner.Reports.Comparison;

/// <summary>
/// A comparison of targets across regions and years, per canonical indicator: built by <see cref="ComparisonReportBuilder"/>,
/// written as self-contained HTML or as XLSX.
/// </summary>
/// <remarks>Immutable once built; writing it several times gives the same bytes for HTML.</remarks>
public sealed class ComparisonReport
{
    private readonly IReadOnlyDictionary<string, int> _targetCounts;

    internal ComparisonReport(
        string title,
        IReadOnlyList<IndicatorSection> sections,
        IReadOnlyList<ReportRow> unmatched,
        IReadOnlyList<ReportDocument> documents,
        IReadOnlyList<ReportDocument> documentsWithoutTargets,
        IReadOnlyDictionary<string, int> targetCounts,
        ReportProvenance provenance)
    {
        Provenance = provenance;
        Title = title;
        Sections = sections;
        Unmatched = unmatched;
        Documents = documents;
        DocumentsWithoutTargets = documentsWithoutTargets;
        _targetCounts = targetCounts;
    }

    /// <summary>When, by which version and from which database the report was made.</summary>
    public ReportProvenance Provenance { get; }

    /// <summary>Report title.</summary>
    public string Title { get; }

    /// <summary>One section per canonical indicator that has targets, in taxonomy order.</summary>
    public IReadOnlyList<IndicatorSection> Sections { get; }

    /// <summary>Selected targets that match no canonical indicator.</summary>
    public IReadOnlyList<ReportRow> Unmatched { get; }

    /// <summary>Every document, by region, plan year and name.</summary>
    public IReadOnlyList<ReportDocument> Documents { get; }

    /// <summary>Documents from which no target was extracted.</summary>
    public IReadOnlyList<ReportDocument> DocumentsWithoutTargets { get; }

    /// <summary>The section of an indicator, or null when it has no targets in this report.</summary>
    public IndicatorSection? Section(string indicatorId) =>
        Sections.FirstOrDefault(s => string.Equals(s.Indicator.Id, indicatorId, StringComparison.Ordinal));

    /// <summary>Number of targets extracted from a document (before any category or indicator filter).</summary>
    public int TargetCount(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return _targetCounts.GetValueOrDefault(document.Id);
    }

    /// <summary>Writes the report as one self-contained HTML page (inline CSS and scripts, charts drawn by the browser, no external resources).</summary>
    public void WriteHtml(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        HtmlReportWriter.Write(this, output);
    }

    /// <summary>Writes the report as XLSX: an all-targets sheet, then one sheet per indicator.</summary>
    public void WriteXlsx(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        XlsxReportWriter.Write(this, output);
    }
}
