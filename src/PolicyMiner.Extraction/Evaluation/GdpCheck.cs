using System.Globalization;
using System.Text.Json;
using PolicyMiner.Core.Serialization;
using PolicyMiner.Core.Targets;

namespace PolicyMiner.Extraction.Evaluation;

/// <summary>One line of a <c>gdp-growth-targets.jsonl</c> file: the GDP growth target a work report sets for its own year.</summary>
/// <param name="Found">False when the report sets no GDP growth target; then nothing may come out.</param>
public sealed record GdpExpectation(string File, string? Region, int Year, bool Found, double? Value, double? ValueMax, string? Comparator, string? Quote);

/// <summary>How one report fared: right, or what was expected and what came out.</summary>
public sealed record GdpOutcome(string File, int Year, bool Right, string Expected, string Got);

/// <summary>The GDP check over a collection of work reports.</summary>
/// <param name="WithTarget">Reports that set a figure.</param>
/// <param name="RightWithTarget">Of those, reports whose only gdp_growth figure in the report's year is the expected one.</param>
/// <param name="RightWithout">Of the reports that set none, those with no gdp_growth figure in their year.</param>
public sealed record GdpReport(int Reports, int Right, int WithTarget, int RightWithTarget, int WithoutTarget, int RightWithout, IReadOnlyList<GdpOutcome> Outcomes)
{
    public double Accuracy => Reports == 0 ? 0 : (double)Right / Reports;
}

/// <summary>The research use case as a measurement: does a work report yield exactly its own GDP growth target, read as
/// <c>gdp_growth</c> in the report's year — not last year's achieved growth, a five-year average or another indicator's growth?</summary>
/// <remarks>A report is right when the distinct (value, value_max, comparator) figures of its <c>gdp_growth</c> targets due in its
/// year are exactly the expected one (none when the report sets none). The same figure stated twice counts once. A report that
/// pairs a committed figure with a stretch figure ("确保增长6.5%、力争7%", "增长5.5%、力争6%以上") sets the committed one: the
/// aspirational (力争) figures count only when the report commits to no other.</remarks>
public static class GdpCheck
{
    public const string IndicatorId = "gdp_growth";

    /// <summary>Reads a gdp-growth-targets file; unreadable lines become problems ("file:line: reason").</summary>
    public static IReadOnlyList<GdpExpectation> Load(string path, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var list = new List<GdpExpectation>();
        var lineNo = 0;
        foreach (var line in System.IO.File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize<GdpExpectation>(line, PolicyJson.Options) is { File.Length: > 0 } e)
                {
                    list.Add(e);
                }
                else
                {
                    problems.Add($"{Path.GetFileName(path)}:{lineNo}: no file named");
                }
            }
            catch (JsonException e)
            {
                problems.Add($"{Path.GetFileName(path)}:{lineNo}: {e.Message}");
            }
        }

        return list;
    }

    /// <summary>Grades one report's targets against its expectation.</summary>
    public static GdpOutcome Grade(GdpExpectation expected, IEnumerable<PolicyTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(targets);
        var figures = new List<string>();
        var own = targets.Where(t => t.IndicatorId == IndicatorId && t.Year == expected.Year).ToList();
        var committed = own.Any(t => t.Commitment != Commitment.Aspirational);
        foreach (var t in own)
        {
            if (!committed || t.Commitment != Commitment.Aspirational)
            {
                var figure = Figure(t.Value, t.ValueMax, t.Comparator.ToSymbol());
                if (!figures.Contains(figure))
                {
                    figures.Add(figure);
                }
            }
        }

        var want = expected.Found ? Figure(expected.Value ?? double.NaN, expected.ValueMax, expected.Comparator ?? "=") : "none";
        var got = figures.Count == 0 ? "none" : string.Join(" | ", figures);
        return new GdpOutcome(expected.File, expected.Year, want == got, want, got);
    }

    /// <summary>Sums outcomes into a report.</summary>
    public static GdpReport Summarise(IReadOnlyList<GdpExpectation> expectations, IReadOnlyList<GdpOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(expectations);
        ArgumentNullException.ThrowIfNull(outcomes);
        int with = 0, rightWith = 0, without = 0, rightWithout = 0;
        for (var i = 0; i < outcomes.Count; i++)
        {
            var found = expectations[i].Found;
            with += found ? 1 : 0;
            without += found ? 0 : 1;
            rightWith += found && outcomes[i].Right ? 1 : 0;
            rightWithout += !found && outcomes[i].Right ? 1 : 0;
        }

        return new GdpReport(outcomes.Count, rightWith + rightWithout, with, rightWith, without, rightWithout, outcomes);
    }

    private static string Figure(double value, double? valueMax, string comparator) =>
        string.Create(CultureInfo.InvariantCulture, $"{comparator} {value:0.###}{(valueMax is { } m ? $"-{m:0.###}" : "")}%");
}
