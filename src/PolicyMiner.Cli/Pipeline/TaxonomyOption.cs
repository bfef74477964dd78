using System.CommandLine;
using PolicyMiner.Core.Indicators;
using PolicyMiner.Extraction;
using PolicyMiner.Reports.Taxonomy;

namespace PolicyMiner.Cli.Pipeline;

/// <summary>
/// <c>--indicators FILE</c>, the same on every verb that extracts or reports, and the one way they load the taxonomy
/// (see <see cref="IndicatorTaxonomyFiles"/>: the installation's models/indicators.json or the built-in copy, with
/// the user's file merged over it).
/// </summary>
internal static class TaxonomyOption
{
    public const string Name = "--indicators";

    public static Option<string?> Create() => new(Name)
    {
        Description = "A user taxonomy file (format of models/indicators.json) merged over the built-in one: new ids are added, existing ids extended.",
        HelpName = "FILE",
    };

    /// <summary>The taxonomy with <paramref name="userFile"/> merged in; a bad file is a one-line error.</summary>
    /// <exception cref="CliException">The file is missing, unreadable or not a valid taxonomy.</exception>
    public static IndicatorTaxonomy Load(string? userFile)
    {
        try
        {
            return IndicatorTaxonomyFiles.LoadDefault(userFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new CliException(e.Message);
        }
    }

    /// <summary>The default rules with the resolved taxonomy, so <c>extract</c>/<c>eval</c> assign the indicators <c>ingest</c> stores,
    /// scored by the learned model <paramref name="model"/> names (see <see cref="ModelOption.Scorer"/>).</summary>
    public static TargetExtractor Extractor(string? userFile, string? model = null) => new(TargetExtractor.Default.Pipeline, Load(userFile), ModelOption.Scorer(model));
}
