using System.Collections.Frozen;
using System.Reflection;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Lexicon;

/// <summary>The extraction vocabulary as data: named word classes read from <c>Lexicon/lexicon.txt</c> (embedded), loaded once.</summary>
/// <remarks>A new phrasing is one line in the data file plus one spec example. Format: <c>[class-name]</c> opens a class, every
/// other non-blank line is one word of it, <c>#</c> starts a comment. Immutable and thread-safe.</remarks>
public sealed class WordLexicon
{
    private readonly FrozenDictionary<string, WordClass> _classes;

    private WordLexicon(FrozenDictionary<string, WordClass> classes) => _classes = classes;

    /// <summary>The lexicon shipped with the extractor.</summary>
    public static WordLexicon Default { get; } = LoadEmbedded();

    /// <summary>Every class name, for diagnostics and tests.</summary>
    public IEnumerable<string> ClassNames => _classes.Keys;

    /// <summary>The class named <paramref name="name"/>; a missing class is a programmer error and throws.</summary>
    public WordClass this[string name] =>
        _classes.TryGetValue(name, out var c) ? c : throw new KeyNotFoundException($"lexicon has no word class [{name}]");

    /// <summary>Parses lexicon text; a word outside a class, an empty class or a repeated class name throws with the line number.</summary>
    public static WordLexicon Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var classes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        string? currentName = null;
        foreach (var (lineNo, line) in DataFileLines.Of(text))
        {
            if (line[0] == '[' && line[^1] == ']')
            {
                Close(currentName, current, lineNo);
                currentName = line[1..^1].Trim();
                if (!classes.TryAdd(currentName, current = []))
                {
                    throw new FormatException($"lexicon line {lineNo}: class [{currentName}] appears twice");
                }

                continue;
            }

            if (current is null)
            {
                throw new FormatException($"lexicon line {lineNo}: word '{line}' before any [class]");
            }

            if (!current.Contains(line))
            {
                current.Add(line);
            }
        }

        Close(currentName, current, DataFileLines.EndLine(text));
        return new WordLexicon(classes.ToFrozenDictionary(p => p.Key, p => new WordClass(p.Key, p.Value), StringComparer.Ordinal));
    }

    private static void Close(string? name, List<string>? words, int lineNo)
    {
        if (name is not null && words is { Count: 0 })
        {
            throw new FormatException($"lexicon line {lineNo}: class [{name}] has no words");
        }
    }

    private static WordLexicon LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PolicyMiner.Extraction.Lexicon.lexicon.txt")
                           ?? throw new InvalidOperationException("embedded lexicon.txt is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
