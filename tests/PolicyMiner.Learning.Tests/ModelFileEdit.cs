using System.IO.Compression;

namespace PolicyMiner.Learning.Tests;

/// <summary>Edits a saved model file the way a stale or tampered file would look, for the refusal tests.</summary>
internal static class ModelFileEdit
{
    /// <summary>The bundle's <c>model.json</c> manifest text.</summary>
    public static string ReadManifest(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry("model.json")!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>Rewrites the bundle's <c>model.json</c> manifest with <paramref name="oldText"/> replaced.</summary>
    public static void ReplaceInManifest(string path, string oldText, string newText)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry("model.json")!;
        string json;
        using (var reader = new StreamReader(entry.Open()))
        {
            json = reader.ReadToEnd();
        }

        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("model.json").Open());
        writer.Write(json.Replace(oldText, newText, StringComparison.Ordinal));
    }
}
