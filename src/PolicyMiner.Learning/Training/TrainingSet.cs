using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Targets;
using PolicyMiner.Extraction;
using PolicyMiner.Extraction.Evaluation;
using PolicyMiner.Learning.Features;
using PolicyMiner.Learning.Models;
using PolicyMiner.Learning.Spans;

namespace PolicyMiner.Learning.Training;

/// <summary>Where a document's labels come from.</summary>
public enum LabelSource
{
    /// <summary>A gold file: every target is annotated, so a candidate matching none is a false alarm.</summary>
    Gold,

    /// <summary>An editor's review in a store: only the reviewed targets are known; other candidates are left out.</summary>
    Review,
}

/// <summary>A document with what is known about its targets.</summary>
/// <param name="Targets">Targets it has (gold, or reviewed as accepted, corrected or added), as the right records.</param>
/// <param name="NotTargets">Targets an editor rejected: a candidate matching one is a false alarm.</param>
/// <param name="Collection">The collection (genre) the document belongs to, e.g. the folder it was read from; cross-validation
/// leaves one collection out at a time to see how the models fare on documents unlike their training mix.</param>
public sealed record LabelledDocument(
    PolicyDocument Document,
    IReadOnlyList<GoldTarget> Targets,
    IReadOnlyList<GoldTarget> NotTargets,
    LabelSource Source,
    string Collection = "")
{
    /// <summary>The document's stem, the unit of grouping in cross-validation.</summary>
    public string Stem => Path.GetFileNameWithoutExtension(Document.SourceName);
}

/// <summary>One candidate of the training set.</summary>
/// <param name="IsTarget">The number is a target (it matched a gold or accepted target).</param>
/// <param name="RecordRight">Its whole record is right; null when it matched an optional gold target (not counted).</param>
/// <param name="Collection">The document's <see cref="LabelledDocument.Collection"/>.</param>
public sealed record TrainingRow(string Document, float[] Features, bool IsTarget, bool? RecordRight, LabelSource Source, string Collection = "");

/// <summary>One document's rule candidates with their labels and features, kept so cross-validation can rescore them without re-extracting.</summary>
public sealed record DocumentRows(LabelledDocument Labelled, IReadOnlyList<PolicyTarget> Candidates, IReadOnlyList<TrainingRow?> Rows)
{
    /// <summary>Per candidate, its indicator spans labelled against the matched target (null: unmatched, optional or not rankable).</summary>
    public IReadOnlyList<SpanGroup?> Spans { get; init; } = [];

    /// <summary>Per candidate, its structural keys (what a <see cref="Models.CorrectionMemory"/> recalls lessons by).</summary>
    public IReadOnlyList<LessonKeys> Keys { get; init; } = [];

    /// <summary>What the document's labels teach a <see cref="Models.CorrectionMemory"/>: each candidate matched to a required
    /// labelled target with that target, and each candidate known not to be a target with none.</summary>
    public IReadOnlyList<LessonEvidence> Evidence { get; init; } = [];
}

/// <summary>The training set: every rule candidate of every labelled document, with its features and labels.</summary>
public sealed class TrainingSet
{
    private TrainingSet(IReadOnlyList<DocumentRows> documents) => Documents = documents;

    public IReadOnlyList<DocumentRows> Documents { get; }

    /// <summary>Every labelled row, in document order.</summary>
    public IEnumerable<TrainingRow> Rows => Documents.SelectMany(d => d.Rows).OfType<TrainingRow>();

    /// <summary>Every labelled group of candidate indicator spans, in document order.</summary>
    public IEnumerable<SpanGroup> SpanGroups => Documents.SelectMany(d => d.Spans).OfType<SpanGroup>();

    /// <summary>Runs <paramref name="rules"/> (without a scorer) over each document and labels each candidate by matching it against
    /// the document's targets as <see cref="Evaluator"/> does.</summary>
    public static TrainingSet Build(TargetExtractor rules, IEnumerable<LabelledDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(documents);
        var features = TargetFeatures.Current;
        var result = new List<DocumentRows>();
        foreach (var labelled in documents)
        {
            var candidates = rules.Candidates(labelled.Document, out var context);
            var targets = candidates.Select(c => c.Target).ToList();
            var outcomes = Evaluator.Grade(labelled.Document, targets, labelled.Targets);
            var rejected = labelled.NotTargets.Count > 0 ? Evaluator.Grade(labelled.Document, targets, labelled.NotTargets) : null;
            var rows = new TrainingRow?[targets.Count];
            for (var i = 0; i < targets.Count; i++)
            {
                var (isTarget, recordRight, known) = outcomes[i] switch
                {
                    PredictionOutcome.RightRecord => (true, (bool?)true, true),
                    PredictionOutcome.WrongRecord => (true, false, true),
                    PredictionOutcome.MatchedOptional => (true, null, true),
                    _ when labelled.Source == LabelSource.Gold => (false, false, true),
                    _ when rejected is not null && rejected[i] != PredictionOutcome.FalseAlarm => (false, false, true),
                    _ => (false, false, false),
                };
                if (known)
                {
                    rows[i] = new TrainingRow(labelled.Stem, features.Compute(context, candidates[i]), isTarget, recordRight, labelled.Source, labelled.Collection);
                }
            }

            var keys = candidates.Select(c => LessonKeys.Of(context, c)).ToList();
            var evidence = new List<LessonEvidence>();
            var pairs = Evaluator.Pairs(labelled.Document, targets, labelled.Targets);
            foreach (var (g, p) in pairs.Where(p => !labelled.Targets[p.Gold].Optional))
            {
                evidence.Add(new LessonEvidence(labelled.Stem, keys[p], targets[p], labelled.Targets[g]));
            }

            for (var i = 0; i < targets.Count; i++)
            {
                if (rows[i] is { IsTarget: false })
                {
                    evidence.Add(new LessonEvidence(labelled.Stem, keys[i], targets[i], null));
                }
            }

            // Indicator spans: each candidate matched to a labelled target (gold, or an accepted or corrected review) is a ranking group.
            var spans = new SpanGroup?[targets.Count];
            foreach (var (g, p) in pairs)
            {
                var right = labelled.Targets[g];
                if (right.Optional)
                {
                    continue;
                }

                var candidate = candidates[p];
                var found = IndicatorSpanCandidates.For(context, candidate);
                if (found.Count > 1)
                {
                    spans[p] = SpanGroup.Of(labelled.Stem, found, SpanFeatures.Current.Compute(context, candidate, found), right.Indicator, i => rules.WithIndicator(candidate, i));
                }
            }

            result.Add(new DocumentRows(labelled, targets, rows) { Spans = spans, Keys = keys, Evidence = evidence });
        }

        return new TrainingSet(result);
    }
}
