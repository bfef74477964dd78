namespace PolicyMiner.Ingest.External;

/// <summary>Converts Word 97–2003 (.doc) and WPS (.wps) files to .docx with LibreOffice headless, so the DOCX reader reads them.</summary>
/// <remarks>Thread-safe: each conversion has its own temp folder and LibreOffice profile, so parallel conversions do not
/// collide on LibreOffice's profile lock.</remarks>
public sealed class LegacyWordConverter(ExternalTool soffice, TimeSpan timeout)
{
    /// <summary>The Debian package that provides soffice without a desktop.</summary>
    public const string DebianPackage = "libreoffice-writer-nogui";

    /// <summary>A converter using soffice from PATH, 120 seconds per file.</summary>
    public static LegacyWordConverter Default { get; } = new(new ExternalTool("soffice", DebianPackage), TimeSpan.FromSeconds(120));

    public bool IsAvailable => soffice.IsAvailable;

    /// <summary>The .docx bytes of the .doc/.wps in <paramref name="bytes"/>, or null and a one-line reason.</summary>
    public byte[]? ToDocx(byte[] bytes, string extension, out string? failure)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (!soffice.IsAvailable)
        {
            failure = soffice.MissingReason($"reading {extension} files");
            return null;
        }

        using var folder = new TempFolder();
        var input = Path.Combine(folder.Path, "input" + extension);
        File.WriteAllBytes(input, bytes);
        var profile = new Uri(Path.Combine(folder.Path, "profile")).AbsoluteUri;
        var run = soffice.Run(
            ["--headless", "--norestore", "--nolockcheck", $"-env:UserInstallation={profile}", "--convert-to", "docx:MS Word 2007 XML", "--outdir", folder.Path, input],
            timeout,
            folder.Path,
            new Dictionary<string, string> { ["HOME"] = folder.Path });
        var output = Path.Combine(folder.Path, "input.docx");
        if (run.TimedOut)
        {
            failure = $"LibreOffice did not convert the file within {timeout.TotalSeconds:0} s";
            return null;
        }

        if (!File.Exists(output))
        {
            failure = $"LibreOffice could not convert it (corrupt or not a Word/WPS document: {run.LastErrorLine})";
            return null;
        }

        failure = null;
        return File.ReadAllBytes(output);
    }
}
