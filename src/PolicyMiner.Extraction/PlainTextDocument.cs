using System.Security.Cryptography;
using System.Text;
using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Documents.Tables;
using PolicyMiner.Core.Text;

namespace PolicyMiner.Extraction;

/// <summary>Wraps text already in memory as a <see cref="PolicyDocument"/> (identity offsets, no cleaning), for specs, benchmarks
/// and callers that have normalised text of their own. Files should go through the ingest readers instead.</summary>
public static class PlainTextDocument
{
    /// <summary>A document whose normalised text is <paramref name="text"/> as given.</summary>
    public static PolicyDocument Create(string name, string text, int? planYear)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        return new PolicyDocument
        {
            SourceName = name,
            Format = DocumentFormat.Txt,
            Encoding = "utf-16",
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
            SourceText = text,
            Text = text,
            OffsetMap = OffsetMap.Identity(text.Length),
            Metadata = new DocumentMetadata(Year: planYear),
            Tables = TextTableDetector.Detect(text),
        };
    }
}
