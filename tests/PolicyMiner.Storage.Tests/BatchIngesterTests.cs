using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Targets;
using PolicyMiner.Core.Text;
using PolicyMiner.Storage.Ingestion;

namespace PolicyMiner.Storage.Tests;

public sealed partial class BatchIngesterTests : IDisposable
{
    private readonly TempDatabase _temp = new();
    private readonly ConcurrentBag<string> _read = [];

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task RunAsync_FolderOfFiles_StoresEveryDocumentAndReportsEachFile()
    {
        var files = WriteFiles(40);
        var reported = new List<IngestFileResult>();
        using var store = PolicyStore.Open(_temp.Path);

        var summary = await Ingester(store).RunAsync(files, ["samples/"], reported.Add);

        Assert.Equal(new IngestCounts(40, 40, 0, 0, 0, 80), summary.Counts);
        Assert.Equal(40, reported.Count);
        Assert.Equal(files.Order(StringComparer.Ordinal), reported.Select(r => r.Path).Order(StringComparer.Ordinal));
        Assert.Equal(40, store.DocumentCount);
        Assert.Equal(80, store.TargetCount);
        Assert.NotNull(Assert.Single(store.Runs()).EndedAt);
    }

    [Fact]
    public async Task RunAsync_SecondRunOnSameFiles_SkipsThemByHashWithoutReading()
    {
        var files = WriteFiles(10);
        using var store = PolicyStore.Open(_temp.Path);
        await Ingester(store).RunAsync(files, []);
        _read.Clear();

        var summary = await Ingester(store).RunAsync(files, []);

        Assert.Equal(new IngestCounts(10, 0, 0, 10, 0, 0), summary.Counts);
        Assert.Empty(_read);
        Assert.Equal(10, store.DocumentCount);
        Assert.Equal(20, store.TargetCount);
    }

    [Fact]
    public async Task RunAsync_BadFiles_FailWithOneLineReasonsAndTheBatchGoesOn()
    {
        var files = WriteFiles(5).ToList();
        files.Add(Write("unreadable.txt", "BAD content"));
        files.Add(Write("crashes-extractor.txt", "CRASH 达到5%"));
        files.Add(Write("too-big.txt", new string('字', 3000)));
        files.Add(Path.Combine(_temp.Folder, "missing.txt"));
        using var store = PolicyStore.Open(_temp.Path);

        var summary = await Ingester(store, new IngestOptions(MaxFileBytes: 4000)).RunAsync(files, []);

        Assert.Equal(5, summary.Counts.Added);
        Assert.Equal(4, summary.Counts.Failed);
        var reasons = summary.Failures.ToDictionary(f => Path.GetFileName(f.Path), f => f.Reason!);
        Assert.Equal("not a policy document (test reader)", reasons["unreadable.txt"]);
        Assert.StartsWith("internal error: InvalidOperationException", reasons["crashes-extractor.txt"], StringComparison.Ordinal);
        Assert.Contains("over the 0 MB limit", reasons["too-big.txt"], StringComparison.Ordinal);
        Assert.Equal("file not found", reasons["missing.txt"]);
        Assert.All(reasons.Values, r => Assert.DoesNotContain('\n', r));
        Assert.Equal(4, store.Failures(summary.Run.Id).Count);
    }

    [Fact]
    public async Task RunAsync_FileChangedInPlace_IsUpdatedWithoutDuplicates()
    {
        var path = Write("plan.txt", "到2020年研发经费比重达到2.5%。");
        using var store = PolicyStore.Open(_temp.Path);
        await Ingester(store).RunAsync([path], []);
        File.WriteAllText(path, "到2020年研发经费比重达到2.8%，专利达到30%。");

        var summary = await Ingester(store).RunAsync([path], []);

        Assert.Equal(1, summary.Counts.Updated);
        Assert.Equal(1, store.DocumentCount);
        Assert.Equal([2.8, 30.0], store.QueryTargets(TargetQuery.All).Select(t => t.Target.Value));
    }

    [Fact]
    public async Task RunAsync_SameContentAtTwoPaths_StoredOnce()
    {
        var first = Write("a.txt", "到2020年研发经费比重达到2.5%。");
        var second = Write("b.txt", "到2020年研发经费比重达到2.5%。");
        using var store = PolicyStore.Open(_temp.Path);

        var summary = await Ingester(store, new IngestOptions(Parallelism: 1)).RunAsync([first, second], []);

        Assert.Equal(1, summary.Counts.Added);
        Assert.Equal(1, summary.Counts.Unchanged);
        Assert.Equal(1, store.TargetCount);
    }

