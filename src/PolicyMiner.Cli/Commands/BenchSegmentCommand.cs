using System.CommandLine;
using System.Diagnostics;
using System.Text;
using PolicyMiner.Cli.Bench;
using PolicyMiner.Segmentation;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer bench segment FILE</c>: dictionary load time, throughput and peak memory of the segmenter.</summary>
internal static class BenchSegmentCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE|DIR") { Description = "UTF-8 text to segment, line by line, or a folder of documents whose normalised text is segmented." };
        var passes = new Option<int>("--passes")
        {
            Description = "Timed passes over the file; the best is reported with the median.",
            DefaultValueFactory = _ => 3,
        };
        var noHmm = new Option<bool>("--no-hmm") { Description = "Measure without the HMM." };
        var command = new Command("segment", "Measure init ms (dictionary load + first cut), MB/s (default mode) and peak memory.");
        command.Arguments.Add(file);
        command.Options.Add(passes);
        command.Options.Add(noHmm);
        command.SetAction(parse => Run(parse.GetValue(file)!, Math.Max(1, parse.GetValue(passes)), !parse.GetValue(noHmm)));
        return command;
    }

    private static int Run(string file, int passes, bool hmm)
    {
        if (Directory.Exists(file))
        {
            var bench = FolderBench.Load(file);
            FolderBenchReport.WriteHeader(Console.Out, bench);
            FolderBenchReport.WriteSegment(Console.Out, FolderBench.Segment(bench.Read().Documents, passes));
            return 0;
        }

        if (!File.Exists(file))
        {
            throw new CliException($"{file}: file not found");
        }

        var sinceProcessStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var clock = Stopwatch.StartNew();
        var segmenter = Bench.FolderBench.LoadSegmenter();

        var load = clock.Elapsed;
        _ = segmenter.Cut("青川市高新技术企业研发经费投入强度达到百分之三。", hmm);
        var init = clock.Elapsed;

        var lines = File.ReadAllLines(file, Encoding.UTF8);
        var bytes = new FileInfo(file).Length;
        var seconds = new List<double>();
        long tokens = 0;
        for (var pass = 0; pass < passes; pass++)
        {
            tokens = 0;
            clock.Restart();
            foreach (var line in lines)
            {
                tokens += segmenter.Cut(line, hmm).Count;
            }

            seconds.Add(clock.Elapsed.TotalSeconds);
        }

        seconds.Sort();
        var megabytes = bytes / 1e6;
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"file          {file} ({megabytes:F2} MB, {lines.Length} lines, {tokens} tokens, HMM {(hmm ? "on" : "off")})");
        Console.WriteLine($"init ms       {init.TotalMilliseconds:F1} (load {load.TotalMilliseconds:F1} + first cut; process start to load {sinceProcessStart.TotalMilliseconds:F0})");
        Console.WriteLine($"MB/s          {megabytes / seconds[0]:F1} best, {megabytes / seconds[seconds.Count / 2]:F1} median of {passes}");
        Console.WriteLine($"peak MiB      {self.PeakWorkingSet64 / 1048576.0:F1} (whole process, file held in memory)");
        return 0;
    }
}
