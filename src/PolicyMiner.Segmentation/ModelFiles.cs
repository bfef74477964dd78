namespace PolicyMiner.Segmentation;

/// <summary>Where the dictionary, the HMM tables and the compiled cache of one jieba model live.</summary>
/// <param name="Directory">Folder holding <c>dict.txt</c>, <c>prob_emit.json</c> and <c>prob_trans.json</c>.</param>
public sealed record JiebaDictionaryPaths(string Directory)
{
    /// <summary>Name of the environment variable that points at the <c>models/</c> folder.</summary>
    public const string ModelsEnvironmentVariable = "POLICYMINER_MODELS";

    /// <summary>jieba's main dictionary: one "word frequency tag" line per word.</summary>
    public string DictionaryFile => Path.Combine(Directory, "dict.txt");

    /// <summary>HMM emission log probabilities, a JSON object per state.</summary>
    public string EmissionFile => Path.Combine(Directory, "prob_emit.json");

    /// <summary>HMM transition log probabilities, a JSON object per state.</summary>
    public string TransitionFile => Path.Combine(Directory, "prob_trans.json");

    /// <summary>The precompiled binary form, rebuilt whenever the source files' checksum changes.</summary>
    public string CompiledFile => Path.Combine(Directory, "jieba.compiled.bin");

    /// <summary>The jieba model under the located <c>models/</c> folder (see <see cref="ModelsDirectory"/>).</summary>
    public static JiebaDictionaryPaths Default => new(Path.Combine(ModelsDirectory.Locate(), "jieba"));
}

/// <summary>Finds the <c>models/</c> folder: of an install, of a checkout, or the one a user points at.</summary>
public static class ModelsDirectory
{
    /// <summary>
    /// The <c>models/</c> folder, first found of: <c>POLICYMINER_MODELS</c> when set (an explicit choice wins, so a user
    /// can swap the model of an installed tool); <c>models/</c> next to the executable when it holds the jieba
    /// dictionary (a .NET tool install, a <c>dotnet publish</c> folder, a build output); the <c>models/</c> beside
    /// <c>PolicyMiner.sln</c> above the executable (a checkout whose build has not copied the model). When none holds
    /// the model, the folder next to the executable, so the error names where an install expects it.
    /// </summary>
    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable(JiebaDictionaryPaths.ModelsEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "models");
        if (HoldsJieba(beside))
        {
            return beside;
        }

        return FindRepositoryRoot() is { } root && HoldsJieba(Path.Combine(root, "models")) ? Path.Combine(root, "models") : beside;
    }

    private static bool HoldsJieba(string models) => File.Exists(Path.Combine(models, "jieba", "dict.txt"));

    /// <summary>The folder holding <c>PolicyMiner.sln</c> above the application's folder, or null outside a checkout.</summary>
    public static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyMiner.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The committed user dictionary of policy terms (opt-in; the default segmenter is plain jieba).</summary>
    public static string PolicyTermsDictionary => Path.Combine(Locate(), "policy-terms.dict.txt");
}

/// <summary>The jieba model files are missing or unreadable; the message says how to get them.</summary>
public sealed class JiebaModelMissingException(string message) : Exception(message);
