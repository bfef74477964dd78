using System.CommandLine;
using System.Text.Json;
using PolicyMiner.Core.Serialization;
using PolicyMiner.Extraction;
using PolicyMiner.Extraction.Evaluation;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer eval --gold DIR FILE...</c>: scores extraction against gold targets and fails below the given floors;
/// <c>eval --gdp FILE DIR...</c> checks the GDP growth target of each work report.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Documents or folders of documents to extract from.", Arity = ArgumentArity.OneOrMore };
        var gold = new Option<string>("--gold") { Description = "Folder of <stem>.jsonl gold targets and <stem>.meta.json (the meta's year is the plan year of a document that states none)." };
        var gdp = new Option<string?>("--gdp") { Description = "A gdp-growth-targets.jsonl file: check that each report named there yields exactly its GDP growth target (gdp_growth, in its year).", HelpName = "FILE" };
        var minGdp = new Option<double?>("--min-gdp") { Description = "Exit 3 when the share of reports with exactly the right GDP growth target is below this." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var minF1 = new Option<double?>("--min-f1") { Description = "Exit 3 when target F1 is below this." };
        var minYear = new Option<double?>("--min-year") { Description = "Exit 3 when year accuracy is below this." };
        var minResponsible = new Option<double?>("--min-responsible") { Description = "Exit 3 when responsible accuracy is below this." };
        var minIndicator = new Option<double?>("--min-indicator") { Description = "Exit 3 when indicator overlap is below this." };
        var minRecord = new Option<double?>("--min-record") { Description = "Exit 3 when whole-record accuracy is below this." };
        var command = new Command("eval", "Score extracted targets against gold: precision, recall, F1, field accuracies, misses and false alarms.");
        command.Arguments.Add(files);
        foreach (var option in (Option[])[gold, gdp, minGdp, format, minF1, minYear, minResponsible, minIndicator, minRecord])
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => parse.GetValue(gdp) is { } gdpFile
            ? RunGdp(parse.GetValue(files)!, gdpFile, parse.GetValue(format)!, parse.GetValue(minGdp))
            : Run(
            parse.GetValue(files)!,
            parse.GetValue(gold) ?? throw new CliException("eval: give --gold DIR (or --gdp FILE)"),
            parse.GetValue(format)!,
            new Floors(parse.GetValue(minF1), parse.GetValue(minYear), parse.GetValue(minResponsible), parse.GetValue(minIndicator), parse.GetValue(minRecord))));
        return command;
    }

    private sealed record Floors(double? F1, double? Year, double? Responsible, double? Indicator, double? Record);

    private static int Run(string[] arguments, string goldDirectory, string format, Floors floors)
    {
        if (!Directory.Exists(goldDirectory))
        {
            throw new CliException($"{goldDirectory}: gold folder not found");
        }

        var gold = GoldSet.Load(goldDirectory);
        foreach (var problem in gold.Problems)
        {
            Console.Error.WriteLine($"policyminer: {problem}");
        }

        var extractor = TargetExtractor.Default;
        var inputs = new List<EvaluationInput>();
        var failed = 0;
        foreach (var path in DocumentInputs.Expand(arguments))
        {
            var document = DocumentInputs.Read(path, gold.PlanYear(path), out var error);
            if (document is null)
            {
                Console.Error.WriteLine($"policyminer: {error}");
                failed++;
                continue;
            }

            inputs.Add(new EvaluationInput(document, extractor.Extract(document), gold.For(document.SourceName)));
        }

        var report = Evaluator.Evaluate(inputs);
        if (format == "json")
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(report, PolicyJson.Indented));
        }
        else
        {
            EvalReportText.Write(Console.Out, report);
        }

        var below = new List<string>();
        Check(below, "F1", report.F1, floors.F1);
        Check(below, "year accuracy", report.Year.Value, floors.Year);
        Check(below, "responsible accuracy", report.Responsible.Value, floors.Responsible);
        Check(below, "indicator overlap", report.IndicatorOverlap, floors.Indicator);
        Check(below, "whole-record accuracy", report.WholeRecord.Value, floors.Record);
        foreach (var line in below)
        {
            Console.Error.WriteLine($"policyminer: eval: {line}");
        }

        return below.Count > 0 ? 3 : failed > 0 ? 1 : 0;
    }

    private static int RunGdp(string[] arguments, string gdpFile, string format, double? floor)
    {
        if (!File.Exists(gdpFile))
        {
            throw new CliException($"{gdpFile}: file not found");
        }

        var problems = new List<string>();
        var expectations = GdpCheck.Load(gdpFile, problems);
        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"policyminer: {problem}");
        }

        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in DocumentInputs.Expand(arguments))
        {
            byName.TryAdd(Path.GetFileName(path), path);
        }

        var extractor = TargetExtractor.Default;
        var graded = new List<GdpExpectation>();
        var outcomes = new List<GdpOutcome>();
        var failed = 0;
        foreach (var expected in expectations)
        {
            if (!byName.TryGetValue(expected.File, out var path))
            {
                Console.Error.WriteLine($"policyminer: {expected.File}: named in {Path.GetFileName(gdpFile)} but not among the inputs");
                failed++;
                continue;
            }

            var document = DocumentInputs.Read(path, planYear: null, out var error);
            if (document is null)
            {
                Console.Error.WriteLine($"policyminer: {error}");
                failed++;
                continue;
            }

            // The report's year is known to the researcher: it overrides whatever the text suggests.
            document = document with { Metadata = document.Metadata with { Year = expected.Year } };
            graded.Add(expected);
            outcomes.Add(GdpCheck.Grade(expected, extractor.Extract(document)));
        }

        var report = GdpCheck.Summarise(graded, outcomes);
        if (format == "json")
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(report, PolicyJson.Indented));
        }
        else
        {
            Console.Out.WriteLine($"extractor      {TargetExtractor.ExtractorVersion}");
            Console.Out.WriteLine($"reports        {report.Reports}   right {report.Right} ({report.Accuracy:0.000})");
            Console.Out.WriteLine($"with target    {report.RightWithTarget}/{report.WithTarget} right");
            Console.Out.WriteLine($"without        {report.RightWithout}/{report.WithoutTarget} right (nothing returned)");
            Console.Out.WriteLine();
            Console.Out.WriteLine($"wrong ({report.Reports - report.Right})");
            foreach (var o in report.Outcomes.Where(o => !o.Right))
            {
                Console.Out.WriteLine($"  {o.File}  expected {o.Expected}, got {o.Got}");
            }
        }

        if (floor is { } f && report.Accuracy < f)
        {
            Console.Error.WriteLine($"policyminer: eval: GDP accuracy {report.Accuracy:0.000} is below the floor {f:0.000}");
            return 3;
        }

        return failed > 0 ? 1 : 0;
    }

    private static void Check(List<string> below, string name, double value, double? floor)
    {
        if (floor is { } f && value < f)
        {
            below.Add($"{name} {value:0.000} is below the floor {f:0.000}");
        }
    }
}

