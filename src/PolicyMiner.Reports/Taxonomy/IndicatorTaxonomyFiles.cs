using PolicyMiner.Core.Indicators;

namespace PolicyMiner.Reports.Taxonomy;

/// <summary>
/// Resolves the taxonomy every verb uses, in one order: <c>models/indicators.json</c> of the installation (beside the
/// binary, where users may edit it) or, without it, the copy built into the binary; then the user's
/// <c>--indicators</c> file merged over it. The working directory never matters, so a verb gives the same indicators
/// wherever it runs, and extraction (<c>extract</c>, <c>eval</c>, <c>ingest</c>, <c>run</c>) and reports
/// (<c>export</c>, <c>compare</c>) agree.
/// </summary>
public static class IndicatorTaxonomyFiles
{
    /// <summary>Path of the taxonomy inside an installation folder.</summary>
    public const string RelativePath = "models/indicators.json";

    /// <summary>The taxonomy of this installation, extended by <paramref name="userFile"/> when given.</summary>
    /// <exception cref="InvalidDataException">A taxonomy file is invalid; the message names it and the reason.</exception>
    /// <exception cref="FileNotFoundException">The user file does not exist.</exception>
    public static IndicatorTaxonomy LoadDefault(string? userFile = null) => Load(InstalledFile(), userFile);

    /// <summary>The taxonomy from <paramref name="baseFile"/> (or the built-in copy when null), extended by <paramref name="userFile"/>.</summary>
    public static IndicatorTaxonomy Load(string? baseFile, string? userFile)
    {
        var taxonomy = baseFile is null ? IndicatorTaxonomy.Default : Load(baseFile);
        return userFile is null ? taxonomy : Extend(taxonomy, userFile);
    }

    /// <summary>models/indicators.json beside the binary, or null when the installation has none (the built-in copy is used).</summary>
    public static string? InstalledFile()
    {
        var candidate = Path.Combine(AppContext.BaseDirectory, RelativePath);
        return File.Exists(candidate) ? candidate : null;
    }

    /// <summary>Reads one taxonomy file.</summary>
    public static IndicatorTaxonomy Load(string path)
    {
        using var stream = OpenExisting(path);
        return IndicatorTaxonomy.Load(stream, path);
    }

    /// <summary>Extends <paramref name="taxonomy"/> with the indicators of a user file.</summary>
    public static IndicatorTaxonomy Extend(IndicatorTaxonomy taxonomy, string userFile)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        using var stream = OpenExisting(userFile);
        return taxonomy.Extend(stream, userFile);
    }

    private static FileStream OpenExisting(string path) =>
        File.Exists(path) ? File.OpenRead(path) : throw new FileNotFoundException($"{path}: indicator taxonomy file not found", path);
}
