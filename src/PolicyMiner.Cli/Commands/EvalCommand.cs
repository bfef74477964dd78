using System.CommandLine;
using System.Text.Json;
using PolicyMiner.Cli.Pipeline;
using PolicyMiner.Core.Serialization;
using PolicyMiner.Extraction;
using PolicyMiner.Extraction.Evaluation;
using PolicyMiner.Ingest.Manifest;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer eval --gold DIR FILE...</c>: scores extraction against gold targets and fails below the given floors;
/// <c>eval --gdp FILE DIR...</c> checks the GDP growth target of each work report.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Documents or folders of documents to extract from.", Arity = ArgumentArity.OneOrMore };
        var gold = new Option<string[]>("--gold")
        {
            Description = "Folder of <stem>.jsonl gold targets and <stem>.meta.json. Repeatable: the folders' gold is combined.",
            HelpName = "DIR",
        };
        var manifest = ManifestOption.Create();
        var gradedOnly = new Option<bool>("--graded-only") { Description = "Read only the documents that have a gold file (skip the rest of a folder)." };
        var perDocument = new Option<bool>("--per-document") { Description = "Also print one line of scores per document." };
        var gdp = new Option<string?>("--gdp") { Description = "A gdp-growth-targets.jsonl file: check that each report named there yields exactly its GDP growth target (gdp_growth, in the report's year), and nothing for a report that sets none.", HelpName = "FILE" };
        var minGdp = new Option<double?>("--min-gdp") { Description = "Exit 3 when the share of reports with exactly the right GDP growth target is below this." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.OneOf("text", "json");
        var minF1 = new Option<double?>("--min-f1") { Description = "Exit 3 when target F1 is below this." };
        var minYear = new Option<double?>("--min-year") { Description = "Exit 3 when year accuracy is below this." };
        var minResponsible = new Option<double?>("--min-responsible") { Description = "Exit 3 when responsible accuracy is below this." };
        var minIndicator = new Option<double?>("--min-indicator") { Description = "Exit 3 when indicator overlap is below this." };
        var minRecord = new Option<double?>("--min-record") { Description = "Exit 3 when whole-record accuracy is below this." };
        var minPrecision = new Option<double?>("--min-precision") { Description = "Exit 3 when target precision is below this." };
        var minRecordF1 = new Option<double?>("--min-record-f1") { Description = "Exit 3 when whole-record F1 is below this." };
        var indicators = TaxonomyOption.Create();
        var model = ModelOption.Create();
        var command = new Command("eval", "Score extracted targets against gold: precision, recall, F1, field accuracies, misses and false alarms.");
        command.Arguments.Add(files);
        foreach (var option in (Option[])[gold, gdp, minGdp, manifest, gradedOnly, perDocument, format, minF1, minPrecision, minYear, minResponsible, minIndicator, minRecord, minRecordF1, indicators, model])
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => parse.GetValue(gdp) is { } gdpFile
            ? RunGdp(parse.GetValue(files)!, gdpFile, ManifestOption.Load(parse.GetValue(manifest), Console.Error), TaxonomyOption.Extractor(parse.GetValue(indicators), parse.GetValue(model)),
                parse.GetValue(format)!, parse.GetValue(minGdp))
            : Run(
            parse.GetValue(files)!,
            parse.GetValue(gold) is { Length: > 0 } goldDirectories ? goldDirectories : throw new CliException("eval: give --gold DIR (or --gdp FILE)"),
            new Settings(
                ManifestOption.Load(parse.GetValue(manifest), Console.Error),
                parse.GetValue(gradedOnly),
                parse.GetValue(perDocument),
                parse.GetValue(format)!,
                TaxonomyOption.Extractor(parse.GetValue(indicators), parse.GetValue(model))),
            new Floors(
                parse.GetValue(minF1),
                parse.GetValue(minPrecision),
                parse.GetValue(minYear),
                parse.GetValue(minResponsible),
                parse.GetValue(minIndicator),
                parse.GetValue(minRecord),
                parse.GetValue(minRecordF1))));
        return command;
    }

    private sealed record Settings(DocumentManifest Manifest, bool GradedOnly, bool PerDocument, string Format, TargetExtractor Extractor);

    private sealed record Floors(double? F1, double? Precision, double? Year, double? Responsible, double? Indicator, double? Record, double? RecordF1);

    private static int Run(string[] arguments, string[] goldDirectories, Settings settings, Floors floors)
    {
        foreach (var directory in goldDirectories)
        {
            if (!Directory.Exists(directory))
            {
                throw new CliException(CliMessages.NoSuchPath(directory));
            }
        }

        var gold = GoldSet.Load(goldDirectories);
        foreach (var problem in gold.Problems)
        {
            Console.Error.WriteLine($"policyminer: {problem}");
        }

        var extractor = settings.Extractor;
        var inputs = new List<EvaluationInput>();
        var files = DocumentInputs.Expand(arguments, Console.Error, out var failed);
        foreach (var path in files)
        {
            if (settings.GradedOnly && gold.For(Path.GetFileName(path)) is null)
            {
                continue;
            }

            var document = DocumentInputs.Read(path, planYear: null, out var error, settings.Manifest);
            if (document is null)
            {
                Console.Error.WriteLine($"policyminer: {error}");
                failed++;
                continue;
            }

            inputs.Add(new EvaluationInput(document, extractor.Extract(document), gold.For(document.SourceName)));
        }

        var report = Evaluator.Evaluate(inputs) with { Calibration = Evaluator.Calibration(inputs) };
        var perDocument = settings.PerDocument
            ? inputs.Where(i => i.Gold is not null).Select(i => (Doc: i.Document.SourceName, Report: Evaluator.Evaluate([i]))).ToList()
            : null;
        if (settings.Format == "json")
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(report, PolicyJson.Indented));
        }
        else
        {
            EvalReportText.Write(Console.Out, report, extractor.Version);
            if (perDocument is not null)
            {
                EvalReportText.WritePerDocument(Console.Out, perDocument);
            }
        }

        var below = new List<string>();
        Check(below, "F1", report.F1, floors.F1);
        Check(below, "precision", report.Precision, floors.Precision);
        Check(below, "whole-record F1", report.WholeRecordF1, floors.RecordF1);
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

    private static int RunGdp(string[] arguments, string gdpFile, DocumentManifest manifest, TargetExtractor extractor, string format, double? floor)
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
        var inputs = DocumentInputs.Expand(arguments, Console.Error, out var missing);
        foreach (var path in inputs)
        {
            byName.TryAdd(Path.GetFileName(path), path);
        }

        var graded = new List<GdpExpectation>();
        var outcomes = new List<GdpOutcome>();
        var failed = missing;
        foreach (var expected in expectations)
        {
            if (!byName.TryGetValue(expected.File, out var path))
            {
                Console.Error.WriteLine($"policyminer: {expected.File}: named in {Path.GetFileName(gdpFile)} but not among the inputs");
                failed++;
                continue;
            }

            var document = DocumentInputs.Read(path, planYear: null, out var error, manifest);
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
            Console.Out.WriteLine($"extractor      {extractor.Version}");
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
    public static void Write(TextWriter o, EvaluationReport r, string extractorVersion)
    {
        o.WriteLine($"extractor      {extractorVersion}");
        o.WriteLine($"documents      {r.Documents} graded{Ungraded(r.Ungraded)}");
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
        o.WriteLine($"whole-record F1 {r.WholeRecordF1:0.000} (precision {r.WholeRecordPrecision:0.000}, recall {r.WholeRecordRecall:0.000}: a target counts only with its whole record right)");
        if (r.Calibration is { } c)
        {
            o.WriteLine($"calibration    ECE {c.ExpectedCalibrationError:0.000} over {c.Predictions} predictions (confidence against whole record right)");
        }

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

    /// <summary>One line per graded document: detection and whole-record scores.</summary>
    public static void WritePerDocument(TextWriter o, IReadOnlyList<(string Doc, EvaluationReport Report)> rows)
    {
        o.WriteLine();
        o.WriteLine($"per document ({rows.Count})");
        o.WriteLine("  document                          gold  pred  match  prec   F1     year   resp   record  record-F1");
        foreach (var (doc, r) in rows)
        {
            o.WriteLine(
                $"  {Pad(doc, 32)}  {r.GoldTargets,4}  {r.Predicted,4}  {r.Matched,5}  {r.Precision:0.000}  {r.F1:0.000}  {r.Year.Value:0.000}  "
                + $"{r.Responsible.Value:0.000}  {r.WholeRecord.Value:0.000}   {r.WholeRecordF1:0.000}");
        }
    }

    private static string Ungraded(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        <= 10 => $", {names.Count} without gold: {string.Join(", ", names)}",
        _ => $", {names.Count} without gold (e.g. {string.Join(", ", names.Take(5))} …)",
    };

    private static string Pad(string text, int width)
    {
        // CJK characters take two columns in a terminal.
        var columns = text.Sum(c => c >= '\u2E80' ? 2 : 1);
        return columns >= width ? text : text + new string(' ', width - columns);
    }
}
