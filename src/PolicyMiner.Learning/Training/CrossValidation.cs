using PolicyMiner.Extraction.Evaluation;
using PolicyMiner.Learning.Models;

namespace PolicyMiner.Learning.Training;

/// <summary>Rules alone against rules + model on the same documents, with the reliability of each one's confidence.</summary>
public sealed record Comparison(EvaluationReport Rules, EvaluationReport WithModel, Reliability RulesCalibration, Reliability ModelCalibration, int Documents)
{
    /// <summary>Per group (collection) of a grouped run: how well the model's confidence held on that group alone.</summary>
    public IReadOnlyList<GroupCalibration> Groups { get; init; } = [];

    /// <summary>Rules + model with the indicator-span ranker choosing indicators (as each fold's margin fitting decided).</summary>
    public EvaluationReport? WithRanker { get; init; }

    /// <summary>Folds whose ranker was enabled by its own out-of-fold margin fitting, of the folds that had a ranker.</summary>
    public (int Enabled, int Trained) RankerFolds { get; init; }

    /// <summary>Folds whose training part lacked targets or right or wrong records, so that no model could be fitted: their
    /// documents count with the rules alone on both sides.</summary>
    public int UntrainedFolds { get; init; }

    /// <summary>Folds whose training part held no false alarm, so their model has no targethood model: it keeps every candidate
    /// and only sets confidence, and their candidates are not in <see cref="Targethood"/>.</summary>
    public int NoTargethoodFolds { get; init; }

    /// <summary>Every held-out rule candidate of a fold with a targethood model: is it a target (gold), and its calibrated
    /// targethood from the fold's model.</summary>
    public IReadOnlyList<(bool IsTarget, double Probability)> Targethood { get; init; } = [];
}

/// <summary>The model's confidence on one held-out group: <see cref="Reliability.Predictions"/> targets, of which
/// <paramref name="Right"/> have the whole record right, against their <paramref name="MeanConfidence"/>.</summary>
public sealed record GroupCalibration(string Name, int Documents, Reliability Calibration, int Right, double MeanConfidence);

/// <summary>Which labelled documents teach the <see cref="CorrectionMemory"/>.</summary>
public enum LessonSources
{
    /// <summary>Editors' reviews in a store only (the default: what an editor corrects recurs in that editor's documents).</summary>
    Reviews,

    /// <summary>Reviews and gold files.</summary>
    All,

    /// <summary>No lessons.</summary>
    None,
}

