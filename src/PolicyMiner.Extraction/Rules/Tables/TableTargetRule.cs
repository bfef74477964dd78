using PolicyMiner.Extraction.Pipeline;

namespace PolicyMiner.Extraction.Rules.Tables;

/// <summary>Gives each draft read from a table cell its fields from the table (before the text rules run, so kind and
/// category see the row's indicator), and rejects every other number inside an understood table: baselines, sequence
/// numbers and values of columns that are not targets.</summary>
public sealed class TableTargetRule : ITargetRule
{
    /// <summary>Why a number inside a target table is not a target.</summary>
    public const string NotATargetCell = "table cell outside the target columns";

    public string Name => "table-targets";

    public void Apply(ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.TargetTables.Count == 0)
        {
            return;
        }

        foreach (var draft in context.Drafts)
        {
            if (context.TableTargets.TryGetValue(draft.Mention.Span.Start, out var cell))
            {
                TableFieldsRule.Fill(draft, cell);
            }
            else if (context.TargetTables.Exists(t => t.Contains(draft.Mention.Span.Start)))
            {
                draft.Reject(NotATargetCell);
            }
        }
    }
}
