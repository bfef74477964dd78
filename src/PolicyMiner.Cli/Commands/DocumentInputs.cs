using PolicyMiner.Core.Documents;
using PolicyMiner.Ingest;
using PolicyMiner.Ingest.Manifest;

namespace PolicyMiner.Cli.Commands;

/// <summary>Turns FILE arguments (files or folders) into documents for the extraction verbs.</summary>
internal static class DocumentInputs
{
    /// <summary>Files named directly, plus the documents directly inside named folders, in name order.</summary>
    /// <remarks>A path that does not exist, or a folder holding no document, is written to <paramref name="errors"/> as one line
    /// and counted in <paramref name="problems"/>; the other inputs go on.</remarks>
    public static List<string> Expand(IEnumerable<string> arguments, TextWriter errors, out int problems)
    {
        var files = new List<string>();
        problems = 0;
        foreach (var argument in arguments)
        {
            var found = Directory.Exists(argument)
                ? [.. Directory.EnumerateFiles(argument).Where(DocumentReader.IsSupported).Order(StringComparer.Ordinal)]
                : File.Exists(argument) ? [argument] : new List<string>();
            if (found.Count == 0)
            {
                errors.WriteLine($"policyminer: {CliMessages.NothingIn(argument)}");
                problems++;
            }

            files.AddRange(found);
        }

        return files;
    }

    private static readonly DocumentReader Reader = new();

    /// <summary>Reads one document through the ingest readers; on failure returns null and the one-line reason.</summary>
    /// <param name="planYear">Plan year to use when neither the document nor the manifest states one (null: leave it unknown).</param>
    /// <param name="manifest">Per-file metadata that overrides what the text says; null for none.</param>
    public static PolicyDocument? Read(string path, int? planYear, out string? error, DocumentManifest? manifest = null)
    {
        error = null;
        if (!File.Exists(path))
        {
            error = CliMessages.NoSuchPath(path);
            return null;
        }

        var result = Reader.Read(path);
        if (!result.Succeeded)
        {
            error = result.Message;
            return null;
        }

        var document = result.Document;
        if (manifest is not null)
        {
            document = document with { Metadata = manifest.Apply(path, document.Metadata) };
        }

        return planYear is not null && document.Metadata.Year is null
            ? document with { Metadata = document.Metadata with { Year = planYear } }
            : document;
    }
}
