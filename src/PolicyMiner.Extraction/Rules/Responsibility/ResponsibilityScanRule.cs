using PolicyMiner.Core.Text;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.Responsibility;

/// <summary>Finds responsibility blocks "(责任领导:…,责任部门:…)", "牵头单位:…;配合单位:…", bracketed role lists
/// "（省教育厅牵头，省财政厅配合）" / "（农业农村部指导）" and lead phrases "由X牵头，Y参加".</summary>
/// <remarks>Only labels naming departments or units give bodies; 责任领导 lists people and is ignored.</remarks>
public sealed class ResponsibilityScanRule : IScanRule
{
    private static readonly string[] BlockLabels = ["责任部门", "责任单位", "牵头部门", "牵头单位", "配合部门", "配合单位", "责任领导", "牵头责任领导"];

    public string Name => "responsibility";

    // Role verbs of a bracketed role list, "（省教育厅牵头，省财政厅配合）": lead bodies (牵头) come first in the result.
    // Longer forms are listed so the body list stops before them (各市政府分工负责 → 各市政府).
    private static readonly (string Verb, bool Lead)[] RoleVerbs =
    [
        ("牵头", true), ("按职责分工负责", false), ("按职责分工", false), ("分工负责", false), ("具体负责", false), ("共同负责", false),
        ("负责", false), ("指导", false), ("配合", false), ("参与", false), ("参加", false), ("协助", false), ("协同", false),
        ("分头落实", false), ("具体实施", false), ("组织实施", false),
    ];

    public string Triggers => "责牵配负指";

    public int Scan(ExtractionContext context, int position)
    {
        var text = context.Text;
        if (IsBlockLabel(text, position))
        {
            return ScanBlock(context, position);
        }

        if (ScanBracketRoles(context, position) is var end and > 0)
        {
            return end;
        }

        if (ClauseText.At(text, position, "牵头"))
        {
            return ScanLead(context, position);
        }

        if (ClauseText.At(text, position, "负责"))
        {
            return ScanInCharge(context, position);
        }

        return position + 1;
    }

    private static bool IsBlockLabel(string text, int position)
    {
        foreach (var label in BlockLabels)
        {
            if (ClauseText.At(text, position, label) && position + label.Length < text.Length && text[position + label.Length] is ':' or '：')
            {
                return true;
            }
        }

        return false;
    }

