using PolicyMiner.Core.Indicators;

namespace PolicyMiner.Reports.Taxonomy;

/// <summary>Finds and reads taxonomy files: models/indicators.json (from the repository or next to the binary) plus an optional user file.</summary>
public static class IndicatorTaxonomyFiles
{
    /// <summary>Path of the taxonomy inside a repository or an install folder.</summary>
    public const string RelativePath = "models/indicators.json";

    /// <summary>
    /// The shipped taxonomy, read from the first models/indicators.json found walking up from the working directory,
    /// then next to the binary, else the copy built into Core; extended by <paramref name="userFile"/> when given.
    /// </summary>
    /// <exception cref="InvalidDataException">A taxonomy file is invalid; the message names it and the reason.</exception>
    /// <exception cref="FileNotFoundException">The user file does not exist.</exception>
    public static IndicatorTaxonomy LoadDefault(string? userFile = null)
    {
        var taxonomy = FindDefaultFile() is { } path ? Load(path) : IndicatorTaxonomy.Default;
        return userFile is null ? taxonomy : Extend(taxonomy, userFile);
    }

    /// <summary>The models/indicators.json that <see cref="LoadDefault"/> reads, or null when only the built-in copy is available.</summary>
    public static string? FindDefaultFile()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
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
