using PolicyMiner.Extraction.Lexicon;
using PolicyMiner.Extraction.Pipeline;

namespace PolicyMiner.Extraction.Rules.Tables;

/// <summary>Gives each draft read from a table cell its fields from the table (before the text rules run, so kind and
/// category see the row's indicator), and rejects every other number inside an understood table: baselines, sequence
/// numbers and values of columns that are not targets. In a table without target columns, read as text, a number in a column
/// titled by a <c>reference-column</c> word (推广范围, 适用对象, 备注) is not a target either.</summary>
public sealed class TableTargetRule : ITargetRule
{
    private static readonly WordClass ReferenceColumns = WordLexicon.Default["reference-column"];

    /// <summary>Why a number inside a target table is not a target.</summary>

    public string Name => "table-targets";

    public void Apply(ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Document.Tables.Count == 0)
        {
            return;
        }

        foreach (var draft in context.Drafts)
        {
            if (context.TableTargets.TryGetValue(draft.Mention.Span.Start, out var cell))
            {
                TableFieldsRule.Fill(draft, cell);
            }
            else if (context.TargetTables.Exists(t => t.Contains(draft.Mention.Span.Start)) || InReferenceColumn(context, draft.Mention.Span.Start))
            {
                draft.Reject(RejectionReason.TableCellOutsideTargets);
            }
        }
    }

    /// <summary>True when <paramref name="position"/> lies in a data cell whose column title holds a reference-column word. A
    /// table of words alone (no cell holds a bare value, so every row reads as a header) takes its first row as the titles.</summary>
    private static bool InReferenceColumn(ExtractionContext context, int position)
    {
        var text = context.Text;
        foreach (var table in context.Document.Tables)
        {
            if (!table.Span.Contains(position))
            {
                continue;
            }

            var wordsOnly = !table.DataRows.Any();
            foreach (var row in wordsOnly ? table.Rows.Skip(1) : table.DataRows)
            {
                if (row.Span.Contains(position) && row.Cells.FirstOrDefault(c => c.Span.Contains(position)) is { } cell)
                {
                    var title = wordsOnly
                        ? table.Rows[0].Cells.FirstOrDefault(c => c.Column == cell.Column) is { } top ? text[top.Span.Start..top.Span.End] : ""
                        : table.HeaderText(text, cell.Column);
                    return ReferenceColumns.OccursIn(title);
                }
            }
        }

        return false;
    }
}
