using System.CommandLine;
using System.Text.Json;
using PolicyMiner.Core.Serialization;
using PolicyMiner.Extraction;
using PolicyMiner.Extraction.Evaluation;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer eval --gold DIR FILE...</c>: scores extraction against gold targets and fails below the given floors.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Documents or folders of documents to extract from.", Arity = ArgumentArity.OneOrMore };
        var gold = new Option<string>("--gold") { Description = "Folder of <stem>.jsonl gold targets and <stem>.meta.json.", Required = true };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.OneOf("text", "json");
        var minF1 = new Option<double?>("--min-f1") { Description = "Exit 3 when target F1 is below this." };
        var minYear = new Option<double?>("--min-year") { Description = "Exit 3 when year accuracy is below this." };
        var minResponsible = new Option<double?>("--min-responsible") { Description = "Exit 3 when responsible accuracy is below this." };
        var minIndicator = new Option<double?>("--min-indicator") { Description = "Exit 3 when indicator overlap is below this." };
        var minRecord = new Option<double?>("--min-record") { Description = "Exit 3 when whole-record accuracy is below this." };
        var command = new Command("eval", "Score extracted targets against gold: precision, recall, F1, field accuracies, misses and false alarms.");
        command.Arguments.Add(files);
        foreach (var option in (Option[])[gold, format, minF1, minYear, minResponsible, minIndicator, minRecord])
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Run(
            parse.GetValue(files)!,
            parse.GetValue(gold)!,
            parse.GetValue(format)!,
            new Floors(parse.GetValue(minF1), parse.GetValue(minYear), parse.GetValue(minResponsible), parse.GetValue(minIndicator), parse.GetValue(minRecord))));
        return command;
    }

    private sealed record Floors(double? F1, double? Year, double? Responsible, double? Indicator, double? Record);

    private static int Run(string[] arguments, string goldDirectory, string format, Floors floors)
    {
        if (!Directory.Exists(goldDirectory))
        {
            throw new CliException(CliMessages.NoSuchPath(goldDirectory));
        }

        var gold = GoldSet.Load(goldDirectory);
        foreach (var problem in gold.Problems)
        {
            Console.Error.WriteLine($"policyminer: {problem}");
        }

        var extractor = TargetExtractor.Default;
        var inputs = new List<EvaluationInput>();
        var files = DocumentInputs.Expand(arguments, Console.Error, out var failed);
        foreach (var path in files)
        {
            var document = DocumentInputs.Read(path, planYear: null, out var error);
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
