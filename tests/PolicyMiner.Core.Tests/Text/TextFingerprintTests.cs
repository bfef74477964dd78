using System.Text;
using PolicyMiner.Core.Text;

namespace PolicyMiner.Core.Tests.Text;

public sealed class TextFingerprintTests
{
    [Theory]
    [InlineData("")]
    [InlineData("年")]
    [InlineData("青川市２０２５年研发投入强度达到3.2%以上，新增高新技术企业40家。")]
    [InlineData("ＡＢＣ abc 全市生产总值增长6%左右；一般公共预算收入增长5%。")]
    public void Of_AnyText_SignatureEqualsTheScalarFormula(string text)
    {
        Assert.Equal(ScalarMinHash(text), TextFingerprint.Of(text).MinHash);
        Assert.Equal(ExactOf(text), TextFingerprint.Of(text).Exact);
    }

    [Fact]
    public void Of_LongGeneratedText_SignatureEqualsTheScalarFormula()
    {
        var random = new Random(8);
        var text = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            text.Append(random.Next(4) == 0 ? (char)('0' + random.Next(10)) : (char)(0x4E00 + random.Next(2000)));
        }

        Assert.Equal(ScalarMinHash(text.ToString()), TextFingerprint.Of(text.ToString()).MinHash);
        Assert.Equal(ExactOf(text.ToString()), TextFingerprint.Of(text.ToString()).Exact);
    }

    [Fact]
    public void Of_TextsInTurnOnOneThread_EachEqualsTheScalarFormula()
    {
        // A thread reuses one working state: a long text (several blocks), then texts shorter than a block and than a
        // shingle, then the long one again must each get what a text read alone gets, with nothing left from the one before.
        var random = new Random(21);
        var longText = new string([.. Enumerable.Range(0, 9_000).Select(_ => (char)(0x4E00 + random.Next(300)))]);
        string[] texts = [longText, "临江县２０２８年新建公园12个。", "年", "", "Ab1", longText, "全县植树造林3万亩。"];

        foreach (var text in texts)
        {
            var fingerprint = TextFingerprint.Of(text);
            Assert.Equal(ScalarMinHash(text), fingerprint.MinHash);
            Assert.Equal(ExactOf(text), fingerprint.Exact);
        }
    }

    [Fact]
    public void Of_EveryCharacter_KeepsWhatTheScalarRuleKeeps()
    {
        // Each of the 64K characters once, shuffled so shingles mix letters, digits and what is dropped: the compact text
        // (folded, lower-cased, letters and digits only) must be the one the rule defines, character for character.
        var all = Enumerable.Range(1, char.MaxValue).Select(c => (char)c).ToArray();
        new Random(8).Shuffle(all);
        var text = new string(all);

        Assert.Equal(ExactOf(text), TextFingerprint.Of(text).Exact);
        Assert.Equal(ScalarMinHash(text), TextFingerprint.Of(text).MinHash);
    }

    [Fact]
    public void Of_SameLettersInAnotherContainer_SameFingerprint()
    {
        var a = TextFingerprint.Of("全市生产总值增长6%左右。");
        var b = TextFingerprint.Of("全市 生产总值\n增长６％左右");

        Assert.Equal(a.Exact, b.Exact);
        Assert.Equal(1.0, a.Similarity(b));
    }

    // The signature as first defined: for each of 64 slots k, the least high half of h1 + k·h2 over the 5-character
    // shingles of the compact text (letters and digits, full-width folded, lower-cased), h1/h2 from FNV-1a variants.
    private static string ExactOf(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(CompactOf(text))));

    private static string CompactOf(string text)
    {
        var compact = new StringBuilder();
        foreach (var raw in text)
        {
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (char.IsLetterOrDigit(c))
            {
                compact.Append(char.ToLowerInvariant(c));
            }
        }

        return compact.ToString();
    }

    private static uint[] ScalarMinHash(string text)
    {
        var s = CompactOf(text);
        var minHash = Enumerable.Repeat(uint.MaxValue, TextFingerprint.Hashes).ToArray();
        for (var i = 0; i < Math.Max(1, s.Length - 4); i++)
        {
            ulong h1 = 14695981039346656037UL, h2 = 1099511628211UL * 31;
            foreach (var c in s.AsSpan(i, Math.Min(5, s.Length - i)))
            {
                h1 = (h1 ^ c) * 1099511628211UL;
                h2 = (h2 ^ c) * 0x9E3779B97F4A7C15UL;
            }

            h2 |= 1;
            for (var k = 0; k < TextFingerprint.Hashes; k++)
            {
                minHash[k] = Math.Min(minHash[k], (uint)((h1 + ((ulong)k * h2)) >> 32));
            }
        }

        return minHash;
    }
}
