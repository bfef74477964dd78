using System.Text.RegularExpressions;
using PolicyMiner.Cli.Commands;
using PolicyMiner.Cli.Pipeline;
using PolicyMiner.Ingest.Decoding;
using PolicyMiner.Storage;
using Spectre.Console;

namespace PolicyMiner.Cli.Tests;

/// <summary>A folder where the README's main command has run (out/ holds its database and outputs), shared by the tests.</summary>
public sealed class RunFolderFixture : IDisposable
{
    public RunFolderFixture()
    {
        Folder = Directory.CreateTempSubdirectory("pm-cli-").FullName;
        RunResult = PolicyminerProcess.Run(Folder, "run", Path.Combine(PolicyminerProcess.RepositoryRoot(), "corpus"), "--out", "out", "--no-progress");
    }

    public string Folder { get; }

    internal PolicyminerProcess.Result RunResult { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>Every message of issue 12's list: one line that says what is wrong and what is expected, run as the real process.</summary>
public sealed partial class CliMessagesTests(RunFolderFixture run) : IClassFixture<RunFolderFixture>
{
    private readonly string _empty = Directory.CreateTempSubdirectory("pm-cli-empty-").FullName;

    [Theory]
    [InlineData("run", "nope-xyz", "--out", "o")]
    [InlineData("ingest", "nope-xyz")]
    [InlineData("parse", "nope-xyz")]
    [InlineData("extract", "nope-xyz")]
    [InlineData("segment", "nope-xyz")]
    [InlineData("eval", "--gold", "nope-xyz", "nope-xyz")]
    public void AnyVerb_PathThatDoesNotExist_NoSuchFileOrFolderAndNothingCreated(params string[] args)
    {
        var result = PolicyminerProcess.Run(_empty, args);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("policyminer: nope-xyz: no such file or folder", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        // A failed run leaves no empty database or output folder behind.
        Assert.Empty(Directory.EnumerateFileSystemEntries(_empty));
    }

    [Fact]
    public void Extract_FolderWithNothingReadable_SaysSoAndExitsNonZero()
    {
        File.WriteAllText(Path.Combine(_empty, "notes.md"), "no documents here");

        var result = PolicyminerProcess.Run(_empty, "extract", ".");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(".: no document files in this folder (readable: .txt", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("targets", "--year", "abc", "--year abc: expected a year such as 2025")]
    [InlineData("export", "--out", "x.csv", "--year", "20x5", "--year 20x5: expected a year such as 2025")]
    [InlineData("parse", "a.txt", "--max-size", "lots", "--max-size lots: expected a whole number")]
    [InlineData("eval", "--gold", "g", "d", "--min-f1", "high", "--min-f1 high: expected a number such as 0.9")]
    public void Option_WordWhereNumberBelongs_SaysWhatIsExpectedNotATypeName(params string[] argsAndMessage)
    {
        var result = PolicyminerProcess.Run(_empty, argsAndMessage[..^1]);

        Assert.Equal(CliRunner.UsageExitCode, result.ExitCode);
        Assert.Contains($"policyminer: {argsAndMessage[^1]}", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"see 'policyminer {argsAndMessage[0]} --help'", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("targets", "--category", "rd_intensty")]
    [InlineData("export", "--out", "x.csv", "--category", "rd_intensty")]
    [InlineData("compare", "--out", "x.html", "--category", "rd_intensty")]
    public void Category_Unknown_ListsTheValidOnes(params string[] args)
    {
        var result = PolicyminerProcess.Run(_empty, args);

        Assert.Equal(CliRunner.UsageExitCode, result.ExitCode);
        Assert.Contains("--category rd_intensty: unknown value; one of rd_intensity, gdp_growth,", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(", other", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("targets", "--format", "xml", "one of table, jsonl")]
    [InlineData("segment", "--mode", "fast", "one of default, search, full")]
    [InlineData("export", "--out", "-", "--format", "pdf", "one of csv, xlsx, jsonl")]
    public void EnumeratedOption_UnknownValue_ListsTheValidOnesOnOneLine(params string[] argsAndMessage)
    {
        var result = PolicyminerProcess.Run(_empty, argsAndMessage[..^1]);

        Assert.Equal(CliRunner.UsageExitCode, result.ExitCode);
        Assert.Single(result.Stderr.Split('\n'), l => l.Contains("unknown value", StringComparison.Ordinal) && l.Contains(argsAndMessage[^1], StringComparison.Ordinal));
    }

    [Fact]
    public void Run_OutOntoAnExistingFile_OneLine()
    {
        File.WriteAllText(Path.Combine(_empty, "report"), "");

        var result = PolicyminerProcess.Run(_empty, "run", Path.Combine(PolicyminerProcess.RepositoryRoot(), "corpus"), "--out", "report");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("policyminer: report: is a file; --out takes a folder", result.Stderr.Trim());
    }

    [Fact]
    public void Export_OutOntoAFolderOrAnExistingFile_OneLineOrOverwritten()
    {
        var folder = PolicyminerProcess.Run(run.Folder, "export", "--out", "out");
        File.WriteAllText(Path.Combine(run.Folder, "old.csv"), "stale");
        var file = PolicyminerProcess.Run(run.Folder, "export", "--out", "old.csv");

        Assert.Equal(1, folder.ExitCode);
        Assert.Contains("policyminer: out: is a folder; --out takes a file name (an existing file is overwritten)", folder.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, file.ExitCode);
        // Overwritten deliberately, as a CSV for Excel: BOM, then the header.
        Assert.Equal([0xEF, 0xBB, 0xBF, .. "title,"u8.ToArray()], File.ReadAllBytes(Path.Combine(run.Folder, "old.csv"))[..9]);
    }

    [Fact]
    public void Export_ToStdout_CsvWithoutBomByDefaultAndJsonlWhenAsked()
    {
        var csv = PolicyminerProcess.Run(run.Folder, "export", "--out", "-");
        var jsonl = PolicyminerProcess.Run(run.Folder, "export", "--out", "-", "--format", "jsonl");
        var xlsx = PolicyminerProcess.Run(run.Folder, "export", "--out", "-", "--format", "xlsx");

        Assert.Equal(0, csv.ExitCode);
        Assert.Equal("title,"u8.ToArray(), csv.StdoutBytes[..6]);
        Assert.Equal(0, jsonl.ExitCode);
        Assert.StartsWith("{\"title\":", jsonl.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, xlsx.ExitCode);
        Assert.Contains("--out -: XLSX cannot be written to stdout", xlsx.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Segment_Gb18030File_DecodedLikeEveryOtherVerb()
    {
        var file = Path.Combine(_empty, "gb.txt");
        File.WriteAllBytes(file, TextDecoder.Gb18030.GetBytes("南京市长江大桥\n"));

        var result = PolicyminerProcess.Run(_empty, "segment", "gb.txt");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("南京市 / 长江大桥", result.Stdout.Trim());
    }

    [Fact]
    public void Run_FirstRun_SaysWhereDatabaseAndOutputsAreAndHowToQuery()
    {
        Assert.Equal(0, run.RunResult.ExitCode);
        Assert.Contains("report: open out/report.html in a browser", run.RunResult.Stdout, StringComparison.Ordinal);
        Assert.Contains("database: out/policyminer.db; query it with `policyminer targets --db out/policyminer.db`", run.RunResult.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_AfterReadmeRunWithoutDb_UsesOutDatabaseAndSaysSo()
    {
        var result = PolicyminerProcess.Run(run.Folder, "targets", "--region", "青川市");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("policyminer: using database out/policyminer.db", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("targets (", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_NoDatabaseAnywhere_SaysWhereDatabasesAre()
    {
        var result = PolicyminerProcess.Run(_empty, "targets");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no database here; pass --db PATH (`policyminer run DIR --out out` keeps it in out/policyminer.db)", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_empty));
    }

    [Fact]
    public void WriteTable_HundredColumnTerminal_FitsWithIdAndQuoteAndNoBrokenNumbersOrWords()
    {
        using var store = PolicyStore.Open(Path.Combine(run.Folder, "out", PolicyStore.DefaultFileName));
        var targets = store.QueryTargets(TargetQuery.All);
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 100;

        TargetsCommand.WriteTable(targets, console);

        var lines = output.ToString().Split('\n');
        Assert.All(lines, l => Assert.True(TextColumns.Width(l.TrimEnd('\r')) <= 100, $"{TextColumns.Width(l)} cells: {l}"));
        Assert.Contains("原文", lines[1], StringComparison.Ordinal);
        var text = output.ToString();
        foreach (var stored in targets)
        {
            Assert.Contains(stored.Id, text, StringComparison.Ordinal);
            // Numbers and ASCII words of the shown quote stay whole on one line.
            var shown = stored.Target.Quote.Length <= TargetsCommand.QuoteShown ? stored.Target.Quote : stored.Target.Quote[..(TargetsCommand.QuoteShown - 1)];
            foreach (var word in AsciiRun().Matches(shown).Select(m => m.Value).Where(w => w.Length > 1))
            {
                Assert.Contains(word, text, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("高新技术产业增加值占GDP的比重由2005年的8.5%提高到15%左右", 20)]
    [InlineData("市级科技计划经费的30-40%用于支持产学研合作项目，确保落实。", 16)]
    public void Wrap_MixedText_LinesFitAndNumbersStayWhole(string text, int width)
    {
        var lines = TextColumns.Wrap(text, width).Split('\n');

        Assert.Equal(text, string.Concat(lines));
        Assert.All(lines, l => Assert.True(TextColumns.Width(l) <= width, l));
        Assert.All(lines.Skip(1), l => Assert.False(l[0] is '，' or '。' or '、', l));
        foreach (var word in AsciiRun().Matches(text).Select(m => m.Value))
        {
            Assert.Contains(lines, l => l.Contains(word, StringComparison.Ordinal));
        }
    }

    [GeneratedRegex("[0-9A-Za-z.%\\-]+")]
    private static partial Regex AsciiRun();
}
