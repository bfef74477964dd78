using PolicyMiner.Core.Targets;
using PolicyMiner.Core.Text;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Quantities;
using PolicyMiner.Extraction.Rules.Responsibility;

namespace PolicyMiner.Extraction.Rules.Tables;

/// <summary>Reads the targets of a document's tables: every value cell of a target column, with the indicator from its row,
/// the unit from a unit column, a bracket in a title or a "单位：人" line above the table, the year from the column header, the baseline from a baseline
/// column and the responsible bodies from the 牵头 / 配合 columns.</summary>
/// <remarks>Adds a quantity mention for a bare number ("85" under a "%" unit column) that the character scan cannot see.</remarks>
public sealed class TableScanRule(UnitCatalogue units) : IStructureRule
{
    public TableScanRule()
        : this(UnitCatalogue.Default)
    {
    }

    public string Name => "tables";

    public void Scan(ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Text;
        var added = new List<QuantityMention>();
        foreach (var table in context.Document.Tables)
        {
            if (TableLayout.Read(table, text, units, context.PlanYear?.Value) is not { } layout)
            {
                continue;
            }

            context.TargetTables.Add(table.Span);
            var tableUnit = UnitAbove(text, table.Span.Start);
            var caption = CaptionSubject(text, table.Span.Start);
            var heading = HeadingOver(context.Document.Sections, table.Span.Start);
            string group = "", parent = "";
            foreach (var row in table.Rows)
            {
                if (row.IsHeader)
                {
                    continue;
                }

                if (row.IsGroup)
                {
                    group = row.Cells.FirstOrDefault(c => c.Span.Length > 0) is { } label ? text[label.Span.Start..label.Span.End] : "";
                    parent = "";
                    continue;
                }

                var scope = new RowScope(tableUnit, caption, string.Join("|", new[] { group, caption, heading }.Where(p => p.Length > 0)), parent);
                if (ReadRow(context, layout, row, added, scope) is { } indicator && !IsSubRow(indicator))
                {
                    parent = indicator;
                }
            }
        }

        context.Quantities.AddRange(added);
    }

    /// <summary>The unit a line just above a table gives for all its values ("单位：人", "（单位：万元）"), or null.</summary>
    private string? UnitAbove(string text, int tableStart)
    {
        var end = tableStart;
        for (var lines = 0; lines < 2 && end > 0; lines++)
        {
            var lineEnd = end - 1;
            var lineStart = text.LastIndexOf('\n', Math.Max(0, lineEnd - 1)) + 1;
            var line = text.AsSpan(lineStart, Math.Max(0, lineEnd - lineStart)).Trim().Trim("（）()");
            var label = line.IndexOf("单位", StringComparison.Ordinal);
            if (label >= 0 && label + 3 < line.Length + 1 && line.Length - label <= 10 && line[(label + 2)..] is [('：' or ':'), .. var rest]
                && rest.Trim() is { Length: > 0 } written && units.Parse(written.ToString()) is not null)
            {
                return written.ToString();
            }

            end = lineStart;
        }

        return null;
    }

