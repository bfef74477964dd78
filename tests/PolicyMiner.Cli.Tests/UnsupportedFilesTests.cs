using PolicyMiner.Cli.Pipeline;

namespace PolicyMiner.Cli.Tests;

public sealed class UnsupportedFilesTests
{
    [Fact]
    public void ManyFilesOfOneTypeInOneFolder_AreOneLineWithTheirCount_FewAreNamed()
    {
        var gold = Enumerable.Range(1, 5).Select(i => Path.Combine("/data", "gold", $"doc{i}.jsonl")).ToList();
        List<string> files = [.. gold, "/data/README.md", "/data/gold/notes.md", "/data/scan.xcf"];

        var lines = UnsupportedFiles.Lines(files);

        Assert.Equal(
            [
                "  /data/README.md: unsupported type '.md'",
                "  /data/scan.xcf: unsupported type '.xcf'",
                "  /data/gold/*.jsonl: 5 files, unsupported type '.jsonl'",
                "  /data/gold/notes.md: unsupported type '.md'",
            ],
            lines.Take(4));
        Assert.StartsWith("  (read: .txt", lines[^1], StringComparison.Ordinal);
        Assert.Equal(5, lines.Count);
    }

    [Fact]
    public void ThreeFilesOfOneType_AreEachNamed_AndControlCharactersInNamesAreEscaped()
    {
        var lines = UnsupportedFiles.Lines(["/d/a.json", "/d/b.json", "/d/c\nfailed x.json"]);

        Assert.Equal(4, lines.Count);
        Assert.Contains("  /d/c\\nfailed x.json: unsupported type '.json'", lines);
        Assert.DoesNotContain(lines, l => l.Contains('\n', StringComparison.Ordinal));
    }

    [Fact]
    public void NoFiles_NoLines() => Assert.Empty(UnsupportedFiles.Lines([]));
}
