using System.Text;
using System.Text.Json;

namespace PolicyMiner.Cli.Tests;

/// <summary>The <c>segment</c> and <c>bench segment</c> verbs, run as the real <c>policyminer</c> process.</summary>
public sealed class SegmentCommandTests
{
    private const string Sample = "（样例）青川市高新技术企业研发经费投入强度达到2.5%。";

    [Fact]
    public void Segment_Stdin_WritesTokensJoinedPerLine()
    {
        var result = Policyminer(["segment"], stdin: "我来到北京清华大学\n\n研究生命起源\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["我 / 来到 / 北京 / 清华大学", "", "研究 / 生命 / 起源"], result.StdoutLines);
    }

    [Fact]
    public void Segment_JsonlFile_WritesOneArrayPerNonEmptyLineInOrder()
    {
        var file = TempFile($"{Sample}\n\n南京市长江大桥\n");
        try
        {
            var result = Policyminer(["segment", file, "--format", "jsonl"]);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(2, result.StdoutLines.Length);
            Assert.Equal(Sample, string.Concat(JsonSerializer.Deserialize<string[]>(result.StdoutLines[0])!));
            Assert.Equal(["南京市", "长江大桥"], JsonSerializer.Deserialize<string[]>(result.StdoutLines[1])!);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("search", false, "中国 / 科学 / 学院 / 科学院 / 中国科学院")]
    [InlineData("full", false, "中国 / 中国科学院 / 科学 / 科学院 / 学院")]
    [InlineData("default", true, "中国科学院")]
    public void Segment_Modes_FollowJieba(string mode, bool noHmm, string expected)
    {
        string[] args = noHmm ? ["segment", "--mode", mode, "--no-hmm"] : ["segment", "--mode", mode];

        var result = Policyminer(args, stdin: "中国科学院\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([expected], result.StdoutLines);
    }

    [Fact]
    public void Segment_UserDict_JoinsItsWords()
    {
        var dict = TempFile("青川科创谷 5000 ns\n");
        try
        {
            var result = Policyminer(["segment", "--user-dict", dict], stdin: "青川科创谷建设\n");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(["青川科创谷 / 建设"], result.StdoutLines);
        }
        finally
        {
            File.Delete(dict);
        }
    }

    [Fact]
    public void Segment_MissingFile_ReportsOneLineAndGoesOn()
    {
        var file = TempFile("南京市长江大桥\n");
        try
        {
            var result = Policyminer(["segment", "/nonexistent/a.txt", file]);

            Assert.Equal(1, result.ExitCode);
            Assert.Equal(["南京市 / 长江大桥"], result.StdoutLines);
            Assert.Equal(["policyminer: /nonexistent/a.txt: no such file or folder"], result.StderrLines);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Segment_ModelMissing_ReportsHowToGetIt()
    {
        var empty = Directory.CreateTempSubdirectory("pm-models-");
        try
        {
            var result = Policyminer(["segment"], stdin: "测试\n", modelsDirectory: empty.FullName);

            Assert.NotEqual(0, result.ExitCode);
            var error = Assert.Single(result.StderrLines);
            Assert.Contains("dotnet build", error, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void BenchSegment_SmallFile_PrintsInitThroughputAndPeakMemory()
    {
        var file = TempFile(string.Concat(Enumerable.Repeat($"{Sample}\n", 200)));
        try
        {
            var result = Policyminer(["bench", "segment", file, "--passes", "1"]);

            Assert.Equal(0, result.ExitCode);
            Assert.Contains(result.StdoutLines, l => l.StartsWith("init ms", StringComparison.Ordinal));
            Assert.Contains(result.StdoutLines, l => l.StartsWith("MB/s", StringComparison.Ordinal));
            Assert.Contains(result.StdoutLines, l => l.StartsWith("peak MiB", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string TempFile(string content)
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, content, new UTF8Encoding(false));
        return file;
    }

    private static PolicyminerProcess.Result Policyminer(string[] args, string stdin = "", string? modelsDirectory = null) =>
        PolicyminerProcess.Run(
            Directory.GetCurrentDirectory(),
            args,
            new UTF8Encoding(false).GetBytes(stdin),
            modelsDirectory is null ? null : new Dictionary<string, string> { ["POLICYMINER_MODELS"] = modelsDirectory });
}
