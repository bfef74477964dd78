using PolicyMiner.Core.Documents;
using PolicyMiner.Storage.Entities;

namespace PolicyMiner.Storage;

/// <summary>
/// Which of two files holding the same document is stored, the other becoming one of its sources: the richer format,
/// then the ordinally smaller path. A total order on the files alone, so the stored copy does not depend on which of
/// them the single writer happened to receive first from the parallel readers.
/// </summary>
/// <remarks>
/// Formats whose structure is explicit come first: DOCX (and .doc/.wps, converted to it) and HTML mark paragraphs,
/// headings and tables; OFD and PDF give them only by layout, from which the reader rebuilds them; plain text has none;
/// a scanned image is last, its characters being an OCR's guesses.
/// </remarks>
internal static class SourcePreference
{
    private static readonly DocumentFormat[] Order =
        [DocumentFormat.Docx, DocumentFormat.Doc, DocumentFormat.Html, DocumentFormat.Ofd, DocumentFormat.Pdf, DocumentFormat.Txt, DocumentFormat.Image];

    /// <summary>True when the file at <paramref name="path"/> in <paramref name="format"/> is to be stored rather than <paramref name="stored"/>.</summary>
    public static bool Prefers(DocumentFormat format, string path, DocumentEntity stored)
    {
        var storedFormat = Enum.TryParse<DocumentFormat>(stored.Format, ignoreCase: true, out var parsed) ? parsed : DocumentFormat.Txt;
        var byFormat = Rank(format).CompareTo(Rank(storedFormat));
        return byFormat != 0 ? byFormat < 0 : string.CompareOrdinal(path, stored.SourcePath) < 0;
    }

    /// <summary>Places a new file at <paramref name="path"/> whose text <paramref name="stored"/> already holds: true when
    /// the file is the preferred copy and is to replace it (its sources then taken over by <see cref="DocumentEntity.TakeOver"/>);
    /// false when it was folded into <paramref name="stored"/> as one more source, <paramref name="save"/> writing the
    /// stored document when that changed it.</summary>
    public static bool Replaces(DocumentEntity stored, DocumentFormat format, string path, string contentHash, Action<DocumentEntity> save)
    {
        if (Prefers(format, path, stored))
        {
            return true;
        }

        if (stored.FoldIn(path, contentHash))
        {
            save(stored);
        }

        return false;
    }

    private static int Rank(DocumentFormat format) => Array.IndexOf(Order, format) is var rank and >= 0 ? rank : Order.Length;
}
