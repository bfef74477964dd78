using System.Globalization;
using PolicyMiner.Core.Documents;
using PolicyMiner.Extraction;
using PolicyMiner.Extraction.Evaluation;
using PolicyMiner.Storage;
using PolicyMiner.Storage.Reviewing;

namespace PolicyMiner.Cli.Pipeline;

/// <summary>A gold file applied as an editor's verdicts on the stored targets of the documents it covers: a target matching a
/// gold target (as <c>eval</c> matches them) is corrected to the gold record, or accepted when it already is that record; a target
/// matching none is rejected. Targets matching optional gold are left unreviewed; gold targets no stored target matches are
/// counted, not added (the rules did not find them, so they teach <c>train</c> nothing).</summary>
/// <remarks>Writes through the store's review API, so every verdict has the same audit trail as a hand review.</remarks>
internal static class GoldVerdicts
{
    /// <summary>What one document's review did.</summary>
    public sealed record Outcome(string Document, int Accepted, int Corrected, int Rejected, int Unreviewed, int Missed);

    public static IReadOnlyList<Outcome> Apply(IPolicyStore store, GoldSet gold, string user)
    {
        var result = new List<Outcome>();
        var byDocument = store.QueryTargets(new TargetQuery(IncludeRejected: true)).GroupBy(t => t.Document.Id, StringComparer.Ordinal);
        foreach (var group in byDocument.OrderBy(g => g.First().Document.SourceName, StringComparer.Ordinal))
        {
            var summary = group.First().Document;
            if (gold.For(summary.SourceName) is not { } targets || store.GetDocument(summary.Id) is not { } stored)
            {
                continue;
            }

            // Stored targets' offsets are into the stored (normalised) text, so they are matched against it.
            var document = PlainTextDocument.Create(summary.SourceName, stored.Text, summary.Metadata.Year);
            var list = group.ToList();
            var pairs = Evaluator.Pairs(document, [.. list.Select(t => t.Target)], targets);
            var match = pairs.ToDictionary(p => p.Predicted, p => targets[p.Gold]);
            int accepted = 0, corrected = 0, rejected = 0, unreviewed = 0;
            for (var i = 0; i < list.Count; i++)
            {
                var t = list[i];
                if (!match.TryGetValue(i, out var g))
                {
                    rejected += store.Reject(t.Id, t.Version, user, "gold: not a target").Saved ? 1 : 0;
                }
                else if (g.Optional)
                {
                    unreviewed++;
                }
                else if (Changes(t, g) is { Count: > 0 } changes)
                {
                    corrected += store.Correct(t.Id, t.Version, user, changes).Saved ? 1 : 0;
                }
                else
                {
                    accepted += store.Accept(t.Id, t.Version, user, "gold: right").Saved ? 1 : 0;
                }
            }

            var missed = targets.Count(g => !g.Optional) - pairs.Count(p => !targets[p.Gold].Optional);
            result.Add(new Outcome(summary.SourceName, accepted, corrected, rejected, unreviewed, missed));
        }

        return result;
    }

    /// <summary>The editable fields whose text differs from the gold record's (fields the gold leaves open are not touched).</summary>
    private static Dictionary<string, string> Changes(StoredTarget stored, GoldTarget g)
    {
        var wanted = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TargetFields.Indicator] = g.Indicator,
            [TargetFields.Category] = g.Category,
            [TargetFields.Comparator] = g.Comparator,
            [TargetFields.Kind] = g.Kind.Replace("_", "", StringComparison.Ordinal),
            [TargetFields.Commitment] = g.Commitment,
            [TargetFields.Year] = g.Year?.ToString(CultureInfo.InvariantCulture) ?? "",
            [TargetFields.Baseline] = g.Baseline?.ToString(CultureInfo.InvariantCulture) ?? "",
        };
        if (!g.RespOptional)
        {
            wanted[TargetFields.Responsible] = string.Join(TargetFields.ResponsibleSeparator, g.Responsible);
        }

        var changes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, text) in wanted)
        {
            if (TargetFields.Read(stored.Target, field) != text && TargetFields.Validate(field, text) is null)
            {
                changes[field] = text;
            }
        }

        return changes;
    }
}
