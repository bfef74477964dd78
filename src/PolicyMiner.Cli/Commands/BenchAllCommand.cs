using System.CommandLine;
using PolicyMiner.Cli.Bench;
using PolicyMiner.Cli.Pipeline;
using PolicyMiner.Extraction;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer bench all DIR</c>: read, segment, extract and ingest over the same folder in one run, so their rates compare.</summary>
internal static class BenchAllCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("DIR") { Description = "Folder of documents (searched recursively), e.g. ../shared/real." };
        var passes = new Option<int>("--passes") { Description = "Timed passes of segment, extract and ingest (each after one untimed warm-up pass); the best is reported with the median.", DefaultValueFactory = _ => 3 };
        var noIngest = new Option<bool>("--no-ingest") { Description = "Skip the ingest stage (no database is written)." };
        var options = PipelineOptions.Create();
        var command = new Command("all", "Measure MB/s of reading, segment, extract (one thread) and ingest (all cores) over one folder, with where the time goes.")
        {
            folder, passes, noIngest,
        };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var pipeline = options.CreatePipeline(parse);
            var bench = FolderBench.Load(parse.GetValue(folder)!);
            var count = Math.Max(1, parse.GetValue(passes));
            var o = Console.Out;
            FolderBenchReport.WriteHeader(o, bench);
            var extract = bench.Extract(pipeline.Extractor, count);
            FolderBenchReport.WriteRead(o, extract.Read);
            FolderBenchReport.WriteSegment(o, FolderBench.Segment(extract.Read.Documents, count));
            FolderBenchReport.WriteExtract(o, extract);
            if (!parse.GetValue(noIngest))
            {
                var ingest = await bench.IngestAsync(pipeline, count, cancellationToken).ConfigureAwait(false);
                FolderBenchReport.WriteIngest(o, ingest, bench.Megabytes);
            }

            return 0;
        });
        return command;
    }
}
