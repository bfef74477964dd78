using System.CommandLine;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer bench ...</c>: the parent of the speed and memory measurements, one subcommand per stage.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure speed and memory of a pipeline stage.");
        foreach (var stage in Stages())
        {
            command.Subcommands.Add(stage);
        }

        return command;
    }

    /// <summary>The measured stages; add one <c>yield return</c> line per stage.</summary>
    private static IEnumerable<Command> Stages()
    {
        yield return BenchSegmentCommand.Create();
        yield return BenchIngestCommand.Create();
        yield return BenchParseCommand.Create();
        yield return BenchMemoryCommand.Create();
        yield return BenchExtractCommand.Create();
        yield return BenchReportCommand.Create();
        yield return BenchAllCommand.Create();
    }
}
