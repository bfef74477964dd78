using System.Text.Json;

namespace PolicyMiner.Core.Tests.Indicators;

/// <summary>The gold annotations in ../shared/gold, read at run time; never copied into the repository.</summary>
internal static class SharedGold
{
    /// <summary>The gold folder, or null when ../shared is not next to the repository.</summary>
    public static string? Folder { get; } = Locate(shared: true);

    /// <summary>The annotations of our own sample corpus (corpus/gold), or null when absent.</summary>
    public static string? SampleFolder { get; } = Locate(shared: false);

    /// <summary>(file, indicator, category, unit) of every gold target of ../shared/gold, or of corpus/gold for "samples".</summary>
    public static IReadOnlyList<GoldIndicator> Indicators(string source = "shared") =>
        (source == "samples" ? SampleFolder : Folder) is not { } folder
            ? []
            : Directory.EnumerateFiles(folder, "*.jsonl")
                .Order(StringComparer.Ordinal)
                .SelectMany(file => File.ReadLines(file)
                    .Where(line => line.Length > 0)
                    .Select(line =>
                    {
                        using var json = JsonDocument.Parse(line);
                        var root = json.RootElement;
                        return new GoldIndicator(
                            Path.GetFileName(file),
                            root.GetProperty("indicator").GetString() ?? "",
                            root.GetProperty("category").GetString() ?? "",
                            root.TryGetProperty("unit", out var unit) ? unit.GetString() ?? "" : "");
                    }))
                .ToList();

    private static string? Locate(bool shared)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyMiner.sln")))
            {
                var gold = shared ? Path.Combine(dir.FullName, "..", "shared", "gold") : Path.Combine(dir.FullName, "corpus", "gold");
                return Directory.Exists(gold) ? Path.GetFullPath(gold) : null;
            }
        }

        return null;
    }
}

internal sealed record GoldIndicator(string File, string Indicator, string Category, string Unit);
