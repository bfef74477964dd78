using PolicyMiner.Core.Text;
using PolicyMiner.Extraction.Lexicon;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Scopes;

/// <summary>The topic a title states: the noun phrase that ends it once the words saying what is done to it are set aside
/// ("加快宜荆荆都市圈一体化发展" → 宜荆荆都市圈, "实施大数据创新应用突破行动" → 大数据, "高标准高质量建设雄安新区" → 雄安新区).</summary>
internal static class ScopeTopics
{
    private static readonly WordClass PlanSuffixes = WordLexicon.Default["plan-suffix"];
    private static readonly WordClass GenericModifiers = WordLexicon.Default["generic-modifier"];
    private static readonly WordClass CampaignNouns = WordLexicon.Default["campaign-noun"];

    /// <summary>Shortest and longest topic, in characters.</summary>
    private const int MinLength = 2;

    private const int MaxLength = 12;

    /// <summary>The run of nouns ending <paramref name="title"/> after trailing verbs, verb nouns, adjectives and adverbs (and a plan word
    /// such as 工程 or 行动, or a campaign word such as 攻势 or 格局), at word boundaries; null when no noun of two or more characters ends the title or the segmenter is missing.</summary>
    public static TextSpan? NounPhrase(ExtractionContext context, TextSpan title)
    {
        var words = context.Words;
        if (!words.IsAvailable || title.Length < MinLength)
        {
            return null;
        }

        var text = context.Text;
        var end = title.End;
        // A title ending in a closing mark ends in a name or a gloss ("推进机关内部“一次办好”"), not in a noun phrase.
        if (text[end - 1] is '”' or '"' or '）' or ')')
        {
            return null;
        }

        if (PlanSuffixes.MatchAtEnd(text.AsSpan(title.Start, end - title.Start)) is > 0 and var plan && words.IsBoundary(end - plan))
        {
            end -= plan;
        }
        else if (CampaignNouns.MatchAtEnd(text.AsSpan(title.Start, end - title.Start)) is > 0 and var campaign && words.IsBoundary(end - campaign))
        {
            // A campaign or frame word ("纺织振兴|攻势", "对外开放|格局") names how the work is waged, never what is counted.
            end -= campaign;
        }

        // What is done to the topic, and the role words of a programme ("农业重点|工程") say nothing of it.
        while (words.WordEndingAt(end) is { } last && last.Start >= title.Start
               && (words.TagAt(last.Start) is "v" or "vn" or "vd" or "a" or "ad" or "an" or "d" or "l"
                   || GenericModifiers.MatchAtStart(text.AsSpan(last.Start, last.Length)) == last.Length))
        {
            end = last.Start;
        }

        return NounsEndingAt(context, title.Start, end);
    }

    /// <summary>The nouns right before <paramref name="end"/> that qualify what follows ("做强…工业互联网|平台" → 工业互联网,
    /// "扩大内地西藏初中班（校）|招生规模" → 内地西藏初中班（校）), a bracketed gloss of two or three characters included; null when
    /// a verb, an adjective or a mark stands right before <paramref name="end"/>.</summary>
    public static TextSpan? QualifierBefore(ExtractionContext context, int floor, int end)
    {
        if (!context.Words.IsAvailable || end - floor < MinLength || !context.Words.IsBoundary(end))
        {
            return null;
        }

        var text = context.Text;
        var nounsEnd = end;
        if (text[end - 1] is '）' or ')' && ClauseText.FindOpener(text, end - 1, Math.Max(floor, end - 5)) is var open and > 0 && open > floor)
        {
            nounsEnd = open;
        }

        return NounsEndingAt(context, floor, nounsEnd) is { } nouns ? new TextSpan(nouns.Start, end) : null;
    }

    private static TextSpan? NounsEndingAt(ExtractionContext context, int floor, int end)
    {
        var words = context.Words;
        var start = end;
        while (words.WordEndingAt(start) is { } word && word.Start >= floor)
        {
            var tag = words.TagAt(word.Start);
            var before = words.WordEndingAt(word.Start) is { } b && b.Start >= floor ? b : (TextSpan?)null;
            // A noun; a measure word ending a noun (都市|圈); a one-character adjective before a noun (大|数据); a one-character word
            // before a one-character noun, where the dictionary cut an unknown name into characters (宜|荆|荆). After a one-character
            // verb the adjective is its result (打|好, 建|强), not a modifier of the noun.
            var inPhrase = IsNoun(tag, word.Length)
                           || (word.Length == 1 && tag == "q" && before is { } n && IsNoun(words.TagAt(n.Start), n.Length))
                           || (word.Length == 1 && tag == "a" && start < end && !IsOneCharVerb(words, before))
                           || (word.Length == 1 && start < end && words.WordAt(start) is { Length: 1 } && tag is not (null or "v" or "p" or "c" or "u" or "d" or "r" or "m" or "q" or "f"));
            if (!inPhrase)
            {
                break;
            }

            start = word.Start;
        }

        return end - start is >= MinLength and <= MaxLength ? new TextSpan(start, end) : null;
    }

    private static bool IsOneCharVerb(ClauseWords words, TextSpan? word) => word is { Length: 1 } verb && words.TagAt(verb.Start) == "v";

    /// <summary>Nouns, names, abbreviations and Latin words; a word the dictionary does not know (found by the HMM) is a name when it
    /// is two or more characters long.</summary>
    private static bool IsNoun(string? tag, int length) => tag switch
    {
        null => length >= 2,
        "eng" or "j" or "s" => true,
        ['n', ..] => true,
        _ => false,
    };
}
