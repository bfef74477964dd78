using System.CommandLine;
using System.Text;
using MiniExcelLibs;
using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Targets;
using PolicyMiner.Storage;
using PolicyMiner.Tests.Shared;

namespace PolicyMiner.Cli.Tests.Commands;

/// <summary>The export and compare verbs over a small store of invented sample documents (青川市, 云岭县 do not exist).</summary>
public sealed partial class ReportVerbsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pm-report-verbs-" + Guid.NewGuid().ToString("N"));

    public ReportVerbsTests()
    {
        Directory.CreateDirectory(_folder);
        using var store = PolicyStore.Open(Db);
        var qingchuan = Document("样例：到2020年，青川市研究与开发经费占国内生产总值的比重达到2.5%以上，技术合同成交额达到30亿元。", "qingchuan-2018.txt", "青川市", 2018);
        var yunling = Document("样例：到2020年，云岭县全社会研发经费(R&D)支出占GDP的比重达到1.8%。", "yunling-2019.txt", "云岭县", 2019);
        var empty = Document("样例：关于举办科技活动周的通知。", "notice-2019.txt", "云岭县", 2019);
        store.SaveDocument(new DocumentExtraction(qingchuan, [
            Target(qingchuan, "研究与开发经费占国内生产总值的比重达到2.5%以上", "研究与开发经费占国内生产总值的比重", "rd_intensity", 2.5, "%"),
            Target(qingchuan, "技术合同成交额达到30亿元", "技术合同成交额", "tech_contracts", 30, "亿元"),
        ], "test/1"));
        store.SaveDocument(new DocumentExtraction(yunling, [
            Target(yunling, "全社会研发经费(R&D)支出占GDP的比重达到1.8%", "全社会研发经费(R&D)支出占GDP的比重", "rd_intensity", 1.8, "%"),
        ], "test/1"));
        store.SaveDocument(new DocumentExtraction(empty, [], "test/1"));
    }

    private string Db => Path.Combine(_folder, "test.db");

    private string Out(string name) => Path.Combine(_folder, name);

    private static int Run(params string[] args)
    {
        var root = new RootCommand();
        foreach (var verb in Verbs.All())
        {
            root.Subcommands.Add(verb);
        }

        return CliRunner.Run(root, args);
    }

    [Fact]
    public void Export_Csv_EveryTargetWithMetadataAndBom()
    {
        Assert.Equal(0, Run("export", "--format", "csv", "--out", Out("t.csv"), "--db", Db));

        var bytes = File.ReadAllBytes(Out("t.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes).TrimEnd().Split("\r\n");
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.Contains("青川市", StringComparison.Ordinal) && l.Contains("tech_contract_turnover", StringComparison.Ordinal) && l.Contains("2018-03-01", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("t.jsonl")]
    [InlineData("t.xlsx")]
    public void Export_FormatFromExtension_Written(string name)
    {
        Assert.Equal(0, Run("export", "--out", Out(name), "--db", Db));

        Assert.True(new FileInfo(Out(name)).Length > 0);
        Assert.False(File.Exists(Out(name) + ".tmp"));
    }

    [Fact]
    public void Compare_Html_RdIntensityOfBothRegionsInOneSection()
    {
        Assert.Equal(0, Run("compare", "--out", Out("r.html"), "--db", Db));

        var html = File.ReadAllText(Out("r.html"));
        var start = html.IndexOf("id=\"ind-rd_intensity\"", StringComparison.Ordinal);
        var section = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        Assert.Contains("青川市 · 2018年", section, StringComparison.Ordinal);
        Assert.Contains("云岭县 · 2019年", section, StringComparison.Ordinal);
        Assert.Contains("notice-2019.txt", html[html.IndexOf("id=\"no-targets\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_XlsxWithCategory_SheetsOfThatCategoryOnly()
    {
        Assert.Equal(0, Run("compare", "--category", "rd_intensity", "--out", Out("r.xlsx"), "--db", Db));

        Assert.Equal(["全部目标", "研发经费投入强度(R&D经费占GDP比重)"], MiniExcel.GetSheetNames(Out("r.xlsx")));
    }

    [Theory]
    [InlineData("compare", "--category", "nonsense", "--out", "r.html")]
    [InlineData("compare", "--indicator", "no_such_indicator", "--out", "r.html")]
    [InlineData("compare", "--out", "r.pdf")]
    [InlineData("export", "--out", "t.docx")]
    public void Verb_BadArgument_FailsWithoutWriting(params string[] args)
    {
        var withDb = args.Select(a => a.Contains('.', StringComparison.Ordinal) ? Out(a) : a).Concat(["--db", Db]).ToArray();

        Assert.NotEqual(0, Run(withDb));
        Assert.False(File.Exists(Out(args[^1])));
    }

    [Fact]
    public void Compare_MissingDatabase_FailsWithoutCreatingIt()
    {
        var missing = Out("missing.db");

        Assert.NotEqual(0, Run("compare", "--out", Out("r.html"), "--db", missing));
        Assert.False(File.Exists(missing));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static PolicyDocument Document(string text, string name, string region, int year) =>
        SampleDocuments.Document(text, "/samples/" + name, new DocumentMetadata($"{region}{year}年科技工作要点(样例)", Region: region, Province: "样例省", Year: year, Date: new DateOnly(year, 3, 1)));

    private static PolicyTarget Target(PolicyDocument document, string quote, string indicator, string category, double value, string unit) =>
        SampleDocuments.Target(document, quote, value) with { Indicator = indicator, Category = category, Unit = unit, Comparator = Comparator.AtLeast, Year = 2020 };
}
