using System.CommandLine;
using PolicyMiner.Cli.Commands;

namespace PolicyMiner.Cli;

/// <summary>The verbs of the <c>policyminer</c> command, in pipeline order.</summary>
internal static class Verbs
{
    public static IEnumerable<Command> All()
    {
        yield return SegmentCommand.Create();
        yield return ParseCommand.Create();
        yield return ExtractCommand.Create();
        yield return EvalCommand.Create();
        yield return TrainCommand.Create();
        yield return IngestCommand.Create();
        yield return TargetsCommand.Create();
        yield return RunCommand.Create();
        yield return ReviewCommand.Create();
        yield return ExportCommand.Create();
        yield return CompareCommand.Create();
        yield return DbCommand.Create();
        yield return ServeCommand.Create();
        yield return BenchCommand.Create();
    }
}
