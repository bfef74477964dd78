using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace PolicyMiner.Segmentation.Tests;

/// <summary>No text makes the segmenter throw, and default-mode tokens always rebuild the input exactly.</summary>
public sealed class RobustnessProperties
{
    private static readonly JiebaSegmenter Segmenter = JiebaSegmenter.Default;

    private static readonly string[] Pieces =
    [
        "的", "高新技术企业", "研发经费", "青川市", "2.5%", "C++", "AT&T", "abc", "3.14", "，", "。", "、", "（", "）",
        " ", "\t", "\r\n", "\r", "\n", "\u3000", "\u00A0", "\u001C", "\u0085", "\u2028", "\0", "\u0007", "\uFEFF",
        "😀", "𠀀", "\uD800", "\uDC00", "Ａ１", "가", "あ", "é", "-", "_", "#", "%", ".", "&", "+", "〇", "々",
    ];

    /// <summary>Text mixing Han, ASCII, punctuation, whitespace, control characters, surrogates (paired and lone).</summary>
    private static Arbitrary<string> MixedText()
    {
        var han = Gen.Choose(0x4E00, 0x9FD5).Select(c => ((char)c).ToString());
        var anyBmp = Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString());
        var piece = Gen.Frequency((5, han), (4, Gen.Elements(Pieces)), (1, anyBmp));
        return piece.ArrayOf().Select(string.Concat).ToArbitrary();
    }

    [Property(MaxTest = 300)]
    public Property Cut_AnyText_TokensConcatenateToInput()
        => Prop.ForAll(MixedText(), text =>
            string.Concat(Segmenter.Cut(text)) == text
            && string.Concat(Segmenter.Cut(text, hmm: false)) == text);

    [Property(MaxTest = 200)]
    public Property Tokenize_AnyText_OffsetsCoverInputInOrder()
        => Prop.ForAll(MixedText(), text =>
        {
            var tokens = Segmenter.Tokenize(text);
            var position = 0;
            foreach (var token in tokens)
            {
                if (token.Start != position || text[token.Start..token.End] != token.Word || token.Length == 0)
                {
                    return false;
                }

                position = token.End;
            }

            return position == text.Length;
        });

    /// <summary>WordBounds keeps its working arrays between calls on a thread: a long text then a short one must not leak words
    /// of the first into the second.</summary>
    [Property(MaxTest = 200)]
    public Property WordBounds_TextsInTurn_EachEqualsItsTokenOffsets()
        => Prop.ForAll(MixedText(), MixedText(), (first, second) =>
        {
            var bounds = new List<(int Start, int End)>();
            foreach (var text in new[] { first + first, second, first })
            {
                bounds.Clear();
                Segmenter.WordBounds(text, bounds);
                if (!bounds.SequenceEqual(Segmenter.Tokenize(text).Select(t => (t.Start, t.End))))
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 200)]
    public Property SearchAndFull_AnyText_TokensAreSubstringsAndNothingThrows()
        => Prop.ForAll(MixedText(), text =>
        {
            var search = Segmenter.Tokenize(text, SegmentMode.Search);
            var full = Segmenter.Tokenize(text, SegmentMode.Full);
            return search.TrueForAll(t => t.Length > 0 && text[t.Start..t.End] == t.Word)
                && full.TrueForAll(t => t.Length > 0 && t.Start >= 0 && t.End <= text.Length);
        });

    [Theory]
    [InlineData("")]
    [InlineData("\uD800")]
    [InlineData("\uDFFF\uD800")]
    [InlineData("\0\u0001\u001F\u007F")]
    [InlineData("\r\n\r\n")]
    [InlineData("😀😀")]
    public void Cut_EdgeInputs_RebuildInput(string text)
    {
        Assert.Equal(text, string.Concat(Segmenter.Cut(text)));
        Assert.Equal(text, string.Concat(Segmenter.Cut(text, hmm: false)));
        Assert.All(Segmenter.CutForSearch(text), token => Assert.Contains(token, text, StringComparison.Ordinal));
        Assert.All(Segmenter.CutAll(text), token => Assert.NotEmpty(token));
    }

    [Fact]
    public void Cut_OneMegabyteLineWithoutPunctuation_RebuildsInput()
    {
        var random = new Random(20261127);
        var chars = new char[1 << 20];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i % 97 == 0 ? (char)('a' + random.Next(26)) : (char)random.Next(0x4E00, 0x9FD6);
        }

        var text = new string(chars);
        var tokens = Segmenter.Cut(text);

        Assert.Equal(text, string.Concat(tokens));
        Assert.True(tokens.Count > chars.Length / 4, "a megabyte of text gives many tokens");
    }
}