    [Fact]
    public async Task RunAsync_NewExtractorVersion_ReExtractsStoredDocuments()
    {
        var files = WriteFiles(3);
        using var store = PolicyStore.Open(_temp.Path);
        await Ingester(store).RunAsync(files, []);

        var summary = await Ingester(store, version: "fake/2").RunAsync(files, []);

        Assert.Equal(3, summary.Counts.Updated);
        Assert.Equal(6, store.TargetCount);
        Assert.All(store.QueryTargets(TargetQuery.All), t => Assert.Equal("fake/2", t.ExtractorVersion));
    }

    [Fact]
    public async Task RunAsync_Enrich_AppliedToEveryStoredTarget()
    {
        var files = WriteFiles(3);
        using var store = PolicyStore.Open(_temp.Path);
        var stages = Stages("fake/1") with { Enrich = t => t with { IndicatorId = "rd_intensity" } };

        await new BatchIngester(store, stages).RunAsync(files, []);

        Assert.All(store.QueryTargets(TargetQuery.All), t => Assert.Equal("rd_intensity", t.Target.IndicatorId));
    }

    [Fact]
    public async Task RunAsync_FileThatNeverFinishes_FailsAtTheWatchdogAndTheBatchGoesOn()
    {
        var files = WriteFiles(3).ToList();
        files.Add(Write("hangs.txt", "HANG 达到5%"));
        using var release = new ManualResetEventSlim();
        var stages = new IngestStages(
            (path, bytes) =>
            {
                if (Encoding.UTF8.GetString(bytes).StartsWith("HANG", StringComparison.Ordinal))
                {
                    release.Wait(TimeSpan.FromSeconds(30));
                }

                return ReadFake(path, bytes);
            },
            ExtractFake,
            "fake/1");
        using var store = PolicyStore.Open(_temp.Path);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var goodStored = new SemaphoreSlim(0);

        var running = new BatchIngester(store, stages, new IngestOptions(MaxTimePerFile: TimeSpan.FromSeconds(3), Clock: clock)).RunAsync(
            files,
            [],
            result =>
            {
                if (result.Status != IngestFileStatus.Failed)
                {
                    goodStored.Release();
                }
            });
        // The clock moves only once the good files are stored, so however slow the machine, only the hanging file can pass
        // its 3 s; it keeps moving (the watchdog re-arms its timer on a pool thread) until that file is reported.
        for (var good = 0; good < 3; good++)
        {
            Assert.True(await goodStored.WaitAsync(TimeSpan.FromSeconds(60)), "a good file was never stored");
        }

        for (var tick = 0; tick < 200 && !running.IsCompleted; tick++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(running, Task.Delay(50));
        }

        Assert.True(running.IsCompleted, "the hanging file was never abandoned");
        var summary = await running;
        release.Set();

        Assert.Equal(3, summary.Counts.Added);
        var failure = Assert.Single(summary.Failures);
        Assert.EndsWith("hangs.txt", failure.Path, StringComparison.Ordinal);
        Assert.Equal("reading and extraction took over 3 s (limit); abandoned", failure.Reason);
    }

    [Fact]
    public async Task RunAsync_ScanThatKeepsReadingPages_GetsMoreTimeForEachPage()
    {
        var files = WriteFiles(2).Append(Write("scan.txt", "SCAN 达到5%")).ToList();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var turn = new SemaphoreSlim(0);
        using var pageDone = new SemaphoreSlim(0);
        using var goodStored = new SemaphoreSlim(0);
        var stages = new IngestStages(
            (path, bytes, progress) =>
            {
                if (Encoding.UTF8.GetString(bytes).StartsWith("SCAN", StringComparison.Ordinal))
                {
                    for (var page = 0; page < 10; page++)
                    {
                        Assert.True(turn.Wait(TimeSpan.FromSeconds(60)), "the test never gave the next page its turn");
                        progress.Step();
                        pageDone.Release();
                    }
                }

                return ReadFake(path, bytes);
            },
            ExtractFake,
            "fake/1");
        using var store = PolicyStore.Open(_temp.Path);
        var options = new IngestOptions(MaxTimePerFile: TimeSpan.FromSeconds(120), TimePerStep: TimeSpan.FromSeconds(60), Clock: clock);

        var running = new BatchIngester(store, stages, options).RunAsync(
            files,
            [],
            result =>
            {
                if (!result.Path.EndsWith("scan.txt", StringComparison.Ordinal))
                {
                    goodStored.Release();
                }
            });
        // The good files are stored before the fake clock moves, so a loaded machine cannot leave one inside its own
        // 120 s budget when the clock passes it (the scan waits for its turns, so it cannot hold them up).
        for (var good = 0; good < 2; good++)
        {
            Assert.True(await goodStored.WaitAsync(TimeSpan.FromSeconds(60)), "a good file was never stored");
        }

        // Ten pages of 50 s each: 500 s in all, four times the base limit, but every page comes within its share.
        for (var page = 0; page < 10; page++)
        {
            clock.Advance(TimeSpan.FromSeconds(50));
            turn.Release();
            Assert.True(await pageDone.WaitAsync(TimeSpan.FromSeconds(60)), "the scan stopped reading");
        }

        var summary = await running;

        Assert.Empty(summary.Failures);
        Assert.Equal(3, summary.Counts.Added);
    }

