using PolicyMiner.Core.Targets;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Quantities;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.Kinds;

/// <summary>Classifies a target as level, growth (增长X%), share (占…比重), count, amount (money), increase (新增 / 增加X,
/// X个百分点) or requirement (a minimum every actor of a class must meet: 每个县…, 各级政府…应, 企业研发投入占销售收入X%).</summary>
public sealed class KindRule : ITargetRule
{
    private static readonly string[] IncreaseWords = ["新增", "新认定", "新建", "新培育", "新引进", "增加", "净增", "新开工", "新设立", "新组建"];
    private static readonly string[] GrowthWords = ["增长", "增速", "增幅", "递增", "提高", "提升", "上升"];
    private static readonly string[] PerActorStarts = ["每个", "每位", "每家", "每名", "每一", "每所", "各级", "各县", "各市", "各区", "各镇", "各乡", "各部门", "各单位"];
    private static readonly string[] PersonClasses = ["成员", "党员", "干部", "领导", "教师", "医生"];
    private static readonly string[] RatioRequirement = ["销售收入", "按本级", "按照本级", "提取", "的比例提取", "营业收入", "业务收入"];

    public string Name => "kind";

    public void Apply(ExtractionContext context)
    {
        var text = context.Text;
        foreach (var draft in context.LiveDrafts)
        {
            draft.Kind = Classify(context, text, draft);
        }
    }

    private static TargetKind Classify(ExtractionContext context, string text, TargetDraft draft)
    {
        var q = draft.Mention.Quantity;
        var clauseStart = ClauseText.ClauseStart(text, draft.ExpressionStart);
        var sentenceStart = ClauseText.SentenceStart(text, draft.ExpressionStart);
        var previous = context.PreviousLive(draft, sentenceStart);

        // "净增15家、总数达到60家": the words of the previous item of a list are not this one's.
        var ownStart = previous is not null && previous.ExpressionEnd > clauseStart && previous.ExpressionEnd <= draft.ExpressionStart
            ? previous.ExpressionEnd : clauseStart;
        var before = text.AsSpan(ownStart, draft.ExpressionStart - ownStart);

        if (IsRequirement(text, draft, clauseStart, sentenceStart, before))
        {
            return TargetKind.Requirement;
        }

        // 有效发明专利拥有量, 每万人…: a stock or a density is a level, whatever its unit.
        if (draft.Indicator.Contains("拥有量", StringComparison.Ordinal) || draft.Indicator.Contains("保有量", StringComparison.Ordinal)
            || draft.Indicator.StartsWith("每万人", StringComparison.Ordinal) || draft.Indicator.StartsWith("每百", StringComparison.Ordinal)
            || draft.Indicator.StartsWith("每千", StringComparison.Ordinal))
        {
            return TargetKind.Level;
        }

        // 科技进步贡献率: a contribution rate measures an effect, not the part of a whole that a share names.
        if (q.Kind == UnitKind.Percent && draft.Indicator.EndsWith("贡献率", StringComparison.Ordinal))
        {
            return TargetKind.Level;
        }

        switch (q.Kind)
        {
            case UnitKind.PercentagePoint:
                return TargetKind.Increase;
            case UnitKind.Percent:
                return EndsWithAny(Trimmed(before), GrowthWords) ? TargetKind.Growth : TargetKind.Share;
            case UnitKind.Money:
                return HasIncrease(before) ? TargetKind.Increase : TargetKind.Amount;
            case UnitKind.Count:
                return HasIncrease(before) || ContinuesIncrease(draft, previous, before) ? TargetKind.Increase : TargetKind.Count;
            case UnitKind.Area when draft.Indicator.EndsWith("面积", StringComparison.Ordinal):
                // 孵化面积不少于1万平方米: an area the plan provides is an amount, like money.
                return HasIncrease(before) ? TargetKind.Increase : TargetKind.Amount;
            case UnitKind.Multiple:
                return EndsWithAny(Trimmed(before), GrowthWords) ? TargetKind.Growth : TargetKind.Level;
            default:
                return HasIncrease(before) ? TargetKind.Increase : TargetKind.Level;
        }
    }

