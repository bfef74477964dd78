using System.Security.Cryptography;
using System.Text;
using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Targets;
using PolicyMiner.Core.Text;

namespace PolicyMiner.Tests.Shared;

/// <summary>Invented sample documents and their targets built in memory, shaped as the readers and the extractor make them, for
/// tests that fill a store without reading files.</summary>
/// <remarks>A linked file, like <c>TestPostgres.cs</c>: each test project that stores documents compiles its own copy, so the
/// projects stay plain test projects. Each project keeps its own sample texts and defaults on top of these two builders.</remarks>
internal static class SampleDocuments
{
    /// <summary>A plain-text document at <paramref name="path"/> whose text is its own source (identity offsets), hashed as a
    /// reader hashes a UTF-8 file of that text.</summary>
    public static PolicyDocument Document(string text, string path, DocumentMetadata metadata) => new()
    {
        SourceName = Path.GetFileName(path),
        SourcePath = path,
        Format = DocumentFormat.Txt,
        Encoding = "utf-8",
        ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
        SourceText = text,
        Text = text,
        OffsetMap = OffsetMap.Identity(text.Length),
        Metadata = metadata,
    };

    /// <summary>The document with the fingerprint a reader computes, so that a near-copy of it is folded in as one more source.</summary>
    public static PolicyDocument WithFingerprint(this PolicyDocument document) =>
        document with { Fingerprint = TextFingerprint.Of(document.Text) };

    /// <summary>A target of <paramref name="value"/> quoting the first occurrence of <paramref name="quote"/> in the document's
    /// text (the same span of its source text); fails the test when the text lacks the quote.</summary>
    public static PolicyTarget Target(PolicyDocument document, string quote, double value)
    {
        var start = document.Text.IndexOf(quote, StringComparison.Ordinal);
        Assert.True(start >= 0, $"quote not in text: {quote}");
        return new PolicyTarget
        {
            Doc = document.SourceName,
            Quote = quote,
            Start = start,
            End = start + quote.Length,
            SourceStart = start,
            SourceEnd = start + quote.Length,
            Value = value,
        };
    }
}
