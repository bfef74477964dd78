using System.Diagnostics;
using PolicyMiner.Cli.Bench;

namespace PolicyMiner.Cli.Tests;

/// <summary>Issue 9: one writer, many readers, over real <c>policyminer</c> processes on one database.</summary>
public sealed class StoreConcurrencyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pm-lock-" + Guid.NewGuid().ToString("N")[..8]);

    public StoreConcurrencyTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [Fact]
    public async Task Ingest_WhileAnotherIngestWrites_SecondWaitsOrFailsAndReadersNeverCorrupt()
    {
        var corpus = Path.Combine(_folder, "corpus");
        SyntheticCorpus.Generate(corpus, 600, SyntheticCorpus.BuiltInTemplates());
        var database = Path.Combine(_folder, "shared.db");

        using var writer = Process.Start(Cli.StartInfo(_folder, "ingest", corpus, "--db", database, "--no-progress"))!;
        var writerErrors = writer.StandardError.ReadToEndAsync();
        // Wait until the writer has stored something, so it holds the database.
        var stored = 0;
        while (await writer.StandardOutput.ReadLineAsync() is { } line && ++stored < 50)
        {
        }

        var rival = await Cli.Run(_folder, "ingest", corpus, "--db", database, "--no-progress", "--no-wait");
        var reader = await Cli.Run(_folder, "targets", "--db", database, "--no-wait");
        // A waiting reader: it starts now and finishes after the writer.
        var waiting = Cli.Run(_folder, "targets", "--db", database, "--format", "jsonl");

        var rest = writer.StandardOutput.ReadToEndAsync();
        await writer.WaitForExitAsync();
        await rest;
        var waited = await waiting;

        Assert.Equal(0, writer.ExitCode);
        Assert.Equal(1, rival.ExitCode);
        Assert.Contains($"database in use by ingest, pid {writer.Id}; not waiting", rival.Errors, StringComparison.Ordinal);
        Assert.Equal(1, reader.ExitCode);
        Assert.Contains($"database in use by ingest, pid {writer.Id}", reader.Errors, StringComparison.Ordinal);
        Assert.Equal(0, waited.ExitCode);
        Assert.Contains($"database in use by ingest, pid {writer.Id}; waiting…", waited.Errors, StringComparison.Ordinal);
        Assert.True(waited.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 600, "the waiting reader saw the whole batch");
        Assert.DoesNotContain("at PolicyMiner", await writerErrors, StringComparison.Ordinal);

        var check = await Cli.Run(_folder, "db", "check", "--db", database);
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("600 documents", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Targets_OnAFileThatIsNotADatabase_OneLineAndBytesUnchanged()
    {
        var notes = Path.Combine(_folder, "notes.txt");
        var content = "这是我的笔记，不是数据库。\n"u8.ToArray();
        File.WriteAllBytes(notes, content);

        var read = await Cli.Run(_folder, "targets", "--db", notes);
        var write = await Cli.Run(_folder, "ingest", notes, "--db", notes, "--no-progress");

        foreach (var result in new[] { read, write })
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Equal($"policyminer: {notes}: not a PolicyMiner database (no LiteDB header); refused, the file is left untouched", result.Errors.Trim());
        }

        Assert.Equal(content, File.ReadAllBytes(notes));
    }
}

/// <summary>Runs the built <c>policyminer</c> as a separate process.</summary>
internal static class Cli
{
    public static ProcessStartInfo StartInfo(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "policyminer.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    public static async Task<(int ExitCode, string Output, string Errors)> Run(string folder, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(folder, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }
}
