namespace PolicyMiner.Core.Indicators;

/// <summary>One canonical indicator of the taxonomy: the thing that different documents' phrases name alike.</summary>
/// <remarks>Terms are stored normalised (see <see cref="IndicatorTaxonomy.Normalize"/>).</remarks>
/// <param name="Id">Stable canonical id, e.g. "rd_intensity".</param>
/// <param name="Name">Chinese display name.</param>
/// <param name="Category">The gold-schema category this indicator belongs to.</param>
/// <param name="AlsoIn">Further categories whose targets may carry this indicator.</param>
/// <param name="UnitFamily">Family of the units the indicator is measured in.</param>
/// <param name="IsDefault">Whether this is its category's fallback for targets of its unit family that match nothing.</param>
/// <param name="Synonyms">Phrases that name the indicator on their own.</param>
/// <param name="Patterns">Each pattern is a list of groups; every group must occur, in any of its alternatives.</param>
/// <param name="Exclude">Terms that rule the indicator out.</param>
public sealed record IndicatorDefinition(
    string Id,
    string Name,
    string Category,
    IReadOnlyList<string> AlsoIn,
    UnitFamily UnitFamily,
    bool IsDefault,
    IReadOnlyList<string> Synonyms,
    IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Patterns,
    IReadOnlyList<string> Exclude)
{
    /// <summary>True when targets of <paramref name="category"/> may carry this indicator.</summary>
    public bool BelongsTo(string category) =>
        string.Equals(Category, category, StringComparison.Ordinal) || AlsoIn.Contains(category, StringComparer.Ordinal);

    /// <summary>True when a target measured in <paramref name="family"/> can be this indicator: an unknown unit fits every
    /// indicator, and an indicator of family <c>any</c> (粮食产量 in 万吨 or 亿斤) takes every unit.</summary>
    public bool Accepts(UnitFamily family) =>
        family == UnitFamily.Unknown
        || UnitFamily == UnitFamily.Unknown
        || family == UnitFamily
        || (UnitFamily == UnitFamily.Percent && family == UnitFamily.PercentagePoint);
}
