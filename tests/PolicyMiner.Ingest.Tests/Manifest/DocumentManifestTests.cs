using System.Text;
using PolicyMiner.Core.Documents;
using PolicyMiner.Ingest.Manifest;

namespace PolicyMiner.Ingest.Tests.Manifest;

public sealed class DocumentManifestTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pm-manifest-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public void Apply_JsonLinesEntry_OverridesTextValuesAndKeepsTheRest()
    {
        var manifest = DocumentManifest.Load([Write("meta.jsonl",
            """
            {"file": "青川市_2024.txt", "title": "青川市2024年政府工作报告", "region": "青川市", "year": 2024, "date": null, "source_repo": "x"}

            """)]);

        var read = new DocumentMetadata(Title: "各位代表", Issuer: "青川市人民政府", Year: 2023);
        var applied = manifest.Apply(Path.Combine(_folder, "青川市_2024.txt"), read);

        Assert.Equal(new DocumentMetadata("青川市2024年政府工作报告", "青川市人民政府", null, "青川市", null, 2024, null), applied);
        Assert.Empty(manifest.Problems);
    }

    [Fact]
    public void Apply_FileNotListed_LeavesMetadataAlone()
    {
        var manifest = DocumentManifest.Load([Write("meta.jsonl", """{"file": "a.txt", "year": 2020}""")]);
        var read = new DocumentMetadata(Year: 2019);

        Assert.Same(read, manifest.Apply(Path.Combine(_folder, "b.txt"), read));
    }

    [Fact]
    public void Find_ByNameElsewhere_MatchesWhenTheNameIsUnique()
    {
        var manifest = DocumentManifest.Load([Write("meta.jsonl", """{"file": "a.txt", "year": 2020}""")]);

        Assert.Equal(2020, manifest.Find("/some/other/folder/a.txt")?.Year);
    }

    [Fact]
    public void Find_SameNameInTwoManifests_OnlyByPath()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "x"));
        Directory.CreateDirectory(Path.Combine(_folder, "y"));
        var manifest = DocumentManifest.Load([
            Write(Path.Combine("x", "meta.jsonl"), """{"file": "a.txt", "year": 2020}"""),
            Write(Path.Combine("y", "meta.jsonl"), """{"file": "a.txt", "year": 2021}"""),
        ]);

        Assert.Equal(2020, manifest.Find(Path.Combine(_folder, "x", "a.txt"))?.Year);
        Assert.Equal(2021, manifest.Find(Path.Combine(_folder, "y", "a.txt"))?.Year);
        Assert.Null(manifest.Find("/elsewhere/a.txt"));
    }

    [Fact]
    public void Load_Csv_ReadsHeaderColumnsAnySeparatorAndQuotedFields()
    {
        var manifest = DocumentManifest.Load([Write("meta.csv",
            "file;region;year;date;doc_number;title\n"
            + "a.html;安澜市;2019;2019-03-05;安政发〔2019〕3号;\"安澜市关于印发《计划》的通知; 附件\"\n")]);

        var entry = manifest.Find(Path.Combine(_folder, "a.html"));
        Assert.NotNull(entry);
        Assert.Equal("安澜市", entry.Region);
        Assert.Equal(2019, entry.Year);
        Assert.Equal(new DateOnly(2019, 3, 5), entry.Date);
        Assert.Equal("安政发〔2019〕3号", entry.DocNumber);
        Assert.Equal("安澜市关于印发《计划》的通知; 附件", entry.Title);
    }

    [Fact]
    public void Load_UnknownValuesAndTimestamps_AreEmptyOrTheDatePart()
    {
        var manifest = DocumentManifest.Load([Write("meta.jsonl",
            """
            {"file": "a.txt", "date": "未知", "region": "null"}
            {"file": "b.txt", "date": "2020-02-10 17:28"}
            """)]);

        Assert.Null(manifest.Find("a.txt")?.Date);
        Assert.Null(manifest.Find("a.txt")?.Region);
        Assert.Equal(new DateOnly(2020, 2, 10), manifest.Find("b.txt")?.Date);
        Assert.Empty(manifest.Problems);
    }

    [Fact]
    public void Load_BadLines_AreProblemsAndTheRestIsUsed()
    {
        var path = Write("meta.jsonl",
            """
            {"file": "a.txt", "year": "twenty"}
            not json
            {"title": "no file"}
            {"file": "b.txt", "year": 2022}
            {"file": "b.txt", "year": 2023}
            """);
        var manifest = DocumentManifest.Load([path]);

        Assert.Equal(2022, manifest.Find("b.txt")?.Year);
        Assert.Null(manifest.Find("a.txt")?.Year);
        Assert.Collection(
            manifest.Problems,
            p => Assert.StartsWith($"{path}:1: year 'twenty'", p, StringComparison.Ordinal),
            p => Assert.StartsWith($"{path}:2: not a JSON object", p, StringComparison.Ordinal),
            p => Assert.Equal($"{path}:3: no file name", p),
            p => Assert.Equal($"{path}:5: b.txt is listed twice; the first entry is used", p));
    }

    [Theory]
    [InlineData("meta.xlsx", "x", "must be .csv or .jsonl")]
    [InlineData("meta.csv", "name,year\na.txt,2020\n", "no 'file' column (columns: name, year)")]
    [InlineData("meta.csv", "", "empty manifest")]
    public void Load_UnusableFile_ThrowsOneLineNamingTheFile(string name, string text, string reason)
    {
        var path = Write(name, text);

        var e = Assert.Throws<ManifestException>(() => DocumentManifest.Load([path]));

        Assert.StartsWith(path + ": ", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Load_MissingFile_SaysSo()
    {
        var e = Assert.Throws<ManifestException>(() => DocumentManifest.Load([Path.Combine(_folder, "none.jsonl")]));

        Assert.EndsWith("none.jsonl: manifest not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FingerprintOf_ChangesWithTheEntryOnly()
    {
        var first = DocumentManifest.Load([Write("one.jsonl", """{"file": "a.txt", "year": 2020}""")]);
        var same = DocumentManifest.Load([Write("two.jsonl", """{"file": "a.txt", "year": 2020, "note": "ignored column"}""")]);
        var changed = DocumentManifest.Load([Write("three.jsonl", """{"file": "a.txt", "year": 2021}""")]);

        Assert.NotEqual("", first.FingerprintOf("a.txt"));
        Assert.Equal(first.FingerprintOf("a.txt"), same.FingerprintOf("a.txt"));
        Assert.NotEqual(first.FingerprintOf("a.txt"), changed.FingerprintOf("a.txt"));
        Assert.Equal("", first.FingerprintOf("b.txt"));
    }
}
