using System.CommandLine;
using System.Diagnostics;
using PolicyMiner.Cli.Pipeline;
using PolicyMiner.Extraction;
using PolicyMiner.Extraction.Evaluation;
using PolicyMiner.Learning.Models;
using PolicyMiner.Learning.Training;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer train --gold DIR FILE... [--db PATH] --out FILE [--cv]</c>: learns targethood and whole-record confidence
/// from gold files and editors' reviews, and reports rules alone against rules + model on held-out documents.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Documents or folders holding the gold documents (as for eval).", Arity = ArgumentArity.ZeroOrMore };
        var gold = new Option<string[]>("--gold") { Description = "Folder of <stem>.jsonl gold targets. Repeatable.", HelpName = "DIR" };
        var manifest = ManifestOption.Create();
        var db = new Option<string?>("--db") { Description = "A store whose reviewed targets train too: accepted and corrected records are right, rejected ones are not targets, added ones were missed.", HelpName = "PATH" };
        var output = new Option<string>("--out") { Description = "Model file to write.", HelpName = "FILE", Required = true };
        var cv = new Option<bool>("--cv") { Description = "Also report document-grouped cross-validation: rules alone against rules + model." };
        var folds = new Option<int>("--folds") { Description = "Folds of --cv.", DefaultValueFactory = _ => 5 };
        var holdOut = new Option<string[]>("--hold-out")
        {
            Description = "Document stems never trained on; scored once with the final model, figures only. Repeatable.",
            HelpName = "STEM",
            AllowMultipleArgumentsPerToken = true,
        };
        var trees = new Option<int>("--trees") { Description = "Boosted trees per model.", DefaultValueFactory = _ => TrainerDefaults.Trees };
        var leaves = new Option<int>("--leaves") { Description = "Leaves per tree.", DefaultValueFactory = _ => TrainerDefaults.Leaves };
        var minLeaf = new Option<int>("--min-leaf") { Description = "Fewest training rows in a leaf.", DefaultValueFactory = _ => TrainerDefaults.MinimumLeafRows };
        var recordTrees = new Option<int>("--record-trees") { Description = "Boosted trees of the whole-record model.", DefaultValueFactory = _ => TrainerDefaults.RecordTrees.Trees };
        var recordLeaves = new Option<int>("--record-leaves") { Description = "Leaves per tree of the whole-record model.", DefaultValueFactory = _ => TrainerDefaults.RecordTrees.Leaves };
        var recordMinLeaf = new Option<int>("--record-min-leaf") { Description = "Fewest training rows in a leaf of the whole-record model.", DefaultValueFactory = _ => TrainerDefaults.RecordTrees.MinimumLeafRows };
        var rankerTrees = new Option<int>("--ranker-trees") { Description = "Boosted trees of the indicator-span ranker.", DefaultValueFactory = _ => TrainerDefaults.RankerTrees.Trees };
        var rankerLeaves = new Option<int>("--ranker-leaves") { Description = "Leaves per tree of the indicator-span ranker.", DefaultValueFactory = _ => TrainerDefaults.RankerTrees.Leaves };
        var rankerMinLeaf = new Option<int>("--ranker-min-leaf") { Description = "Fewest candidate spans in a leaf of the indicator-span ranker.", DefaultValueFactory = _ => TrainerDefaults.RankerTrees.MinimumLeafRows };
        var recordIgnores = new Option<string[]>("--record-ignores")
        {
            Description = "Feature-name prefixes the whole-record model does not read (e.g. hash: the hashed words). Repeatable.",
            HelpName = "PREFIX",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [.. TrainerDefaults.RecordIgnores ?? []],
        };
        var calibration = new Option<RecordCalibration>("--calibration")
        {
            Description = "How the whole-record score becomes a confidence: isotonic or platt (both fitted on out-of-fold scores).",
            DefaultValueFactory = _ => TrainerDefaults.Calibration,
        };
        var calibrationGroups = new Option<CalibrationGroups>("--calibration-groups")
        {
            Description = "Out-of-fold scores the whole-record calibration is fitted on: document (folds by document), collection "
                + "(leave one collection, i.e. the folder a document was read from, out) or mixed (both pooled).",
            DefaultValueFactory = _ => TrainerDefaults.CalibrationGroups,
        };
        var lessons = new Option<LessonSources>("--lessons")
        {
            Description = "Which labels teach the correction memory (field corrections and rejections recalled on other documents where the same "
                + "indicator phrase or clause frame recurs): reviews (a store's, the default), all (reviews and gold) or none.",
            DefaultValueFactory = _ => LessonSources.Reviews,
        };
        var threshold = new Option<double?>("--threshold")
        {
            Description = "Targethood threshold to ship instead of the fitted one (0: the model only sets confidence), e.g. to compare models "
                + "without --cv on equal terms.",
            HelpName = "P",
        };
        var indicators = TaxonomyOption.Create();
        var command = new Command("train", "Learn from gold files and reviews (Microsoft.ML): which numbers are targets and how sure each record is.");
        command.Arguments.Add(files);
        foreach (var option in (Option[])[gold, manifest, db, output, cv, folds, holdOut, trees, leaves, minLeaf, recordTrees, recordLeaves, recordMinLeaf, rankerTrees, rankerLeaves, rankerMinLeaf, recordIgnores, calibration, calibrationGroups, lessons, threshold, indicators])
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Run(new Settings(
            parse.GetValue(files) ?? [],
            parse.GetValue(gold) ?? [],
            ManifestOption.Load(parse.GetValue(manifest), Console.Error),
            parse.GetValue(db),
            parse.GetValue(output)!,
            parse.GetValue(cv),
            Math.Max(2, parse.GetValue(folds)),
            new HashSet<string>(parse.GetValue(holdOut) ?? [], StringComparer.Ordinal),
            TrainerDefaults with
            {
                Trees = parse.GetValue(trees),
                Leaves = parse.GetValue(leaves),
                MinimumLeafRows = parse.GetValue(minLeaf),
                Record = new TreeSettings(parse.GetValue(recordTrees), parse.GetValue(recordLeaves), parse.GetValue(recordMinLeaf)),
                RecordIgnores = parse.GetValue(recordIgnores) ?? [],
                Ranker = new TreeSettings(parse.GetValue(rankerTrees), parse.GetValue(rankerLeaves), parse.GetValue(rankerMinLeaf)),
                Calibration = parse.GetValue(calibration),
                CalibrationGroups = parse.GetValue(calibrationGroups),
            },
            new TargetExtractor(TargetExtractor.Default.Pipeline, TaxonomyOption.Load(parse.GetValue(indicators))),
            parse.GetValue(lessons),
            parse.GetValue(threshold))));
        return command;
    }

    private sealed record Settings(
        string[] Files,
        string[] Gold,
        Ingest.Manifest.DocumentManifest Manifest,
        string? Database,
        string Output,
        bool CrossValidate,
        int Folds,
        HashSet<string> HoldOut,
        TrainerOptions Trainer,
        TargetExtractor Rules,
        LessonSources Lessons,
        double? Threshold);

    private static readonly TrainerOptions TrainerDefaults = new(CalibrationFolds: 5, CalibrationGroups: CalibrationGroups.Document);

    private static int Run(Settings s)
    {
        var clock = Stopwatch.StartNew();
        if (s.Gold.Length == 0 && s.Database is null)
        {
            throw new CliException("train: give --gold DIR with the documents, or --db PATH with reviewed targets");
        }

        var failed = 0;
        var labelled = new List<LabelledDocument>();
        var heldOut = new List<LabelledDocument>();
        if (s.Gold.Length > 0)
        {
            foreach (var directory in s.Gold.Where(d => !Directory.Exists(d)))
            {
                throw new CliException(CliMessages.NoSuchPath(directory));
            }

            var goldSet = GoldSet.Load(s.Gold);
            foreach (var problem in goldSet.Problems)
            {
                Console.Error.WriteLine($"policyminer: {problem}");
            }

            var paths = DocumentInputs.Expand(s.Files, Console.Error, out var missing);
            failed += missing;
            foreach (var path in paths)
            {
                if (goldSet.For(Path.GetFileName(path)) is not { } targets)
                {
                    continue;
                }

                var document = DocumentInputs.Read(path, planYear: null, out var error, s.Manifest);
                if (document is null)
                {
                    Console.Error.WriteLine($"policyminer: {error}");
                    failed++;
                    continue;
                }

                // The folder a document was read from is its collection (one genre: city reports, a ministry's pages, ...).
                var item = new LabelledDocument(document, targets, [], LabelSource.Gold, CollectionOf(path));
                (s.HoldOut.Contains(item.Stem) ? heldOut : labelled).Add(item);
            }
        }

        if (s.Database is { } database)
        {
            labelled.AddRange(ReviewLabels.Load(database, s.Manifest, Console.Error, ref failed));
        }

        var set = TrainingSet.Build(s.Rules, labelled);
        var rows = set.Rows.ToList();
        var spans = set.SpanGroups.ToList();
        Console.Out.WriteLine($"extractor      {s.Rules.Version}");
        Console.Out.WriteLine($"training set   {set.Documents.Count} documents ({labelled.Count(d => d.Source == LabelSource.Gold)} gold, "
            + $"{labelled.Count(d => d.Source == LabelSource.Review)} reviewed), {rows.Count} candidates, {rows.Count(r => r.IsTarget)} targets, "
            + $"{rows.Count(r => r.RecordRight == true)} with the whole record right; {heldOut.Count} held out");
        Console.Out.WriteLine($"indicator spans {spans.Count} targets with candidate spans ({spans.Count(g => g.Trainable)} where a candidate reaches Dice "
            + $"{Evaluator.IndicatorRightThreshold:0.0}, {spans.Count(g => g.Dice[0] < Evaluator.IndicatorRightThreshold && g.Trainable)} of them where the rules' span does not), "
            + $"{spans.Sum(g => g.Spans.Count)} candidates");
        var trainer = new ModelTrainer(s.Trainer);
        // Labels without a false alarm teach nothing about targethood: no targethood model is fitted (not an error; clean
        // reviewed gold is what precise rules should give), and the reports say so instead of a targethood figure.
        string? noFalseAlarm = null;
        if (!ModelTrainer.LearnsTargethood(rows))
        {
            noFalseAlarm = labelled.Any(d => d.Source == LabelSource.Review) ? "the gold and reviews have no false alarm" : "the gold has no false alarm";
            Console.Out.WriteLine($"decision       the model only sets confidence: {noFalseAlarm} (every rule candidate is a target), so no targethood model "
                + "is fitted and every candidate is kept" + (s.Threshold is > 0 ? " (--threshold has nothing to apply to)" : ""));
        }

        // Dropping targets needs evidence from held-out documents (--cv); without it the model only sets confidence, unless
        // --threshold ships one on the user's word.
        var dropsTargets = false;
        var ranksIndicators = false;
        if (!s.CrossValidate && s.Threshold is null && noFalseAlarm is null)
        {
            Console.Out.WriteLine("decision       the model only sets confidence: without --cv nothing shows that dropping targets wins on held-out documents "
                + "(--threshold P ships one)");
        }

        if (s.CrossValidate)
        {
            // A fold that cannot be trained (no target, or no right or wrong record) is scored by the rules alone and reported, not
            // fatal; a fold without a false alarm trains without a targethood model.
            var comparison = CrossValidation.Run(set, trainer, s.Folds, innerFolds: s.Trainer.CalibrationFolds, s.Lessons);
            var shifted = CrossValidation.RunByCollection(set, trainer, innerFolds: s.Trainer.CalibrationFolds, s.Lessons);

            Write($"cross-validation ({s.Folds} folds by document, {comparison.Documents} gold documents)", comparison, noFalseAlarm);
            if (shifted is not null)
            {
                var collections = set.Documents.Where(d => d.Labelled.Source == LabelSource.Gold).Select(d => d.Labelled.Collection).Distinct().Count();
                Write($"cross-validation (leave one collection out: {collections} collections, {shifted.Documents} gold documents; each scored as a genre unseen in training)", shifted, noFalseAlarm);
            }

            // Ship the targethood decision only where it wins on held-out folds; the calibrated confidence ships either way.
            dropsTargets = comparison.WithModel.WholeRecordF1 > comparison.Rules.WholeRecordF1 && comparison.WithModel.Precision > comparison.Rules.Precision;
            if (noFalseAlarm is null)
            {
                Console.Out.WriteLine(dropsTargets
                    ? "decision       the model drops targets: it beats rules alone in whole-record F1 and precision on held-out folds"
                    : "decision       the model only sets confidence: dropping targets did not beat rules alone in both whole-record F1 and precision on held-out folds");
            }

            // The indicator ranker ships enabled only where it beats the rules' spans on held-out folds (document-grouped and, when
            // there is one, leave-one-collection-out) in whole-record F1 without losing indicator Dice.
            static bool Wins(Comparison c) => c.WithRanker is { } r
                && r.WholeRecordF1 > c.WithModel.WholeRecordF1 && r.IndicatorOverlap >= c.WithModel.IndicatorOverlap;
            ranksIndicators = Wins(comparison) && (shifted is null || Wins(shifted));
            Console.Out.WriteLine(ranksIndicators
                ? "decision       the indicator ranker is enabled: it beats the rules' spans in whole-record F1 and indicator Dice on held-out folds"
                : "decision       the indicator ranker is shipped disabled: it did not beat the rules' spans in whole-record F1 and indicator Dice on held-out folds");
        }

        ExtractorModel model;
        try
        {
            var fitted = trainer.Fit(rows, [.. heldOut.Select(d => d.Stem).Order(StringComparer.Ordinal)], spans);
            var thresholded = s.Threshold is { } fixedThreshold ? fitted.WithThreshold(fixedThreshold) : dropsTargets ? fitted : fitted.WithThreshold(0);
            // Without --cv nothing has shown the ranker wins on held-out documents: its own margin fitting decides alone.
            var ranked = s.CrossValidate && fitted.Ranker is { Manifest.Enabled: true } ? thresholded.WithRankerEnabled(ranksIndicators) : thresholded;
            model = ranked.WithMemory(CrossValidation.Lessons(set.Documents, s.Lessons));
        }
        catch (ModelException e)
        {
            throw new CliException($"train: {e.Message}");
        }

        using (model)
        {
            model.Save(s.Output);
            Console.Out.WriteLine($"model          {s.Output} (threshold {model.Manifest.Threshold:0.00}, features {model.Manifest.FeatureFingerprint})");
            Console.Out.WriteLine(model.Ranker is { } ranker
                ? $"ranker         {(ranker.Manifest.Enabled ? "enabled" : "disabled")}, margin {ranker.Manifest.Margin:0.00}, {ranker.Manifest.Groups} targets, span features {ranker.Manifest.FeatureFingerprint}; "
                    + $"out of fold at margin 0 it would change {ranker.Manifest.Switches} indicators, {ranker.Manifest.RightGain:+0;-0;0} right"
                : "ranker         none (too few targets with candidate spans)");
            Console.Out.WriteLine("importance     targethood " + (model.Manifest.HasTargethood
                ? string.Join(", ", model.Importance(record: false, 8).Select(f => $"{f.Feature} {f.Share:0.00}"))
                : "none (no targethood model)"));
            Console.Out.WriteLine("               whole record " + string.Join(", ", model.Importance(record: true, 8).Select(f => $"{f.Feature} {f.Share:0.00}")));
            var taught = model.Memory.Lessons;
            Console.Out.WriteLine($"lessons        {taught.Count} from {s.Lessons.ToString().ToLowerInvariant()} ({taught.Count(l => l.To != "not-target")} field corrections, "
                + $"{taught.Count(l => l.To == "not-target")} rejections; recalled only where the same indicator phrase or clause frame recurs)");
            if (heldOut.Count > 0)
            {
                var heldRows = TrainingSet.Build(s.Rules, heldOut).Documents;
                Write($"held out ({heldOut.Count} documents, never trained on; figures only)", CrossValidation.HeldOut(heldRows, model), noFalseAlarm: null);
            }
        }

        Console.Out.WriteLine($"time           {clock.Elapsed.TotalSeconds:0.0} s");
        return failed > 0 ? 1 : 0;
    }

    /// <summary>The name of the folder holding <paramref name="path"/>.</summary>
    private static string CollectionOf(string path) => Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? "";

    /// <param name="noFalseAlarm">Why no targethood model was fitted at all (the labels hold no false alarm), or null.</param>
    private static void Write(string title, Comparison c, string? noFalseAlarm)
    {
        Console.Out.WriteLine();
        Console.Out.WriteLine(title);
        Console.Out.WriteLine("                 predicted  precision  recall  F1     whole-record F1  (precision)  ECE");
        Line("rules alone", c.Rules, c.RulesCalibration);
        Line("rules + model", c.WithModel, c.ModelCalibration);
        if (c.WithRanker is { } ranked)
        {
            Line("+ ranker", ranked, c.ModelCalibration);
            Console.Out.WriteLine($"  indicator Dice rules {c.Rules.IndicatorOverlap:0.000}, rules + model {c.WithModel.IndicatorOverlap:0.000}, + ranker {ranked.IndicatorOverlap:0.000}"
                + (c.RankerFolds.Trained > 0 ? $" (ranker enabled by its margin fitting in {c.RankerFolds.Enabled} of {c.RankerFolds.Trained} folds)" : ""));
        }

        if (c.UntrainedFolds > 0)
        {
            Console.Out.WriteLine($"  untrained      {c.UntrainedFolds} fold(s) had no target or no right or wrong record to learn from: their documents count with the rules alone");
        }

        // The reliability diagram of the model's confidence: per bin, how many targets and how many of them have the whole record right.
        Console.Out.WriteLine("  reliability    " + string.Join("  ", c.ModelCalibration.Bins.Where(b => b.Count > 0)
            .Select(b => $"{b.From:0.0}-{b.To:0.0}: {b.Right}/{b.Count} (mean {b.MeanConfidence:0.00})")));
        if (noFalseAlarm is not null)
        {
            Console.Out.WriteLine($"  targethood     no targethood model was fitted: {noFalseAlarm}, so every candidate is kept and the model only sets confidence");
        }
        else if (c.NoTargethoodFolds > 0)
        {
            Console.Out.WriteLine($"  targethood     {c.NoTargethoodFolds} fold(s) fitted no targethood model (no false alarm in their training part): they keep every "
                + "candidate and are left out of the line below");
        }

        if (c.Targethood.Count > 0)
        {
            // How far targethood separates the rules' false alarms from targets on held-out documents: at each threshold, the false
            // alarms it would drop against the targets it would lose.
            var alarms = c.Targethood.Count(p => !p.IsTarget);
            var lowestTarget = c.Targethood.Where(p => p.IsTarget).Select(p => p.Probability).DefaultIfEmpty(1).Min();
            Console.Out.WriteLine($"  targethood     {alarms} false alarms among {c.Targethood.Count} candidates; {c.Targethood.Count(p => !p.IsTarget && p.Probability < lowestTarget)} "
                + $"score below every target (droppable at no loss); dropped/targets lost at "
                + string.Join(", ", new[] { 0.05, 0.1, 0.2, 0.3, 0.5 }.Select(t => $"{t:0.00}: {c.Targethood.Count(p => !p.IsTarget && p.Probability < t)}/{c.Targethood.Count(p => p.IsTarget && p.Probability < t)}")));
        }

        foreach (var g in c.Groups)
        {
            var share = g.Calibration.Predictions == 0 ? 0 : (double)g.Right / g.Calibration.Predictions;
            Console.Out.WriteLine($"  {g.Name,-22} {g.Documents,3} documents  whole record right {g.Right}/{g.Calibration.Predictions} ({share:0.00})"
                + $"  mean confidence {g.MeanConfidence:0.00}  ECE {g.Calibration.ExpectedCalibrationError:0.000}");
        }

        static void Line(string name, EvaluationReport r, Reliability k) => Console.Out.WriteLine(
            $"  {name,-14} {r.Predicted,9}  {r.Precision,9:0.000}  {r.Recall,6:0.000}  {r.F1:0.000}  {r.WholeRecordF1,15:0.000}  {r.WholeRecordPrecision,11:0.000}  {k.ExpectedCalibrationError:0.000}");
    }
}