/// <summary>The readable form of an <see cref="EvaluationReport"/>.</summary>
internal static class EvalReportText
{
    public static void Write(TextWriter o, EvaluationReport r)
    {
        o.WriteLine($"extractor      {TargetExtractor.ExtractorVersion}");
        o.WriteLine($"documents      {r.Documents} graded{(r.Ungraded.Count > 0 ? $", {r.Ungraded.Count} without gold: {string.Join(", ", r.Ungraded)}" : "")}");
        o.WriteLine($"gold targets   {r.GoldTargets} (+{r.OptionalGold} optional)   predicted {r.Predicted}   matched {r.Matched}");
        o.WriteLine($"precision      {r.Precision:0.000}");
        o.WriteLine($"recall         {r.Recall:0.000}");
        o.WriteLine($"F1             {r.F1:0.000}");
        o.WriteLine($"indicator      {r.IndicatorOverlap:0.000} (mean character Dice over matched targets)");
        o.WriteLine($"year           {r.Year}");
        o.WriteLine($"responsible    {r.Responsible}");
        o.WriteLine($"comparator     {r.Comparator}");
        o.WriteLine($"commitment     {r.Commitment}");
        o.WriteLine($"kind           {r.Kind}");
        o.WriteLine($"category       {r.Category}");
        o.WriteLine($"baseline       {r.Baseline}");
        o.WriteLine($"whole record   {r.WholeRecord} (all fields right, indicator overlap >= {Evaluator.IndicatorRightThreshold})");
        o.WriteLine();
        o.WriteLine($"misses ({r.Misses.Count})");
        foreach (var m in r.Misses)
        {
            o.WriteLine($"  {m.Id}  {EvaluationReport.Format(m.Value, m.ValueMax, m.Unit)}  「{m.Quote}」");
        }

        o.WriteLine($"false alarms ({r.FalseAlarms.Count})");
        foreach (var f in r.FalseAlarms)
        {
            o.WriteLine($"  {f.Doc}  {EvaluationReport.Format(f.Value, f.ValueMax, f.Unit)}  「{f.Quote}」");
        }

        o.WriteLine($"field errors ({r.FieldErrors.Count})");
        foreach (var e in r.FieldErrors)
        {
            o.WriteLine($"  {e.Id}  {e.Field}: expected {e.Expected}, got {e.Actual}");
        }
    }
}
