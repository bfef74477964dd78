namespace PolicyMiner.Extraction.Text;

/// <summary>The content lines of the extractor's data files (the lexicon, the category tables): <c>#</c> starts a comment,
/// blank lines are skipped, each line is trimmed and keeps its 1-based number for error messages.</summary>
internal static class DataFileLines
{
    public static IEnumerable<(int Number, string Line)> Of(string text)
    {
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length > 0)
            {
                yield return (number, line);
            }
        }
    }

    /// <summary>The number of the line after the last one (where a message about the end of the file points).</summary>
    public static int EndLine(string text) => text.AsSpan().Count('\n') + 2;
}
