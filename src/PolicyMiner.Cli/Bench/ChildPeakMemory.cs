using System.Diagnostics;
using System.Globalization;

namespace PolicyMiner.Cli.Bench;

/// <summary>Runs this tool as a child process and samples its resident high-water mark until it exits.</summary>
internal static class ChildPeakMemory
{
    public sealed record Result(int ExitCode, string Errors, TimeSpan Elapsed, long PeakBytes);

    public static async Task<Result> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(ToolProcess.StartInfo(arguments)) ?? throw new CliException("bench memory: could not start a child process");
        var drained = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var peak = 0L;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, HighWaterMark(process));
            await Task.WhenAny(process.WaitForExitAsync(cancellationToken), Task.Delay(20, cancellationToken)).ConfigureAwait(false);
        }

        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        await drained.ConfigureAwait(false);
        return new Result(process.ExitCode, await errors.ConfigureAwait(false), clock.Elapsed, peak);
    }

    /// <summary>Linux's VmHWM (it only rises, so the last reading before exit is the peak); elsewhere the peak working set.</summary>
    private static long HighWaterMark(Process process)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process has just exited (or this is not Linux).
        }

        try
        {
            process.Refresh();
            return process.PeakWorkingSet64;
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }
}
