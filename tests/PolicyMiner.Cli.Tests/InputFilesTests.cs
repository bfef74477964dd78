using PolicyMiner.Cli.Pipeline;

namespace PolicyMiner.Cli.Tests;

public sealed class InputFilesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pm-inputs-" + Guid.NewGuid().ToString("N")[..8]);

    public InputFilesTests()
    {
        foreach (var file in (string[])["a.txt", "b.html", "notes.md", "sub/c.pdf", "sub/deeper/d.txt", "sub/deeper/e.docx"])
        {
            var path = Path.Combine(_root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "样例");
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static bool Supported(string path) => Path.GetExtension(path) is ".txt" or ".html" or ".pdf";

    [Fact]
    public void Expand_Folder_FindsSupportedFilesRecursively()
    {
        var selection = InputFiles.Expand([_root], Supported);

        Assert.Equal(["a.txt", "b.html", "sub/c.pdf", "sub/deeper/d.txt"], selection.Files.Select(Relative));
        Assert.Empty(selection.Unmatched);
        Assert.Equal(["notes.md", "sub/deeper/e.docx"], selection.UnsupportedFiles.Select(Relative));
    }

    [Fact]
    public void Expand_GlobPatterns_MatchAtAnyDepthWithDoubleStar()
    {
        var selection = InputFiles.Expand([Path.Combine(_root, "*.txt"), Path.Combine(_root, "**", "*.pdf")], Supported);

        Assert.Equal(["a.txt", "sub/c.pdf"], selection.Files.Select(Relative));
    }

    [Fact]
    public void Expand_NamedFileOfAnyExtensionAndOverlappingInputs_KeptOnceEach()
    {
        var notes = Path.Combine(_root, "notes.md");
        var selection = InputFiles.Expand([notes, _root, Path.Combine(_root, "a.txt")], Supported);

        Assert.Equal(["a.txt", "b.html", "notes.md", "sub/c.pdf", "sub/deeper/d.txt"], selection.Files.Select(Relative));
        Assert.Empty(selection.Unmatched);
    }

    [Fact]
    public void Expand_MissingPathAndEmptyPattern_ReportedAsUnmatched()
    {
        var missing = Path.Combine(_root, "missing");
        var pattern = Path.Combine(_root, "*.xls");

        var selection = InputFiles.Expand([missing, pattern, _root], Supported);

        Assert.Equal([missing, pattern], selection.Unmatched);
        Assert.Equal(4, selection.Files.Count);
    }

    private string Relative(string path) => Path.GetRelativePath(_root, path).Replace('\\', '/');
}
