using System.Globalization;

namespace PolicyMiner.Storage.Ingestion;

/// <summary>CPU time the calling thread has used, where the system tells it (Linux); null elsewhere.</summary>
/// <remarks>
/// The batch's single writer is timed by the wall clock too, but on a loaded machine a thread waiting for a core looks
/// busy; its CPU time says what the writing itself costs. Read from <c>/proc/thread-self/stat</c> (user and system
/// time in clock ticks of 1/100 s, the Linux default).
/// </remarks>
internal static class ThreadCpuTime
{
    private const double TicksPerSecond = 100;

    public static TimeSpan? Now()
    {
        try
        {
            var stat = File.ReadAllText("/proc/thread-self/stat");
            // Fields after the command name in parentheses (which may hold spaces): state is the first, utime the 12th, stime the 13th.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Nanoseconds the calling thread has run on a core and has waited in the run queue for one, from
    /// <c>/proc/thread-self/schedstat</c> (exact, unlike the clock ticks of <see cref="Now"/>); null where the system does not tell it.</summary>
    /// <remarks>Costs a file read (a few microseconds), so a batch asks for it only when <see cref="IngestOptions.StageCpu"/> is set.</remarks>
    public static (long Running, long Waiting)? Scheduled()
    {
        try
        {
            var fields = File.ReadAllText("/proc/thread-self/schedstat").Split(' ');
            return (long.Parse(fields[0], CultureInfo.InvariantCulture), long.Parse(fields[1], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
