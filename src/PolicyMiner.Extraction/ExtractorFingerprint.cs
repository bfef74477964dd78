using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using PolicyMiner.Core.Indicators;
using PolicyMiner.Extraction.Pipeline;

namespace PolicyMiner.Extraction;

/// <summary>
/// The extractor version stored with every target: a readable release prefix and a fingerprint of everything that
/// decides what the extractor outputs, so a store re-extracts its documents whenever any of it changes.
/// </summary>
/// <remarks>
/// Form: <c>policyminer-extract/0.4+rules.1a2b3c4d5e6f.taxonomy.9f8e7d6c5b4a</c>. The rules part hashes the rule types
/// in pipeline order, the compiled code of the assemblies that define them (module version ids, stable for the same
/// source under the deterministic build, and in any folder for Release, which maps source and PDB paths) and every
/// resource embedded in those assemblies (lexicons, unit tables); the taxonomy part is <see cref="IndicatorTaxonomy.Fingerprint"/>. Nothing here depends on the machine or the clock.
/// </remarks>
public static class ExtractorFingerprint
{
    /// <summary>Bump by hand for releases; the hashes after it change by themselves.</summary>
    public const string Prefix = "policyminer-extract/0.4";

    /// <summary>The version of an extractor running <paramref name="pipeline"/> with <paramref name="taxonomy"/>.</summary>
    public static string Of(ExtractionPipeline pipeline, IndicatorTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(taxonomy);
        var rules = pipeline.ScanRules.Select(r => r.GetType()).Concat(pipeline.TargetRules.Select(r => r.GetType())).ToList();
        var assemblies = rules.Select(t => t.Assembly).Prepend(typeof(ExtractorFingerprint).Assembly).Distinct().ToList();
        return Compose(
            rules.Select(t => t.FullName ?? t.Name),
            assemblies.Select(a => a.ManifestModule.ModuleVersionId),
            assemblies.SelectMany(EmbeddedData),
            taxonomy.Fingerprint);
    }

    /// <summary>The version from its parts; any change to any part changes it.</summary>
    /// <param name="rules">Rule type names in pipeline order.</param>
    /// <param name="code">Module version ids of the assemblies that hold the rules.</param>
    /// <param name="data">Data files the rules read (name and content).</param>
    /// <param name="taxonomyFingerprint">The taxonomy's <see cref="IndicatorTaxonomy.Fingerprint"/>.</param>
    public static string Compose(IEnumerable<string> rules, IEnumerable<Guid> code, IEnumerable<(string Name, byte[] Content)> data, string taxonomyFingerprint)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(data);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var rule in rules)
        {
            Append(hash, "rule", Encoding.UTF8.GetBytes(rule));
        }

        foreach (var id in code)
        {
            Append(hash, "code", id.ToByteArray());
        }

        foreach (var (name, content) in data.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            Append(hash, "data", Encoding.UTF8.GetBytes(name));
            Append(hash, "content", content);
        }

        var rulesPart = Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
        var taxonomyPart = taxonomyFingerprint.Length >= 12 ? taxonomyFingerprint[..12] : taxonomyFingerprint;
        return $"{Prefix}+rules.{rulesPart}.taxonomy.{taxonomyPart}";
    }

    private static void Append(IncrementalHash hash, string kind, byte[] bytes)
    {
        // Kind and length before the bytes, so no two different part lists hash the same byte stream.
        hash.AppendData(Encoding.ASCII.GetBytes(kind));
        hash.AppendData(BitConverter.GetBytes(bytes.Length));
        hash.AppendData(bytes);
    }

    private static IEnumerable<(string Name, byte[] Content)> EmbeddedData(Assembly assembly)
    {
        foreach (var name in assembly.GetManifestResourceNames())
        {
            using var stream = assembly.GetManifestResourceStream(name);
            if (stream is null)
            {
                continue;
            }

            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            yield return (name, copy.ToArray());
        }
    }
}
