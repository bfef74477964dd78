using PolicyMiner.Core.Targets;
using PolicyMiner.Core.Text;
using PolicyMiner.Extraction.Quantities;
using PolicyMiner.Extraction.Time;

namespace PolicyMiner.Extraction.Pipeline;

/// <summary>A number with its unit found in the text (30亿元, 3-5家, 百分之十, 1～2个).</summary>
/// <param name="Span">From the first character of the number to the end of its unit.</param>
/// <param name="ValueText">The number as written, without the unit ("30", "3-5", "两").</param>
/// <param name="Approximate">True for 余 / 多 between number and unit (100余家).</param>
public sealed record QuantityMention(TextSpan Span, string ValueText, Quantity Quantity, bool IsChinese, bool Approximate);

/// <summary>How a year expression fixes a date.</summary>
public enum YearMentionKind
{
    /// <summary>2007年, 2018年度: a calendar year.</summary>
    Absolute,

    /// <summary>到2010年, 2006年底前: a deadline.</summary>
    Deadline,

    /// <summary>2004年-2006年, 十一五: a period; the due year is its end.</summary>
    Period,

    /// <summary>年内, 今年, 全年, 明年: relative to the plan year.</summary>
    Relative,

    /// <summary>两年内, 4年内: within N years of the plan year.</summary>
    Within,

    /// <summary>每年: a recurring target.</summary>
    Recurring,

    /// <summary>去年, 上年, 2017年 before the plan year: the past, not a due date.</summary>
    Past,

    /// <summary>2007年3月21日: a date, not a due year.</summary>
    Date,
}

/// <summary>A time expression that can give a target its due year.</summary>
/// <param name="Offset">Years after the plan year for <see cref="YearMentionKind.Relative"/> and <see cref="YearMentionKind.Within"/>.</param>
/// <param name="InName">True inside 《》 or “”: part of a title, not a due date.</param>
public sealed record YearMention(TextSpan Span, string Text, YearMentionKind Kind, PlanPeriod? Period, int Offset, bool InName)
{
    /// <summary>The due year this expression gives against <paramref name="planYear"/>, or null.</summary>
    public int? Resolve(PolicyYear? planYear) => Kind switch
    {
        YearMentionKind.Absolute or YearMentionKind.Deadline or YearMentionKind.Period => Period?.End.Value,
        YearMentionKind.Relative or YearMentionKind.Within or YearMentionKind.Recurring => planYear is { } p ? p.Value + Offset : null,
        _ => null,
    };
}

/// <summary>A modal word fixing how firmly a target is committed to (确保, 要, 力争, 争取, 努力 …).</summary>
/// <param name="TakesObject">争取 followed by a noun (争取甲项目, 争取情况): a verb with an object of its own, so, like 争创, it commits
/// at most the numbers of its own clause.</param>
public sealed record ModalMention(TextSpan Span, string Word, Commitment Commitment, bool TakesObject = false);

/// <summary>A responsibility block such as "(责任领导:…,责任部门:…)" or "牵头单位:…": the bodies it names.</summary>
/// <param name="Bodies">Bodies in the order written, lead bodies first; leaders' personal names are never included.</param>
public sealed record ResponsibilityMention(TextSpan Span, IReadOnlyList<string> Bodies);

/// <summary>"由X牵头" (lead) with the participants named alongside it.</summary>
public sealed record LeadMention(TextSpan Span, IReadOnlyList<string> Bodies);

/// <summary>A target read from a table cell: the fields its row and column give.</summary>
/// <param name="Row">The row's line: the target's quote runs from its start to the end of the value cell.</param>
/// <param name="Indicator">The indicator from the row's indicator cell, without a unit in brackets ("森林覆盖率（%）" → 森林覆盖率).</param>
/// <param name="Year">The due year from the column header ("2015年目标"), or null.</param>
/// <param name="Baseline">The value of the row's baseline column ("2010年实绩", 基期, 现状), or null.</param>
/// <param name="Responsible">Bodies of the row's 牵头 column, then of its 配合 column.</param>
/// <param name="Comparator">A comparison sign written in the cell (≥90), or null.</param>
/// <param name="Kind">The kind the column gives its values (an increment column such as 扩招 / 新增 holds increases), or null
/// for the text rules to decide from the indicator.</param>
/// <param name="Topic">What the value measures for category and taxonomy: the row's indicator, the caption's subject and the
/// column's measure without the table's own words (目标, 任务, 计划 …, which name a column, not a topic).</param>
/// <param name="Context">The group row above the value's row, the table's caption and the heading of its section, joined by
/// "|": where the topic of a terse row ("达标率") is named.</param>
public sealed record TableTarget(TextSpan Row, TextSpan Cell, TextSpan IndicatorSpan, string Indicator, int? Year, string? YearText,
    double? Baseline, IReadOnlyList<string> Responsible, Comparator? Comparator, TargetKind? Kind = null, string? Topic = null, string Context = "");
