using System.Reflection;
using PolicyMiner.Core.Targets;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.Categories;

/// <summary>One line of a category table: it matches when every keyword group has a word in the phrase and, if
/// <see cref="Context"/> is given, the sentence holds one of its words.</summary>
public sealed record CategoryEntry(string Category, string[][] Groups, string[]? Context);

/// <summary>The category rule's ordered keyword tables, read from <c>Rules/Categories/categories.txt</c> (embedded).</summary>
/// <remarks>Vocabulary is data: a new topic word is one edit of the data file plus a spec example. Immutable and thread-safe.</remarks>
public sealed class CategoryTable
{
    private readonly Dictionary<string, CategoryEntry[]> _tables;

    private CategoryTable(Dictionary<string, CategoryEntry[]> tables) => _tables = tables;

    /// <summary>The tables shipped with the extractor.</summary>
    public static CategoryTable Default { get; } = LoadEmbedded();

    /// <summary>The entries of table <paramref name="name"/> in file order; a missing table is a programmer error.</summary>
    public CategoryEntry[] this[string name] =>
        _tables.TryGetValue(name, out var t) ? t : throw new KeyNotFoundException($"categories.txt has no table [{name}]");

    /// <summary>Parses the table text; an unknown category, an empty group or a line outside a table throws with its line number.</summary>
    public static CategoryTable Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tables = new Dictionary<string, List<CategoryEntry>>(StringComparer.Ordinal);
        List<CategoryEntry>? current = null;
        foreach (var (lineNo, line) in DataFileLines.Of(text))
        {
            if (line[0] == '[' && line[^1] == ']')
            {
                var name = line[1..^1].Trim();
                if (!tables.TryAdd(name, current = []))
                {
                    throw new FormatException($"categories line {lineNo}: table [{name}] appears twice");
                }

                continue;
            }

            if (current is null)
            {
                throw new FormatException($"categories line {lineNo}: entry before any [table]");
            }

            current.Add(ParseEntry(line, lineNo));
        }

        return new CategoryTable(tables.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
    }

    private static CategoryEntry ParseEntry(string line, int lineNo)
    {
        var space = line.IndexOfAny([' ', '\t']);
        if (space < 0)
        {
            throw new FormatException($"categories line {lineNo}: a category needs keywords");
        }

        var category = line[..space];
        if (!TargetCategories.All.Contains(category))
        {
            throw new FormatException($"categories line {lineNo}: unknown category '{category}'");
        }

        var rest = line[space..];
        string[]? context = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            context = Words(rest[(at + 1)..], lineNo);
            rest = rest[..at];
        }

        var groups = rest.Split('+').Select(g => Words(g, lineNo)).ToArray();
        return new CategoryEntry(category, groups, context);
    }

    private static string[] Words(string group, int lineNo)
    {
        var words = group.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 ? words : throw new FormatException($"categories line {lineNo}: empty keyword group");
    }

    private static CategoryTable LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PolicyMiner.Extraction.Rules.Categories.categories.txt")
                           ?? throw new InvalidOperationException("embedded categories.txt is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
