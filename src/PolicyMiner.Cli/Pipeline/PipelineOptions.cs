using System.CommandLine;
using PolicyMiner.Storage.Ingestion;

namespace PolicyMiner.Cli.Pipeline;

/// <summary>The options every verb that ingests shares: <c>--no-progress</c>, <c>--max-size</c>, <c>--indicators</c>, <c>--manifest</c>.</summary>
internal sealed class PipelineOptions
{
    private readonly Option<bool> _noProgress = new("--no-progress")
    {
        Description = "Print one plain line per file instead of a progress bar (the default when stdout is not a terminal).",
    };

    private readonly Option<int> _maxSize = new("--max-size")
    {
        Description = "Largest file to read, in MB; larger files fail with a one-line reason.",
        HelpName = "MB",
        DefaultValueFactory = _ => (int)(IngestOptions.DefaultMaxFileBytes / (1024 * 1024)),
    };

    private readonly Option<string?> _indicators = TaxonomyOption.Create();

    private readonly Option<string[]> _manifest = ManifestOption.Create();

    public static PipelineOptions Create() => new();

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_noProgress);
        command.Options.Add(_maxSize);
        command.Options.Add(_indicators);
        command.Options.Add(_manifest);
    }

    public bool ShowProgress(ParseResult parse) => !parse.GetValue(_noProgress) && IngestConsole.IsInteractive;

    /// <summary>The reader, extractor and indicator matcher configured by the options.</summary>
    public PolicyPipeline CreatePipeline(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var megabytes = parse.GetValue(_maxSize);
        if (megabytes <= 0)
        {
            throw new CliException($"--max-size must be a positive number of MB, not {megabytes}");
        }

        return PolicyPipeline.Create(
            megabytes * 1024L * 1024L,
            TaxonomyOption.Load(parse.GetValue(_indicators)),
            ManifestOption.Load(parse.GetValue(_manifest), Console.Error));
    }
}
