using PolicyMiner.Core.Targets;

namespace PolicyMiner.Reports.Comparison;

/// <summary>Whose target a value is: the region's own, or a floor each of its subordinate units must meet.</summary>
public enum TargetScope
{
    /// <summary>The region's own target (全市研发投入强度达到2.5%).</summary>
    Region,

    /// <summary>A requirement on each unit below the region (各县（市、区）…不低于1.5%, 各高校…, 每家企业…).</summary>
    Subordinate,
}

/// <summary>Tells a region's own targets from those set for each of its subordinate units.</summary>
/// <remarks>
/// A target is subordinate when extraction classed it as a requirement, or when the words before its value open with a
/// distributive subject: 各/每 followed by a unit (the closed word class below). A plotted line of the region must never
/// carry a county's floor.
/// </remarks>
public static class TargetScopes
{
    /// <summary>Subjects that address every unit of a class below the region.</summary>
    private static readonly string[] DistributiveSubjects =
    [
        "各县", "各市", "各区", "各地", "各乡", "各镇", "各街道", "各园区", "各开发区", "各高新区", "各高校", "各院校", "各学校",
        "各医院", "各部门", "各单位", "各级", "各企业", "各类", "每个", "每家", "每所", "每县", "每市", "每区", "每乡", "每镇",
    ];

    /// <summary>The scope of a target.</summary>
    public static TargetScope Of(PolicyTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Kind == TargetKind.Requirement || StartsWithDistributive(target.Indicator))
        {
            return TargetScope.Subordinate;
        }

        // The subject of the clause holding the value: the quote's text after the last clause break before the value.
        var head = BeforeValue(target.Quote.AsSpan());
        var clause = head.LastIndexOfAny("，,；;：:。") is var cut and >= 0 ? head[(cut + 1)..] : head;
        return StartsWithDistributive(SkipDeadline(clause)) ? TargetScope.Subordinate : TargetScope.Region;
    }

    /// <summary>Short Chinese name of a scope for headings.</summary>
    public static string Name(TargetScope scope) => scope == TargetScope.Subordinate ? "下级单位的要求" : "本地区目标";

    private static bool StartsWithDistributive(ReadOnlySpan<char> text)
    {
        text = text.TrimStart();
        foreach (var subject in DistributiveSubjects)
        {
            if (text.StartsWith(subject, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The quote up to its first number that is not a year (a digit run followed by 年).</summary>
    private static ReadOnlySpan<char> BeforeValue(ReadOnlySpan<char> quote)
    {
        var i = 0;
        while (i < quote.Length)
        {
            if (!char.IsAsciiDigit(quote[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < quote.Length && char.IsAsciiDigit(quote[end]))
            {
                end++;
            }

            if (end >= quote.Length || quote[end] != '年')
            {
                return quote[..i];
            }

            i = end;
        }

        return quote;
    }

    /// <summary>"到2025年各县…": a leading deadline stands before the subject.</summary>
    private static ReadOnlySpan<char> SkipDeadline(ReadOnlySpan<char> clause)
    {
        clause = clause.TrimStart();
        var year = clause.IndexOf('年');
        if (year > 0 && year <= 8 && (clause[0] is '到' or '至' or '力' or '争' or '截') && clause[..year].IndexOfAnyInRange('0', '9') >= 0)
        {
            var rest = clause[(year + 1)..];
            return rest.StartsWith("底", StringComparison.Ordinal) || rest.StartsWith("末", StringComparison.Ordinal) ? rest[1..] : rest;
        }

        return clause;
    }
}
