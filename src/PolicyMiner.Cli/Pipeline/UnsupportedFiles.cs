namespace PolicyMiner.Cli.Pipeline;

/// <summary>The lines that name the files of a walk PolicyMiner does not read, so nothing is skipped in silence.</summary>
/// <remarks>
/// A folder of documents often holds many side files of one kind (gold annotations, metadata, images of a web page): a
/// group of more than <see cref="ListedPerGroup"/> files of one type in one folder is one line with its count, so the
/// summary stays readable; smaller groups name each file.
/// </remarks>
public static class UnsupportedFiles
{
    /// <summary>Files of one type in one folder named one by one up to this many.</summary>
    public const int ListedPerGroup = 3;

    /// <summary>One line per file or per folder and type, in folder order; the last line says which types are read.</summary>
    public static IReadOnlyList<string> Lines(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var lines = new List<string>();
        if (files.Count == 0)
        {
            return lines;
        }

        var groups = files
            .GroupBy(f => (Folder: Path.GetDirectoryName(f) ?? "", Extension: Path.GetExtension(f).ToLowerInvariant()))
            .OrderBy(g => g.Key.Folder, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Extension, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var type = group.Key.Extension.Length == 0 ? "no extension" : $"'{group.Key.Extension}'";
            if (group.Count() > ListedPerGroup)
            {
                var pattern = Path.Combine(group.Key.Folder, group.Key.Extension.Length == 0 ? "*" : "*" + group.Key.Extension);
                lines.Add($"  {Escape.Line(pattern)}: {group.Count()} files, unsupported type {type}");
                continue;
            }

            foreach (var file in group.Order(StringComparer.Ordinal))
            {
                lines.Add($"  {Escape.Line(file)}: unsupported type {type}");
            }
        }

        lines.Add($"  (read: {string.Join(' ', Ingest.DocumentReader.SupportedExtensions)})");
        return lines;
    }
}
