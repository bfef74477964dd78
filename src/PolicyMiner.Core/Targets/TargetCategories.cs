namespace PolicyMiner.Core.Targets;

/// <summary>Indicator categories: the gold schema's (shared/gold/GOLD_SCHEMA.md, science policy) and the topics beyond it that real
/// documents set targets for (investment, environment, employment …).</summary>
public static class TargetCategories
{
    public const string Other = "other";

    /// <summary>The categories of the gold schema, in schema order; gold files use only these.</summary>
    public static IReadOnlyList<string> Schema { get; } =
    [
        "rd_intensity", "gdp_growth", "fiscal_st_spending", "enterprise_rd_ratio", "high_tech_output",
        "high_tech_share", "high_tech_enterprises", "tech_enterprises", "patents", "rd_platforms", "incubators",
        "talent", "st_projects", "st_achievements", "st_funding", "tech_contracts", "industry_output",
        "agriculture", "science_popularization", "cooperation", "governance", Other,
    ];

    /// <summary>Topics outside the gold schema. Against gold they count as <see cref="Other"/> (see <see cref="InSchema"/>).</summary>
    public static IReadOnlyList<string> Topics { get; } =
    [
        "investment", "consumption", "trade", "fiscal", "income", "employment", "environment", "education", "health",
        "housing", "transport", "culture_tourism", "social_security",
    ];

    /// <summary>Every category id: the schema's (other last) and then the topics.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Schema, .. Topics];

    /// <summary>The gold-schema category a category compares as: itself when in the schema, else <see cref="Other"/>.</summary>
    public static string InSchema(string category) => Schema.Contains(category) ? category : Other;
}
