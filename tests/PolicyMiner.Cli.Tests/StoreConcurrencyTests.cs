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

        using var writer = Process.Start(PolicyminerProcess.StartInfo(_folder, "ingest", corpus, "--db", database, "--no-progress"))!;
        var writerErrors = writer.StandardError.ReadToEndAsync();
        // Wait until the writer has stored something, so it holds the database.
        var stored = 0;
        while (await writer.StandardOutput.ReadLineAsync() is { } line && ++stored < 50)
        {
        }

        // A second writer that waits: it starts now and runs after the first.
        var waiting = PolicyminerProcess.RunAsync(_folder, "ingest", corpus, "--db", database, "--no-progress");
        var rival = await PolicyminerProcess.RunAsync(_folder, "ingest", corpus, "--db", database, "--no-progress", "--no-wait");
        // Readers do not wait for the writer: they read what it has committed so far.
        var reader = await PolicyminerProcess.RunAsync(_folder, "targets", "--db", database, "--no-wait", "--format", "jsonl");

        var rest = writer.StandardOutput.ReadToEndAsync();
        await writer.WaitForExitAsync();
        var written = await rest;
        var waited = await waiting;

        Assert.Equal(0, writer.ExitCode);
        Assert.Equal(1, rival.ExitCode);
        Assert.Contains($"database in use by ingest, pid {writer.Id}; not waiting", rival.Errors, StringComparison.Ordinal);
        Assert.Equal(0, reader.ExitCode);
        Assert.True(reader.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 0, "the reader saw the committed documents' targets");
        Assert.Equal(0, waited.ExitCode);
        Assert.Contains($"database in use by ingest, pid {writer.Id}; waiting…", waited.Errors, StringComparison.Ordinal);
        Assert.Contains("unchanged", waited.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("at PolicyMiner", await writerErrors, StringComparison.Ordinal);

        var check = await PolicyminerProcess.RunAsync(_folder, "db", "check", "--db", database);
        Assert.Equal(0, check.ExitCode);
        // Generated files with the same text are stored once (issue 10): 600 files less the duplicates folded.
        var duplicates = written.Split('\n').Count(l => l.StartsWith("duplicate", StringComparison.Ordinal));
        Assert.Contains($"{600 - duplicates} documents", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WhileIngestWritesInAnotherProcess_PagesKeepWorkingAndSeeTheNewDocuments()
    {
        var corpus = Path.Combine(_folder, "corpus");
        SyntheticCorpus.Generate(corpus, 300, SyntheticCorpus.BuiltInTemplates());
        var first = Path.Combine(_folder, "first");
        Directory.CreateDirectory(first);
        var sample = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.Copy(sample, Path.Combine(first, Path.GetFileName(sample)));
        var database = Path.Combine(_folder, "served.db");
        Assert.Equal(0, (await PolicyminerProcess.RunAsync(_folder, "ingest", first, "--db", database, "--no-progress")).ExitCode);
        var port = FreePort();

        using var serve = Process.Start(PolicyminerProcess.StartInfo(_folder, "serve", "--db", database, "--urls", $"http://127.0.0.1:{port}", "--no-wait"))!;
        try
        {
            var serveErrors = new System.Text.StringBuilder();
            serve.ErrorDataReceived += (_, e) => serveErrors.AppendLine(e.Data);
            serve.BeginErrorReadLine();
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            await WaitUntilServing(http);

            using var writer = Process.Start(PolicyminerProcess.StartInfo(_folder, "ingest", corpus, "--db", database, "--no-progress"))!;
            var written = writer.StandardOutput.ReadToEndAsync();
            var writerErrors = writer.StandardError.ReadToEndAsync();
            var pages = 0;
            while (!writer.HasExited)
            {
                // Every page answers during the ingest: no wait for the writer to finish, no error.
                using var list = await http.GetAsync(new Uri("/", UriKind.Relative));
                using var queue = await http.GetAsync(new Uri("/api/queue?take=20", UriKind.Relative));
                Assert.Equal(System.Net.HttpStatusCode.OK, list.StatusCode);
                Assert.Equal(System.Net.HttpStatusCode.OK, queue.StatusCode);
                pages++;
            }

            await writer.WaitForExitAsync();
            Assert.Equal(0, writer.ExitCode);
            Assert.DoesNotContain("at PolicyMiner", await writerErrors, StringComparison.Ordinal);
            var stored = 1 + (await written).Split('\n').Count(l => l.StartsWith("added", StringComparison.Ordinal));
            var after = await http.GetStringAsync(new Uri("/", UriKind.Relative));
            Assert.Contains($"<b>{stored}</b> documents", after, StringComparison.Ordinal);
            Assert.True(pages > 0, "pages were read while the ingest ran");
            Assert.DoesNotContain("Exception", serveErrors.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }

        var check = await PolicyminerProcess.RunAsync(_folder, "db", "check", "--db", database);
        Assert.Equal(0, check.ExitCode);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilServing(HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(120))
            {
            }

            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Targets_OnAFileThatIsNotADatabase_OneLineAndBytesUnchanged()
    {
        var notes = Path.Combine(_folder, "notes.txt");
        var content = "这是我的笔记，不是数据库。\n"u8.ToArray();
        File.WriteAllBytes(notes, content);

        var read = await PolicyminerProcess.RunAsync(_folder, "targets", "--db", notes);
        var write = await PolicyminerProcess.RunAsync(_folder, "ingest", notes, "--db", notes, "--no-progress");

        foreach (var result in new[] { read, write })
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Equal($"policyminer: {notes}: not a PolicyMiner database (no LiteDB header); refused, the file is left untouched", result.Errors.Trim());
        }

        Assert.Equal(content, File.ReadAllBytes(notes));
    }
}