    [Fact]
    public async Task RunAsync_ScanThatStopsBetweenPages_FailsWhenItsBudgetRunsOutAndTheBatchGoesOn()
    {
        var files = WriteFiles(2).Append(Write("stuck.txt", "STUCK 达到5%")).ToList();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var pagesDone = new SemaphoreSlim(0);
        using var release = new ManualResetEventSlim();
        using var goodStored = new SemaphoreSlim(0);
        var stages = new IngestStages(
            (path, bytes, progress) =>
            {
                if (Encoding.UTF8.GetString(bytes).StartsWith("STUCK", StringComparison.Ordinal))
                {
                    progress.Step();
                    progress.Step();
                    pagesDone.Release();
                    release.Wait(TimeSpan.FromSeconds(60));
                }

                return ReadFake(path, bytes);
            },
            ExtractFake,
            "fake/1");
        using var store = PolicyStore.Open(_temp.Path);
        var options = new IngestOptions(MaxTimePerFile: TimeSpan.FromSeconds(120), TimePerStep: TimeSpan.FromSeconds(60), Clock: clock);

        var running = new BatchIngester(store, stages, options).RunAsync(
            files,
            [],
            result =>
            {
                if (result.Status != IngestFileStatus.Failed)
                {
                    goodStored.Release();
                }
            });
        Assert.True(await pagesDone.WaitAsync(TimeSpan.FromSeconds(60)), "the scan never started");
        // The good files must be stored before the fake clock moves: on a loaded machine one could otherwise still be
        // inside its watchdog (extracted but not yet handed on) when the clock passes its own 120 s budget, and be
        // abandoned too. Being reported as durable is the one point after which the clock cannot touch it.
        for (var good = 0; good < 2; good++)
        {
            Assert.True(await goodStored.WaitAsync(TimeSpan.FromSeconds(60)), "a good file was never stored");
        }

        // Two pages earn 120 + 2 × 60 = 240 s; at 230 s the file is still inside its budget, at 250 s past it.
        clock.Advance(TimeSpan.FromSeconds(230));
        Assert.False(running.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(20));
        // The watchdog re-arms its timer on a pool thread after each wake-up; on a loaded machine that can land after the
        // advance above, so the fake clock keeps moving (10 s per tick) until the abandoned file is reported.
        for (var tick = 0; tick < 200 && !running.IsCompleted; tick++)
        {
            await Task.WhenAny(running, Task.Delay(50));
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.True(running.IsCompleted, "the stuck file was never abandoned");
        var summary = await running;
        release.Set();

        Assert.Equal(2, summary.Counts.Added);
        var failure = Assert.Single(summary.Failures);
        Assert.EndsWith("stuck.txt", failure.Path, StringComparison.Ordinal);
        Assert.Equal("reading and extraction took over 240 s (limit 120 s + 60 s for each of 2 OCR pages read); abandoned", failure.Reason);
    }

    [Fact]
    public async Task RunAsync_SameDocumentsAsTextAndHtmlArrivingInShuffledOrder_StoreTheSameCopiesAndTargets()
    {
        // Eight plans, each as a text file and an HTML page whose text has one more target; the readers are slowed by a
        // seeded random delay per file, so each run hands the writer the copies in another order and across commits.
        var random = new Random(20240917);
        var files = new List<string>();
        for (var plan = 0; plan < 8; plan++)
        {
            var body = string.Concat(Enumerable.Range(0, 240).Select(_ => InventedCharacters[random.Next(InventedCharacters.Length)]));
            var text = $"{body}到2025年指标{plan}达到{plan}.5%。";
            files.Add(Write($"plan{plan}.txt", text));
            files.Add(Write($"plan{plan}.html", $"<p>{text}另有指标增长{plan + 10}%。</p>"));
        }

        IngestStages Shuffled(int seed)
        {
            var delays = new Random(seed);
            var delayOf = files.ToDictionary(f => f, _ => delays.Next(0, 40), StringComparer.Ordinal);
            return new IngestStages(
                (path, bytes) =>
                {
                    Thread.Sleep(delayOf[path]);
                    return ReadFakeWithFormat(path, bytes);
                },
                ExtractFake,
                "fake/1");
        }

        var outcomes = new List<string>();
        for (var seed = 1; seed <= 4; seed++)
        {
            var database = Path.Combine(_temp.Folder, $"shuffled{seed}.db");
            using var store = PolicyStore.Open(database);
            var summary = await new BatchIngester(store, Shuffled(seed), new IngestOptions(Parallelism: 4, DocumentsPerTransaction: 3))
                .RunAsync(files, []);

            Assert.Equal((8, 8, 16), (summary.Counts.Added, summary.Counts.Duplicates, summary.Counts.Targets));
            var documents = store.Documents();
            Assert.All(documents, d => Assert.Equal(DocumentFormat.Html, d.Format));
            outcomes.Add(string.Join("\n", documents.OrderBy(d => d.SourcePath, StringComparer.Ordinal)
                .Select(d => $"{Path.GetFileName(d.SourcePath)} {d.Id} <- {string.Join(",", store.FoldedSourcesOf(d.Id).Select(Path.GetFileName))}")
                .Concat(store.QueryTargets(TargetQuery.All).Select(t => $"{t.Document.SourceName} {t.Target.Value} {t.Target.Start}"))));
        }

        Assert.Equal(8, outcomes[0].Split('\n').Count(line => line.Contains(" <- ", StringComparison.Ordinal)));
        Assert.Equal(16, outcomes[0].Split('\n').Count(line => !line.Contains(" <- ", StringComparison.Ordinal)));
        Assert.All(outcomes, outcome => Assert.Equal(outcomes[0], outcome));
    }

    /// <summary>Common characters to build invented texts from (no text of a real document).</summary>
    private const string InventedCharacters = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研";

    private ReadOutcome ReadFakeWithFormat(string path, byte[] bytes)
    {
        var read = ReadFake(path, bytes);
        return path.EndsWith(".html", StringComparison.Ordinal) && read.Document is { } page
            ? ReadOutcome.Read(page with { Format = DocumentFormat.Html, Text = page.Text[3..^4], SourceText = page.Text[3..^4], OffsetMap = OffsetMap.Identity(page.Text.Length - 7), Fingerprint = TextFingerprint.Of(page.Text[3..^4]) })
            : read.Document is { } document ? ReadOutcome.Read(document with { Fingerprint = TextFingerprint.Of(document.Text) }) : read;
    }

    private BatchIngester Ingester(PolicyStore store, IngestOptions? options = null, string version = "fake/1") =>
        new(store, Stages(version), options);

    private IngestStages Stages(string version) => new(ReadFake, ExtractFake, version);

    private ReadOutcome ReadFake(string path, byte[] bytes)
    {
        _read.Add(path);
        var text = Encoding.UTF8.GetString(bytes);
        if (text.StartsWith("BAD", StringComparison.Ordinal))
        {
            return ReadOutcome.Failed("not a policy document (test reader)");
        }

        return ReadOutcome.Read(new PolicyDocument
        {
            SourceName = Path.GetFileName(path),
            SourcePath = path,
            Format = DocumentFormat.Txt,
            Encoding = "utf-8",
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            SourceText = text,
            Text = text,
            OffsetMap = OffsetMap.Identity(text.Length),
            Metadata = new DocumentMetadata(Region: "青川市", Year: 2018),
        });
    }

    private static IReadOnlyList<PolicyTarget> ExtractFake(PolicyDocument document)
    {
        if (document.Text.StartsWith("CRASH", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("rule bug");
        }

        return [.. Percent().Matches(document.Text).Select(m => new PolicyTarget
        {
            Doc = document.SourceName,
            Quote = m.Value,
            Start = m.Index,
            End = m.Index + m.Length,
            Value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
            Unit = "%",
        })];
    }

    private string[] WriteFiles(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Write($"doc{i:D3}.txt", $"样例文件{i}。到2020年研发经费比重达到{i}.5%，专利授权量增长{i + 10}%。"))];

    private string Write(string name, string text)
    {
        var path = Path.Combine(_temp.Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)%")]
    private static partial Regex Percent();
}