    /// <summary>What a table's caption says it counts: the line just above the table (above a unit line) that ends in 表, without
    /// 附件/附表 labels and the words for the kind of table ("示例班扩大招生计划表" → "示例班扩大招生"); "" when there is none.</summary>
    private static string CaptionSubject(string text, int tableStart)
    {
        var end = tableStart;
        for (var lines = 0; lines < 3 && end > 0; lines++)
        {
            var lineEnd = end - 1;
            var lineStart = text.LastIndexOf('\n', Math.Max(0, lineEnd - 1)) + 1;
            var line = text.AsSpan(lineStart, Math.Max(0, lineEnd - lineStart)).Trim();
            end = lineStart;
            if (line.IsEmpty || line.Contains("单位", StringComparison.Ordinal) && line.Length <= 12)
            {
                continue;
            }

            if (line.Length > 40 || line.IndexOfAny("。；，") >= 0 || line[^1] != '表')
            {
                return "";
            }

            var caption = line[..^1].ToString();
            if (caption.IndexOfAny(['：', ':']) is var colon and >= 0 && colon <= 5)
            {
                caption = caption[(colon + 1)..];
            }
            else if (caption.IndexOfAny([' ', '\u3000']) is var space and > 0 && space <= 5 && (caption.StartsWith("附", StringComparison.Ordinal) || caption[0] == '表'))
            {
                // "附表2 各乡镇…", "表1 …": the label and its number.
                caption = caption[(space + 1)..];
            }

            // "各乡镇…", "各县（区）…": the rows name each place, so the caption's "each" is the row's place.
            caption = caption.Trim();
            if (caption.StartsWith('各') && caption.Length > 3)
            {
                var places = 1;
                while (places < caption.Length && "省市县区州盟旗乡镇街道地（）()".Contains(caption[places], StringComparison.Ordinal))
                {
                    places++;
                }

                caption = places > 1 ? caption[places..] : caption;
            }

            foreach (var word in CaptionKindWords)
            {
                if (caption.EndsWith(word, StringComparison.Ordinal))
                {
                    caption = caption[..^word.Length];
                }
            }

            return caption.Trim();
        }

        return "";
    }

    // The words that name a kind of table in its caption (…计划表, …情况一览表), not what it counts.
    private static readonly string[] CaptionKindWords = ["一览", "汇总", "统计", "明细", "分解", "情况", "计划", "安排"];

    // A row that sums the others: 总计, 合计, 小计, or 全省/全市/全县/全区/全国.
    private static bool IsTotalLabel(string label) =>
        label.Contains("总计", StringComparison.Ordinal) || label.Contains("合计", StringComparison.Ordinal) || label.Contains("小计", StringComparison.Ordinal)
        || label is ['全', '省' or '市' or '县' or '区' or '国'];

    /// <summary>The indicator of a value in a table whose rows are places or bodies: the row's place, what the caption counts and what
    /// the column measures ("甲市" + "示例班招生" + "分年度任务"); a total row names the sum after the measure. Null when neither
    /// caption nor column names a measure (the row label is then all there is).</summary>
    private static string? EntityIndicator(string label, string caption, TableColumn column)
    {
        var measure = TableLayout.MeasureOf(column);
        if (measure.Length == 0 && caption.Length == 0)
        {
            return null;
        }

        return IsTotalLabel(label) ? $"{caption}{measure}（{label}）" : $"{label}{caption}{measure}";
    }

    /// <summary>What a row inherits from its table: the unit above it, the caption's subject, the words that name the table's
    /// topic (caption, group row, section heading) and the indicator of the row a "其中" row belongs to.</summary>
    private sealed record RowScope(string? Unit, string Caption, string Context, string Parent);

    // "其中：企业研发经费", "其中:农村": a part of the row above.
    private static readonly string[] SubRowMarks = ["其中：", "其中:", "其中"];

    private static bool IsSubRow(string label) => label.StartsWith("其中", StringComparison.Ordinal);

    /// <summary>The indicator of a "其中" row: its own words without the mark; a part named by one short word ("其中：农村", up to
    /// four characters) names no measure of its own, so the parent row's indicator follows it ("农村" + "常住人口").</summary>
    private static string SubRowIndicator(string label, string parent)
    {
        foreach (var mark in SubRowMarks)
        {
            if (label.StartsWith(mark, StringComparison.Ordinal))
            {
                var own = label[mark.Length..].Trim();
                return own.Length is > 0 and <= 4 && parent.Length > 0 ? own + parent : own.Length > 0 ? own : label;
            }
        }

        return label;
    }

    /// <summary>The heading of the innermost section holding <paramref name="position"/>, or "".</summary>
    private static string HeadingOver(IReadOnlyList<Core.Documents.Section> sections, int position)
    {
        var heading = "";
        var level = 0;
        foreach (var section in sections)
        {
            if (section.Span.Contains(position) && section.Level >= level)
            {
                heading = section.Heading;
                level = section.Level;
            }
        }

        return heading;
    }

