using System.CommandLine;
using PolicyMiner.Ingest.Manifest;

namespace PolicyMiner.Cli.Pipeline;

/// <summary><c>--manifest FILE</c>, shared by every verb that reads documents: per-file metadata that overrides what the text says.</summary>
internal static class ManifestOption
{
    public static Option<string[]> Create() => new("--manifest")
    {
        Description = "CSV or JSONL with a 'file' column and any of title, region, province, year, date, issuer, doc_number; "
            + "its values override what is read from each file's text. Repeatable.",
        HelpName = "FILE",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The combined manifests (empty when none given); unusable lines are reported on <paramref name="errors"/>, one line each.</summary>
    /// <exception cref="CliException">A manifest file cannot be used at all.</exception>
    public static DocumentManifest Load(string[]? files, TextWriter errors)
    {
        if (files is not { Length: > 0 })
        {
            return DocumentManifest.Empty;
        }

        try
        {
            var manifest = DocumentManifest.Load(files);
            foreach (var problem in manifest.Problems)
            {
                errors.WriteLine($"policyminer: {problem}");
            }

            return manifest;
        }
        catch (ManifestException e)
        {
            throw new CliException(e.Message);
        }
    }
}
