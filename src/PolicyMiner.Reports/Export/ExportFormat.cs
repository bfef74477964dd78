namespace PolicyMiner.Reports.Export;

/// <summary>The file formats targets can be exported to.</summary>
public enum ExportFormat
{
    /// <summary>UTF-8 CSV with a byte-order mark, so Excel shows the Chinese text.</summary>
    Csv,

    /// <summary>One Excel sheet.</summary>
    Xlsx,

    /// <summary>One JSON object per line, snake_case like every PolicyMiner output.</summary>
    Jsonl,
}

/// <summary>Names of <see cref="ExportFormat"/> on the command line and as file extensions.</summary>
public static class ExportFormats
{
    /// <summary>Parses "csv", "xlsx" or "jsonl" (any case).</summary>
    public static bool TryParse(string? text, out ExportFormat format)
    {
        switch (text?.Trim().TrimStart('.').ToUpperInvariant())
        {
            case "CSV":
                format = ExportFormat.Csv;
                return true;
            case "XLSX":
                format = ExportFormat.Xlsx;
                return true;
            case "JSONL":
            case "NDJSON":
                format = ExportFormat.Jsonl;
                return true;
            default:
                format = default;
                return false;
        }
    }

    /// <summary>The format a file name's extension implies, if any.</summary>
    public static bool TryFromPath(string path, out ExportFormat format) => TryParse(Path.GetExtension(path), out format);
}
