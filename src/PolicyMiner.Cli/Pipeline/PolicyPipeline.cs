using PolicyMiner.Core.Indicators;
using PolicyMiner.Extraction;
using PolicyMiner.Ingest;
using PolicyMiner.Ingest.Manifest;
using PolicyMiner.Storage.Ingestion;

namespace PolicyMiner.Cli.Pipeline;

/// <summary>The stages one ingest runs on each file: the document reader, the target extractor and the indicator matcher.</summary>
/// <remarks>Every part is immutable and thread-safe, so one pipeline serves all the batch's worker threads.</remarks>
internal sealed class PolicyPipeline
{
    private PolicyPipeline(IngestStages stages, TargetExtractor extractor, long maxFileBytes, IndicatorTaxonomy taxonomy)
    {
        Stages = stages;
        Extractor = extractor;
        MaxFileBytes = maxFileBytes;
        Taxonomy = taxonomy;
    }

    public IngestStages Stages { get; }

    /// <summary>The extractor the stages run, with this run's taxonomy.</summary>
    public TargetExtractor Extractor { get; }

    public long MaxFileBytes { get; }

    /// <summary>The taxonomy that assigned the targets' canonical indicators; reports compare by the same one.</summary>
    public IndicatorTaxonomy Taxonomy { get; }

    /// <summary>True for the file types a folder scan picks up (.txt, .html, .pdf …).</summary>
    public static bool IsSupported(string path) => DocumentReader.IsSupported(path);

    /// <summary>Raised after each page read by OCR (file name, page number), from a reading thread.</summary>
    public event Action<string, int>? OcrPageRead;

    /// <param name="manifest">Per-file metadata that overrides what the text says (<c>--manifest</c>); null for none.</param>
    /// <param name="ocr">OCR for scans and images when Tesseract is installed (off with <c>--no-ocr</c>).</param>
    public static PolicyPipeline Create(long maxFileBytes, IndicatorTaxonomy taxonomy, DocumentManifest? manifest = null, bool ocr = true)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        manifest ??= DocumentManifest.Empty;
        PolicyPipeline? pipeline = null;
        var reader = new DocumentReader(new DocumentReaderOptions(maxFileBytes)
        {
            Ocr = ocr ? Ingest.External.OcrEngine.Default : null,
            OnOcrPage = (file, page) => pipeline?.OcrPageRead?.Invoke(file, page),
        });
        // The extractor assigns canonical indicators itself; give it this run's taxonomy (built-in, models/ file
        // or the user's --indicators) so a user file takes effect instead of the embedded default.
        var extractor = new TargetExtractor(TargetExtractor.Default.Pipeline, taxonomy, ModelOption.Installed);
        var stages = new IngestStages(
            (path, bytes, hash, progress) => Read(reader, manifest, path, bytes, hash, progress),
            extractor.Extract,
            extractor.Version,
            InputFingerprint: manifest.Count == 0 ? null : manifest.FingerprintOf);
        pipeline = new PolicyPipeline(stages, extractor, maxFileBytes, taxonomy);
        return pipeline;
    }

    private static ReadOutcome Read(DocumentReader reader, DocumentManifest manifest, string path, byte[] bytes, string contentHash, ReadProgress progress)
    {
        // Unknown extensions get the reader's own one-line reason. Each OCR page read extends the file's time budget.
        var result = DocumentReader.FormatOf(path) is { } format
            ? reader.Read(bytes, Path.GetFileName(path), format, _ => progress.Step(), contentHash)
            : reader.Read(path);
        return result.Succeeded
            ? ReadOutcome.Read(result.Document with { SourcePath = Path.GetFullPath(path), Metadata = manifest.Apply(path, result.Document.Metadata) })
            : ReadOutcome.Failed(result.Reason);
    }
}
