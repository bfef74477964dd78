namespace PolicyMiner.Extraction.Time;

/// <summary>A calendar year a policy target can be due in (1949–2100).</summary>
public readonly record struct PolicyYear
{
    /// <summary>Earliest year accepted: years before it in policy text are almost always something else.</summary>
    public const int Min = 1949;

    /// <summary>Latest year accepted.</summary>
    public const int Max = 2100;

    private PolicyYear(int value) => Value = value;

    public int Value { get; }

    /// <summary>Creates a year, or returns false when <paramref name="value"/> is not a plausible policy year.</summary>
    public static bool TryCreate(int value, out PolicyYear year)
    {
        year = new PolicyYear(value);
        return value is >= Min and <= Max;
    }

    /// <summary>Creates a year; a programmer error (not text) when out of range.</summary>
    public static PolicyYear Of(int value) =>
        TryCreate(value, out var year) ? year : throw new ArgumentOutOfRangeException(nameof(value), value, "Not a policy year.");

    /// <summary>The year <paramref name="years"/> later.</summary>
    public PolicyYear Plus(int years) => Of(Value + years);

    public override string ToString() => Value.ToString();
}

/// <summary>A span of years a target or plan covers (2004年-2006年, 十一五 = 2006–2010), inclusive.</summary>
public readonly record struct PlanPeriod(PolicyYear Start, PolicyYear End)
{
    /// <summary>Number of years covered.</summary>
    public int Years => End.Value - Start.Value + 1;

    /// <summary>The five-year plan period numbered <paramref name="ordinal"/> (十一五 → 11 → 2006–2010).</summary>
    public static bool TryFiveYearPlan(int ordinal, out PlanPeriod period)
    {
        // The first plan ran 1953–1957, the second 1958–1962; after the 1963–1965 readjustment the third ran 1966–1970,
        // so from the third on the n-th plan ends in 1970 + 5(n-3) (十一五 → 2010, 十四五 → 2025).
        var end = ordinal <= 2 ? 1957 + (5 * (ordinal - 1)) : 1970 + (5 * (ordinal - 3));
        if (ordinal is < 1 or > 30 || !PolicyYear.TryCreate(end, out var endYear) || !PolicyYear.TryCreate(end - 4, out var startYear))
        {
            period = default;
            return false;
        }

        period = new PlanPeriod(startYear, endYear);
        return true;
    }

    /// <summary>The five-year plan period <paramref name="year"/> falls in (2021 → 十四五, 2021–2025), or null before the first plan.</summary>
    public static PlanPeriod? FiveYearPlanOf(PolicyYear year)
    {
        for (var ordinal = 1; TryFiveYearPlan(ordinal, out var period); ordinal++)
        {
            if (period.Start.Value <= year.Value && year.Value <= period.End.Value)
            {
                return period;
            }
        }

        return null;
    }

    public override string ToString() => $"{Start}-{End}";
}
