using System.Diagnostics.CodeAnalysis;

namespace PolicyMiner.Storage.Entities;

/// <summary>Shares one instance of each repeated string read from the store (units, indicators, categories), for one read.</summary>
/// <remarks>Not thread-safe; scoped to one query, so nothing outlives it (unlike <see cref="string.Intern"/>).</remarks>
internal sealed class StringPool
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);

    /// <summary>The pooled instance equal to <paramref name="value"/>, adding it when new.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public string? Get(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (_strings.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        _strings.Add(value);
        return value;
    }
}
