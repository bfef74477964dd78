namespace PolicyMiner.Extraction.Quantities;

/// <summary>What a unit measures; drives the target's kind and the standardised unit.</summary>
public enum UnitKind
{
    /// <summary>No unit ("" in output), or a bare magnitude such as 万.</summary>
    None,

    /// <summary>元, 万元, 亿元, 美元.</summary>
    Money,

    /// <summary>%, ‰, 百分之X.</summary>
    Percent,

    /// <summary>个百分点: a difference of percentages, never a percentage.</summary>
    PercentagePoint,

    /// <summary>家, 个, 项, 件, 次, 人 … : things counted.</summary>
    Count,

    /// <summary>平方米, 亩, 公顷.</summary>
    Area,

    /// <summary>吨, 千瓦, 公里 … : physical quantities.</summary>
    Physical,

    /// <summary>倍: a multiple.</summary>
    Multiple,

    /// <summary>个工作日 / 工作日: a time limit.</summary>
    Duration,
}
