using PolicyMiner.Core.Targets;
using PolicyMiner.Core.Text;
using PolicyMiner.Extraction;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Learning.Models;
using PolicyMiner.Learning.Spans;
using PolicyMiner.Learning.Training;

namespace PolicyMiner.Learning.Tests;

public sealed class IndicatorSpanCandidatesTests
{
    [Fact]
    public void For_EverySampleTarget_GivesTheRulesSpanFirstAndOtherSpansOnlyAtWordBoundaries()
    {
        var groups = 0;
        foreach (var labelled in SampleTraining.Documents())
        {
            var candidates = TargetExtractor.Default.Candidates(labelled.Document, out var context);
            foreach (var candidate in candidates)
            {
                var spans = IndicatorSpanCandidates.For(context, candidate);
                if (spans.Count == 0)
                {
                    continue;
                }

                groups += spans.Count > 1 ? 1 : 0;
                Assert.True(spans[0].IsRule);
                Assert.Equal(candidate.Target.Indicator, spans[0].Text);
                Assert.InRange(spans.Count, 1, IndicatorSpanCandidates.MaxCandidates);
                Assert.Equal(spans.Count, spans.Select(s => s.Span).Distinct().Count());
                foreach (var s in spans.Skip(1))
                {
                    Assert.False(s.IsRule);
                    Assert.True(context.Words.IsBoundary(s.Span.Start), $"{labelled.Stem}: '{s.Text}' starts inside a word");
                    Assert.True(context.Words.IsBoundary(s.Span.End), $"{labelled.Stem}: '{s.Text}' ends inside a word");
                    Assert.InRange(s.Span.Length, 1, IndicatorSpanCandidates.MaxLength);
                    Assert.Equal(context.Text[s.Span.Start..s.Span.End], s.Text);
                    Assert.True(IndicatorSpanCandidates.IsContent(s.Text[0]) && IndicatorSpanCandidates.IsContent(s.Text[^1]), s.Text);
                    // A candidate never covers the number it is the indicator of.
                    Assert.True(s.Span.End <= candidate.Draft.ExpressionStart || s.Span.Start >= candidate.Draft.ExpressionEnd, s.Text);
                }
            }
        }

        Assert.True(groups > 20, $"only {groups} sample targets have alternative spans");
    }

    [Fact]
    public void For_SpanFeatures_HaveTheSchemaLengthForEveryCandidate()
    {
        var labelled = SampleTraining.Documents()[0];
        var candidates = TargetExtractor.Default.Candidates(labelled.Document, out var context);
        var candidate = candidates.First(c => IndicatorSpanCandidates.For(context, c).Count > 1);
        var spans = IndicatorSpanCandidates.For(context, candidate);
        var rows = SpanFeatures.Current.Compute(context, candidate, spans);
        Assert.All(rows, r => Assert.Equal(SpanFeatures.Current.Length, r.Length));
        // Only the rules' span has the "rule" feature.
        Assert.Equal([1f, .. Enumerable.Repeat(0f, rows.Length - 1)], rows.Select(r => r[0]));
    }
}

public sealed class SpanGroupTests
{
    internal static PolicyTarget NotRetargeted(string indicator) => throw new InvalidOperationException($"unexpected retarget to {indicator}");

    private static SpanCandidate Span(int start, string text, SpanOrigin origin = SpanOrigin.RuleEnd) => new(new TextSpan(start, start + text.Length), text, origin);

    [Fact]
    public void Best_IsTheCandidateWithTheBestDiceAgainstTheRightIndicator()
    {
        var spans = new[] { Span(0, "新招引服务业项目", SpanOrigin.Rule), Span(3, "服务业项目"), Span(0, "新招引") };
        var group = SpanGroup.Of("doc", spans, [[], [], []], "服务业项目", NotRetargeted);
        Assert.Equal(1, group.Best);
        Assert.True(group.Trainable);
        Assert.Equal(1.0, group.Dice[1]);
        Assert.Equal(3f, group.Relevance(1));
        Assert.True(group.Relevance(0) < 3f);
        Assert.Equal(0f, group.Relevance(2));
    }

    [Fact]
    public void Best_AmongEqualCandidatesIsTheRulesSpan_AndAGroupNoCandidateGetsRightDoesNotTrain()
    {
        var tie = SpanGroup.Of("doc", [Span(0, "学位", SpanOrigin.Rule), Span(5, "学位")], [[], []], "学位", NotRetargeted);
        Assert.Equal(0, tie.Best);
        var none = SpanGroup.Of("doc", [Span(0, "营收占比", SpanOrigin.Rule), Span(0, "营收")], [[], []], "八大新兴产业链营收占比", NotRetargeted);
        Assert.False(none.Trainable);
    }
}

public sealed class IndicatorRankerTests
{
    private static readonly TrainerOptions Small = new(Trees: 20, MinimumLeafRows: 3, CalibrationFolds: 2, Ranker: new TreeSettings(20, 4, 2));

