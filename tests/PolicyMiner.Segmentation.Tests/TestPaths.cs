namespace PolicyMiner.Segmentation.Tests;

/// <summary>Folders the tests read: the repository root, its models/, and ../shared when it exists.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = ModelsDirectory.FindRepositoryRoot()
        ?? throw new InvalidOperationException("PolicyMiner.sln not found above the test binaries.");

    public static string SharedDirectory => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string SegReferenceDirectory => Path.Combine(SharedDirectory, "seg-reference");

    public static string GoldenDirectory => Path.Combine(AppContext.BaseDirectory, "Golden");

    public static string PolicyTermsDictionary => Path.Combine(RepositoryRoot, "models", "policy-terms.dict.txt");
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
