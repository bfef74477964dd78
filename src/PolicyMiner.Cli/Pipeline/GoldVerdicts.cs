using System.Globalization;
using PolicyMiner.Core.Documents;
using PolicyMiner.Extraction;
using PolicyMiner.Extraction.Evaluation;
using PolicyMiner.Storage;
using PolicyMiner.Storage.Reviewing;

namespace PolicyMiner.Cli.Pipeline;

/// <summary>A gold file applied as an editor's verdicts on the stored targets of the documents it covers: a target matching a
/// gold target (as <c>eval</c> matches them) is corrected to the gold record, or accepted when it already is that record; a target
/// matching none is rejected. Targets matching optional gold are left unreviewed; a gold target no stored target matches is added
/// on its quote (counted as missed when the quote is not in the stored text).</summary>
/// <remarks>Writes through the store's review API, so every verdict has the same audit trail as a hand review.</remarks>
internal static class GoldVerdicts
{
    /// <summary>What one document's review did.</summary>
    public sealed record Outcome(string Document, int Accepted, int Corrected, int Rejected, int Unreviewed, int Added, int Missed);

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

            // Gold targets the rules missed are added where their quote stands in the stored text, as an editor adds a missed target.
            var matched = pairs.Select(p => p.Gold).ToHashSet();
            var folded = Evaluator.Fold(stored.Text);
            int added = 0, missed = 0;
            for (var gi = 0; gi < targets.Count; gi++)
            {
                var g = targets[gi];
                if (g.Optional || matched.Contains(gi))
                {
                    continue;
                }

                var at = g.Quote.Length == 0 ? -1 : folded.IndexOf(Evaluator.Fold(g.Quote), StringComparison.Ordinal);
                var fields = Fields(g);
                if (at >= 0 && store.AddTarget(summary.Id, at, at + g.Quote.Length, user, fields).Saved)
                {
                    added++;
                }
                else
                {
                    missed++;
                }
            }

            result.Add(new Outcome(summary.SourceName, accepted, corrected, rejected, unreviewed, added, missed));
        }

        return result;
    }

    /// <summary>The editable fields whose text differs from the gold record's (fields the gold leaves open are not touched).</summary>
    private static Dictionary<string, string> Changes(StoredTarget stored, GoldTarget g)
    {
        var changes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, text) in Wanted(g))
        {
            if (TargetFields.Read(stored.Target, field) != text && TargetFields.Validate(field, text) is null)
            {
                changes[field] = text;
            }
        }

        return changes;
    }

    /// <summary>Every field of a missed gold target, for adding it (value and unit too; fields that do not validate are left out).</summary>
    private static Dictionary<string, string> Fields(GoldTarget g)
    {
        var fields = Wanted(g);
        fields[TargetFields.Value] = g.Value.ToString(CultureInfo.InvariantCulture);
        if (g.ValueMax is { } max)
        {
            fields[TargetFields.ValueMax] = max.ToString(CultureInfo.InvariantCulture);
        }

        fields[TargetFields.Unit] = g.Unit;
        return fields.Where(f => TargetFields.Validate(f.Key, f.Value) is null).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
    }

    /// <summary>The editable fields the gold record states (fields the gold leaves open are not included).</summary>
    private static Dictionary<string, string> Wanted(GoldTarget g)
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

        return wanted;
    }
}
