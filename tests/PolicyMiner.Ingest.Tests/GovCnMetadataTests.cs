using System.Text.Json;

namespace PolicyMiner.Ingest.Tests;

/// <summary>The 60 State Council pages of ../shared/real/govcn-2019 (never copied into the repository): title, issuer,
/// 文号, written and published date exactly as its meta.jsonl gives them. Skipped, visibly, when ../shared is absent.</summary>
public sealed class GovCnMetadataTests
{
    private static readonly DocumentReader Reader = new();

    private static string Folder => Path.Combine(TestPaths.Shared, "real", "govcn-2019");

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        var meta = Path.Combine(Folder, "meta.jsonl");
        if (File.Exists(meta))
        {
            foreach (var line in File.ReadLines(meta).Where(l => l.Length > 0))
            {
                data.Add(line);
            }
        }

        if (data.Count == 0)
        {
            data.Add(string.Empty);
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Pages))]
    public void Read_GovCnPage_MetadataIsExact(string metaLine)
    {
        Skip.If(metaLine.Length == 0, "../shared/real/govcn-2019/meta.jsonl is not present");
        using var expected = JsonDocument.Parse(metaLine);
        var root = expected.RootElement;
        var file = root.GetProperty("file").GetString()!;
        var result = Reader.Read(Path.Combine(Folder, file));

        Assert.True(result.Succeeded, result.Message);
        var actual = result.Document.Metadata;
        Assert.Equal((file, root.GetProperty("title").GetString()), (file, actual.Title));
        Assert.Equal((file, root.GetProperty("issuer").GetString()), (file, actual.Issuer));
        Assert.Equal((file, root.GetProperty("doc_number").GetString()), (file, actual.DocNumber));
        Assert.Equal((file, root.GetProperty("date").GetString()), (file, actual.Date?.ToString("yyyy-MM-dd")));
        Assert.Equal((file, root.GetProperty("date_published").GetString()), (file, actual.Published?.ToString("yyyy-MM-dd")));
    }

    [SkippableFact]
    public void Read_GovCnPages_AllSixtyArePresent()
    {
        Skip.IfNot(File.Exists(Path.Combine(Folder, "meta.jsonl")), "../shared/real/govcn-2019/meta.jsonl is not present");
        Assert.Equal(60, Pages().Count);
    }
}
