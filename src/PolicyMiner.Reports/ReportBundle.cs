using PolicyMiner.Core.Indicators;
using PolicyMiner.Reports.Comparison;
using PolicyMiner.Reports.Export;
using PolicyMiner.Storage;

namespace PolicyMiner.Reports;

/// <summary>The files <c>policyminer run</c> leaves in its output folder, and what went into them.</summary>
/// <param name="Files">Full paths of the files written: report.html, report.xlsx, targets.csv, targets.jsonl.</param>
public sealed record ReportBundleResult(IReadOnlyList<string> Files, int Documents, int Targets, int Indicators, int Unmatched, int DocumentsWithoutTargets);

/// <summary>Writes the whole set of reports for a store into one folder: comparison HTML and XLSX, CSV and JSONL exports.</summary>
public static class ReportBundle
{
    /// <summary>Writes report.html, report.xlsx, targets.csv and targets.jsonl into <paramref name="folder"/> (created if needed).</summary>
    /// <remarks>Each file is written to a temporary name first and renamed, so a failure never leaves half a file.</remarks>
    public static ReportBundleResult Write(IPolicyStore store, string folder, IndicatorTaxonomy taxonomy, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(taxonomy);
        Directory.CreateDirectory(folder);
        var documents = StoreReportSource.Documents(store);
        var rows = StoreReportSource.Rows(store);
        var builder = new ComparisonReportBuilder(taxonomy) { Provenance = ReportProvenance.Now(store.Location) }.AddDocuments(documents).AddRows(rows);
        if (title is not null)
        {
            builder.Title = title;
        }

        var report = builder.Build();
        var files = new List<string>
        {
            WriteFile(Path.Combine(folder, "report.html"), report.WriteHtml),
            WriteFile(Path.Combine(folder, "report.xlsx"), report.WriteXlsx),
            WriteFile(Path.Combine(folder, "targets.csv"), s => TargetExporter.Write(ExportFormat.Csv, rows, s, taxonomy)),
            WriteFile(Path.Combine(folder, "targets.jsonl"), s => TargetExporter.Write(ExportFormat.Jsonl, rows, s, taxonomy)),
        };
        return new ReportBundleResult(
            files,
            documents.Count,
            rows.Count,
            report.Sections.Count,
            report.Unmatched.Count,
            report.DocumentsWithoutTargets.Count);
    }

    /// <summary>Writes through a temporary file next to <paramref name="path"/> and renames it into place; returns the full path.</summary>
    public static string WriteFile(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { Length: > 0 } parent)
        {
            Directory.CreateDirectory(parent);
        }

        var temporary = full + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return full;
    }
}
