using PolicyMiner.Core.Documents.Tables;
using PolicyMiner.Extraction.Lexicon;
using PolicyMiner.Extraction.Quantities;

namespace PolicyMiner.Extraction.Rules.Tables;

/// <summary>What a table column holds, read from its header.</summary>
public enum ColumnRole
{
    /// <summary>Nothing known.</summary>
    Unknown,

    /// <summary>序号 / 编号.</summary>
    Sequence,

    /// <summary>指标 / 名称 / 项目 / 内容: what is measured; the row's indicator.</summary>
    Indicator,

    /// <summary>单位 / 计量单位: the unit of the row's values.</summary>
    Unit,

    /// <summary>基期 / 现状 / 实绩 / 完成 / 基数, or the earliest of several year columns: the row's baseline.</summary>
    Baseline,

    /// <summary>目标 / 预期 / 规划, or a year ("2015年"): the row's target values.</summary>
    Target,

    /// <summary>扩招 / 新增 / 增加 / 增量 (alone or with 人数, 数, 量): the increase the row is to make, over the baseline, by the
    /// latest target year.</summary>
    Increment,

    /// <summary>完成时限 / 完成时间 / 时间节点: the date each row is due by ("2022年底"), its year the row's due year.</summary>
    Deadline,

    /// <summary>牵头单位 / 责任单位 / 责任部门: bodies answering for the row.</summary>
    Lead,

    /// <summary>配合单位 / 协办单位 / 参与单位.</summary>
    Support,

    /// <summary>属性 / 类别 / 备注: read but not used.</summary>
    Other,
}

/// <summary>One column of a table and what its header says about it.</summary>
/// <param name="Year">The year the header names ("2015年目标" → 2015), or null.</param>
/// <param name="Unit">A unit the header gives in brackets ("（千人）", "(%)"), or null.</param>
public sealed record TableColumn(int Index, ColumnRole Role, string Header, int? Year, string? Unit);

/// <summary>The columns of a table, read from its header rows; only a layout with an indicator column and a target column
/// yields targets.</summary>
/// <remarks>Column titles are closed word classes (below), not phrases of any one document.</remarks>
public sealed class TableLayout
{
    private static readonly string[] SequenceWords = [.. WordLexicon.Default["table-sequence-header"].Words];
    private static readonly string[] DeadlineWords = [.. WordLexicon.Default["table-deadline-header"].Words];
    private static readonly string[] LeadWords = [.. WordLexicon.Default["table-lead-header"].Words];
    private static readonly string[] SupportWords = [.. WordLexicon.Default["table-support-header"].Words];
    private static readonly string[] UnitWords = [.. WordLexicon.Default["table-unit-header"].Words];
    private static readonly string[] OtherWords = [.. WordLexicon.Default["table-other-header"].Words];
    private static readonly string[] BaselineWords = [.. WordLexicon.Default["table-baseline-header"].Words];
    private static readonly string[] TargetWords = [.. WordLexicon.Default["table-target-header"].Words];
    private static readonly string[] IndicatorWords = [.. WordLexicon.Default["table-indicator-header"].Words];

    // An increment column is titled by a word of growth alone, or with a noun of counting after it (扩招人数, 新增数量).
    private static readonly string[] IncrementWords = [.. WordLexicon.Default["table-increment-header"].Words];
    private static readonly string[] IncrementNouns = ["", "人数", "数", "数量", "量", "值", "规模"];

    /// <summary>The words a table uses for its own columns (目标值, 分年度任务, 计划): they say where a value stands, not what it
    /// measures, so category and taxonomy read the indicator without them.</summary>
    internal static readonly string[] ColumnWords = [.. WordLexicon.Default["table-column-word"].Words];

    private TableLayout(DocumentTable table, IReadOnlyList<TableColumn> columns)
    {
        Table = table;
        Columns = columns;
    }

    public DocumentTable Table { get; }

    public IReadOnlyList<TableColumn> Columns { get; }

    public TableColumn? Indicator => Columns.FirstOrDefault(c => c.Role == ColumnRole.Indicator);

    public TableColumn? Unit => Columns.FirstOrDefault(c => c.Role == ColumnRole.Unit);

    public TableColumn? Baseline => Columns.FirstOrDefault(c => c.Role == ColumnRole.Baseline);

    public TableColumn? Deadline => Columns.FirstOrDefault(c => c.Role == ColumnRole.Deadline);

