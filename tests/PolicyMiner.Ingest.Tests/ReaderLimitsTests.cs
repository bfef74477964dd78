using System.Text;
using PolicyMiner.Core.Documents;
using PolicyMiner.Ingest.Decoding;

namespace PolicyMiner.Ingest.Tests;

/// <summary>Issue 9: hostile inputs cost one file a one-line failure within bounded work; near-limit inputs still read.</summary>
public sealed class ReaderLimitsTests
{
    private const string Content = "青川市科技工作要点(样例)。到2025年，全市研发经费投入强度达到3%以上。";

    [Fact]
    public void Read_Html20000LevelsDeep_FailsInOneLine()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 20_000)) + Content + string.Concat(Enumerable.Repeat("</div>", 20_000)) + "</body></html>";

        var result = new DocumentReader().Read(Encoding.UTF8.GetBytes(html), "deep.html", DocumentFormat.Html);

        Assert.False(result.Succeeded);
        Assert.Equal("HTML nests elements 20000 levels deep (limit 1000); not read", result.Reason);
    }

    [Fact]
    public void Read_Html900LevelsDeep_ReadsTheTextWithoutRecursion()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div><span>", 450)) + Content + string.Concat(Enumerable.Repeat("</span></div>", 450)) + "</body></html>";

        var result = new DocumentReader().Read(Encoding.UTF8.GetBytes(html), "deep.html", DocumentFormat.Html);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Contains("研发经费投入强度达到3%以上", result.Document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnclosedParagraphsAndScriptTags_AreNotCountedAsNesting()
    {
        var html = "<html><body><script>for(i=0;i<9;i++){document.write('<div>')}</script>"
            + string.Concat(Enumerable.Repeat("<p>段落<br>", 5000)) + "<p>" + Content + "</body></html>";

        var result = new DocumentReader().Read(Encoding.UTF8.GetBytes(html), "flat.html", DocumentFormat.Html);

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public void Read_TextOverTheCharacterLimit_FailsInOneLine()
    {
        var reader = new DocumentReader(new DocumentReaderOptions { MaxCharacters = 1000 });

        var result = reader.Read(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Content, 100))), "long.txt", DocumentFormat.Txt);

        Assert.False(result.Succeeded);
        Assert.StartsWith("document has ", result.Reason, StringComparison.Ordinal);
        Assert.EndsWith("characters (limit 1000); not read", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Utf8WithJunkBytesAtTheStart_StaysUtf8AndSaysSo()
    {
        byte[] bytes = [0x9F, 0x88, 0xFF, 0xFE, 0xC3, .. Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Content, 10)))];

        var decoded = TextDecoder.Decode(bytes);

        Assert.NotNull(decoded);
        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.EndsWith(string.Concat(Enumerable.Repeat(Content, 10)), decoded.Text, StringComparison.Ordinal);
        Assert.NotNull(decoded.Diagnostic);
    }

    [Fact]
    public void Read_Utf8WithJunk_CarriesALowConfidenceDiagnostic()
    {
        byte[] bytes = [0x9F, 0x88, 0xFF, .. Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Content, 10)))];

        var result = new DocumentReader().Read(bytes, "junk.txt", DocumentFormat.Txt);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Contains(result.Document.Diagnostics, d => d.Code == DiagnosticCodes.LowConfidenceDecode);
    }

    [Fact]
    public void Decode_CleanUtf8_HasNoDiagnostic() => Assert.Null(TextDecoder.Decode(Encoding.UTF8.GetBytes(Content))!.Diagnostic);
}
