using System.CommandLine;
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
        foreach (var path in files)
        {
            var document = DocumentInputs.Read(path, planYear, out var error, manifest);
            if (document is null)
            {
                Console.Error.WriteLine($"policyminer: {error}");
                failed++;
                continue;
            }

            if (explain)
            {
                Explain(document, extractor.Trace(document));
                continue;
            }

            var targets = extractor.Extract(document);
            if (format == "table")
            {
                WriteTable(document.SourceName, targets);
            }
            else
            {
                foreach (var target in targets)
                {
                    Console.Out.WriteLine(JsonSerializer.Serialize(target, PolicyJson.Options));
                }
            }
        }

        // Nothing readable at all is a failure, not an empty success.
        return failed == 0 && files.Count > 0 ? 0 : 1;
    }

    /// <summary>One line per number: the target with the scope each inherited field came from, or the reason it is not a target.</summary>
    private static void Explain(PolicyMiner.Core.Documents.PolicyDocument document, PolicyMiner.Extraction.Pipeline.ExtractionContext context)
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
                        + $"  commitment {d.Commitment.ToString().ToLowerInvariant()} from {d.CommitmentFrom.ToString().ToLowerInvariant()}  「{context.Text[d.Quote.Start..d.Quote.End]}」");
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
