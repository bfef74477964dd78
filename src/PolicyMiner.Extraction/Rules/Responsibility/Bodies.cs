using PolicyMiner.Extraction.Lexicon;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.Responsibility;

/// <summary>Splitting and cleaning lists of responsible bodies; telling bodies from people.</summary>
public static class Bodies
{
    // 领导, 同志, 书记 …: a name ending in one of these is a person (lexicon class person-ending).
    private static readonly WordClass PersonEndings = WordLexicon.Default["person-ending"];

    // 部门, 单位, 局, 镇 …: a name ending in one of these is an organisation (lexicon class body-ending).
    private static readonly WordClass BodyEndings = WordLexicon.Default["body-ending"];

    // 市科技局（牵头）: a role mark after a body's name, no part of the name; stripped in the class's order.
    private static readonly WordClass RoleMarks = WordLexicon.Default["role-mark"];

    // 每个县, 每一乡镇, 每县: an opening that speaks of each member of a class; the list names it with 各.
    private static readonly WordClass EachOpenings = WordLexicon.Default["each-opening"];

    // 省, 市, 县 …: a bare administrative level (各乡、镇〔街道〕办事处).
    private static readonly WordClass Levels = WordLexicon.Default["bare-level"];

    /// <summary>True when the first word of [<paramref name="start"/>, <paramref name="end"/>) is a verb by jieba's dictionary tag
    /// ("鼓励龙头企业", "支持高校"): what follows is the verb's object, not a subject.</summary>
    public static bool StartsWithVerb(ExtractionContext context, int start, int end)
    {
        var text = context.Text;
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is '\u3000'))
        {
            start++;
        }

        return start < end && context.Words.WordAt(start) is { } word && word.Start == start && word.End < end
               && context.Words.TagAt(start) == "v";
    }

    /// <summary>Splits "人事科、机关党委、办公室" into its bodies, dropping people and empty entries.</summary>
    /// <param name="labelled">True when a label (责任部门:, 牵头单位:) already says these are bodies: short names such as 市科协 are kept.</param>
    public static List<string> Split(string list, bool labelled = false)
    {
        var result = new List<string>();
        foreach (var raw in SplitOutsideBrackets(list))
        {
            var body = Clean(raw);
            if (body.Length > 0 && !(labelled ? HasPersonEnding(body) : IsPerson(body)) && !result.Contains(body))
            {
                result.Add(body);
            }
        }

        return result;
    }

    /// <summary>Splits on 、，,；;/ and spaces, but not inside brackets: "各县（市、区）人民政府" stays whole; nor between the levels of
    /// one distributive name ("各市、县〔区〕人民政府"). "A和各B" is two bodies.</summary>
    private static IEnumerable<string> SplitOutsideBrackets(string list)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= list.Length; i++)
        {
            var c = i < list.Length ? list[i] : '、';
            if (c is '(' or '（' or '〔' or '[')
            {
                depth++;
            }
            else if (c is ')' or '）' or '〕' or ']')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && c == '和' && i + 1 < list.Length && list[i + 1] == '各' && i > start)
            {
                yield return list[start..i].Trim();
                start = i + 1;
            }
            else if (depth == 0 && c == '、' && SharesLevelHead(list, start, i))
            {
                continue;
            }
            else if (depth == 0 && c is '、' or '，' or ',' or '；' or ';' or '/' or ' ' or '\u3000')
            {
                var part = list[start..i].Trim();
                if (part.Length > 0)
                {
                    yield return part;
                }

                start = i + 1;
            }
        }
    }

    /// <summary>"各市、县〔区〕人民政府": a bare 各 + level before 、 and another level after it share the name that follows.</summary>
    private static bool SharesLevelHead(string list, int start, int i)
    {
        var part = list.AsSpan(start, i - start).Trim();
        return part.Length == 2 && part[0] == '各' && IsLevel(part[1]) && i + 1 < list.Length && IsLevel(list[i + 1]);
    }

    private static bool IsLevel(char c) => Levels.Contains(c);

    /// <summary>Trims punctuation and filler (等, 相关, 分别) from a body name; 每个县 becomes 各县.</summary>
    public static string Clean(string body)
    {
        var s = body.Trim().Trim('。', '.', '”', '“', '"', ' ');
        // 每个县 → 各县; a bare 每 only before a name.
        if (EachOpenings.MatchAtStart(s) is var each and > 0 && (each > 1 || s.Length > 1))
        {
            s = "各" + s[each..];
        }

        // 市科技局（牵头）: the lead marker is not part of the name.
        foreach (var mark in RoleMarks.WordSpan)
        {
            if (s.EndsWith(mark, StringComparison.Ordinal))
            {
                s = s[..^mark.Length];
            }
        }

        if (s.EndsWith('等'))
        {
            s = s[..^1];
        }

        return s;
    }

    /// <summary>True for 领导, 成员, 书记 …: words for people, not bodies.</summary>
    public static bool HasPersonEnding(string name)
    {
        return PersonEndings.MatchAtEnd(name) > 0;
    }

    /// <summary>True for leaders, members and personal names (2–3 Han characters with no organisational ending).</summary>
    public static bool IsPerson(string name)
    {
        return HasPersonEnding(name) || (name.Length <= 3 && !LooksLikeBody(name) && ClauseText.IsAllHan(name));
    }

    /// <summary>True when the phrase ends like an organisation (部门, 单位, 局, 科, 政府, 镇(区) …).</summary>
    public static bool LooksLikeBody(string phrase)
    {
        var s = phrase;
        // 镇(区), 各县（市、区）: judge by what precedes the bracket.
        if (s.Length > 2 && s[^1] is ')' or '）')
        {
            var open = s.LastIndexOfAny(['(', '（']);
            if (open > 0)
            {
                s = s[..open];
            }
        }

        return BodyEndings.MatchAtEnd(s) > 0;
    }
}
