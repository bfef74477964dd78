using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using PolicyMiner.Core.Targets;
using PolicyMiner.Tests.Shared;

namespace PolicyMiner.Extraction.Tests;

/// <summary>One example of a spec file: input text, plan year and the targets expected from it.</summary>
/// <remarks>
/// In <c>Specs/*.md</c> an example is a fenced block whose info string is <c>example</c> (optionally <c>example plan=2018</c>):
/// the text, a line <c>=&gt;</c>, then one line per expected target in text order, or <c>none</c>. A target line starts with the
/// quantity as written by <see cref="Quantity"/> ("40家", "3-5家", "1.45%") followed by <c>| key=value</c> checks:
/// cmp, kind, commit, year, year_text, baseline, resp (bodies joined by 、), ind (exact indicator), ind~ (indicator contains),
/// cat, std (value_std and unit_std, "3000000000元"). Keys not given are not checked; a key not in this list is an error.
/// Every spec file pins its number of examples with a line <c>&lt;!-- spec-examples: N --&gt;</c>, so an example that
/// stops parsing fails the run instead of disappearing from it.
/// </remarks>
public sealed record SpecExample(string File, int Line, string Text, int? PlanYear, IReadOnlyList<string> Expected)
{
    private const string Fence = "```";
    private const string PinPrefix = "<!-- spec-examples:";

    /// <summary>What each check key reads from a target; a key an example names must be one of these.</summary>
    private static readonly FrozenDictionary<string, Func<PolicyTarget, string, string>> Fields =
        new Dictionary<string, Func<PolicyTarget, string, string>>(StringComparer.Ordinal)
        {
            ["cmp"] = (t, _) => t.Comparator.ToSymbol(),
            ["kind"] = (t, _) => t.Kind.ToString().ToLowerInvariant(),
            ["commit"] = (t, _) => t.Commitment.ToString().ToLowerInvariant(),
            ["year"] = (t, _) => t.Year?.ToString(CultureInfo.InvariantCulture) ?? "null",
            ["year_text"] = (t, _) => t.YearText ?? "null",
            ["baseline"] = (t, _) => t.Baseline is { } b ? Num(b) : "null",
            ["resp"] = (t, _) => string.Join("、", t.Responsible),
            ["ind"] = (t, _) => t.Indicator,
            ["ind~"] = (t, want) => t.Indicator.Contains(want, StringComparison.Ordinal) ? want : t.Indicator,
            ["cat"] = (t, _) => t.Category,
            ["std"] = (t, _) => $"{Num(t.ValueStd ?? double.NaN)}{t.UnitStd}",
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The check keys an expectation line may name.</summary>
    public static IReadOnlyCollection<string> Keys => Fields.Keys;

    public override string ToString() => $"{File}:{Line}";

    /// <summary>Reads every example of the spec files in <paramref name="directory"/>.</summary>
    /// <exception cref="InvalidDataException">A spec file is malformed; the message lists every problem with file and line.</exception>
    public static IReadOnlyList<SpecExample> Load(string directory)
    {
        var examples = new List<SpecExample>();
        var errors = new List<string>();
        var files = Directory.GetFiles(directory, "*.md").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new InvalidDataException($"{directory}: no spec files");
        }

        foreach (var path in files)
        {
            var parsed = Parse(Path.GetFileName(path), System.IO.File.ReadAllLines(path, Encoding.UTF8));
            examples.AddRange(parsed.Examples);
            errors.AddRange(parsed.Errors);
        }

        return errors.Count == 0 ? examples : throw new InvalidDataException(string.Join('\n', errors));
    }

    /// <summary>The examples of one spec file and every problem found in it (malformed fences, lines, keys, a wrong pin).</summary>
    public static SpecParse Parse(string file, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var examples = new List<SpecExample>();
        var errors = new List<string>();
        int? pinned = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith(PinPrefix, StringComparison.Ordinal))
            {
                if (pinned is not null)
                {
                    errors.Add($"{file}:{i + 1}: a second spec-examples pin");
                }

                pinned = SpecPin.Parse(trimmed, PinPrefix, file, i + 1, errors);
                continue;
            }

            if (!IsFence(trimmed))
            {
                if (trimmed.StartsWith("=>", StringComparison.Ordinal))
                {
                    errors.Add($"{file}:{i + 1}: '=>' outside an example fence (is the opening fence malformed?)");
                }

                continue;
            }

            var open = i;
            var info = trimmed.TrimStart('`', '~').Trim();
            var body = new List<string>();
            for (i++; i < lines.Count && !IsFence(lines[i].TrimStart()); i++)
            {
                body.Add(lines[i]);
            }

            if (i >= lines.Count)
            {
                errors.Add($"{file}:{open + 1}: fence '{trimmed}' is never closed");
                break;
            }

            if (lines[i].Trim() is not ("```" or "~~~"))
            {
                errors.Add($"{file}:{i + 1}: a fence opens inside the block opened on line {open + 1} (close it with a bare ```)");
                continue;
            }

