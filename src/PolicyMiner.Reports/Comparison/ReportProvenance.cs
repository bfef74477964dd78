using System.Reflection;

namespace PolicyMiner.Reports.Comparison;

/// <summary>Where a report comes from: when it was generated, by which PolicyMiner version, from which database.</summary>
/// <param name="GeneratedAt">Generation time (UTC).</param>
/// <param name="ToolVersion">PolicyMiner's informational version.</param>
/// <param name="Database">Full path of the store read, or null when the report was built from rows in memory.</param>
public sealed record ReportProvenance(DateTimeOffset GeneratedAt, string ToolVersion, string? Database)
{
    /// <summary>PolicyMiner's version as built (informational version without the source-revision suffix).</summary>
    public static string CurrentVersion { get; } = ReadVersion();

    /// <summary>A provenance stamped now with the current version.</summary>
    public static ReportProvenance Now(string? database) => new(DateTimeOffset.UtcNow, CurrentVersion, database);

    private static string ReadVersion()
    {
        var version = typeof(ReportProvenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
