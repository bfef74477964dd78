using PolicyMiner.Extraction.Evaluation;
using PolicyMiner.Learning.Models;

namespace PolicyMiner.Learning.Training;

/// <summary>Rules alone against rules + model on the same documents, with the reliability of each one's confidence.</summary>
public sealed record Comparison(EvaluationReport Rules, EvaluationReport WithModel, Reliability RulesCalibration, Reliability ModelCalibration, int Documents);

/// <summary>Document-grouped k-fold cross-validation: each gold document is scored by models trained without it.</summary>
public static class CrossValidation
{
    /// <summary>Scores every gold document of <paramref name="set"/> with a model trained on the other folds (reviewed documents
    /// always train); the fold's calibration comes from an inner split of its training documents.</summary>
    public static Comparison Run(TrainingSet set, ModelTrainer trainer, int folds, int innerFolds = 3)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var gold = set.Documents.Where(d => d.Labelled.Source == LabelSource.Gold).ToList();
        var fold = ModelTrainer.Folds(gold.Select(d => d.Labelled.Stem), folds);
        var rules = new List<EvaluationInput>();
        var learned = new List<EvaluationInput>();
        for (var f = 0; f < folds; f++)
        {
            var test = gold.Where(d => fold[d.Labelled.Stem] == f).ToList();
            if (test.Count == 0)
            {
                continue;
            }

            var train = set.Documents.Where(d => d.Labelled.Source != LabelSource.Gold || fold[d.Labelled.Stem] != f)
                .SelectMany(d => d.Rows).OfType<TrainingRow>().ToList();
            using var model = trainer.Fit(train, innerFolds, []);
            foreach (var document in test)
            {
                rules.Add(new EvaluationInput(document.Labelled.Document, document.Candidates, document.Labelled.Targets));
                learned.Add(new EvaluationInput(document.Labelled.Document, ModelApplication.Apply(model, document), document.Labelled.Targets));
            }
        }

        return Compare(rules, learned);
    }

    /// <summary>Scores <paramref name="documents"/> (kept out of training) with rules alone and with <paramref name="model"/>.</summary>
    public static Comparison HeldOut(IReadOnlyList<DocumentRows> documents, ExtractorModel model)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(model);
        var rules = documents.Select(d => new EvaluationInput(d.Labelled.Document, d.Candidates, d.Labelled.Targets)).ToList();
        var learned = documents.Select(d => new EvaluationInput(d.Labelled.Document, ModelApplication.Apply(model, d), d.Labelled.Targets)).ToList();
        return Compare(rules, learned);
    }

    private static Comparison Compare(List<EvaluationInput> rules, List<EvaluationInput> learned) => new(
        Evaluator.Evaluate(rules),
        Evaluator.Evaluate(learned),
        Evaluator.Calibration(rules),
        Evaluator.Calibration(learned),
        rules.Count);
}
