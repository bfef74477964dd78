using System.CommandLine;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Learning.Models;

namespace PolicyMiner.Cli.Pipeline;

/// <summary>
/// <c>--model FILE|none</c> and the one way verbs find the learned model: the given file, or models/extractor.zip beside the
/// binary when present. A stale or unreadable installed model is refused with one line and extraction runs on rules alone.
/// </summary>
internal static class ModelOption
{
    public const string Name = "--model";

    private static readonly Lazy<ITargetScorer?> InstalledScorer = new(() => LoadInstalled(Console.Error), LazyThreadSafetyMode.ExecutionAndPublication);

    public static Option<string?> Create() => new(Name)
    {
        Description = "Learned model (from `policyminer train`) that drops non-targets and sets calibrated confidence; 'none' for rules alone. "
            + "Default: models/extractor.zip beside the binary when present.",
        HelpName = "FILE|none",
    };

    /// <summary>The installed model's scorer, loaded once per process; null when there is none or it is refused.</summary>
    public static ITargetScorer? Installed => InstalledScorer.Value;

    /// <summary>The scorer <paramref name="value"/> names: null → the installed model, "none" → rules alone, else the file.</summary>
    /// <exception cref="CliException">The named file is missing, not a model, or stale.</exception>
    public static ITargetScorer? Scorer(string? value)
    {
        if (value is null)
        {
            return Installed;
        }

        if (string.Equals(value, "none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!File.Exists(value))
        {
            throw new CliException(CliMessages.NoSuchPath(value));
        }

        try
        {
            return new LearnedScorer(ExtractorModel.Load(value));
        }
        catch (ModelException e)
        {
            throw new CliException(e.Message);
        }
    }

    private static LearnedScorer? LoadInstalled(TextWriter errors)
    {
        var path = Path.Combine(AppContext.BaseDirectory, ExtractorModel.RelativePath);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return new LearnedScorer(ExtractorModel.Load(path));
        }
        catch (ModelException e)
        {
            errors.WriteLine($"policyminer: {e.Message}; extracting with rules alone");
            return null;
        }
    }
}
