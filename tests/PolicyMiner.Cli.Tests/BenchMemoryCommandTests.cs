using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyMiner.Cli.Tests;

public sealed partial class BenchMemoryCommandTests
{
    [Fact]
    public void BenchMemory_TinyTexts_MeasuresEachChildAndCheckFailsOverItsProportion()
    {
        // Two tiny texts: the runtime alone takes tens of MiB, far over 4× a 2 MiB file, so --check must fail; the single
        // line stays under its fixed 500 MB.
        var result = PolicyminerProcess.Run(Directory.GetCurrentDirectory(), ["bench", "memory", "--mb", "2", "--line-mb", "1", "--check"], [], null);

        Assert.Equal(1, result.ExitCode);
        var text = Assert.Single(result.StdoutLines, l => l.Contains("text, 2 MiB", StringComparison.Ordinal));
        var line = Assert.Single(result.StdoutLines, l => l.Contains("one line, 1 MiB", StringComparison.Ordinal));
        Assert.True(Peak(text) > 20, text);
        Assert.True(Peak(line) > 20, line);
        Assert.Contains("over", text, StringComparison.Ordinal);
        Assert.Contains("within", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchMemory_StartedByTheAppHost_StartsItsChildrenTheSameWay()
    {
        // `dotnet run` and an installed tool start the apphost, which must not pass its dll on to the child as a verb.
        var apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "policyminer.exe" : "policyminer");
        Assert.True(File.Exists(apphost), $"no apphost at {apphost}");
        var start = new System.Diagnostics.ProcessStartInfo(apphost) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["bench", "memory", "--mb", "2", "--line-mb", "1"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, await errors);
        Assert.Contains("text, 2 MiB", output, StringComparison.Ordinal);
        Assert.Contains("one line, 1 MiB", output, StringComparison.Ordinal);
    }

    /// <summary>The "peak MiB" cell: the third of the row.</summary>
    private static int Peak(string row) => int.Parse(Cells().Matches(row)[2].Value.Trim(), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<=│)[^│]+(?=│)")]
    private static partial Regex Cells();
}