    /// <summary>Reads one data row; returns its indicator label ("" when it has none).</summary>
    private string? ReadRow(ExtractionContext context, TableLayout layout, Core.Documents.Tables.TableRow row, List<QuantityMention> added, RowScope scope)
    {
        var text = context.Text;
        var tableUnit = scope.Unit;
        if (TableLayout.Cell(row, layout.Indicator!.Index) is not { Span.Length: > 0 } indicatorCell)
        {
            return null;
        }

        var indicatorTitle = text[indicatorCell.Span.Start..indicatorCell.Span.End];
        var rowUnit = TableLayout.UnitOf(indicatorTitle, units);
        var indicatorSpan = indicatorCell.Span;
        if (rowUnit is not null)
        {
            var open = indicatorTitle.LastIndexOfAny(['(', '（']);
            indicatorSpan = new TextSpan(indicatorSpan.Start, indicatorSpan.Start + open);
        }

        if (layout.Unit is { } unitColumn && TableLayout.Cell(row, unitColumn.Index) is { Span.Length: > 0 and <= 8 } unitCell)
        {
            rowUnit = text[unitCell.Span.Start..unitCell.Span.End].Trim('(', ')', '（', '）');
        }

        double? baseline = null;
        if (layout.Baseline is { } baselineColumn && TableLayout.Cell(row, baselineColumn.Index) is { Span.Length: > 0 } baselineCell)
        {
            var value = ValueText(text.AsSpan(baselineCell.Span.Start, baselineCell.Span.Length), out _, out _);
            var number = ChineseNumber.ParseArabic(value);
            baseline = number.Success ? number.Value : null;
        }

        var bodies = new List<string>();
        foreach (var column in layout.BodyColumns)
        {
            if (TableLayout.Cell(row, column.Index) is { Span.Length: > 0 } cell)
            {
                foreach (var body in Bodies.Split(text[cell.Span.Start..cell.Span.End], labelled: true))
                {
                    if (!bodies.Contains(body))
                    {
                        bodies.Add(body);
                    }
                }
            }
        }

        // "2022年底" in a 完成时限 column: the row's due year, for target columns that name none.
        int? dueYear = null;
        string? dueText = null;
        if (layout.Deadline is { } deadlineColumn && TableLayout.Cell(row, deadlineColumn.Index) is { Span.Length: > 0 } deadlineCell)
        {
            dueText = text[deadlineCell.Span.Start..deadlineCell.Span.End];
            dueYear = TableLayout.YearOf(dueText);
        }

        var label = text[indicatorSpan.Start..indicatorSpan.End].Trim();
        var indicator = IsSubRow(label) ? SubRowIndicator(label, scope.Parent) : label;
        var entities = layout.RowsAreEntities;
        if (entities && bodies.Count == 0 && !IsTotalLabel(indicator))
        {
            // A row of a place answers for that place's figures.
            bodies.Add(indicator);
        }

        foreach (var column in layout.Targets)
        {
            if (TableLayout.Cell(row, column.Index) is not { Span.Length: > 0 } cell)
            {
                continue;
            }

            var mention = MentionIn(context, cell.Span);
            if (mention is null && Bare(context, cell.Span, rowUnit ?? column.Unit ?? tableUnit) is { } bare)
            {
                added.Add(bare);
                mention = bare;
            }

            // An increment of nothing ("扩招 0") sets no target: the row keeps its figure.
            if (mention is null || column.Role == ColumnRole.Increment && mention.Quantity.Value == 0 && mention.Quantity.ValueMax is null)
            {
                continue;
            }

            ValueText(text.AsSpan(cell.Span.Start, cell.Span.Length), out var comparator, out _);
            var increment = column.Role == ColumnRole.Increment;
            var year = increment ? layout.LatestTargetYear : column.Year;
            var yearText = column.Year is null ? null : column.Header;
            if (column.Year is null && dueYear is not null)
            {
                year = dueYear;
                yearText = dueText;
            }

            var cellIndicator = entities || IsTotalLabel(indicator) ? EntityIndicator(indicator, scope.Caption, column) ?? indicator : indicator;
            TargetKind? kind = increment ? mention.Quantity.Kind is UnitKind.Percent ? TargetKind.Growth : TargetKind.Increase : null;
            context.TableTargets[mention.Span.Start] = new TableTarget(row.Span, cell.Span, indicatorSpan, cellIndicator, year, yearText,
                baseline, bodies, comparator, kind, Topic(cellIndicator), scope.Context);
        }

        return label;
    }

