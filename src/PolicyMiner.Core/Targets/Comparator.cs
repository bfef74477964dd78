namespace PolicyMiner.Core.Targets;

/// <summary>How a target's value bounds the indicator. JSON forms: "&gt;=", "&gt;", "&lt;=", "&lt;", "=", "range", "~".</summary>
public enum Comparator
{
    /// <summary>"=": 达到 X, or a plain X.</summary>
    Equal,

    /// <summary>"&gt;=": 以上 / 不低于 / 不少于 / 突破 / 至少.</summary>
    AtLeast,

    /// <summary>"&gt;": 超过 / 高于.</summary>
    GreaterThan,

    /// <summary>"&lt;=": 以下 / 不超过 / 以内.</summary>
    AtMost,

    /// <summary>"&lt;": 低于 / 不足.</summary>
    LessThan,

    /// <summary>"range": X-Y; the value is the low end and value_max the high end.</summary>
    Range,

    /// <summary>"~": 左右 / 约 / 近.</summary>
    Approximately,
}

/// <summary>The written forms of <see cref="Comparator"/> used in JSON, CSV and the gold files.</summary>
public static class ComparatorText
{
    public static string ToSymbol(this Comparator comparator) => comparator switch
    {
        Comparator.Equal => "=",
        Comparator.AtLeast => ">=",
        Comparator.GreaterThan => ">",
        Comparator.AtMost => "<=",
        Comparator.LessThan => "<",
        Comparator.Range => "range",
        Comparator.Approximately => "~",
        _ => throw new ArgumentOutOfRangeException(nameof(comparator), comparator, null),
    };

    public static bool TryParse(string? symbol, out Comparator comparator)
    {
        comparator = symbol switch
        {
            "=" => Comparator.Equal,
            ">=" => Comparator.AtLeast,
            ">" => Comparator.GreaterThan,
            "<=" => Comparator.AtMost,
            "<" => Comparator.LessThan,
            "range" => Comparator.Range,
            "~" => Comparator.Approximately,
            _ => (Comparator)(-1),
        };
        return (int)comparator >= 0;
    }
}
