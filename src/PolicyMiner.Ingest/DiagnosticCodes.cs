namespace PolicyMiner.Ingest;

/// <summary>Codes of the diagnostics the ingest stage attaches to documents.</summary>
public static class DiagnosticCodes
{
    /// <summary>Lines of web-page chrome were removed.</summary>
    public const string ChromeRemoved = "PM3001";

    /// <summary>The declared charset did not decode the bytes; another encoding was detected.</summary>
    public const string CharsetMismatch = "PM3002";

    /// <summary>PDF running headers, footers or page numbers were removed.</summary>
    public const string PdfRunningLinesRemoved = "PM3003";

    /// <summary>Garbage characters (□, U+FFFD, private-use) were removed.</summary>
    public const string GarbageRemoved = "PM3004";

    /// <summary>Traditional characters were folded to simplified.</summary>
    public const string TraditionalFolded = "PM3005";

    /// <summary>Number of pages of a PDF; the message starts with the number.</summary>
    public const string PdfPages = "PM3007";

    /// <summary>Some metadata could not be determined and is null.</summary>
    public const string MetadataUnknown = "PM3006";

    /// <summary>The text's encoding was guessed with low confidence, or invalid bytes were replaced.</summary>
    public const string LowConfidenceDecode = "PM3008";
}