    /// <summary>An indicator without the words a table uses for its columns (分年度招生任务 → 招生): what category and taxonomy read.</summary>
    private static string Topic(string indicator)
    {
        var topic = indicator;
        foreach (var word in TableLayout.ColumnWords)
        {
            topic = topic.Replace(word, "", StringComparison.Ordinal);
        }

        return topic.Length > 0 ? topic : indicator;
    }

    /// <summary>A mention the character scan found inside the cell ("85%", "30亿元"), or null.</summary>
    private static QuantityMention? MentionIn(ExtractionContext context, TextSpan cell)
    {
        // The scan's mentions are in text order (bare-cell mentions are appended after them, never inside a scanned one).
        var list = context.Quantities;
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (list[mid].Span.Start < cell.Start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < list.Count && list[i].Span.Start < cell.End; i++)
        {
            if (list[i].Span.End <= cell.End)
            {
                return list[i];
            }
        }

        return null;
    }

    /// <summary>A mention for a bare number in a cell ("85", "≥90", "3-5"), in the row's unit; null when the cell holds no value.</summary>
    private QuantityMention? Bare(ExtractionContext context, TextSpan cell, string? unit)
    {
        var text = context.Text;
        var value = ValueText(text.AsSpan(cell.Start, cell.Length), out _, out var offset);
        var first = ChineseNumber.ParseArabic(value);
        if (!first.Success || first.IsChinese)
        {
            return null;
        }

        double? max = null;
        var length = first.Length;
        if (length + 1 < value.Length && value[length] is '-' or '～' or '~' or '—')
        {
            var second = ChineseNumber.ParseArabic(value[(length + 1)..]);
            if (second.Success && second.Value > first.Value)
            {
                max = second.Value;
                length += 1 + second.Length;
            }
        }

        if (length < value.Length && value[length] is '%' or '％')
        {
            unit ??= "%";
            length++;
        }

        var match = string.IsNullOrEmpty(unit) ? null : units.Parse(unit);
        var quantity = match is not null ? Quantity.Create(first.Value, max, match)
            : new Quantity(first.Value, max, unit ?? "", first.Value, unit ?? "", UnitKind.None);
        var start = cell.Start + offset;
        var mention = new QuantityMention(new TextSpan(start, start + length), text[start..(start + first.Length)], quantity, IsChinese: false, Approximate: false);
        return mention;
    }

    /// <summary>The number part of a value cell without a leading comparison sign ("≥90" → "90", comparator &gt;=).</summary>
    private static ReadOnlySpan<char> ValueText(ReadOnlySpan<char> cell, out Comparator? comparator, out int offset)
    {
        comparator = null;
        offset = 0;
        while (offset < cell.Length && cell[offset] is ' ' or '≥' or '≤' or '>' or '<' or '＞' or '＜' or '约' or '~' or '～')
        {
            comparator = cell[offset] switch
            {
                '≥' => Comparator.AtLeast,
                '≤' => Comparator.AtMost,
                '>' or '＞' => Comparator.GreaterThan,
                '<' or '＜' => Comparator.LessThan,
                '约' or '~' or '～' => Comparator.Approximately,
                _ => comparator,
            };
            offset++;
        }

        return cell[offset..];
    }
}
