namespace PolicyMiner.Core.Documents;

/// <summary>The container a policy document arrived in.</summary>
public enum DocumentFormat
{
    Txt,
    Html,
    Pdf,

    /// <summary>Office Open XML word processing (.docx).</summary>
    Docx,

    /// <summary>OFD, the Chinese fixed-layout format (GB/T 33190).</summary>
    Ofd,

    /// <summary>Legacy Word (.doc) and WPS (.wps) files, converted through LibreOffice.</summary>
    Doc,

    /// <summary>A scanned page image (.png, .jpg, .tif), read by OCR.</summary>
    Image,
}
