using System.CommandLine;
using System.Diagnostics;
using PolicyMiner.Core.Documents;
using PolicyMiner.Ingest;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer bench parse FILE...</c>: single-thread throughput of the whole reader (decode, clean, normalise, metadata, structure) per format.</summary>
internal static class BenchParseCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Documents to read repeatedly (.txt .html .pdf …).", Arity = ArgumentArity.OneOrMore };
        var megabytes = new Option<int>("--mb")
        {
            Description = "Read each format's files round-robin until this many megabytes have been read, per pass.",
            DefaultValueFactory = _ => 20,
        };
        var passes = new Option<int>("--passes") { Description = "Timed passes; the best is reported with the median.", DefaultValueFactory = _ => 3 };
        var command = new Command("parse", "Measure MB/s of reading each format (TXT, HTML, PDF, DOCX, OFD …), pages/s of PDF and OFD, and OCR pages/s of scans and images, single thread.");
        command.Arguments.Add(files);
        command.Options.Add(megabytes);
        command.Options.Add(passes);
        command.SetAction(parse => Run(parse.GetValue(files) ?? [], Math.Max(1, parse.GetValue(megabytes)), Math.Max(1, parse.GetValue(passes))));
        return command;
    }

    private static int Run(string[] files, int megabytes, int passes)
    {
        var reader = new DocumentReader();
        var inputs = new List<(string Name, DocumentFormat Format, byte[] Bytes, int Pages, int OcrPages)>();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new CliException($"{file}: file not found");
            }

            if (DocumentReader.FormatOf(file) is not { } format)
            {
                throw new CliException($"{file}: unsupported file type");
            }

            var bytes = File.ReadAllBytes(file);
            var result = reader.Read(bytes, Path.GetFileName(file), format);
            if (!result.Succeeded)
            {
                throw new CliException(result.Message!);
            }

            inputs.Add((Path.GetFileName(file), format, bytes, format is DocumentFormat.Pdf or DocumentFormat.Ofd ? CountPages(result.Document) : 0, result.Document.OcrPages.Count));
        }

        Console.WriteLine($"single thread, {Environment.ProcessorCount} cores visible; {passes} passes of ≥{megabytes} MB per format");
        // Scans and images are timed apart: OCR takes seconds a page, so they are read once per pass and measured in pages/s.
        foreach (var group in inputs.GroupBy(i => (i.Format, Ocr: i.OcrPages > 0)))
        {
            var list = group.ToList();
            var ocr = group.Key.Ocr;
            var name = ocr ? $"{group.Key.Format.ToString().ToLowerInvariant()}+ocr" : group.Key.Format.ToString().ToLowerInvariant();
            var ocrPages = 0L;
            var target = megabytes * 1_000_000L;
            var seconds = new List<double>();
            var cpuSeconds = new List<double>();
            long bytesRead = 0;
            long pages = 0;
            var documents = 0;
            for (var pass = 0; pass < passes; pass++)
            {
                bytesRead = 0;
                pages = 0;
                documents = 0;
                ocrPages = 0;
                using var self = Process.GetCurrentProcess();
                var cpuStart = self.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                while (ocr ? documents < list.Count : bytesRead < target && (group.Key.Format is not (DocumentFormat.Pdf or DocumentFormat.Ofd) || documents < 50 * list.Count))
                {
                    var input = list[documents % list.Count];
                    _ = reader.Read(input.Bytes, input.Name, input.Format);
                    bytesRead += input.Bytes.Length;
                    pages += input.Pages;
                    ocrPages += input.OcrPages;
                    documents++;
                }

                seconds.Add(clock.Elapsed.TotalSeconds);
                self.Refresh();
                cpuSeconds.Add((self.TotalProcessorTime - cpuStart).TotalSeconds);
            }

            seconds.Sort();
            cpuSeconds.Sort();
            var mb = bytesRead / 1e6;
            // CPU seconds (all threads of the process, GC included) give a per-core figure that a busy machine does not distort.
            var line = $"{name,-8} {list.Count} files, {documents} reads, {mb:F1} MB: {mb / seconds[0]:F1} MB/s best, "
                + $"{mb / seconds[seconds.Count / 2]:F1} median wall; {mb / cpuSeconds[0]:F1} MB per CPU-second best";
            if (ocr)
            {
                // Tesseract runs in its own process: wall time is the measure.
                line = $"{name,-8} {list.Count} files, {ocrPages} OCR pages: {ocrPages / seconds[0]:F2} OCR pages/s best wall, {ocrPages / seconds[seconds.Count / 2]:F2} median";
            }
            else if (group.Key.Format is DocumentFormat.Pdf or DocumentFormat.Ofd)
            {
                line += $"; {pages / seconds[0]:F1} pages/s best wall, {pages / cpuSeconds[0]:F1} pages per CPU-second";
            }

            Console.WriteLine(line);
        }

        return 0;
    }

    // Pages are not part of the document model; the PDF reader reports them in a diagnostic.
    private static int CountPages(PolicyDocument document)
    {
        foreach (var diagnostic in document.Diagnostics)
        {
            if (diagnostic.Code == DiagnosticCodes.PdfPages && int.TryParse(diagnostic.Message.Split(' ')[0], out var pages))
            {
                return pages;
            }
        }

        return 1;
    }
}
