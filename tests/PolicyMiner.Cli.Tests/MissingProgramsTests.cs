using PolicyMiner.Storage;

namespace PolicyMiner.Cli.Tests;

/// <summary>The README's main command on a machine without LibreOffice, pdftoppm and Tesseract: the .doc and the scanned
/// sample each get one line naming the Debian package, and every other sample is stored.</summary>
public sealed class MissingProgramsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pm-cli-noprog-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableFact]
    public void Run_CorpusWithoutTheDebianPrograms_OneLinePerFileThatNeedsThemAndTheBatchGoesOn()
    {
        // A PATH holding only the dotnet host: the readers find neither soffice nor tesseract nor pdftoppm.
        var host = Environment.ProcessPath is { } process ? new FileInfo(process).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? process : null;
        var hostFolder = host is null ? null : Path.GetDirectoryName(host);
        Skip.If(hostFolder is null || !Path.GetFileName(host!).StartsWith("dotnet", StringComparison.Ordinal), "the tests do not run under the dotnet host");
        Skip.If(new[] { "soffice", "tesseract", "pdftoppm" }.Any(p => File.Exists(Path.Combine(hostFolder!, p))), "the dotnet host shares its folder with the Debian programs");
        var corpus = Path.Combine(PolicyminerProcess.RepositoryRoot(), "corpus");

        var result = PolicyminerProcess.Run(_folder, ["run", corpus, "--out", "out", "--no-progress"], null, new Dictionary<string, string> { ["PATH"] = hostFolder! });

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains($"{Path.Combine(corpus, "anlan-2020-digital-economy-plan-word97.doc")}: reading .doc files needs 'soffice', which is not installed (Debian package libreoffice-writer-nogui: apt-get install libreoffice-writer-nogui)", lines);
        Assert.Contains($"{Path.Combine(corpus, "qingchuan-2021-14th-five-year-plan-scan.pdf")}: no text layer (scanned document); OCR of scanned pages needs 'tesseract', which is not installed (Debian package tesseract-ocr: apt-get install tesseract-ocr)", lines);
        using var store = PolicyStore.Open(Path.Combine(_folder, "out", PolicyStore.DefaultFileName));
        var supported = Directory.EnumerateFiles(corpus).Count(Pipeline.PolicyPipeline.IsSupported);
        Assert.Equal(supported - 2, store.DocumentCount);
        Assert.Equal(2, store.Failures().Count);
    }
}
