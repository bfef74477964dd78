using PolicyMiner.Extraction;
using PolicyMiner.Extraction.Evaluation;
using PolicyMiner.Learning.Models;
using PolicyMiner.Storage;

namespace PolicyMiner.Cli.Tests.Commands;

/// <summary><c>train</c> end to end: gold from corpus/gold plus an editor's reviews in a store, then extraction with the model.</summary>
public sealed class TrainCommandTests : IDisposable
{
    private static readonly string[] Samples = ["jiangyu-2013-work-points.txt", "qingchuan-2005-work-points.txt", "qingchuan-2016-work-points.txt", "anlan-2018-rd-investment-plan.txt"];

    private readonly string _folder = Directory.CreateTempSubdirectory("pm-train-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Train_GoldAndReviews_WritesAModelThatExtractUses()
    {
        var corpus = Path.Combine(Root(), "corpus");
        var docs = Directory.CreateDirectory(Path.Combine(_folder, "docs")).FullName;
        foreach (var name in Samples)
        {
            File.Copy(Path.Combine(corpus, name), Path.Combine(docs, name));
        }

        var database = Path.Combine(_folder, "review.db");
        Assert.Equal(0, PolicyminerProcess.Run(_folder, "ingest", docs, "--db", database, "--no-progress").ExitCode);
        using (var store = PolicyStore.Open(database))
        {
            var targets = store.QueryTargets(new TargetQuery(Document: "qingchuan-2016-work-points.txt"));
            Assert.True(targets.Count >= 3);
            Assert.True(store.Reject(targets[0].Id, targets[0].Version, "editor").Saved);
            Assert.True(store.Accept(targets[1].Id, targets[1].Version, "editor").Saved);
            Assert.True(store.Correct(targets[2].Id, targets[2].Version, "editor", new Dictionary<string, string> { ["kind"] = "level" }).Saved);
        }

        var model = Path.Combine(_folder, "extractor.zip");
        var train = PolicyminerProcess.Run(_folder, ["train", "--gold", Path.Combine(corpus, "gold"), .. Samples.Select(s => Path.Combine(corpus, s)),
            "--db", database, "--out", model, "--trees", "20", "--min-leaf", "3"]);

        Assert.True(train.ExitCode == 0, train.Stderr);
        Assert.Contains("1 reviewed", train.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(model));
        using (var loaded = ExtractorModel.Load(model))
        {
            Assert.Equal(3, loaded.Manifest.Training.ReviewedRows);
            // Trained without --cv: no held-out evidence that dropping wins, so the model only sets confidence.
            Assert.Equal(0, loaded.Manifest.Threshold);
        }

        Assert.Contains("only sets confidence: without --cv", train.Stdout, StringComparison.Ordinal);

        var extract = PolicyminerProcess.Run(_folder, "extract", "--model", model, Path.Combine(docs, Samples[0]));
        Assert.True(extract.ExitCode == 0, extract.Stderr);
        Assert.Contains("\"confidence\"", extract.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_GoldWithoutAFalseAlarm_FitsNoTargethoodModel_AndKeepsEveryCandidate()
    {
        // Every rule candidate of these samples is a gold target (no review rejects one): there is no false alarm to learn
        // targethood from, which used to stop train. The model keeps every candidate and only sets confidence.
        var corpus = Path.Combine(Root(), "corpus");
        var model = Path.Combine(_folder, "extractor.zip");
        var train = PolicyminerProcess.Run(_folder, ["train", "--gold", Path.Combine(corpus, "gold"), .. Samples.Select(s => Path.Combine(corpus, s)),
            "--out", model, "--trees", "20", "--min-leaf", "3", "--cv", "--folds", "2"]);

        Assert.True(train.ExitCode == 0, train.Stderr);
        Assert.Contains(" 0 held out", train.Stdout, StringComparison.Ordinal);
        Assert.Contains("no targethood model is fitted and every candidate is kept", train.Stdout, StringComparison.Ordinal);
        Assert.Contains("targethood     no targethood model was fitted: the gold has no false alarm", train.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("untrained", train.Stdout, StringComparison.Ordinal);
        using (var loaded = ExtractorModel.Load(model))
        {
            Assert.False(loaded.Manifest.HasTargethood);
            Assert.Equal(0, loaded.Manifest.Threshold);
        }

        var sample = Path.Combine(corpus, Samples[0]);
        var rules = PolicyminerProcess.Run(_folder, "extract", "--model", "none", sample);
        var scored = PolicyminerProcess.Run(_folder, "extract", "--model", model, sample);
        Assert.True(scored.ExitCode == 0, scored.Stderr);
        Assert.Equal(rules.StdoutLines.Length, scored.StdoutLines.Length);
        Assert.NotEqual(rules.Stdout, scored.Stdout);
    }

    [Fact]
    public void Train_AfterAnEditorCorrectsOneReport_ASiblingReportsSameFrameComesOutRight()
    {
        // Two work reports of invented cities with the same frame: the rules read 新增…平方公里 as an increase, the editor says
        // an amount (a covered area, not a rise of a level).
        var docs = Directory.CreateDirectory(Path.Combine(_folder, "reports")).FullName;
        File.WriteAllText(Path.Combine(docs, "澄川市_2025.txt"),
            "澄川市2025年政府工作报告\n二、2025年主要目标任务\n全年地区生产总值增长6%左右。新增湿地保护覆盖面积1000平方公里。建成5G基站2000个。\n");
        var sibling = Path.Combine(docs, "汐江市_2025.txt");
        File.WriteAllText(sibling,
            "汐江市2025年政府工作报告\n二、2025年主要目标任务\n全年地区生产总值增长5.5%。新增湿地保护覆盖面积800平方公里。建成5G基站3000个。\n");
        var database = Path.Combine(_folder, "review.db");
        Assert.Equal(0, PolicyminerProcess.Run(_folder, "ingest", docs, "--db", database, "--no-progress").ExitCode);
        var before = Targets(PolicyminerProcess.Run(_folder, "extract", "--model", "none", sibling));
        Assert.Equal("increase", KindOf(before, "湿地保护覆盖面积"));
        using (var store = PolicyStore.Open(database))
        {
            foreach (var t in store.QueryTargets(new TargetQuery(Document: "澄川市_2025.txt")))
            {
                // The editor corrects the area's kind, rejects the base stations (a rejection is the negative train needs) and accepts the rest.
                var saved = t.Target.Quote.Contains("湿地保护", StringComparison.Ordinal)
                    ? store.Correct(t.Id, t.Version, "editor", new Dictionary<string, string> { ["kind"] = "amount" })
                    : t.Target.Quote.Contains("基站", StringComparison.Ordinal) ? store.Reject(t.Id, t.Version, "editor")
                    : store.Accept(t.Id, t.Version, "editor");
                Assert.True(saved.Saved);
            }
        }

        var corpus = Path.Combine(Root(), "corpus");
        var model = Path.Combine(_folder, "extractor.zip");
        var train = PolicyminerProcess.Run(_folder, ["train", "--gold", Path.Combine(corpus, "gold"), .. Samples.Select(s => Path.Combine(corpus, s)),
            "--db", database, "--out", model, "--trees", "20", "--min-leaf", "3", "--threshold", "0"]);
        Assert.True(train.ExitCode == 0, train.Stderr);

        var after = Targets(PolicyminerProcess.Run(_folder, "extract", "--model", model, sibling));
        Assert.Equal("amount", KindOf(after, "湿地保护覆盖面积"));
        // Targets of another frame are not touched.
        Assert.Equal(before.Where(t => !t.Quote.Contains("湿地保护", StringComparison.Ordinal)), after.Where(t => !t.Quote.Contains("湿地保护", StringComparison.Ordinal)));
        var explain = PolicyminerProcess.Run(_folder, "extract", "--explain", "--model", model, sibling);
        Assert.True(explain.ExitCode == 0, explain.Stderr);
        var learned = Assert.Single(explain.StdoutLines, l => l.Contains("learned from review", StringComparison.Ordinal) && l.Contains("湿地保护", StringComparison.Ordinal));
        Assert.Contains("kind increase→amount", learned, StringComparison.Ordinal);
        Assert.Contains("澄川市_2025", learned, StringComparison.Ordinal);
        // The rejected indicator keeps its place in the sibling, with its confidence capped and the reason shown.
        Assert.Contains(explain.StdoutLines, l => l.Contains("learned from review", StringComparison.Ordinal) && l.Contains("confidence at most", StringComparison.Ordinal));
        // A document where no key recurs comes out as without lessons.
        var unrelated = Path.Combine(corpus, Samples[0]);
        Assert.Equal(
            Targets(PolicyminerProcess.Run(_folder, "extract", "--model", "none", unrelated)),
            Targets(PolicyminerProcess.Run(_folder, "extract", "--model", model, unrelated)));
    }

    /// <summary>(start offset, quote, kind) of each target in extract's JSONL output. Kinds, not indicators, are compared: without
    /// --cv the model's indicator ranker may choose spans of its own.</summary>
    private static List<(int Start, string Quote, string Kind)> Targets(PolicyminerProcess.Result extract)
    {
        Assert.True(extract.ExitCode == 0, extract.Stderr);
        return [.. extract.StdoutLines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Select(e => (e.GetProperty("start").GetInt32(), e.GetProperty("quote").GetString()!, e.GetProperty("kind").GetString()!))];
    }

    private static string KindOf(List<(int Start, string Quote, string Kind)> targets, string quote) =>
        Assert.Single(targets, t => t.Quote.Contains(quote, StringComparison.Ordinal)).Kind;

    [Fact]
    public void Review_FromGold_JudgesEveryStoredTargetAsTheGoldDoes()
    {
        var corpus = Path.Combine(Root(), "corpus");
        var docs = Directory.CreateDirectory(Path.Combine(_folder, "docs")).FullName;
        string[] names = ["qingchuan-2016-work-points.txt", "anlan-2018-rd-investment-plan.txt"];
        foreach (var name in names)
        {
            File.Copy(Path.Combine(corpus, name), Path.Combine(docs, name));
        }

        var database = Path.Combine(_folder, "review.db");
        Assert.Equal(0, PolicyminerProcess.Run(_folder, "ingest", docs, "--db", database, "--no-progress").ExitCode);
        var gold = GoldSet.Load(Path.Combine(corpus, "gold"));
        var before = Graded(database, gold, names);
        Assert.Contains(before.Values, g => g.Outcome == PredictionOutcome.FalseAlarm);
        Assert.Contains(before.Values, g => g.Outcome == PredictionOutcome.WrongRecord);

        var review = PolicyminerProcess.Run(_folder, "review", "--from-gold", Path.Combine(corpus, "gold"), "--db", database, "--user", "编辑");

        Assert.True(review.ExitCode == 0, review.Stderr);
        Assert.Contains("qingchuan-2016-work-points.txt: ", review.Stdout, StringComparison.Ordinal);
        var after = Graded(database, gold, names);
        foreach (var (id, (outcome, state)) in before)
        {
            var expected = outcome switch
            {
                PredictionOutcome.FalseAlarm => [ReviewState.Rejected],
                PredictionOutcome.WrongRecord => [ReviewState.Corrected],
                PredictionOutcome.RightRecord => new[] { ReviewState.Accepted, ReviewState.Corrected },
                _ => [ReviewState.Unreviewed],
            };
            Assert.Equal(ReviewState.Unreviewed, state);
            Assert.Contains(after[id].State, expected);
            if (after[id].State is ReviewState.Accepted or ReviewState.Corrected)
            {
                // The verdict makes the record the gold's: graded again, it is right.
                Assert.Equal(PredictionOutcome.RightRecord, after[id].Outcome);
            }
        }
    }

    /// <summary>Every stored target of <paramref name="names"/> with its outcome against gold and its review state.</summary>
    private static Dictionary<string, (PredictionOutcome Outcome, ReviewState State)> Graded(string database, GoldSet gold, string[] names)
    {
        using var store = PolicyStore.Open(database);
        var result = new Dictionary<string, (PredictionOutcome, ReviewState)>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var targets = store.QueryTargets(new TargetQuery(Document: name, IncludeRejected: true));
            var text = store.GetDocument(targets[0].Document.Id)!.Text;
            var outcomes = Evaluator.Grade(PlainTextDocument.Create(name, text, targets[0].Document.Metadata.Year), [.. targets.Select(t => t.Target)], gold.For(name)!);
            for (var i = 0; i < targets.Count; i++)
            {
                result[targets[i].Id] = (outcomes[i], targets[i].Review.State);
            }
        }

        return result;
    }

    [Fact]
    public void Extract_ModelFileThatIsNotAModel_FailsWithOneLine()
    {
        var bogus = Path.Combine(_folder, "bogus.zip");
        File.WriteAllText(bogus, "not a zip");
        var sample = Path.Combine(Root(), "corpus", Samples[0]);

        var result = PolicyminerProcess.Run(_folder, "extract", "--model", bogus, sample);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("bogus.zip", line, StringComparison.Ordinal);
        Assert.Contains("not a PolicyMiner model", line, StringComparison.Ordinal);
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyMiner.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PolicyMiner.sln not found above the test folder.");
    }
}
