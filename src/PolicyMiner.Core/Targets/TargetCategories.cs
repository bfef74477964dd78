namespace PolicyMiner.Core.Targets;

/// <summary>The indicator categories of the gold schema (shared/gold/GOLD_SCHEMA.md).</summary>
public static class TargetCategories
{
    public const string Other = "other";

    /// <summary>Every category id, in schema order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "rd_intensity", "gdp_growth", "fiscal_st_spending", "enterprise_rd_ratio", "high_tech_output",
        "high_tech_share", "high_tech_enterprises", "tech_enterprises", "patents", "rd_platforms", "incubators",
        "talent", "st_projects", "st_achievements", "st_funding", "tech_contracts", "industry_output",
        "agriculture", "science_popularization", "cooperation", "governance", Other,
    ];
}
