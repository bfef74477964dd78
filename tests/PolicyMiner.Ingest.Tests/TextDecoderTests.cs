using System.Text;
using PolicyMiner.Ingest.Decoding;

namespace PolicyMiner.Ingest.Tests;

public sealed class TextDecoderTests
{
    private const string Sample = "青川市2016年科技工作要点：全市高新技术企业达到120家，研发经费占比达到2.5%。";

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16le-bom")]
    [InlineData("utf-16be")]
    [InlineData("utf-16be-bom")]
    [InlineData("gb18030")]
    public void Decode_SampleInEncoding_GivesTheTextBack(string encoding)
    {
        var bytes = Encode(Sample, encoding);

        var decoded = TextDecoder.Decode(bytes);

        Assert.NotNull(decoded);
        Assert.Equal(Sample, decoded.Text);
        Assert.Equal(encoding.Replace("-bom", string.Empty, StringComparison.Ordinal), decoded.EncodingName);
    }

    [Fact]
    public void Decode_ShortGbkText_IsNotMistakenForUtf16()
    {
        var decoded = TextDecoder.Decode(TextDecoder.Gb18030.GetBytes("科技工作要点"));

        Assert.Equal("gb18030", decoded?.EncodingName);
        Assert.Equal("科技工作要点", decoded?.Text);
    }

    [Fact]
    public void Decode_Utf16WithoutBomCutMidCharacter_StillDecodes()
    {
        var bytes = System.Text.Encoding.Unicode.GetBytes(Sample);

        var decoded = TextDecoder.Decode(bytes.AsSpan(0, bytes.Length - 1));

        Assert.Equal("utf-16le", decoded?.EncodingName);
        Assert.Equal(Sample[..^1], decoded?.Text);
    }

    [Fact]
    public void Decode_RandomBytes_IsNotText()
    {
        var random = new Random(42);
        var bytes = new byte[4096];
        random.NextBytes(bytes);

        Assert.Null(TextDecoder.Decode(bytes));
    }

    [Fact]
    public void Decode_DeclaredCharsetThatFails_FallsBackToDetection()
    {
        var bytes = TextDecoder.Gb18030.GetBytes(Sample);

        Assert.Equal("gb18030", TextDecoder.Decode(bytes, declared: "utf-8")?.EncodingName);
    }

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-8" => Encoding.UTF8.GetBytes(text),
        "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        "utf-16le" => Encoding.Unicode.GetBytes(text),
        "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        "utf-16be" => Encoding.BigEndianUnicode.GetBytes(text),
        "utf-16be-bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        _ => TextDecoder.Gb18030.GetBytes(text),
    };
}
