using System.Text;
using System.Text.RegularExpressions;

namespace PolicyMiner.Segmentation;

/// <summary>One user dictionary entry; a null frequency lets jieba suggest one (just enough to keep the word whole).</summary>
public sealed record UserWord(string Word, int? Frequency = null, string? Tag = null);

/// <summary>A user dictionary in jieba's format: one "word [frequency] [tag]" per line.</summary>
public static partial class UserDictionary
{
    // JIEBA-COMPAT: re_userdict '^(.+?)( [0-9]+)?( [a-z]+)?$': the word is the shortest prefix that lets the rest be
    // an optional number and an optional lower-case tag, so "foo bar" is the word "foo" tagged "bar".
    [GeneratedRegex("^(?<word>.+?)(?: (?<freq>[0-9]+))?(?: (?<tag>[a-z]+))?$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex EntryPattern();

    /// <summary>Reads a user dictionary file (UTF-8); a bad line fails with the file name and line number.</summary>
    public static IReadOnlyList<UserWord> Load(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        try
        {
            return Parse(reader, path);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException($"{path}: user dictionary must be UTF-8");
        }
    }

    /// <summary>Parses user dictionary lines; <paramref name="sourceName"/> names the source in errors.</summary>
    public static IReadOnlyList<UserWord> Parse(TextReader reader, string sourceName)
    {
        var words = new List<UserWord>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var entry = JiebaCharClasses.TrimAsciiWhitespace(line).TrimStart('\uFEFF');
            if (entry.IsEmpty || entry is "#" || entry.StartsWith("# ", StringComparison.Ordinal))
            {
                // JIEBA-COMPAT: "# ..." comment lines are our extension (Python would add a junk word "#" tagged with
                // the comment's last word); "#话题" without the space is still a word, as in jieba. Blank lines as jieba.
                continue;
            }

            var match = EntryPattern().Match(entry.ToString());
            if (!match.Success)
            {
                throw new InvalidDataException($"{sourceName} line {lineNumber}: cannot read entry '{entry}'");
            }

            int? frequency = null;
            if (match.Groups["freq"].Success)
            {
                if (!int.TryParse(match.Groups["freq"].ValueSpan, System.Globalization.NumberStyles.None, null, out var parsed))
                {
                    throw new InvalidDataException($"{sourceName} line {lineNumber}: frequency too large");
                }

                frequency = parsed;
            }

            words.Add(new UserWord(match.Groups["word"].Value, frequency, match.Groups["tag"].Success ? match.Groups["tag"].Value : null));
        }

        return words;
    }
}