            if (IsExampleInfo(info) || body.Any(l => l.Trim() == "=>"))
            {
                if (ParseExample(file, open + 1, trimmed, info, body, errors) is { } example)
                {
                    examples.Add(example);
                }
            }
        }

        if (pinned is null)
        {
            errors.Add($"{file}: no '{PinPrefix} N -->' line pinning the number of examples");
        }
        else if (pinned != examples.Count && errors.Count == 0)
        {
            errors.Add($"{file}: pins {pinned} examples but holds {examples.Count} (update the pin when adding or removing examples)");
        }

        return new SpecParse(examples, errors);
    }

    /// <summary>"40家", "3-5家", "1.45%": a target's quantity as spec lines write it.</summary>
    public static string Quantity(PolicyTarget t) =>
        t.ValueMax is { } max ? $"{Num(t.Value)}-{Num(max)}{t.Unit}" : $"{Num(t.Value)}{t.Unit}";

    /// <summary>Differences between a target and an expectation line; empty when it matches.</summary>
    /// <exception cref="ArgumentException">The line names a key no check reads (parsing rejects those first).</exception>
    public static List<string> Check(PolicyTarget t, string expectation)
    {
        var problems = new List<string>();
        var parts = expectation.Split('|', StringSplitOptions.TrimEntries);
        if (Quantity(t) != parts[0])
        {
            problems.Add($"quantity: expected {parts[0]}, got {Quantity(t)}");
        }

        foreach (var part in parts.Skip(1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = part[..eq].Trim();
            var want = part[(eq + 1)..].Trim();
            var got = Fields.TryGetValue(key, out var read) ? read(t, want) : throw new ArgumentException($"unknown spec key '{key}'", nameof(expectation));
            if (got != want)
            {
                problems.Add($"{key}: expected {want}, got {got}");
            }
        }

        return problems;
    }

    private static SpecExample? ParseExample(string file, int line, string fence, string info, List<string> body, List<string> errors)
    {
        var before = errors.Count;
        int? plan = null;
        if (!info.StartsWith("example", StringComparison.Ordinal) || !fence.StartsWith("```example", StringComparison.Ordinal))
        {
            errors.Add($"{file}:{line}: example fence must read ```example or ```example plan=YYYY, not '{fence}'");
        }
        else if (info["example".Length..].Trim() is { Length: > 0 } option)
        {
            if (option.StartsWith("plan=", StringComparison.Ordinal)
                && int.TryParse(option.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1949 and <= 2100)
            {
                plan = year;
            }
            else
            {
                errors.Add($"{file}:{line}: unknown example option '{option}' (only plan=YYYY)");
            }
        }

        var arrows = body.Select((l, i) => (l, i)).Where(p => p.l.Trim() == "=>").Select(p => p.i).ToList();
        if (arrows.Count != 1)
        {
            errors.Add($"{file}:{line}: an example needs exactly one '=>' line, found {arrows.Count}");
            return null;
        }

        var text = body.Take(arrows[0]).ToList();
        if (text.All(l => l.Trim().Length == 0))
        {
            errors.Add($"{file}:{line}: example has no text before '=>'");
        }

        var expected = body.Skip(arrows[0] + 1).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (expected.Count == 0)
        {
            errors.Add($"{file}:{line}: example expects nothing after '=>' (write 'none' for no targets)");
        }
        else if (expected.Contains("none"))
        {
            if (expected.Count > 1)
            {
                errors.Add($"{file}:{line}: 'none' must be the only line after '=>'");
            }

            expected.Clear();
        }

        foreach (var target in expected)
        {
            CheckExpectation(file, line, target, errors);
        }

        return errors.Count == before ? new SpecExample(file, line, string.Join('\n', text), plan, expected) : null;
    }

    private static void CheckExpectation(string file, int line, string target, List<string> errors)
    {
        var parts = target.Split('|', StringSplitOptions.TrimEntries);
        if (parts[0].Length == 0 || parts[0].Contains('='))
        {
            errors.Add($"{file}:{line}: target line '{target}' must start with the quantity (\"40家\")");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts.Skip(1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                errors.Add($"{file}:{line}: '{part}' in '{target}' is not key=value");
                continue;
            }

            var key = part[..eq].Trim();
            if (!Fields.ContainsKey(key))
            {
                errors.Add($"{file}:{line}: unknown key '{key}' in '{target}' (known: {string.Join(", ", Fields.Keys.Order(StringComparer.Ordinal))})");
            }
            else if (!seen.Add(key))
            {
                errors.Add($"{file}:{line}: key '{key}' given twice in '{target}'");
            }
        }
    }

    private static bool IsFence(string trimmed) =>
        trimmed.StartsWith(Fence, StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal);

    /// <summary>Info strings that mean an example, spelt right or not ("example", "Example", "exmaple plan=…" is caught by its '=>').</summary>
    private static bool IsExampleInfo(string info) => info.StartsWith("ex", StringComparison.OrdinalIgnoreCase);

    private static string Num(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}

/// <summary>The examples of one spec file and the problems that make it malformed (each "file:line: reason").</summary>
public sealed record SpecParse(IReadOnlyList<SpecExample> Examples, IReadOnlyList<string> Errors);
