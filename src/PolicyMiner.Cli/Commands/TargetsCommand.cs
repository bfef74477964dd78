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
        var category = new Option<string?>("--category") { Description = "Only targets of this category (rd_intensity, patents …).", HelpName = "C" };
        var document = new Option<string?>("--doc") { Description = "Only targets of this document: file name, path or content hash (8+ hex digits).", HelpName = "D" };
        var rejected = new Option<bool>("--include-rejected") { Description = "Also list targets a reviewer rejected." };
        var format = new Option<string>("--format") { Description = "table (readable) or jsonl (one JSON object per target).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl");
        var db = StoreAccess.DatabaseOption();
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
                WriteJsonLines(targets, Console.Out);
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
    internal static void WriteJsonLines(IReadOnlyList<StoredTarget> targets, TextWriter output)
    {
        foreach (var stored in targets)
        {
            var json = JsonSerializer.SerializeToNode(stored.Target, PolicyJson.Options)!.AsObject();
            json["id"] = stored.Id;
            json["document_id"] = stored.Document.Id;
            json["source_path"] = stored.Document.SourcePath;
            json["region"] = stored.Document.Metadata.Region;
            json["province"] = stored.Document.Metadata.Province;
            json["plan_year"] = stored.Document.Metadata.Year;
            json["extractor_version"] = stored.ExtractorVersion;
            json["review_state"] = stored.Review.State.ToString().ToLowerInvariant();
            json["stale"] = stored.Stale;
            output.WriteLine(json.ToJsonString(PolicyJson.Options));
        }
    }

    private static void WriteTable(IReadOnlyList<StoredTarget> targets, IAnsiConsole console)
    {
        if (targets.Count == 0)
        {
            console.WriteLine("no targets match");
            return;
        }

        var table = new Table()
            .AddColumns("doc", "region", "plan", "due", "category", "indicator", "target", "commitment", "review");
        foreach (var stored in targets)
        {
            var t = stored.Target;
            table.AddRow(
                Markup.Escape(stored.Document.SourceName),
                Markup.Escape(stored.Document.Metadata.Region ?? ""),
                stored.Document.Metadata.Year?.ToString(CultureInfo.InvariantCulture) ?? "",
                t.Year?.ToString(CultureInfo.InvariantCulture) ?? "",
                Markup.Escape(t.Category),
                Markup.Escape(t.Indicator),
                Markup.Escape(FormatValue(t)),
                t.Commitment.ToString().ToLowerInvariant(),
                stored.Review.State.ToString().ToLowerInvariant());
        }

        console.Write(table);
        console.WriteLine($"{targets.Count} targets");
    }

    private static string FormatValue(PolicyTarget t)
    {
        var value = t.Value.ToString("G", CultureInfo.InvariantCulture);
        return t.Comparator switch
        {
            Comparator.Range => $"{value}–{t.ValueMax?.ToString("G", CultureInfo.InvariantCulture)}{t.Unit}",
            Comparator.Equal => $"{value}{t.Unit}",
            _ => $"{t.Comparator.ToSymbol()} {value}{t.Unit}",
        };
    }
}
