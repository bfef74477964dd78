using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using PolicyMiner.Ingest.Decoding;
using System.Text.Json;
using PolicyMiner.Segmentation;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer segment [FILE...]</c>: jieba-compatible word segmentation of UTF-8 text, line by line.</summary>
internal static class SegmentCommand
{
    /// <summary>Separator between tokens in text output (Python jieba's command-line default).</summary>
    public const string TextSeparator = " / ";

    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "UTF-8 text files to segment (standard input when none).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var mode = new Option<string>("--mode")
        {
            Description = "default (jieba cut), search (cut_for_search) or full (cut_all).",
            DefaultValueFactory = _ => "default",
        };
        mode.OneOf("default", "search", "full");
        var noHmm = new Option<bool>("--no-hmm") { Description = "Do not use the HMM for words missing from the dictionary." };
        var userDict = new Option<string?>("--user-dict") { Description = "A user dictionary (jieba format: word [freq] [tag] per line)." };
        var format = new Option<string>("--format")
        {
            Description = "text (tokens joined by ' / ', one line per input line) or jsonl (a JSON array per non-empty line).",
            DefaultValueFactory = _ => "text",
        };
        format.OneOf("text", "jsonl");

        var command = new Command("segment", "Cut Chinese text into words exactly as Python jieba 0.42.1 does.");
        command.Arguments.Add(files);
        command.Options.Add(mode);
        command.Options.Add(noHmm);
        command.Options.Add(userDict);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            var segmenter = CreateSegmenter(parse.GetValue(userDict));
            var options = new SegmentOptions(
                parse.GetValue(mode) switch { "search" => SegmentMode.Search, "full" => SegmentMode.Full, _ => SegmentMode.Default },
                !parse.GetValue(noHmm),
                parse.GetValue(format) == "jsonl");
            using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
            var inputs = parse.GetValue(files) ?? [];
            if (inputs.Length == 0)
            {
                using var buffer = new MemoryStream();
                Console.OpenStandardInput().CopyTo(buffer);
                if (Decode("stdin", buffer.ToArray()) is not { } text)
                {
                    return 1;
                }

                Segment(segmenter, new StringReader(text), output, options);
                return 0;
            }

            var failures = 0;
            foreach (var file in inputs)
            {
                if (!File.Exists(file))
                {
                    output.Flush();
                    Console.Error.WriteLine($"policyminer: {CliMessages.NoSuchPath(file)}");
                    failures++;
                    continue;
                }

                if (Decode(file, File.ReadAllBytes(file)) is not { } decoded)
                {
                    output.Flush();
                    failures++;
                    continue;
                }

                Segment(segmenter, new StringReader(decoded), output, options);
            }

            return failures == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>Decodes input as every reading verb does (BOM, UTF-16, UTF-8, GB18030); null and one line on stderr when it is not text.</summary>
    private static string? Decode(string name, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return "";
        }

        if (TextDecoder.Decode(bytes) is { } decoded)
        {
            return decoded.Text;
        }

        Console.Error.WriteLine($"policyminer: {name}: not text in UTF-8, UTF-16 or GB18030");
        return null;
    }

    private static JiebaSegmenter CreateSegmenter(string? userDictionary)
    {
        try
        {
            var segmenter = JiebaSegmenter.LoadDefault();
            if (userDictionary is null)
            {
                return segmenter;
            }

            if (!File.Exists(userDictionary))
            {
                throw new CliException($"{userDictionary}: user dictionary not found");
            }

            return segmenter.WithUserDictionary(userDictionary);
        }
        catch (JiebaModelMissingException e)
        {
            throw new CliException(e.Message);
        }
        catch (InvalidDataException e)
        {
            throw new CliException(e.Message);
        }
    }

    private sealed record SegmentOptions(SegmentMode Mode, bool Hmm, bool Jsonl);

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static void Segment(JiebaSegmenter segmenter, TextReader input, StreamWriter output, SegmentOptions options)
    {
        using var json = new MemoryStream();
        using var jsonWriter = new Utf8JsonWriter(json, JsonOptions);
        while (input.ReadLine() is { } line)
        {
            var tokens = segmenter.Cut(line, options.Mode, options.Hmm);
            if (!options.Jsonl)
            {
                output.WriteLine(string.Join(TextSeparator, tokens));
                continue;
            }

            if (line.Length == 0)
            {
                continue;
            }

            jsonWriter.Reset();
            json.SetLength(0);
            jsonWriter.WriteStartArray();
            foreach (var token in tokens)
            {
                jsonWriter.WriteStringValue(token);
            }

            jsonWriter.WriteEndArray();
            jsonWriter.Flush();
            output.Flush();
            output.BaseStream.Write(json.GetBuffer(), 0, (int)json.Length);
            output.BaseStream.WriteByte((byte)'\n');
        }

        output.Flush();
    }
}
