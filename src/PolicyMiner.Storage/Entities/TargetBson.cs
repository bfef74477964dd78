using System.Collections.Frozen;

namespace PolicyMiner.Storage.Entities;

/// <summary>The BSON field names of a stored target (schema v3 on): one or two letters, since every target repeats them.</summary>
/// <remarks>
/// Names are stored in every record; with 300,000 targets the long property names were a third of the database.
/// Query expressions and hand-mapped reads use these constants, so a name is spelled in one place.
/// <see cref="Schema.StoreSchema"/>'s version 3 migration renames the fields of older targets from the property names.
/// </remarks>
internal static class TargetBson
{
    public const string DocumentId = "d";

    public const string Doc = "f";

    public const string Quote = "q";

    public const string Start = "s";

    public const string End = "e";

    public const string SourceStart = "ss";

    public const string SourceEnd = "se";

    public const string Indicator = "i";

    public const string IndicatorId = "ii";

    public const string Category = "c";

    public const string Value = "v";

    public const string ValueMax = "vx";

    public const string Unit = "u";

    public const string ValueStd = "vs";

    public const string UnitStd = "us";

    public const string Comparator = "cmp";

    public const string Kind = "k";

    public const string Commitment = "cm";

    public const string Year = "y";

    public const string YearText = "yt";

    public const string Baseline = "b";

    public const string Responsible = "r";

    public const string Confidence = "p";

    public const string Region = "rg";

    public const string Province = "pv";

    public const string PlanYear = "py";

    public const string ExtractorVersion = "xv";

    public const string ExtractedAt = "xa";

    public const string ReviewState = "rs";

    public const string Reviewer = "rv";

    public const string ReviewedAt = "ra";

    public const string ReviewNote = "rn";

    public const string Stale = "st";

    public const string Version = "ver";

    public const string ReviewedFields = "rf";

    public const string Origin = "o";

    /// <summary>Property name (schema v1–v2 field name) → short field name.</summary>
    public static FrozenDictionary<string, string> Renames { get; } = new (string Old, string New)[]
    {
        ("DocumentId", DocumentId),
        ("Doc", Doc),
        ("Quote", Quote),
        ("Start", Start),
        ("End", End),
        ("SourceStart", SourceStart),
        ("SourceEnd", SourceEnd),
        ("Indicator", Indicator),
        ("IndicatorId", IndicatorId),
        ("Category", Category),
        ("Value", Value),
        ("ValueMax", ValueMax),
        ("Unit", Unit),
        ("ValueStd", ValueStd),
        ("UnitStd", UnitStd),
        ("Comparator", Comparator),
        ("Kind", Kind),
        ("Commitment", Commitment),
        ("Year", Year),
        ("YearText", YearText),
        ("Baseline", Baseline),
        ("Responsible", Responsible),
        ("Confidence", Confidence),
        ("Region", Region),
        ("Province", Province),
        ("PlanYear", PlanYear),
        ("ExtractorVersion", ExtractorVersion),
        ("ExtractedAt", ExtractedAt),
        ("ReviewState", ReviewState),
        ("Reviewer", Reviewer),
        ("ReviewedAt", ReviewedAt),
        ("ReviewNote", ReviewNote),
        ("Stale", Stale),
        ("Version", Version),
        ("ReviewedFields", ReviewedFields),
        ("Origin", Origin),
    }.ToFrozenDictionary(r => r.Old, r => r.New, StringComparer.Ordinal);
}