    public IEnumerable<TableColumn> Targets => Columns.Where(c => c.Role is ColumnRole.Target or ColumnRole.Increment);

    /// <summary>The latest year a target column names: the year an increment column's increase is due.</summary>
    public int? LatestTargetYear => Columns.Where(c => c.Role == ColumnRole.Target).Max(c => c.Year);

    public IEnumerable<TableColumn> BodyColumns => Columns.Where(c => c.Role is ColumnRole.Lead).Concat(Columns.Where(c => c.Role is ColumnRole.Support));

    /// <summary>The layout of <paramref name="table"/>, or null when it has no indicator column or no target column.</summary>
    /// <param name="planYear">The document's year: a bare year column before it holds past figures.</param>
    public static TableLayout? Read(DocumentTable table, string text, UnitCatalogue units, int? planYear)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(units);
        if (!table.HeaderRows.Any())
        {
            return null;
        }

        var columns = new List<TableColumn>(table.Columns);
        for (var c = 0; c < table.Columns; c++)
        {
            var header = table.HeaderText(text, c);
            columns.Add(new TableColumn(c, Classify(header), header, YearOf(header), UnitOf(header, units)));
        }

        // Bare year columns before the plan year hold past figures: the latest of them is the baseline.
        var yearOnly = columns.Where(c => c.Role == ColumnRole.Target && c.Year is not null && !ContainsAny(c.Header, TargetWords)).ToList();
        if (planYear is { } plan && yearOnly.Exists(c => c.Year < plan))
        {
            var past = yearOnly.Where(c => c.Year < plan).ToList();
            var latest = past.MaxBy(c => c.Year)!;
            foreach (var column in past)
            {
                columns[column.Index] = column with { Role = ReferenceEquals(column, latest) && !columns.Exists(c => c.Role == ColumnRole.Baseline) ? ColumnRole.Baseline : ColumnRole.Other };
            }
        }
        else if (yearOnly.Count >= 2 && !columns.Exists(c => c.Role == ColumnRole.Baseline))
        {
            var first = yearOnly.MinBy(c => c.Year)!;
            columns[first.Index] = first with { Role = ColumnRole.Baseline };
        }

        // Without a titled indicator column, the first untitled column of words is it.
        if (!columns.Exists(c => c.Role == ColumnRole.Indicator))
        {
            foreach (var column in columns)
            {
                if (column.Role == ColumnRole.Unknown && MostlyWords(table, text, column.Index))
                {
                    columns[column.Index] = column with { Role = ColumnRole.Indicator };
                    break;
                }
            }
        }