/// <summary>Grouped cross-validation: each gold document is scored by models trained without it (and, grouped by collection,
/// without any document of its collection).</summary>
public static class CrossValidation
{
    /// <summary>Document-grouped k-fold: scores every gold document of <paramref name="set"/> with a model trained on the other
    /// folds (reviewed documents always train); the fold's calibration comes from an inner split of its training documents.</summary>
    public static Comparison Run(TrainingSet set, ModelTrainer trainer, int folds, int innerFolds = 3, LessonSources lessons = LessonSources.Reviews)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var fold = ModelTrainer.Folds(Gold(set).Select(d => d.Labelled.Stem), folds);
        return Run(set, trainer, d => fold[d.Labelled.Stem], folds, innerFolds, lessons, out _);
    }

    /// <summary>The lessons <paramref name="documents"/> teach, from the sources <paramref name="lessons"/> names.</summary>
    public static CorrectionMemory Lessons(IEnumerable<DocumentRows> documents, LessonSources lessons)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return lessons == LessonSources.None ? CorrectionMemory.Empty
            : CorrectionMemory.Learn(documents.Where(d => lessons == LessonSources.All || d.Labelled.Source == LabelSource.Review).SelectMany(d => d.Evidence));
    }

    /// <summary>Leave-one-collection-out: every gold document is scored by a model trained on the other collections only, as a
    /// document of a genre the training mix lacks would be. Null when the gold documents come from fewer than two collections.</summary>
    public static Comparison? RunByCollection(TrainingSet set, ModelTrainer trainer, int innerFolds = 3, LessonSources lessons = LessonSources.Reviews)
    {
        ArgumentNullException.ThrowIfNull(set);
        var collections = Gold(set).Select(d => d.Labelled.Collection).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (collections.Count < 2)
        {
            return null;
        }

        var comparison = Run(set, trainer, d => collections.IndexOf(d.Labelled.Collection), collections.Count, innerFolds, lessons, out var learned);
        return comparison with
        {
            Groups = [.. collections.Select(c =>
            {
                var inputs = learned.Where(x => x.Collection == c).Select(x => x.Input).ToList();
                var reliability = Evaluator.Calibration(inputs);
                var right = reliability.Bins.Sum(b => b.Right);
                var mean = reliability.Predictions == 0 ? 0 : reliability.Bins.Sum(b => b.MeanConfidence * b.Count) / reliability.Predictions;
                return new GroupCalibration(c, inputs.Count, reliability, right, mean);
            })],
        };
    }

    private static List<DocumentRows> Gold(TrainingSet set) => [.. set.Documents.Where(d => d.Labelled.Source == LabelSource.Gold)];

    private static Comparison Run(
        TrainingSet set, ModelTrainer trainer, Func<DocumentRows, int> foldOf, int folds, int innerFolds, LessonSources lessons,
        out List<(string Collection, EvaluationInput Input)> scored)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        var gold = Gold(set);
        var rules = new List<EvaluationInput>();
        var learned = new List<EvaluationInput>();
        var ranked = new List<EvaluationInput>();
        var targethood = new List<(bool, double)>();
        var (enabled, trained, untrained, noTargethood) = (0, 0, 0, 0);
        scored = [];
        for (var f = 0; f < folds; f++)
        {
            var test = gold.Where(d => foldOf(d) == f).ToList();
            if (test.Count == 0)
            {
                continue;
            }

            var trainDocuments = set.Documents.Where(d => d.Labelled.Source != LabelSource.Gold || foldOf(d) != f).ToList();
            var train = trainDocuments.SelectMany(d => d.Rows).OfType<TrainingRow>().ToList();
            ExtractorModel fitted;
            try
            {
                fitted = trainer.Fit(train, innerFolds, [], [.. trainDocuments.SelectMany(d => d.Spans).OfType<SpanGroup>()]);
            }
            catch (ModelException)
            {
                // A fold's training part without a target or without right and wrong records cannot train a model. Its documents
                // are scored as a user without a model would see them, by the rules alone.
                untrained++;
                foreach (var document in test)
                {
                    var input = new EvaluationInput(document.Labelled.Document, document.Candidates, document.Labelled.Targets);
                    rules.Add(input);
                    learned.Add(input);
                    ranked.Add(input);
                    scored.Add((document.Labelled.Collection, input));
                }

                continue;
            }

            using var _ = fitted;
            using var model = fitted.WithMemory(Lessons(trainDocuments, lessons));
            trained += model.Ranker is null ? 0 : 1;
            noTargethood += model.Manifest.HasTargethood ? 0 : 1;
            enabled += model.Ranker is { Manifest.Enabled: true } ? 1 : 0;
            foreach (var document in test)
            {
                rules.Add(new EvaluationInput(document.Labelled.Document, document.Candidates, document.Labelled.Targets));
                learned.Add(new EvaluationInput(document.Labelled.Document, ModelApplication.Apply(model, document), document.Labelled.Targets));
                ranked.Add(new EvaluationInput(document.Labelled.Document, ModelApplication.Apply(model, document, rankIndicators: true), document.Labelled.Targets));
                scored.Add((document.Labelled.Collection, learned[^1]));
                var rows = document.Rows.OfType<TrainingRow>().ToList();
                if (rows.Count > 0 && model.RawScores([.. rows.Select(r => r.Features)]).Target is { } raw)
                {
                    targethood.AddRange(rows.Select((r, i) => (r.IsTarget, model.Manifest.TargetProbability(raw[i]))));
                }
            }
        }

        return Compare(rules, learned) with { WithRanker = Evaluator.Evaluate(ranked), RankerFolds = (enabled, trained), Targethood = targethood, UntrainedFolds = untrained, NoTargethoodFolds = noTargethood };
    }

    /// <summary>Scores <paramref name="documents"/> (kept out of training) with rules alone and with <paramref name="model"/>.</summary>
    public static Comparison HeldOut(IReadOnlyList<DocumentRows> documents, ExtractorModel model)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(model);
        var rules = documents.Select(d => new EvaluationInput(d.Labelled.Document, d.Candidates, d.Labelled.Targets)).ToList();
        var learned = documents.Select(d => new EvaluationInput(d.Labelled.Document, ModelApplication.Apply(model, d), d.Labelled.Targets)).ToList();
        var ranked = documents.Select(d => new EvaluationInput(d.Labelled.Document, ModelApplication.Apply(model, d, rankIndicators: true), d.Labelled.Targets)).ToList();
        return Compare(rules, learned) with { WithRanker = Evaluator.Evaluate(ranked) };
    }

    private static Comparison Compare(List<EvaluationInput> rules, List<EvaluationInput> learned) => new(
        Evaluator.Evaluate(rules),
        Evaluator.Evaluate(learned),
        Evaluator.Calibration(rules),
        Evaluator.Calibration(learned),
        rules.Count);
}
