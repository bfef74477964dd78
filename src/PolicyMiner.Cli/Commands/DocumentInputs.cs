using System.Text;
using PolicyMiner.Core.Documents;
using PolicyMiner.Extraction;

namespace PolicyMiner.Cli.Commands;

/// <summary>Turns FILE arguments (files or folders) into documents for the extraction verbs.</summary>
internal static class DocumentInputs
{
    private static readonly string[] Extensions = [".txt", ".html", ".htm", ".pdf"];

    /// <summary>Files named directly, plus the documents directly inside named folders, in name order.</summary>
    public static List<string> Expand(IEnumerable<string> arguments)
    {
        var files = new List<string>();
        foreach (var argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                files.AddRange(Directory.EnumerateFiles(argument)
                    .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(argument);
            }
        }

        return files;
    }

    /// <summary>Reads one document; on failure returns null and the one-line reason.</summary>
    public static PolicyDocument? Read(string path, int? planYear, out string? error)
    {
        error = null;
        if (!File.Exists(path))
        {
            error = $"{path}: file not found";
            return null;
        }

        // Until the ingest readers are on main, plain UTF-8 text is read as is.
        if (!Path.GetExtension(path).Equals(".txt", StringComparison.OrdinalIgnoreCase))
        {
            error = $"{path}: only .txt is readable until the ingest readers land";
            return null;
        }

        var text = File.ReadAllText(path, Encoding.UTF8);
        return PlainTextDocument.Create(Path.GetFileName(path), text, planYear);
    }
}