    [Fact]
    public void Pick_ReplacesTheRulesSpanOnlyWhenTheTopCandidateWinsByMoreThanTheMargin()
    {
        Assert.Equal(2, IndicatorRanker.Pick([0.5f, 0.1f, 1.6f], 1.0));
        Assert.Equal(0, IndicatorRanker.Pick([0.5f, 0.1f, 1.5f], 1.0));
        Assert.Equal(0, IndicatorRanker.Pick([2f, 0.1f, 1.5f], 0));
    }

    [Fact]
    public void Ranker_LearnsTheBestSpan_AndRoundTripsThroughTheModelFile()
    {
        var groups = Synthetic(60);
        var path = Path.Combine(Path.GetTempPath(), $"pm-ranker-{Guid.NewGuid():N}.zip");
        try
        {
            using var trained = new ModelTrainer(Small).Fit([.. SampleTraining.Set().Rows], [], groups);
            var ranker = Assert.IsType<IndicatorRanker>(trained.Ranker);
            Assert.True(ranker.Manifest.Enabled);
            Assert.Equal(SpanFeatures.Current.Fingerprint, ranker.Manifest.FeatureFingerprint);
            // The marked candidate (never the rules' span here) wins in every group.
            Assert.All(groups, g => Assert.Equal(g.Best, ranker.Choose(g.Features, ranker.Manifest.Margin)));
            trained.Save(path);

            using var loaded = ExtractorModel.Load(path);
            var again = Assert.IsType<IndicatorRanker>(loaded.Ranker);
            Assert.Equal(ranker.Manifest, again.Manifest);
            Assert.Equal(ranker.Manifest, loaded.Manifest.Spans);
            foreach (var g in groups)
            {
                Assert.Equal(ranker.Scores(g.Features), again.Scores(g.Features));
                // The flat trees score as ML.NET does.
                var ml = ExtractorModel.RawScores(loaded.Ml, again.Model, g.Features, SpanFeatures.Current.Length);
                var flat = again.Scores(g.Features);
                Assert.All(Enumerable.Range(0, ml.Length), i => Assert.Equal(ml[i], flat[i], 3));
            }

            using var off = loaded.WithRankerEnabled(false);
            Assert.False(off.Ranker!.Manifest.Enabled);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_RankerOfAnotherSpanSchema_IsRefusedWithOneLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pm-ranker-{Guid.NewGuid():N}.zip");
        try
        {
            using (var trained = new ModelTrainer(Small).Fit([.. SampleTraining.Set().Rows], [], Synthetic(40)))
            {
                trained.Save(path);
            }

            ModelFileEdit.ReplaceInManifest(path, SpanFeatures.Current.Fingerprint, "0123456789abcdef");

            var e = Assert.Throws<ModelException>(() => ExtractorModel.Load(path));
            Assert.Contains("indicator ranker is stale", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Extract_WithAScorerThatChoosesAnIndicator_ReplacesTheRulesIndicator()
    {
        var document = SampleTraining.Documents()[0].Document;
        var rules = TargetExtractor.Default.Extract(document);
        var renamed = TargetExtractor.Default.WithScorer(new RenamingScorer()).Extract(document);
        Assert.Equal(rules.Count, renamed.Count);
        Assert.All(renamed, t => Assert.Equal("城镇新增就业人数", t.Indicator));
        Assert.Equal(rules.Select(t => (t.Start, t.Value, t.Year)), renamed.Select(t => (t.Start, t.Value, t.Year)));
    }

    /// <summary>Groups of 6 candidates in which one (never the rules' span) is marked by a feature and is the right indicator.</summary>
    private static List<SpanGroup> Synthetic(int count)
    {
        var length = SpanFeatures.Current.Length;
        var groups = new List<SpanGroup>();
        for (var g = 0; g < count; g++)
        {
            var right = 1 + (g % 5);
            var spans = Enumerable.Range(0, 6)
                .Select(i => new SpanCandidate(new TextSpan(i, i + 2), i == right ? "服务业项目" : "新增" + i, i == 0 ? SpanOrigin.Rule : SpanOrigin.RuleEnd)).ToList();
            var features = Enumerable.Range(0, 6).Select(i =>
            {
                var row = new float[length];
                row[0] = i == 0 ? 1 : 0;
                row[1] = (i * 7 + g) % 11;
                row[length - 1] = i == right ? 1 : 0;
                return row;
            }).ToArray();
            groups.Add(SpanGroup.Of($"doc{g % 10}", spans, features, "服务业项目", SpanGroupTests.NotRetargeted));
        }

        return groups;
    }

    private sealed class RenamingScorer : ITargetScorer
    {
        public string Fingerprint => "renaming";

        public TargetVerdict Score(ExtractionContext context, RuleCandidate candidate) => new(true, 0.5, "城镇新增就业人数");
    }
}
