using System.Globalization;
using System.Runtime;

namespace PolicyMiner.Cli.Bench;

/// <summary>
/// What the runtime itself cost over a pass: JIT compilation, garbage collection, and CPU time by thread name (Linux), so
/// CPU that no pipeline stage accounts for (compiler threads, background GC) shows where it went.
/// </summary>
internal sealed record RuntimeCosts(
    TimeSpan Jit,
    int MethodsCompiled,
    TimeSpan GcPause,
    int Gen0,
    int Gen1,
    int Gen2,
    double AllocatedMegabytes,
    IReadOnlyList<(string Thread, TimeSpan Cpu)> CpuByThread)
{
    /// <summary>Takes a snapshot; <see cref="Since"/> turns two into the costs between them.</summary>
    public static Snapshot Now() => new(
        JitInfo.GetCompilationTime(),
        JitInfo.GetCompiledMethodCount(),
        GC.GetTotalPauseDuration(),
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        GC.GetTotalAllocatedBytes(),
        ThreadCpu());

    public static RuntimeCosts Since(Snapshot before)
    {
        var after = Now();
        var byName = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var (id, (name, cpu)) in after.Threads)
        {
            var start = before.Threads.TryGetValue(id, out var earlier) ? earlier.Cpu : TimeSpan.Zero;
            byName[name] = byName.GetValueOrDefault(name) + (cpu - start);
        }

        return new RuntimeCosts(
            after.Jit - before.Jit,
            (int)(after.Methods - before.Methods),
            after.GcPause - before.GcPause,
            after.Gen0 - before.Gen0,
            after.Gen1 - before.Gen1,
            after.Gen2 - before.Gen2,
            (after.Allocated - before.Allocated) / 1e6,
            [.. byName.Where(p => p.Value > TimeSpan.FromMilliseconds(5)).OrderByDescending(p => p.Value).Select(p => (p.Key, p.Value))]);
    }

    internal sealed record Snapshot(TimeSpan Jit, long Methods, TimeSpan GcPause, int Gen0, int Gen1, int Gen2, long Allocated,
        Dictionary<string, (string Name, TimeSpan Cpu)> Threads);

    /// <summary>User + system CPU of each live thread from <c>/proc/self/task/*/stat</c> (clock ticks of 1/100 s); empty elsewhere.</summary>
    private static Dictionary<string, (string Name, TimeSpan Cpu)> ThreadCpu()
    {
        var threads = new Dictionary<string, (string, TimeSpan)>(StringComparer.Ordinal);
        if (!Directory.Exists("/proc/self/task"))
        {
            return threads;
        }

        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                var fields = stat[(close + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                threads[Path.GetFileName(task)] = (stat[(open + 1)..close], TimeSpan.FromSeconds(ticks / 100.0));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                // The thread ended between listing and reading.
            }
        }

        return threads;
    }
}