        return columns.Exists(c => c.Role == ColumnRole.Indicator) && columns.Exists(c => c.Role == ColumnRole.Target)
            ? new TableLayout(table, columns)
            : null;
    }

    /// <summary>True when the indicator column names places or bodies rather than measures ("省（市）", "区县", "地区"): its rows
    /// are who, and what is measured comes from the column titles and the table's caption.</summary>
    public bool RowsAreEntities => Indicator is { } column && IsEntityTitle(column.Header);

    /// <summary>What a target column measures, from its title without the year and the target words ("分年度招生任务1996年" →
    /// "分年度招生任务"; "2025年目标" → ""), or "" when the title names no measure.</summary>
    public static string MeasureOf(TableColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var measure = column.Header;
        if (column.Year is { } year)
        {
            measure = measure.Replace(year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "年", "", StringComparison.Ordinal);
        }

        measure = measure.Trim();
        if (measure.Length > 0 && measure[^1] is ')' or '）' && measure.LastIndexOfAny(['(', '（']) is var open and >= 0)
        {
            measure = measure[..open];
        }

        // A title of target words alone (目标, 预期值) names no measure.
        var rest = measure;
        foreach (var word in TargetWords.Append("值"))
        {
            rest = rest.Replace(word, "", StringComparison.Ordinal);
        }

        if (rest.Trim().Length == 0)
        {
            return string.Empty;
        }

        return measure.Trim();
    }

    // Titles made only of the words for administrative units: 省 市 县 区 州 盟 旗 乡 镇 街道 地区 城市 省份 (and 各, 名称).
    private static bool IsEntityTitle(string header)
    {
        var h = header.Replace("名称", "", StringComparison.Ordinal);
        var any = false;
        foreach (var c in h)
        {
            if (c is '（' or '）' or '(' or ')' or '、' or '/' or ' ')
            {
                continue;
            }

            if ("省市县区州盟旗乡镇街道地城份各".IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>The text of row <paramref name="row"/>'s cell in <paramref name="column"/> ("" when there is none).</summary>
    public static TableCell? Cell(TableRow row, int column)
    {
        ArgumentNullException.ThrowIfNull(row);
        foreach (var cell in row.Cells)
        {
            if (cell.Column == column)
            {
                return cell;
            }
        }

        return null;
    }

    private static ColumnRole Classify(string header)
    {
        var h = header.Replace(" ", "", StringComparison.Ordinal);
        if (h.Length == 0)
        {
            return ColumnRole.Unknown;
        }

        if (Array.IndexOf(SequenceWords, h) >= 0)
        {
            return ColumnRole.Sequence;
        }

        if (ContainsAny(h, DeadlineWords))
        {
            return ColumnRole.Deadline;
        }

        if (ContainsAny(h, LeadWords))
        {
            return ColumnRole.Lead;
        }

        if (ContainsAny(h, SupportWords))
        {
            return ColumnRole.Support;
        }

        // A column titled with a year holds values of that year, whatever its group title says (分年度任务 over 2025年).
        if (YearOf(h) is not null)
        {
            return ContainsAny(h, BaselineWords) ? ColumnRole.Baseline : ColumnRole.Target;
        }

        if (ContainsAny(h, IndicatorWords))
        {
            return ColumnRole.Indicator;
        }

        if (IsIncrementTitle(h))
        {
            return ColumnRole.Increment;
        }

        if (ContainsAny(h, UnitWords))
        {
            return ColumnRole.Unit;
        }

        if (ContainsAny(h, OtherWords))
        {
            return ColumnRole.Other;
        }

        if (ContainsAny(h, BaselineWords))
        {
            return ColumnRole.Baseline;
        }

        return ContainsAny(h, TargetWords) || YearOf(h) is not null ? ColumnRole.Target : ColumnRole.Unknown;
    }

    private static bool IsIncrementTitle(string header)
    {
        var h = header;
        if (h.Length > 0 && h[^1] is ')' or '）' && h.LastIndexOfAny(['(', '（']) is var open and > 0)
        {
            h = h[..open];
        }

        foreach (var word in IncrementWords)
        {
            if (h.StartsWith(word, StringComparison.Ordinal) && Array.IndexOf(IncrementNouns, h[word.Length..]) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsAny(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"2015年目标" → 2015: the last four-digit year followed by 年 in a header (or a deadline cell: "2022年底").</summary>
    internal static int? YearOf(string header)
    {
        int? year = null;
        for (var i = 0; i + 4 < header.Length; i++)
        {
            if (header[i] is '1' or '2' && char.IsAsciiDigit(header[i + 1]) && char.IsAsciiDigit(header[i + 2]) && char.IsAsciiDigit(header[i + 3])
                && header[i + 4] == '年' && (i == 0 || !char.IsAsciiDigit(header[i - 1])))
            {
                var value = int.Parse(header.AsSpan(i, 4), System.Globalization.CultureInfo.InvariantCulture);
                if (value is >= 1949 and <= 2100)
                {
                    year = value;
                }
            }
        }

        return year;
    }

    /// <summary>A unit in brackets at the end of a title: "森林覆盖率（%）" → "%", "人口（千人）" → "千人".</summary>
    public static string? UnitOf(string title, UnitCatalogue units)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(units);
        var t = title.TrimEnd();
        if (t.Length < 3 || t[^1] is not (')' or '）'))
        {
            return null;
        }

        var open = t.LastIndexOfAny(['(', '（']);
        if (open < 0)
        {
            return null;
        }

        var inside = t[(open + 1)..^1].Trim();
        return units.Parse(inside) is not null ? inside : null;
    }

    private static bool MostlyWords(DocumentTable table, string text, int column)
    {
        int words = 0, values = 0;
        foreach (var row in table.DataRows)
        {
            if (Cell(row, column) is { Span.Length: > 0 } cell)
            {
                if (TextTableDetector.IsValue(text.AsSpan(cell.Span.Start, cell.Span.Length)))
                {
                    values++;
                }
                else
                {
                    words++;
                }
            }
        }

        return words > values;
    }
}
