using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Text;

namespace PolicyMiner.Ingest.Tests;

/// <summary>Checks that a normalised character really came from the source character its offset points at.</summary>
internal static class OffsetChecks
{
    public static bool Equivalent(char source, char normalised)
    {
        if (source == normalised)
        {
            return true;
        }

        if (normalised is '\n' or ' ' && char.IsWhiteSpace(source))
        {
            return true;
        }

        // Context-dependent conversions (range dashes, separators inside numbers) and context-free ones.
        return normalised switch
        {
            // A column gap of a table aligned with spaces is written as a tab.
            '\t' => source is '\t' or ' ' or '\u3000' or '\u00A0',
            '-' => source is '—' or '–' or '－' or '～' or '〜' or '~' or '‐' or '‑' or '−' or '﹣',
            '.' => source == '．',
            ',' => source == '，',
            ':' => source == '：',
            '%' => source == '％',
            _ => TextNormaliser.Normalise(source.ToString()).Text == normalised.ToString(),
        };
    }

    /// <summary>Asserts that every character of the document's text maps to an equivalent source character, in order.</summary>
    public static void AssertMapsBack(PolicyDocument document)
    {
        var map = document.OffsetMap;
        Assert.Equal(document.Text.Length, map.NormalisedLength);
        var previous = -1;
        for (var i = 0; i < document.Text.Length; i++)
        {
            var offset = map.ToSource(i);
            Assert.InRange(offset, Math.Max(previous, 0), document.SourceText.Length - 1);
            Assert.True(Equivalent(document.SourceText[offset], document.Text[i]),
                $"{document.SourceName}: '{document.Text[i]}' at {i} maps to '{document.SourceText[offset]}' at {offset}");
            previous = offset;
        }

        foreach (var sentence in document.Sentences)
        {
            var source = map.ToSource(sentence);
            Assert.True(source.Start <= source.End && source.End <= document.SourceText.Length);
        }
    }
}
