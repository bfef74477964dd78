using PolicyMiner.Extraction.Lexicon;

namespace PolicyMiner.Extraction.Text;

/// <summary>
/// The scope of a reference verb that opens a clause (围绕37条产业链, 聚焦甲、乙等领域): existing things a measure refers to, no
/// target. A making verb after some scope ends it (聚焦甲、乙等领域形成30个…): what follows is what the clause makes. A 的 after
/// that verb makes it a participle inside the scope (针对已建成的5个园区).
/// </summary>
public static class ReferenceScope
{
    private static readonly WordClass ReferenceVerbs = WordLexicon.Default["reference-verb"];
    private static readonly WordClass MakingVerbs = WordLexicon.Default["making-verb"];

    /// <summary>
    /// Where what follows the reference scope opening <paramref name="phrase"/> starts: the index right after the making verb that
    /// ends the scope; -1 when no reference verb opens the phrase or its scope runs to the phrase's end.
    /// </summary>
    public static int End(ReadOnlySpan<char> phrase) =>
        MakingVerbStart(phrase, ReferenceVerbs.MatchAtStart(phrase)) is >= 0 and var making
            ? making + MakingVerbs.MatchAtStart(phrase[making..])
            : -1;

    /// <summary>True when a reference verb opens <paramref name="phrase"/> and no making verb ends its scope before the phrase ends.</summary>
    public static bool ReachesEnd(ReadOnlySpan<char> phrase)
    {
        var verb = ReferenceVerbs.MatchAtStart(phrase);
        return verb > 0 && MakingVerbStart(phrase, verb) < 0;
    }

    private static int MakingVerbStart(ReadOnlySpan<char> phrase, int verb)
    {
        // The scope takes at least one character, so a making verb right after the reference verb is the scope (围绕打造2个…).
        if (verb == 0 || phrase.Length <= verb + 1 || MakingVerbs.IndexIn(phrase[(verb + 1)..]) is not (>= 0 and var making))
        {
            return -1;
        }

        var start = verb + 1 + making;
        return phrase[start..].IndexOf('的') >= 0 ? -1 : start;
    }
}
