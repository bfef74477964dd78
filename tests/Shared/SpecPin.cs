using System.Globalization;

namespace PolicyMiner.Tests.Shared;

/// <summary>The <c>&lt;!-- prefix N --&gt;</c> line that pins how many examples or rows a spec file holds, so a dropped one fails.</summary>
internal static class SpecPin
{
    /// <summary>The pinned count of <paramref name="line"/> (which starts with <paramref name="prefix"/>); -1 and an error when malformed.</summary>
    public static int Parse(string line, string prefix, string file, int number, List<string> errors)
    {
        var end = line.IndexOf("-->", StringComparison.Ordinal);
        var value = end < 0 ? "" : line[prefix.Length..end].Trim();
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }

        errors.Add($"{file}:{number}: malformed pin '{line}' (write '{prefix} N -->')");
        return -1;
    }
}