    private static int ScanBlock(ExtractionContext context, int position)
    {
        var text = context.Text;
        var lineStart = ClauseText.ParagraphStart(text, position);
        int start;
        int end;
        var open = -1;
        for (var i = position - 1; i >= lineStart && i >= position - 60; i--)
        {
            if (text[i] is '(' or '（')
            {
                open = i;
                break;
            }

            if (text[i] is ')' or '）' or '。')
            {
                break;
            }
        }

        if (open >= 0 && ClauseText.FindCloser(text, open, Math.Min(text.Length, open + 400)) is var close and > 0)
        {
            start = open;
            end = close + 1;
        }
        else
        {
            // An unbracketed label runs to the end of its line (or sentence).
            start = position;
            end = ClauseText.ParagraphEnd(text, position);
            var stop = text.IndexOf('。', position, end - position);
            if (stop > 0)
            {
                end = stop + 1;
            }
        }

        var lead = new List<string>();
        var others = new List<string>();
        var content = text[start..end].Trim('(', ')', '（', '）');
        foreach (var statement in content.Split([';', '；', '。'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // "责任单位：省甲厅、省乙厅，各市人民政府": after a comma the labelled list goes on until another label.
            List<string>? current = null;
            foreach (var part in statement.Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var colon = part.IndexOfAny([':', '：']);
                if (colon <= 0)
                {
                    if (current is not null)
                    {
                        AddBodies(current, part);
                    }

                    continue;
                }

                var label = part[..colon];
                current = null;
                if (label.Contains("领导", StringComparison.Ordinal) || !(label.Contains("部门", StringComparison.Ordinal) || label.Contains("单位", StringComparison.Ordinal)))
                {
                    continue;
                }

                current = label.Contains("牵头", StringComparison.Ordinal) ? lead : others;
                AddBodies(current, part[(colon + 1)..]);
            }
        }

        void AddBodies(List<string> target, string list)
        {
            foreach (var body in Bodies.Split(list, labelled: true))
            {
                if (!lead.Contains(body) && !others.Contains(body))
                {
                    target.Add(body);
                }
            }
        }

        context.Responsibilities.Add(new ResponsibilityMention(new TextSpan(start, end), [.. lead, .. others]));
        return end;
    }

    /// <summary>"（省教育厅牵头，省财政厅配合）", "（农业农村部指导）", "（X、Y分工负责，Z配合）": a bracket that is a list of
    /// bodies with their roles states who answers for the item it ends, like a 责任单位 block. Returns the end of the bracket,
    /// or 0 when <paramref name="position"/> is not inside such a bracket.</summary>
    private static int ScanBracketRoles(ExtractionContext context, int position)
    {
        var text = context.Text;
        var floor = Math.Max(0, position - 80);
        var open = -1;
        for (var i = position - 1; i >= floor; i--)
        {
            if (text[i] is '(' or '（')
            {
                open = i;
                break;
            }

            if (text[i] is ')' or '）' or '。' or '\n')
            {
                return 0;
            }
        }

        if (open < 0 || ClauseText.FindCloser(text, open, Math.Min(text.Length, open + 300)) is not (var close and > 0) || close <= position)
        {
            return 0;
        }

        var lead = new List<string>();
        var others = new List<string>();
        var parts = text[(open + 1)..close].Split(['，', ',', '；', ';', '。'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var p = 0; p < parts.Length; p++)
        {
            if (!TryRolePart(parts[p], out var bodies, out var isLead))
            {
                // The first part must be a role; a remark after the roles ("以下不再列出") ends the list, and may declare bodies
                // for every item below ("以下均需X落实").
                if (p == 0)
                {
                    return 0;
                }

                if (StandingBodies(parts[p]) is { Count: > 0 } standing)
                {
                    context.StandingResponsibilities.Add(new ResponsibilityMention(new TextSpan(open, close + 1), standing));
                }

                break;
            }

            foreach (var body in bodies)
            {
                if (!lead.Contains(body) && !others.Contains(body))
                {
                    (isLead ? lead : others).Add(body);
                }
            }
        }

        context.Responsibilities.Add(new ResponsibilityMention(new TextSpan(open, close + 1), [.. lead, .. others]));
        return close + 1;
    }

    // What opens a remark that reaches every later item: 以下 (below) with 均/都/一律/各项 (all of them).
    private static readonly string[] StandingOpeners = ["以下均需", "以下均由", "以下均", "以下都需", "以下都由", "以下一律由", "以下各项均由", "以下各项均需"];

    // The verbs that end such a remark: the bodies come before them.
    private static readonly string[] StandingVerbs = ["负责落实", "负责实施", "组织落实", "组织实施", "落实", "负责", "实施", "承担"];

    /// <summary>"以下均需X落实" → [X]: the bodies a remark in a role bracket declares for every item below it; empty when the part
    /// is no such remark.</summary>
    internal static List<string> StandingBodies(string part)
    {
        foreach (var opener in StandingOpeners)
        {
            if (!part.StartsWith(opener, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = part[opener.Length..];
            foreach (var verb in StandingVerbs)
            {
                if (rest.EndsWith(verb, StringComparison.Ordinal) && rest.Length > verb.Length)
                {
                    var bodies = Bodies.Split(rest[..^verb.Length]);
                    return bodies.TrueForAll(Bodies.LooksLikeBody) ? bodies : [];
                }
            }

            return [];
        }

        return [];
    }

    /// <summary>"省大数据局、省委网信办牵头": bodies, then the first role verb, then at most a few characters.</summary>
    private static bool TryRolePart(string part, out List<string> bodies, out bool lead)
    {
        bodies = [];
        lead = false;
        int at = -1, length = 0;
        foreach (var (verb, isLead) in RoleVerbs)
        {
            var i = part.IndexOf(verb, StringComparison.Ordinal);
            if (i > 0 && (at < 0 || i < at || (i == at && verb.Length > length)))
            {
                at = i;
                length = verb.Length;
                lead = isLead;
            }
        }

        if (at < 0 || part.Length - at - length > 4)
        {
            return false;
        }

        var list = part[..at];
        if (list[0] == '由')
        {
            list = list[1..];
        }

        bodies = Bodies.Split(list, labelled: true);
        return bodies.Count > 0 && bodies.TrueForAll(b => Bodies.LooksLikeBody(b) && !Bodies.IsPerson(b));
    }

    private static int ScanLead(ExtractionContext context, int position)
    {
        var text = context.Text;
        if (ClauseText.At(text, position + 2, "责任") || ClauseText.At(text, position + 2, "单位") || ClauseText.At(text, position + 2, "部门"))
        {
            return position + 2;
        }

        var clauseStart = ClauseText.ClauseStart(text, position);
        var you = text.LastIndexOf('由', position - 1, Math.Max(0, position - clauseStart));
        var from = you >= clauseStart && you >= 0 ? you + 1 : clauseStart;

        // "鼓励龙头企业牵头组建…", "支持领军企业牵头…": a body after a verb is the object of the policy, not the one answering for it.
        if (from == clauseStart && Bodies.StartsWithVerb(context, from, position))
        {
            return position + 2;
        }

        var leads = Bodies.Split(text[from..position]);
        leads.RemoveAll(b => !Bodies.LooksLikeBody(b));
        if (leads.Count == 0)
        {
            return position + 2;
        }

        // Participants: "，科技、发改委等相关部门参加/配合".
        var bodies = new List<string>(leads);
        var next = position + 2;
        if (next < text.Length && text[next] is '，' or ',')
        {
            var clauseEnd = ClauseText.ClauseEnd(text, next + 1);
            var clause = text[(next + 1)..clauseEnd];
            foreach (var verb in (string[])["参加", "配合", "参与", "协助", "组成"])
            {
                var at = clause.IndexOf(verb, StringComparison.Ordinal);
                if (at > 0)
                {
                    var list = clause[..at].Replace("等相关部门", "", StringComparison.Ordinal).Replace("等有关部门", "", StringComparison.Ordinal)
                        .Replace("相关部门", "", StringComparison.Ordinal);
                    // Participants are often abbreviated departments (科技、发改委): the verb already marks them as bodies.
                    foreach (var body in Bodies.Split(list, labelled: true))
                    {
                        if (!bodies.Contains(body))
                        {
                            bodies.Add(body);
                        }
                    }

                    break;
                }
            }
        }

        // "市财政局牵头，市科技局参与。" standing as its own sentence states who answers for the whole item, like a block.
        var sentenceStart = ClauseText.SentenceStart(text, position);
        var leadStart = you >= clauseStart && you >= 0 ? you : clauseStart;
        if (clauseStart == sentenceStart || leadStart == sentenceStart)
        {
            var sentenceEnd = ClauseText.SentenceEnd(text, position);
            if (sentenceEnd - position <= 40)
            {
                context.Responsibilities.Add(new ResponsibilityMention(new TextSpan(sentenceStart, sentenceEnd), bodies));
                return sentenceEnd;
            }
        }

        context.Leads.Add(new LeadMention(new TextSpan(from, position + 2), bodies));
        return position + 2;
    }

    /// <summary>"由市科技局负责。" / "市农业局、市科技局负责组织实施。": a sentence naming the bodies in charge of the item.</summary>
    private static int ScanInCharge(ExtractionContext context, int position)
    {
        var text = context.Text;
        var sentenceStart = ClauseText.SentenceStart(text, position);
        var sentenceEnd = ClauseText.SentenceEnd(text, position);
        if (sentenceEnd - position > 10 || position - sentenceStart > 40)
        {
            return position + 2;
        }

        var from = sentenceStart < text.Length && text[sentenceStart] == '由' ? sentenceStart + 1 : sentenceStart;
        var bodies = Bodies.Split(text[from..position]);
        bodies.RemoveAll(b => !Bodies.LooksLikeBody(b));
        if (bodies.Count == 0 || text[from..position].IndexOfAny(['，', ',', '；', ';']) >= 0)
        {
            return position + 2;
        }

        context.Responsibilities.Add(new ResponsibilityMention(new TextSpan(sentenceStart, sentenceEnd), bodies));
        return sentenceEnd;
    }
}
