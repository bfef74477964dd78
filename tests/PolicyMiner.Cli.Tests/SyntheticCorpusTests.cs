using System.Security.Cryptography;
using System.Text;
using PolicyMiner.Cli.Bench;

namespace PolicyMiner.Cli.Tests;

public sealed class SyntheticCorpusTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pm-synthetic-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Vary_WorkPlan_RenamesRegionShiftsYearsScalesNumbersAndKeepsHeadings()
    {
        var template = SyntheticCorpus.BuiltInTemplates()[0];

        var text = SyntheticCorpus.Vary(template, "雾汀", yearShift: 3, new Random(7), serial: 42);

        Assert.DoesNotContain("青川", text, StringComparison.Ordinal);
        Assert.Contains("雾汀市2019年科技创新工作要点", text, StringComparison.Ordinal);
        Assert.Contains("青政办发〔2019〕12号", text.Replace("雾汀", "青川", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("1.壮大创新主体", text, StringComparison.Ordinal);
        Assert.DoesNotContain("总数突破180家", text, StringComparison.Ordinal);
        Assert.Contains("样例编号42", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_FromTemplates_WritesDistinctFilesInTheTemplatesEncodings()
    {
        var gbk = SyntheticCorpus.FromBytes("gbk-sample", ".txt", Gb18030().GetBytes("云岭县2010年工作要点。云岭县专利申请量达到300件。"));
        Assert.Equal("云岭", gbk.RegionBase);

        var files = SyntheticCorpus.Generate(_folder, 30, [.. SyntheticCorpus.BuiltInTemplates(), gbk], seed: 1);

        Assert.Equal(30, files.Count);
        Assert.Equal(30, files.Select(f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))).Distinct().Count());
        var generatedGbk = files.First(f => Path.GetFileName(f).StartsWith("gbk-sample", StringComparison.Ordinal));
        Assert.Contains("年工作要点", Gb18030().GetString(File.ReadAllBytes(generatedGbk)), StringComparison.Ordinal);
        Assert.Equal(files, SyntheticCorpus.Generate(Path.Combine(_folder, "again"), 30, [.. SyntheticCorpus.BuiltInTemplates(), gbk], seed: 1)
            .Select(f => f.Replace(Path.Combine(_folder, "again"), _folder, StringComparison.Ordinal)));
    }

    private static Encoding Gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("gb18030");
    }
}
