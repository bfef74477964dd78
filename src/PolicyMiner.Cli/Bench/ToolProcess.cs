using System.Diagnostics;

namespace PolicyMiner.Cli.Bench;

/// <summary>Starts this very tool as a child process (benches that measure whole processes: team workers, peak memory).</summary>
internal static class ToolProcess
{
    /// <summary>The same executable (under <c>dotnet</c>, the same entry dll) with <paramref name="arguments"/>, output redirected.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Under the dotnet host (`dotnet policyminer.dll`) the child needs the dll; the apphost (`policyminer`, as
        // `dotnet run` and an installed tool start it) reports the dll as its first argument too, but must not be given it.
        var entry = Environment.GetCommandLineArgs()[0];
        var host = Path.GetFileNameWithoutExtension(Environment.ProcessPath ?? "dotnet");
        if (host.Equals("dotnet", StringComparison.OrdinalIgnoreCase) && entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(entry);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
