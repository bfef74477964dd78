namespace PolicyMiner.Ingest.Tests;

/// <summary>Where fixtures, specs and the shared corpus are, seen from the test output folder.</summary>
internal static class TestPaths
{
    public static string Fixtures { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string Specs { get; } = Path.Combine(AppContext.BaseDirectory, "Specs");

    /// <summary>The repository root (the folder holding PolicyMiner.sln).</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>../shared next to the repository root; may be absent.</summary>
    public static string Shared { get; } = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string Fixture(string name) => Path.Combine(Fixtures, name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyMiner.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PolicyMiner.sln not found above the test folder.");
    }
}
