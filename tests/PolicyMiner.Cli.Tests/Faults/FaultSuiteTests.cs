using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace PolicyMiner.Cli.Tests.Faults;

/// <summary>
/// Issue 9's fault suite: every hostile file through the real <c>policyminer ingest</c>, each in its own process under a
/// time and memory limit; one line per bad file, the good files stored, the database intact afterwards.
/// </summary>
public sealed class FaultSuiteTests(ITestOutputHelper log) : IDisposable
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(90);
    private const long MemoryLimitBytes = 1536L * 1024 * 1024;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pm-faults-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [Fact]
    public async Task Ingest_EachHostileFile_OneLineWithinLimitsAndTheDatabaseStaysIntact()
    {
        var corpus = Path.Combine(_folder, "corpus");
        Directory.CreateDirectory(corpus);
        var database = Path.Combine(_folder, "faults.db");
        var table = new StringBuilder("| case | outcome | time (s) | peak memory (MB) |\n|---|---|---:|---:|\n");
        var folded = 0;
        foreach (var fault in HostileCorpus.Cases)
        {
            var file = Path.Combine(corpus, fault.Name);
            fault.Write(file);
            var run = await Measured.Run(_folder, TimeLimit, MemoryLimitBytes, "ingest", file, "--db", database, "--no-progress");

            var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(file, StringComparison.Ordinal) && !l.Contains('│')).ToList();
            Assert.True(lines.Count == 1, $"{fault.Name}: expected one line, got:\n{run.Output}\n{run.Errors}");
            var line = lines[0];
            table.Append(CultureInfo.InvariantCulture, $"| {fault.Name} | {line[..line.IndexOf(' ', StringComparison.Ordinal)]}{(fault.Fails ? ": " + line[(line.IndexOf(file, StringComparison.Ordinal) + file.Length + 2)..] : "")} | {run.Elapsed.TotalSeconds:0.0} | {run.PeakBytes / 1048576.0:0} |\n");
            Assert.False(run.TimedOut, $"{fault.Name}: over the time limit");
            Assert.False(run.OverMemory, $"{fault.Name}: over the memory limit ({run.PeakBytes / 1048576} MB)");
            Assert.DoesNotContain("   at ", run.Errors, StringComparison.Ordinal);
            if (fault.Fails)
            {
                Assert.StartsWith("failed", line, StringComparison.Ordinal);
                Assert.True(line.Contains(fault.Reason!, StringComparison.Ordinal), $"{fault.Name}: {line}");
                Assert.Equal(1, run.ExitCode);
            }
            else
            {
                // A readable file is stored, or folded into a stored document with the same text (issue 10).
                Assert.Matches("^(added|duplicate) ", line);
                folded += line.StartsWith("duplicate", StringComparison.Ordinal) ? 1 : 0;
                Assert.Equal(0, run.ExitCode);
            }
        }

        log.WriteLine(table.ToString());
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "policyminer-fault-suite.md"), table.ToString());

        // The whole hostile folder at once: the batch goes on past every bad file, and the database reads back whole.
        var batch = await Measured.Run(_folder, TimeLimit, MemoryLimitBytes, "ingest", corpus, "--db", database, "--no-progress");
        var check = await PolicyminerProcess.RunAsync(_folder, "db", "check", "--db", database);
        var good = HostileCorpus.Cases.Count(c => !c.Fails);

        Assert.Equal(0, batch.ExitCode);
        Assert.Equal(HostileCorpus.Cases.Count(c => c.Fails), batch.Output.Split('\n').Count(l => l.StartsWith("failed", StringComparison.Ordinal)));
        // Files folded as duplicates are known by their bytes too, so the rerun finds every good file unchanged.
        Assert.Equal(good, batch.Output.Split('\n').Count(l => l.StartsWith("unchanged", StringComparison.Ordinal)));
        Assert.Equal(0, check.ExitCode);
        Assert.Contains($"{good - folded} documents", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_FolderWithUpwardLinksAndAForgedName_WalksOnceAndPrintsOneEscapedLine()
    {
        var corpus = Path.Combine(_folder, "walk");
        Directory.CreateDirectory(Path.Combine(corpus, "a", "b"));
        File.WriteAllText(Path.Combine(corpus, "a", "b", "青川市.txt"), "青川市科技工作要点(样例)\n到2025年，研发经费投入强度达到3%。\n");
        File.CreateSymbolicLink(Path.Combine(corpus, "a", "b", "up"), corpus);
        File.CreateSymbolicLink(Path.Combine(corpus, "a", "up2"), Path.Combine(corpus, "a"));
        var forged = Path.Combine(corpus, "x.txt\nfailed    etc-passwd: forged.txt");
        File.WriteAllText(forged, "云岭县科技工作要点(样例)\n到2025年，高新技术企业达到500家。\n");

        var run = await Measured.Run(_folder, TimeLimit, MemoryLimitBytes, "ingest", corpus, "--db", Path.Combine(_folder, "walk.db"), "--no-progress");

        var lines = run.Output.Split('\n');
        Assert.Equal(2, lines.Count(l => l.StartsWith("added", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.StartsWith("failed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("x.txt\\nfailed    etc-passwd: forged.txt", StringComparison.Ordinal));
        Assert.Contains("link to a folder already walked", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OutputFolderInsideTheInput_NeverIngestsItsOwnOutputs()
    {
        var corpus = Path.Combine(_folder, "in");
        Directory.CreateDirectory(corpus);
        File.WriteAllText(Path.Combine(corpus, "青川市.txt"), "青川市科技工作要点(样例)\n到2025年，研发经费投入强度达到3%。高新技术企业达到500家。\n");
        var output = Path.Combine(corpus, "out");

        var first = await PolicyminerProcess.RunAsync(_folder, "run", corpus, "--out", output, "--no-progress");
        var second = await PolicyminerProcess.RunAsync(_folder, "run", corpus, "--out", output, "--no-progress");
        var targets = await PolicyminerProcess.RunAsync(_folder, "targets", "--db", Path.Combine(output, "policyminer.db"), "--format", "jsonl");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("unchanged", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("report.html", second.Output.Split('\n').Where(l => l.StartsWith("added", StringComparison.Ordinal)), StringComparer.Ordinal);
        Assert.Equal(2, targets.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}

/// <summary>A CLI process under a time and memory limit, with its elapsed time and peak resident memory.</summary>
internal static class Measured
{
    public sealed record Result(int ExitCode, string Output, string Errors, TimeSpan Elapsed, long PeakBytes, bool TimedOut, bool OverMemory);

    public static async Task<Result> Run(string folder, TimeSpan timeLimit, long memoryLimit, params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(PolicyminerProcess.StartInfo(folder, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var (peak, timedOut, overMemory) = (0L, false, false);
        while (!process.HasExited)
        {
            // VmHWM is the process's resident high-water mark; the last reading before exit is its peak.
            peak = Math.Max(peak, HighWaterMark(process.Id));
            if (peak > memoryLimit || clock.Elapsed > timeLimit)
            {
                (overMemory, timedOut) = (peak > memoryLimit, clock.Elapsed > timeLimit);
                process.Kill(entireProcessTree: true);
                break;
            }

            await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(25));
        }

        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await output, await errors, clock.Elapsed, peak, timedOut, overMemory);
    }

    private static long HighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process has just ended.
        }

        return 0;
    }
}
