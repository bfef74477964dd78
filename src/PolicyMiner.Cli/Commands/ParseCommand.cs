using System.CommandLine;
using System.Text;
using System.Text.Json;
using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Serialization;
using PolicyMiner.Ingest;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer parse FILE...</c>: reads documents and prints their text, metadata and structure.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Documents to read (.txt .text .html .htm .shtml .xhtml .pdf .docx .ofd …).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "json: one object per document per line; text: a readable summary.", DefaultValueFactory = _ => "json" };
        format.OneOf("json", "text");
        // --max-size as ingest, run and extract name it; --max-mb, parse's first name for it, still works.
        var maxMb = new Option<int>("--max-size", "--max-mb") { Description = "Largest file to read, in MB; larger files fail with a one-line reason.", DefaultValueFactory = _ => 50 };

        var command = new Command("parse", "Read policy documents into clean text with metadata, sections and sentences.") { files, format, maxMb };
        command.SetAction(parse =>
        {
            var megabytes = parse.GetValue(maxMb);
            if (megabytes <= 0)
            {
                throw new CliException($"--max-size must be a positive number of MB, not {megabytes}");
            }

            var reader = new DocumentReader(new DocumentReaderOptions(megabytes * 1024L * 1024L));
            var asJson = parse.GetValue(format) != "text";
            var failed = 0;
            using var stdout = Console.OpenStandardOutput();
            using var output = new StreamWriter(stdout, new UTF8Encoding(false)) { AutoFlush = false };
            foreach (var file in parse.GetValue(files) ?? [])
            {
                if (!File.Exists(file))
                {
                    output.Flush();
                    Console.Error.WriteLine($"policyminer: {(Directory.Exists(file) ? $"{file}: is a folder; parse takes files (extract and ingest take folders)" : CliMessages.NoSuchPath(file))}");
                    failed++;
                    continue;
                }

                var result = reader.Read(file);
                if (!result.Succeeded)
                {
                    output.Flush();
                    Console.Error.WriteLine(result.Message);
                    failed++;
                    continue;
                }

                if (asJson)
                {
                    output.Flush();
                    WriteJson(stdout, result.Document);
                    output.WriteLine();
                }
                else
                {
                    WriteSummary(output, result.Document);
                }
            }

            output.Flush();
            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static void WriteSummary(TextWriter output, PolicyDocument document)
    {
        var meta = document.Metadata;
        output.WriteLine($"== {document.SourceName} ({document.Format.ToString().ToLowerInvariant()}, {document.Encoding})");
        output.WriteLine($"title:      {meta.Title ?? "-"}");
        output.WriteLine($"issuer:     {meta.Issuer ?? "-"}");
        output.WriteLine($"doc_number: {meta.DocNumber ?? "-"}");
        output.WriteLine($"region:     {meta.Region ?? "-"} / {meta.Province ?? "-"}");
        output.WriteLine($"year:       {meta.Year?.ToString() ?? "-"}");
        output.WriteLine($"date:       {meta.Date?.ToString("yyyy-MM-dd") ?? "-"}");
        if (meta.Published is { } published)
        {
            output.WriteLine($"published:  {published:yyyy-MM-dd}");
        }

        if (meta.Uploaded is { } uploaded)
        {
            output.WriteLine($"uploaded:   {uploaded:yyyy-MM-dd}");
        }

        if (document.OcrPages.Count > 0)
        {
            output.WriteLine($"ocr pages:  {string.Join(", ", document.OcrPages)} (confidence {document.OcrConfidence:0.0}%)");
        }

        if (meta.IndexNumber is not null)
        {
            output.WriteLine($"index:      {meta.IndexNumber}");
        }

        foreach (var cited in meta.Basis ?? [])
        {
            output.WriteLine($"basis:      《{cited.Title}》（{cited.Number}）");
        }

        output.WriteLine($"text:       {document.Text.Length} chars, {document.Sections.Count} sections, {document.Sentences.Count} sentences");
        foreach (var section in document.Sections)
        {
            output.WriteLine($"  {new string(' ', (section.Level - 1) * 2)}{section.Number} {section.Heading} {section.Span}");
        }

        foreach (var diagnostic in document.Diagnostics)
        {
            output.WriteLine($"  [{diagnostic.Code} {diagnostic.Severity.ToString().ToLowerInvariant()}] {diagnostic.Message}");
        }

        output.WriteLine();
    }

    /// <summary>
    /// Writes one document as one JSON object straight to <paramref name="stream"/>, its text in flushed segments: a
    /// large document's text is never copied whole into a JSON string or the writer's buffer.
    /// </summary>
    private static void WriteJson(Stream stream, PolicyDocument document)
    {
        const int TextSegment = 1 << 16;
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = PolicyJson.Options.Encoder });
        writer.WriteStartObject();
        foreach (var property in JsonSerializer.SerializeToElement(ParsedHead.From(document), PolicyJson.Options).EnumerateObject())
        {
            property.WriteTo(writer);
        }

        writer.WritePropertyName("text");
        var text = document.Text.AsSpan();
        var at = 0;
        do
        {
            var length = Math.Min(TextSegment, text.Length - at);
            writer.WriteStringValueSegment(text.Slice(at, length), isFinalSegment: at + length == text.Length);
            writer.Flush();
            at += length;
        }
        while (at < text.Length);

        writer.WritePropertyName("sections");
        JsonSerializer.Serialize(writer, document.Sections.Select(s => new ParsedSection(s.Level, s.Number, s.Heading, s.Span.Start, s.Span.End)).ToList(), PolicyJson.Options);
        // Sentences one by one, flushed in batches: a large text has millions.
        writer.WritePropertyName("sentences");
        writer.WriteStartArray();
        for (var i = 0; i < document.Sentences.Count; i++)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start", document.Sentences[i].Start);
            writer.WriteNumber("end", document.Sentences[i].End);
            writer.WriteEndObject();
            if (i % 4096 == 4095)
            {
                writer.Flush();
            }
        }

        writer.WriteEndArray();
        writer.WritePropertyName("diagnostics");
        JsonSerializer.Serialize(writer, document.Diagnostics.Select(d => new ParsedDiagnostic(d.Code, d.Severity.ToString().ToLowerInvariant(), d.Message)).ToList(), PolicyJson.Options);
        writer.WriteEndObject();
    }

    /// <summary>The JSON shape of one parsed document up to its text.</summary>
    private sealed record ParsedHead(
        string Source,
        string Format,
        string Encoding,
        string? Title,
        string? Issuer,
        string? DocNumber,
        string? Region,
        string? Province,
        int? Year,
        string? Date,
        string? DatePublished,
        string? DateUploaded,
        string? IndexNumber,
        IReadOnlyList<CitedDocument> Basis,
        IReadOnlyList<int> OcrPages,
        double? OcrConfidence)
    {
        public static ParsedHead From(PolicyDocument document)
        {
            var meta = document.Metadata;
            return new ParsedHead(
                document.SourceName,
                document.Format.ToString().ToLowerInvariant(),
                document.Encoding,
                meta.Title,
                meta.Issuer,
                meta.DocNumber,
                meta.Region,
                meta.Province,
                meta.Year,
                meta.Date?.ToString("yyyy-MM-dd"),
                meta.Published?.ToString("yyyy-MM-dd"),
                meta.Uploaded?.ToString("yyyy-MM-dd"),
                meta.IndexNumber,
                meta.Basis ?? [],
                document.OcrPages,
                document.OcrConfidence);
        }
    }

    private sealed record ParsedSection(int Level, string Number, string Heading, int Start, int End);

    private sealed record ParsedDiagnostic(string Code, string Severity, string Message);
}
