using System.CommandLine;
using System.Diagnostics;
using System.Text;
using PolicyMiner.Cli.Bench;
using PolicyMiner.Core.Documents;
using PolicyMiner.Extraction;
using PolicyMiner.Ingest;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer bench extract FILE|DIR</c>: single-thread throughput of target extraction, text in → targets out.</summary>
internal static class BenchExtractCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE|DIR") { Description = "UTF-8 text to extract from (e.g. documents concatenated to ~8 MB), or a folder of documents (e.g. ../shared/real)." };
        var passes = new Option<int>("--passes") { Description = "Timed passes; the best is reported with the median.", DefaultValueFactory = _ => 3 };
        var model = Pipeline.ModelOption.Create();
        var command = new Command("extract", "Measure MB/s of extraction from normalised text, and of TXT ingest + extraction (rules alone, then rules + the learned model when there is one).");
        command.Arguments.Add(file);
        command.Options.Add(passes);
        command.Options.Add(model);
        command.SetAction(parse =>
        {
            // Rules alone, then the same rules with the learned model, in one run on one machine: before and after.
            var scorer = Pipeline.ModelOption.Scorer(parse.GetValue(model));
            var extractors = new List<(string, TargetExtractor)> { ("rules alone", TargetExtractor.Default) };
            if (scorer is not null)
            {
                extractors.Add(("rules + model", TargetExtractor.Default.WithScorer(scorer)));
            }

            var exit = 0;
            foreach (var (name, extractor) in extractors)
            {
                Console.WriteLine($"extractor        {name} ({extractor.Version})");
                exit = Math.Max(exit, Run(parse.GetValue(file)!, Math.Max(1, parse.GetValue(passes)), extractor));
            }

            return exit;
        });
        return command;
    }

    private static int Run(string file, int passes, TargetExtractor extractor)
    {
        if (Directory.Exists(file))
        {
            var bench = FolderBench.Load(file);
            FolderBenchReport.WriteHeader(Console.Out, bench);
            var pass = bench.Extract(extractor, passes);
            FolderBenchReport.WriteRead(Console.Out, pass.Read);
            FolderBenchReport.WriteExtract(Console.Out, pass);
            return 0;
        }

        if (!File.Exists(file))
        {
            throw new CliException($"{file}: file not found");
        }

        var bytes = File.ReadAllBytes(file);
        var text = Encoding.UTF8.GetString(bytes);
        var reader = new DocumentReader(new DocumentReaderOptions(Math.Max(bytes.Length + 1L, DocumentReaderOptions.DefaultMaxBytes)));
        var megabytes = bytes.Length / 1e6;

        var clock = Stopwatch.StartNew();
        _ = extractor.Extract(PlainTextDocument.Create("warmup.txt", "年内新增高新技术企业40家。", 2018));
        var init = clock.Elapsed;

        var extractOnly = new List<double>();
        var endToEnd = new List<double>();
        var targets = 0;
        for (var pass = 0; pass < passes; pass++)
        {
            clock.Restart();
            targets = extractor.Extract(PlainTextDocument.Create("bench.txt", text, 2018)).Count;
            extractOnly.Add(clock.Elapsed.TotalSeconds);

            clock.Restart();
            var result = reader.Read(bytes, "bench.txt", DocumentFormat.Txt);
            if (!result.Succeeded)
            {
                throw new CliException(result.Message!);
            }

            _ = extractor.Extract(result.Document).Count;
            endToEnd.Add(clock.Elapsed.TotalSeconds);
        }

        extractOnly.Sort();
        endToEnd.Sort();
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"file             {file} ({megabytes:F2} MB, {targets} targets)");
        Console.WriteLine($"init ms          {init.TotalMilliseconds:F1}");
        Console.WriteLine($"extract MB/s     {megabytes / extractOnly[0]:F1} best, {megabytes / extractOnly[extractOnly.Count / 2]:F1} median of {passes} (normalised text in, targets out)");
        Console.WriteLine($"ingest+extract   {megabytes / endToEnd[0]:F1} best, {megabytes / endToEnd[endToEnd.Count / 2]:F1} median of {passes} (TXT bytes in, targets out)");
        Console.WriteLine($"peak MiB         {self.PeakWorkingSet64 / 1048576.0:F1}");
        return 0;
    }
}
