namespace PolicyMiner.Core.Targets;

/// <summary>What sort of quantity a target fixes. JSON forms are the lower-case names.</summary>
public enum TargetKind
{
    /// <summary>A level to reach (达到 X).</summary>
    Level,

    /// <summary>A growth rate (增长 X%).</summary>
    Growth,

    /// <summary>A share (占…比重 / 比例).</summary>
    Share,

    /// <summary>A number of things (家, 个, 项 …).</summary>
    Count,

    /// <summary>A sum of money or a physical amount.</summary>
    Amount,

    /// <summary>An increment (新增 / 增加 X).</summary>
    Increase,

    /// <summary>A minimum every actor of a class must meet.</summary>
    Requirement,
}

/// <summary>How firmly the document commits to a target. JSON forms are the lower-case names.</summary>
public enum Commitment
{
    /// <summary>No hedge and no insistence.</summary>
    Plain,

    /// <summary>确保 / 必须 / 要.</summary>
    Firm,

    /// <summary>力争 / 争取 / 努力.</summary>
    Aspirational,
}
