using System.Text;
using System.Text.Json;

namespace PolicyMiner.Cli.Tests.Commands;

/// <summary>The <c>parse</c> verb, run as the real <c>policyminer</c> process on documents written for the test.</summary>
public sealed class ParseCommandTests : IDisposable
{
    private const string Plan = "（样例文件，地名虚构）\n云岭县人民政府\n关于做好2019年科技工作的意见\n一、目标\n全年新增高新技术企业３～５家。\n云岭县人民政府\n二〇一九年三月五日\n";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pm-parse-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Parse_GoodAndBadFiles_PrintsOneJsonLinePerDocumentAndOneErrorLinePerFailure()
    {
        var good = Write("plan.txt", Encoding.Unicode.GetBytes(Plan));
        var empty = Write("empty.txt", []);
        var unknown = Write("notes.docx", [1, 2, 3]);

        var result = Policyminer(["parse", good, empty, unknown]);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StdoutLines);
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("plan.txt", root.GetProperty("source").GetString());
        Assert.Equal("txt", root.GetProperty("format").GetString());
        Assert.Equal("utf-16le", root.GetProperty("encoding").GetString());
        Assert.Equal("关于做好2019年科技工作的意见", root.GetProperty("title").GetString());
        Assert.Equal("云岭县人民政府", root.GetProperty("issuer").GetString());
        Assert.Equal("云岭县", root.GetProperty("region").GetString());
        Assert.Equal(2019, root.GetProperty("year").GetInt32());
        Assert.Equal("2019-03-05", root.GetProperty("date").GetString());
        Assert.Contains("新增高新技术企业3-5家", root.GetProperty("text").GetString(), StringComparison.Ordinal);
        var section = root.GetProperty("sections")[0];
        Assert.Equal("一", section.GetProperty("number").GetString());
        Assert.Equal(1, section.GetProperty("level").GetInt32());
        Assert.True(root.GetProperty("sentences").GetArrayLength() >= 5);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("doc_number").ValueKind);
        Assert.Equal(["empty.txt: empty file", "notes.docx: not a zip package, so not a readable DOCX file"], result.StderrLines);
    }

    [Fact]
    public void Parse_TextFormat_PrintsReadableSummaryAndSucceeds()
    {
        var good = Write("plan.txt", Encoding.UTF8.GetBytes(Plan));

        var result = Policyminer(["parse", "--format", "text", good]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("title:      关于做好2019年科技工作的意见", result.StdoutLines);
        Assert.Contains("date:       2019-03-05", result.StdoutLines);
        Assert.Empty(result.StderrLines);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private PolicyminerProcess.Result Policyminer(string[] args) => PolicyminerProcess.Run(_folder.FullName, args);
}
