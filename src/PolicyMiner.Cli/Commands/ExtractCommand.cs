using System.CommandLine;
using System.Text;
using System.Text.Json;
using PolicyMiner.Cli.Pipeline;
using PolicyMiner.Core.Serialization;
using PolicyMiner.Core.Targets;
using PolicyMiner.Extraction;
using PolicyMiner.Ingest.Manifest;
using Spectre.Console;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer extract FILE...</c>: quantified targets of each document as JSONL or a table.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Documents (.txt, .html, .pdf, .docx, .ofd …) or folders of them.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "jsonl (one JSON object per target) or table.", DefaultValueFactory = _ => "jsonl" };
        format.OneOf("jsonl", "table");
        var year = new Option<int?>("--plan-year") { Description = "Plan year to resolve 年内/今年 against when the document does not state one." };
        var explain = new Option<bool>("--explain") { Description = "Show, per number, whether it is a target (and why not), and which scope gave its year and commitment." };
        var indicators = TaxonomyOption.Create();
        var manifest = ManifestOption.Create();
        var model = ModelOption.Create();
        var command = new Command("extract", "Extract quantified targets (indicator, value, unit, comparator, commitment, year, baseline, responsible).");
        command.Arguments.Add(files);
        command.Options.Add(format);
        command.Options.Add(year);
        command.Options.Add(indicators);
        command.Options.Add(explain);
        command.Options.Add(manifest);
        command.Options.Add(model);
        command.SetAction(parse => Run(
            parse.GetValue(files)!,
            parse.GetValue(format)!,
            parse.GetValue(year),
            ManifestOption.Load(parse.GetValue(manifest), Console.Error),
            TaxonomyOption.Extractor(parse.GetValue(indicators), parse.GetValue(model)),
            parse.GetValue(explain)));
        return command;
    }

    private static int Run(string[] arguments, string format, int? planYear, DocumentManifest manifest, TargetExtractor extractor, bool explain)
    {
        var files = DocumentInputs.Expand(arguments, Console.Error, out var failed);
        // Documents are read and extracted in parallel (the extractor is thread-safe), a bounded window ahead of the one
        // that is written, and written in input order: the output is the same as one document after another.
        var window = Math.Max(2, 2 * Environment.ProcessorCount);
        var pending = new Queue<Task<DocumentResult>>(window);
        foreach (var path in files)
        {
            pending.Enqueue(Task.Run(() => Process(path, planYear, manifest, extractor, format, explain)));
            if (pending.Count >= window)
            {
                failed += Write(pending.Dequeue().GetAwaiter().GetResult());
            }
        }

        while (pending.Count > 0)
        {
            failed += Write(pending.Dequeue().GetAwaiter().GetResult());
        }

        // Nothing readable at all is a failure, not an empty success.
        return failed == 0 && files.Count > 0 ? 0 : 1;
    }

    /// <summary>Reads and extracts one file, off the writing thread; JSON lines are serialised here too.</summary>
    private static DocumentResult Process(string path, int? planYear, DocumentManifest manifest, TargetExtractor extractor, string format, bool explain)
    {
        var document = DocumentInputs.Read(path, planYear, out var error, manifest);
        if (document is null)
        {
            return new DocumentResult(null, error, null, null, null);
        }

        if (explain)
        {
            if (extractor.Scorer is not { } scorer)
            {
                return new DocumentResult(document, null, extractor.Trace(document), null, null);
            }

            // With a model: what its correction memory changed on each target, shown under the number's line.
            var candidates = extractor.Candidates(document, out var context);
            var learned = new Dictionary<PolicyMiner.Extraction.Pipeline.TargetDraft, List<string>>(ReferenceEqualityComparer.Instance);
            foreach (var candidate in candidates)
            {
                var verdict = scorer.Score(context, candidate);
                if (verdict.Correction is { } correction)
                {
                    var notes = learned.TryGetValue(candidate.Draft, out var list) ? list : learned[candidate.Draft] = [];
                    notes.Add($"{candidate.Target.Indicator}: {correction.Because}");
                }
            }

            return new DocumentResult(document, null, context, null, null) { Learned = learned };
        }

        var targets = extractor.Extract(document);
        if (format == "table")
        {
            return new DocumentResult(document, null, null, targets, null);
        }

        var lines = new StringBuilder();
        foreach (var target in targets)
        {
            lines.AppendLine(JsonSerializer.Serialize(target, PolicyJson.Options));
        }

        return new DocumentResult(document, null, null, null, lines.ToString());
    }

    /// <summary>Writes one document's result; returns 1 when it failed.</summary>
    private static int Write(DocumentResult result)
    {
        if (result.Document is not { } document)
        {
            Console.Error.WriteLine($"policyminer: {result.Error}");
            return 1;
        }

        if (result.Trace is { } trace)
        {
            Explain(document, trace, result.Learned);
        }
        else if (result.Targets is { } targets)
        {
            WriteTable(document.SourceName, targets);
        }
        else
        {
            // One write per document: stdout flushes on every write.
            Console.Out.Write(result.JsonLines);
        }

        return 0;
    }

    /// <summary>One document read and extracted: the document (null when it failed, with the error), and what to write.</summary>
    private sealed record DocumentResult(
        PolicyMiner.Core.Documents.PolicyDocument? Document,
        string? Error,
        PolicyMiner.Extraction.Pipeline.ExtractionContext? Trace,
        IReadOnlyList<PolicyTarget>? Targets,
        string? JsonLines)
    {
        /// <summary>With --explain and a model: per draft, the lessons its correction memory recalled.</summary>
        public IReadOnlyDictionary<PolicyMiner.Extraction.Pipeline.TargetDraft, List<string>>? Learned { get; init; }
    }

    /// <summary>One line per number: the target with the scope each inherited field came from, or the reason it is not a target.</summary>
    private static void Explain(
        PolicyMiner.Core.Documents.PolicyDocument document,
        PolicyMiner.Extraction.Pipeline.ExtractionContext context,
        IReadOnlyDictionary<PolicyMiner.Extraction.Pipeline.TargetDraft, List<string>>? learned)
    {
        var o = Console.Out;
        o.WriteLine($"{document.SourceName}  plan year {document.Metadata.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}");
        foreach (var d in context.Drafts)
        {
            var q = d.Mention.Quantity;
            var value = q.ValueMax is { } max ? $"{q.Value}-{max}{q.Unit}" : $"{q.Value}{q.Unit}";
            var at = $"[{d.Mention.Span.Start}]";
            if (d.RejectedBecause is { } reason)
            {
                o.WriteLine($"  {at} {value}  not a target: {PolicyMiner.Extraction.Pipeline.RejectionReasonText.Describe(reason)}  「{Around(context.Text, d.Mention.Span.Start, d.Mention.Span.End)}」");
                continue;
            }

            o.WriteLine($"  {at} {value}  {d.Indicator}  year {d.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} from {d.YearFrom.ToString().ToLowerInvariant()}{(d.YearText is { } yt ? $" ({yt})" : "")}"
                        + $"  commitment {d.Commitment.ToString().ToLowerInvariant()} from {d.CommitmentFrom.ToString().ToLowerInvariant()}"
                        + (d.IndicatorTopic is { } topic ? $"  topic {topic.Text} from {topic.From.ToString().ToLowerInvariant()}" : "")
                        + $"  「{context.Text[d.Quote.Start..d.Quote.End]}」");
            if (learned is not null && learned.TryGetValue(d, out var notes))
            {
                foreach (var note in notes)
                {
                    o.WriteLine($"      learned from review: {note}");
                }
            }
        }
    }

    private static string Around(string text, int start, int end)
    {
        var from = Math.Max(0, start - 12);
        var to = Math.Min(text.Length, end + 4);
        return text[from..to].Replace('\n', ' ');
    }

    private static void WriteTable(string name, IReadOnlyList<PolicyTarget> targets)
    {
        var table = new Table { Title = new TableTitle($"{Markup.Escape(name)}: {targets.Count} targets") };
        foreach (var column in (string[])["indicator", "value", "cmp", "kind", "commit", "year", "baseline", "responsible", "category"])
        {
            table.AddColumn(column);
        }

        foreach (var t in targets)
        {
            var value = t.ValueMax is { } max ? $"{t.Value}-{max}{t.Unit}" : $"{t.Value}{t.Unit}";
            table.AddRow(Markup.Escape(t.Indicator), Markup.Escape(value), Markup.Escape(t.Comparator.ToSymbol()), t.Kind.ToString().ToLowerInvariant(),
                t.Commitment.ToString().ToLowerInvariant(), Markup.Escape(t.Year?.ToString() ?? "-"), Markup.Escape(t.Baseline?.ToString() ?? "-"),
                Markup.Escape(string.Join("、", t.Responsible)), t.Category);
        }

        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            // Piped output has no terminal width; keep rows readable instead of wrapping at 80 columns.
            console.Profile.Width = 200;
        }

        console.Write(table);
    }
}