    private static bool IsRequirement(string text, TargetDraft draft, int clauseStart, int sentenceStart, ReadOnlySpan<char> before)
    {
        // 每个乡镇（街道）培育2-3个…, 各级政府每季度…应不少于1次, 每名班子成员联系1个…: the subject leading the sentence or clause.
        var sentence = text.AsSpan(sentenceStart, draft.ExpressionStart - sentenceStart);
        var itemStart = SkipMarker(sentence);
        var clause = before.TrimStart();
        foreach (var start in PerActorStarts)
        {
            if (sentence[itemStart..].StartsWith(start, StringComparison.Ordinal) || clause.StartsWith(start, StringComparison.Ordinal))
            {
                return true;
            }
        }

        // 局党组成员以普通党员身份参加…: a class of people as the subject.
        var head = clause.Length > 8 ? clause[..8] : clause;
        foreach (var person in PersonClasses)
        {
            if (head.IndexOf(person, StringComparison.Ordinal) > 0)
            {
                return true;
            }
        }

        var q = draft.Mention.Quantity;
        if (q.Kind == UnitKind.Percent)
        {
            var wide = text.AsSpan(clauseStart, Math.Min(text.Length, draft.ExpressionEnd + 8) - clauseStart);
            if (ContainsAny(wide, RatioRequirement))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>新增 / 新建 / 增加 …, but not 增加值 (value added).</summary>
    private static bool HasIncrease(ReadOnlySpan<char> before)
    {
        foreach (var word in IncreaseWords)
        {
            var at = before.IndexOf(word, StringComparison.Ordinal);
            while (at >= 0)
            {
                var after = at + word.Length;
                if (after >= before.Length || !(before[after] is '值' or '到' or '至'))
                {
                    return true;
                }

                var next = before[after..].IndexOf(word, StringComparison.Ordinal);
                at = next < 0 ? -1 : after + next;
            }
        }

        return false;
    }

    /// <summary>"新建A10个，B40个", "新建…30个，其中国家级平台3个": a bare noun phrase after an increase carries on that increase.</summary>
    private static bool ContinuesIncrease(TargetDraft draft, TargetDraft? previous, ReadOnlySpan<char> before)
    {
        if (previous is not { Kind: TargetKind.Increase } || draft.IndicatorInherited || draft.Indicator.Length == 0
            || previous.Mention.Quantity.Kind != UnitKind.Count)
        {
            return false;
        }

        var own = before.Trim().TrimStart("、和及与").TrimStart();
        if (own.StartsWith("其中", StringComparison.Ordinal))
        {
            own = own[2..];
        }

        // The noun phrase must open the item: any verb or time word before it starts a target of its own.
        return own.StartsWith(draft.Indicator.AsSpan(0, Math.Min(draft.Indicator.Length, 2)), StringComparison.Ordinal)
               && own.IndexOf("总", StringComparison.Ordinal) < 0;
    }

    private static int SkipMarker(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && (ChineseNumber.IsDigit(s[i]) || s[i] is ' '))
        {
            i++;
        }

        return i > 0 && i < s.Length && s[i] is '.' or '、' or '．' ? i + 1 : 0;
    }

    private static ReadOnlySpan<char> Trimmed(ReadOnlySpan<char> s)
    {
        foreach (var tail in (string[])["达到", "为", "在", "至少", "不低于", "不少于", "超过", "突破", "约", "近"])
        {
            if (s.EndsWith(tail, StringComparison.Ordinal))
            {
                return s[..^tail.Length];
            }
        }

        return s;
    }

    private static bool EndsWithAny(ReadOnlySpan<char> s, string[] words)
    {
        foreach (var w in words)
        {
            if (s.EndsWith(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsAny(ReadOnlySpan<char> s, string[] words)
    {
        foreach (var w in words)
        {
            if (s.IndexOf(w, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
