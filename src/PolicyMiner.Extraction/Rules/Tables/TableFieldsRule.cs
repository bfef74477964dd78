using PolicyMiner.Core.Targets;
using PolicyMiner.Core.Text;
using PolicyMiner.Extraction.Pipeline;

namespace PolicyMiner.Extraction.Rules.Tables;

/// <summary>Runs last: a target read from a table keeps the fields its row and columns give, whatever text rules made of the
/// cell's surroundings (a tab-separated row is not a sentence), and a value in a target column stays a target.</summary>
public sealed class TableFieldsRule : ITargetRule
{
    public string Name => "table-fields";

    public void Apply(ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var draft in context.Drafts)
        {
            if (draft.Table is { } cell)
            {
                // A cell a text rule rejected (prose rules misread a row) missed the field rules run since: its kind is decided now.
                var wasRejected = draft.IsRejected;
                draft.Restore();
                Fill(draft, cell);
                if (wasRejected && cell.Kind is null)
                {
                    Kinds.KindRule.Decide(context, draft);
                }

                CategoryFromContext(draft, cell);
            }
        }
    }

    /// <summary>Sets the fields a table gives a draft.</summary>
    internal static void Fill(TargetDraft draft, TableTarget cell)
    {
        draft.Table = cell;
        draft.Indicator = cell.Indicator;
        draft.IndicatorSpan = cell.IndicatorSpan;
        draft.Quote = new TextSpan(cell.Row.Start, Math.Max(cell.Cell.End, draft.Mention.Span.End));
        if (cell.Year is not null)
        {
            draft.Year = cell.Year;
            draft.YearText = cell.YearText;
        }

        draft.Baseline = cell.Baseline;
        draft.Responsible = cell.Responsible;
        if (cell.Comparator is { } comparator)
        {
            draft.Comparator = comparator;
            draft.ComparatorWritten = true;
        }
        else if (draft.Mention.Quantity.IsRange)
        {
            draft.Comparator = Comparator.Range;
        }

        if (cell.Kind is { } kind)
        {
            draft.Kind = kind;
        }
    }

    /// <summary>A row too terse to name its topic ("达标率") takes it from the group row above it, the table's caption or its
    /// section heading, the first that names one; decided here, so the taxonomy does not guess from the table's own words.</summary>
    private static void CategoryFromContext(TargetDraft draft, TableTarget cell)
    {
        if (draft.CategoryDecided)
        {
            return;
        }

        foreach (var part in cell.Context.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Categories.CategoryRule.TopicOf(part) is { } category)
            {
                draft.Category = category;
                draft.CategoryDecided = true;
                return;
            }
        }
    }
}
