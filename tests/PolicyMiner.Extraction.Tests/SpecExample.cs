using System.Globalization;
using System.Text;
using PolicyMiner.Core.Targets;

namespace PolicyMiner.Extraction.Tests;

/// <summary>One example of a spec file: input text, plan year and the targets expected from it.</summary>
/// <remarks>
/// In <c>Specs/*.md</c> an example is a fenced block whose info string is <c>example</c> (optionally <c>example plan=2018</c>):
/// the text, a line <c>=&gt;</c>, then one line per expected target in text order, or <c>none</c>. A target line starts with the
/// quantity as written by <see cref="Quantity"/> ("40家", "3-5家", "1.45%") followed by <c>| key=value</c> checks:
/// cmp, kind, commit, year, year_text, baseline, resp (bodies joined by 、), ind (exact indicator), ind~ (indicator contains),
/// cat, std (value_std and unit_std, "3000000000元"). Keys not given are not checked.
/// </remarks>
public sealed record SpecExample(string File, int Line, string Text, int? PlanYear, IReadOnlyList<string> Expected)
{
    public override string ToString() => $"{File}:{Line}";

    /// <summary>Reads every example of the spec files in <paramref name="directory"/>.</summary>
    public static IEnumerable<SpecExample> Load(string directory)
    {
        foreach (var path in Directory.EnumerateFiles(directory, "*.md").Order(StringComparer.Ordinal))
        {
            var lines = System.IO.File.ReadAllLines(path, Encoding.UTF8);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].StartsWith("```example", StringComparison.Ordinal))
                {
                    continue;
                }

                int? plan = null;
                var info = lines[i]["```example".Length..].Trim();
                if (info.StartsWith("plan=", StringComparison.Ordinal))
                {
                    plan = int.Parse(info[5..], CultureInfo.InvariantCulture);
                }

                var start = i + 1;
                var text = new List<string>();
                var expected = new List<string>();
                var inExpected = false;
                for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
                {
                    if (lines[i].Trim() == "=>")
                    {
                        inExpected = true;
                    }
                    else if (inExpected)
                    {
                        if (lines[i].Trim().Length > 0)
                        {
                            expected.Add(lines[i].Trim());
                        }
                    }
                    else
                    {
                        text.Add(lines[i]);
                    }
                }

                if (expected.Count == 1 && expected[0] == "none")
                {
                    expected.Clear();
                }

                yield return new SpecExample(Path.GetFileName(path), start, string.Join('\n', text), plan, expected);
            }
        }
    }

    /// <summary>"40家", "3-5家", "1.45%": a target's quantity as spec lines write it.</summary>
    public static string Quantity(PolicyTarget t) =>
        t.ValueMax is { } max ? $"{Num(t.Value)}-{Num(max)}{t.Unit}" : $"{Num(t.Value)}{t.Unit}";

    /// <summary>Differences between a target and an expectation line; empty when it matches.</summary>
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
            var got = key switch
            {
                "cmp" => t.Comparator.ToSymbol(),
                "kind" => t.Kind.ToString().ToLowerInvariant(),
                "commit" => t.Commitment.ToString().ToLowerInvariant(),
                "year" => t.Year?.ToString(CultureInfo.InvariantCulture) ?? "null",
                "year_text" => t.YearText ?? "null",
                "baseline" => t.Baseline is { } b ? Num(b) : "null",
                "resp" => string.Join("、", t.Responsible),
                "ind" => t.Indicator,
                "ind~" => t.Indicator.Contains(want, StringComparison.Ordinal) ? want : t.Indicator,
                "cat" => t.Category,
                "std" => $"{Num(t.ValueStd ?? double.NaN)}{t.UnitStd}",
                _ => $"<unknown key {key}>",
            };
            if (got != want)
            {
                problems.Add($"{key}: expected {want}, got {got}");
            }
        }

        return problems;
    }

    private static string Num(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
