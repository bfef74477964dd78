using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyMiner.Cli.Pipeline;
using PolicyMiner.Core.Serialization;
using PolicyMiner.Core.Targets;
using PolicyMiner.Storage;
using Spectre.Console;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer targets</c>: lists stored targets, filtered by region, year, category or document.</summary>
internal static class TargetsCommand
{
    public static Command Create()
    {
        var region = new Option<string?>("--region") { Description = "Only targets of documents from this region or province (e.g. 青川市).", HelpName = "R" };
        var year = new Option<int?>("--year") { Description = "Only targets due in this year.", HelpName = "Y" };
        var planYear = new Option<int?>("--plan-year") { Description = "Only targets of documents whose plan year is this.", HelpName = "Y" };
        var category = new Option<string?>("--category") { Description = "Only targets of this category: " + string.Join(", ", TargetCategories.All) + ".", HelpName = "C" }
            .OneOf(TargetCategories.All);
        var document = new Option<string?>("--doc") { Description = "Only targets of this document: file name, path or content hash (8+ hex digits).", HelpName = "D" };
        var rejected = new Option<bool>("--include-rejected") { Description = "Also list targets a reviewer rejected." };
        var format = new Option<string>("--format") { Description = "table (readable) or jsonl (one JSON object per target).", DefaultValueFactory = _ => "table" };
        format.OneOf("table", "jsonl");
        var db = ReportOptions.Database();
        var noWait = StoreAccess.NoWaitOption();

        var command = new Command("targets", "List the targets stored in the database.")
        {
            region, year, planYear, category, document, rejected, format, db, noWait,
        };
        command.SetAction(parse =>
        {
            var query = new TargetQuery(
                Region: parse.GetValue(region),
                Year: parse.GetValue(year),
                PlanYear: parse.GetValue(planYear),
                Category: parse.GetValue(category),
                Document: parse.GetValue(document),
                IncludeRejected: parse.GetValue(rejected));
            using var store = StoreAccess.OpenExisting(parse.GetValue(db), "targets", parse.GetValue(noWait));
            var targets = store.QueryTargets(query);
            if (parse.GetValue(format) == "jsonl")
            {
                WriteJsonLines(targets, Console.Out, store.FoldedSources());
            }
            else
            {
                WriteTable(targets, Terminal.Console);
            }

            return 0;
        });
        return command;
    }

    /// <summary>One object per target: the extraction fields of <c>policyminer extract</c> plus the store's own.</summary>
    /// <param name="folded">Files folded into each document as duplicates, by document id (<see cref="PolicyStore.FoldedSources"/>).</param>
    internal static void WriteJsonLines(IReadOnlyList<StoredTarget> targets, TextWriter output, IReadOnlyDictionary<string, IReadOnlyList<string>>? folded = null)
    {
        foreach (var stored in targets)
        {
            var json = JsonSerializer.SerializeToNode(stored.Target, PolicyJson.Options)!.AsObject();
            json["id"] = stored.Id;
            json["document_id"] = stored.Document.Id;
            json["source_path"] = stored.Document.SourcePath;
            json["other_sources"] = new JsonArray([.. (folded?.GetValueOrDefault(stored.Document.Id) ?? []).Select(path => (JsonNode?)JsonValue.Create(path))]);
            json["region"] = stored.Document.Metadata.Region;
            json["province"] = stored.Document.Metadata.Province;
            json["plan_year"] = stored.Document.Metadata.Year;
            json["extractor_version"] = stored.ExtractorVersion;
            json["review_state"] = stored.Review.State.ToString().ToLowerInvariant();
            json["stale"] = stored.Stale;
            output.WriteLine(json.ToJsonString(PolicyJson.Options));
        }
    }

    /// <summary>Longest quote shown in the table; the JSONL output has every quote in full.</summary>
    internal const int QuoteShown = 60;

    /// <summary>
    /// A table that fits the terminal (100 columns and up): id, region and plan year, due year and target never wrap (the id
    /// stays whole and copyable); the quote, cut to <see cref="QuoteShown"/> characters, takes the remaining width and
    /// wraps without splitting numbers, units or words.
    /// </summary>
    internal static void WriteTable(IReadOnlyList<StoredTarget> targets, IAnsiConsole console)
    {
        if (targets.Count == 0)
        {
            console.WriteLine("no targets match");
            return;
        }

        var rows = targets.Select(stored =>
        {
            var t = stored.Target;
            var metadata = stored.Document.Metadata;
            var commitment = t.Commitment switch { Commitment.Firm => " 确保", Commitment.Aspirational => " 力争", _ => "" };
            var review = stored.Review.State == ReviewState.Unreviewed ? "" : $" [{stored.Review.State.ToString().ToLowerInvariant()}]";
            // A quote from a table row holds tabs; a terminal cell shows them as a single space.
            var quote = t.Quote.Replace('\t', ' ');
            return (
                Id: stored.Id,
                Plan: $"{metadata.Region ?? metadata.Province ?? "?"} {metadata.Year?.ToString(CultureInfo.InvariantCulture) ?? ""}".TrimEnd(),
                Due: t.Year?.ToString(CultureInfo.InvariantCulture) ?? "",
                Target: FormatValue(t) + commitment + review,
                Quote: quote.Length <= QuoteShown ? quote : quote[..(QuoteShown - 1)] + "…");
        }).ToList();

        // A simple-bordered table of five columns takes two edge cells, four separators and two cells of padding per
        // column besides the cells' text; the quote gets what is left.
        var fixedWidth = 2 + 4 + (5 * 2) + rows.Max(r => TextColumns.Width(r.Id)) + rows.Max(r => Math.Max(TextColumns.Width(r.Plan), 9))
            + 4 + rows.Max(r => Math.Max(TextColumns.Width(r.Target), 4));
        var quoteWidth = Math.Max(16, console.Profile.Width - fixedWidth);
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("id").NoWrap())
            .AddColumn(new TableColumn("地区 规划").NoWrap())
            .AddColumn(new TableColumn("年份").NoWrap())
            .AddColumn(new TableColumn("目标").NoWrap())
            .AddColumn(new TableColumn("原文") { Width = quoteWidth });
        foreach (var row in rows)
        {
            table.AddRow(
                Markup.Escape(row.Id),
                Markup.Escape(row.Plan),
                row.Due,
                Markup.Escape(row.Target),
                Markup.Escape(TextColumns.Wrap(row.Quote, quoteWidth)));
        }

        console.Write(table);
        console.WriteLine($"{targets.Count} targets (indicator, category and the whole quote: --format jsonl)");
    }

    private static string FormatValue(PolicyTarget t)
    {
        var value = t.Value.ToString("G", CultureInfo.InvariantCulture);
        return t.Comparator switch
        {
            Comparator.Range => $"{value}–{t.ValueMax?.ToString("G", CultureInfo.InvariantCulture)}{t.Unit}",
            Comparator.Equal => $"{value}{t.Unit}",
            Comparator.Approximately => $"约{value}{t.Unit}",
            _ => $"{t.Comparator.ToSymbol()}{value}{t.Unit}",
        };
    }
}
