using System.Text.Json;
using PolicyMiner.Core.Serialization;

namespace PolicyMiner.Extraction.Evaluation;

/// <summary>The gold annotations of a folder: <c>&lt;stem&gt;.jsonl</c> targets and <c>&lt;stem&gt;.meta.json</c> metadata per document.</summary>
public sealed class GoldSet
{
    private readonly Dictionary<string, List<GoldTarget>> _byStem;
    private readonly Dictionary<string, GoldMeta> _meta;

    private GoldSet(Dictionary<string, List<GoldTarget>> byStem, Dictionary<string, GoldMeta> meta, IReadOnlyList<string> problems)
    {
        _byStem = byStem;
        _meta = meta;
        Problems = problems;
    }

    /// <summary>Lines that could not be read, as "file:line: reason".</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Stems (file names without extension) that have gold targets.</summary>
    public IEnumerable<string> Stems => _byStem.Keys;

    /// <summary>Reads every <c>*.jsonl</c> and <c>*.meta.json</c> of <paramref name="directory"/>; unreadable lines become problems.</summary>
    public static GoldSet Load(string directory) => Load([directory]);

    /// <summary>Reads the gold of several folders into one set; a stem in two folders is a problem (the first folder's gold is kept).</summary>
    public static GoldSet Load(IEnumerable<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        var byStem = new Dictionary<string, List<GoldTarget>>(StringComparer.Ordinal);
        var meta = new Dictionary<string, GoldMeta>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var directory in directories)
        {
            LoadInto(directory, byStem, meta, problems);
        }

        return new GoldSet(byStem, meta, problems);
    }

    private static void LoadInto(string directory, Dictionary<string, List<GoldTarget>> byStem, Dictionary<string, GoldMeta> meta, List<string> problems)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            var list = new List<GoldTarget>();
            var lineNo = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNo++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                try
                {
                    var target = JsonSerializer.Deserialize<GoldTarget>(line, PolicyJson.Options);
                    if (target is not null)
                    {
                        list.Add(target with { Doc = stem });
                    }
                }
                catch (JsonException e)
                {
                    problems.Add($"{Path.GetFileName(file)}:{lineNo}: {e.Message}");
                }
            }

            if (!byStem.TryAdd(stem, list))
            {
                problems.Add($"{file}: gold for '{stem}' is already loaded from another folder; ignored");
            }
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.meta.json"))
        {
            var stem = Path.GetFileName(file)[..^".meta.json".Length];
            try
            {
                if (JsonSerializer.Deserialize<GoldMeta>(File.ReadAllText(file), PolicyJson.Options) is { } m)
                {
                    meta.TryAdd(stem, m);
                }
            }
            catch (JsonException e)
            {
                problems.Add($"{Path.GetFileName(file)}: {e.Message}");
            }
        }
    }

    /// <summary>Gold targets of the document named <paramref name="fileName"/> (matched by stem), or null when it has no gold file.</summary>
    public IReadOnlyList<GoldTarget>? For(string fileName) =>
        _byStem.TryGetValue(Path.GetFileNameWithoutExtension(fileName), out var list) ? list : null;

    /// <summary>The plan year the gold metadata gives for a document, or null.</summary>
    public int? PlanYear(string fileName) =>
        _meta.TryGetValue(Path.GetFileNameWithoutExtension(fileName), out var m) ? m.Year : null;
}
