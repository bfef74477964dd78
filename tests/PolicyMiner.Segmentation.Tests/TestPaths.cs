namespace PolicyMiner.Segmentation.Tests;

/// <summary>Folders the tests read: the repository root, its models/, and ../shared when it exists.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SharedDirectory => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string SegReferenceDirectory => Path.Combine(SharedDirectory, "seg-reference");

    public static string GoldenDirectory => Path.Combine(AppContext.BaseDirectory, "Golden");

    public static string PolicyTermsDictionary => Path.Combine(RepositoryRoot, "models", "policy-terms.dict.txt");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyMiner.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PolicyMiner.sln not found above the test binaries.");
    }
}

/// <summary>A theory over ../shared data, skipped (not failed) when ../shared is absent.</summary>
internal sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (!Directory.Exists(TestPaths.SegReferenceDirectory))
        {
            Skip = "../shared/seg-reference is absent";
        }
    }
}
