using System.CommandLine;
using System.Globalization;
using System.Text;
using PolicyMiner.Cli.Bench;
using PolicyMiner.Cli.Pipeline;
using Spectre.Console;

namespace PolicyMiner.Cli.Commands;

/// <summary>
/// <c>policyminer bench memory</c>: peak resident memory of <c>parse</c> on a large text and on one long line, each read by
/// its own process, against the proportions a user may rely on (issue 9: under 4× the file; a single line under 500 MB).
/// </summary>
/// <remarks>
/// Measured in a child process because a process's high-water mark only rises: in-process, whatever ran before would
/// count. The texts are varied from the samples (as <c>bench ingest</c> does), so they read like policy documents, with
/// sentences, headings and numbers for every stage to work on.
/// </remarks>
internal static class BenchMemoryCommand
{
    /// <summary>A large text's peak may be at most this many times its size on disk.</summary>
    private const double TextRatioCeiling = 4.0;

    /// <summary>Peak of reading a text that is one single line, whatever its size.</summary>
    private const long SingleLineCeilingBytes = 500_000_000;

    public static Command Create()
    {
        var megabytes = new Option<int>("--mb") { Description = "Size of the large text, in MiB.", DefaultValueFactory = _ => 200 };
        var lineMegabytes = new Option<int>("--line-mb") { Description = "Size of the single-line text, in MiB.", DefaultValueFactory = _ => 50 };
        var corpus = new Option<string?>("--corpus") { Description = "Folder of sample documents to vary (default: the repository's corpus/; built-in samples when it has none)." };
        var check = new Option<bool>("--check") { Description = $"Exit 1 when a text's peak is over {TextRatioCeiling:0}× its size or the single line's over {SingleLineCeilingBytes / 1_000_000} MB." };
        var command = new Command("memory", "Measure the peak memory of `parse` on a large generated text and on a single-line text, each in its own process, against the file's size.")
        {
            megabytes, lineMegabytes, corpus, check,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (large, line) = (parse.GetValue(megabytes), parse.GetValue(lineMegabytes));
            if (large <= 0 || line <= 0)
            {
                throw new CliException("--mb and --line-mb must be positive");
            }

            var folder = Path.Combine(Path.GetTempPath(), "policyminer-bench-memory-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(folder);
            try
            {
                var templates = SyntheticCorpus.LoadTemplates(parse.GetValue(corpus) ?? BenchIngestCommand.RepositoryCorpus())
                    .Where(t => t.Extension.Equals(".txt", StringComparison.OrdinalIgnoreCase))
                    .ToList();
                if (templates.Count == 0)
                {
                    templates = [.. SyntheticCorpus.BuiltInTemplates().Where(t => t.Extension == ".txt")];
                }

                var cases = new[]
                {
                    new MemoryCase($"text, {large} MiB", WriteText(Path.Combine(folder, "large.txt"), large, templates, singleLine: false), null),
                    new MemoryCase($"one line, {line} MiB", WriteText(Path.Combine(folder, "line.txt"), line, templates, singleLine: true), SingleLineCeilingBytes),
                };
                var table = new Table().AddColumns("case", "file MiB", "peak MiB", "peak / file", "limit", "seconds", "");
                var within = true;
                foreach (var item in cases)
                {
                    var size = new FileInfo(item.Path).Length;
                    var limit = item.CeilingBytes ?? (long)(size * TextRatioCeiling);
                    var run = await ChildPeakMemory.RunAsync(["parse", item.Path, "--max-size", ((size >> 20) + 2).ToString(CultureInfo.InvariantCulture)], cancellationToken)
                        .ConfigureAwait(false);
                    if (run.ExitCode != 0)
                    {
                        throw new CliException($"bench memory: parse of the {item.Name} text failed (exit {run.ExitCode}): {run.Errors.Trim()}");
                    }

                    var ok = run.PeakBytes <= limit;
                    within &= ok;
                    table.AddRow(
                        item.Name,
                        Mebibytes(size),
                        Mebibytes(run.PeakBytes),
                        $"{run.PeakBytes / (double)size:0.00}×",
                        item.CeilingBytes is { } ceiling ? $"{ceiling / 1_000_000} MB" : $"{TextRatioCeiling:0}× = {Mebibytes(limit)} MiB",
                        run.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
                        ok ? "within" : "[red]over[/]");
                }

                Terminal.Console.Write(table);
                Console.WriteLine($"peak = resident high-water mark of `policyminer parse FILE` (JSON to a pipe that is drained), {Environment.ProcessorCount} cores visible");
                return parse.GetValue(check) && !within ? 1 : 0;
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        });
        return command;
    }

    private sealed record MemoryCase(string Name, string Path, long? CeilingBytes);

    private static string Mebibytes(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture);

    /// <summary>Writes varied samples one after another until the file holds <paramref name="megabytes"/> MiB of UTF-8.</summary>
    private static string WriteText(string path, int megabytes, IReadOnlyList<CorpusTemplate> templates, bool singleLine)
    {
        var target = megabytes * 1048576L;
        var random = new Random(20261202);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        for (var serial = 0; stream.Length + 65536 < target; serial++)
        {
            var template = templates[serial % templates.Count];
            var text = SyntheticCorpus.Vary(template, SyntheticCorpus.RegionName(random), random.Next(-8, 7), random, serial);
            writer.Write(singleLine ? text.ReplaceLineEndings(string.Empty) : text);
            writer.Write(singleLine ? "。" : "\n\n");
            writer.Flush();
        }

        return path;
    }
}
