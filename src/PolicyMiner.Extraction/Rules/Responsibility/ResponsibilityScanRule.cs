using PolicyMiner.Core.Text;
using PolicyMiner.Extraction.Lexicon;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.Responsibility;

/// <summary>Finds responsibility blocks "(责任领导:…,责任部门:…)", "牵头单位:…;配合单位:…", bracketed role lists
/// "（省教育厅牵头，省财政厅配合）" / "（农业农村部指导）" and lead phrases "由X牵头，Y参加".</summary>
/// <remarks>Only labels naming departments or units give bodies; 责任领导 lists people and is ignored.</remarks>
public sealed class ResponsibilityScanRule : IScanRule
{
    // 责任部门：, 牵头单位：: a label that opens a responsibility block (lexicon class block-label).
    private static readonly WordClass BlockLabels = WordLexicon.Default["block-label"];

    // Inside a block's label: 部门 / 单位 name bodies, 领导 names people, 牵头 marks the lead.
    private static readonly WordClass BodyLabels = WordLexicon.Default["body-label-word"];
    private static readonly WordClass PersonLabels = WordLexicon.Default["person-label-word"];

    // 牵头单位, 牵头部门, 牵头责任: after 牵头, a word that makes it a label, not a verb.
    private static readonly WordClass LeadLabelTails = WordLexicon.Default["lead-label-tail"];

    // 由市科技局负责。: the verb of a sentence naming the bodies in charge.
    private static readonly WordClass InChargeVerbs = WordLexicon.Default["in-charge-verb"];

    // "，乙局、丙局等相关部门参加": the verbs of the participants after a lead phrase, tried in the class's order, and the
    // filler dropped from their list, removed in the class's order.
    private static readonly WordClass ParticipantVerbs = WordLexicon.Default["participant-verb"];
    private static readonly WordClass ParticipantFillers = WordLexicon.Default["participant-filler"];

    public string Name => "responsibility";

    // Role verbs of a bracketed role list, "（省教育厅牵头，省财政厅配合）": lead bodies (role-lead-verb) come first in the result.
    // Longer forms are listed so the body list stops before them (各市政府分工负责 → 各市政府).
    private static readonly WordClass LeadVerbs = WordLexicon.Default["role-lead-verb"];
    private static readonly WordClass RoleVerbs = WordLexicon.Default["role-list-verb"];

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

        if (LeadVerbs.MatchAt(text, position) > 0)
        {
            return ScanLead(context, position);
        }

        if (InChargeVerbs.MatchAt(text, position) > 0)
        {
            return ScanInCharge(context, position);
        }

        return position + 1;
    }

    private static bool IsBlockLabel(string text, int position)
    {
        var length = BlockLabels.MatchAt(text, position);
        return length > 0 && position + length < text.Length && text[position + length] is ':' or '：';
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
                if (PersonLabels.OccursIn(label) || !BodyLabels.OccursIn(label))
                {
                    continue;
                }

                current = LeadVerbs.OccursIn(label) ? lead : others;
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

    // What opens a remark that reaches every later item: 以下 (below) with 均/都/一律/各项 (all of them); longest first.
    private static readonly WordClass StandingOpeners = WordLexicon.Default["standing-opener"];

    // The verbs that end such a remark: the bodies come before them; longest first.
    private static readonly WordClass StandingVerbs = WordLexicon.Default["standing-verb"];

    /// <summary>"以下均需X落实" → [X]: the bodies a remark in a role bracket declares for every item below it; empty when the part
    /// is no such remark.</summary>
    internal static List<string> StandingBodies(string part)
    {
        var opener = StandingOpeners.MatchAtStart(part);
        if (opener == 0)
        {
            return [];
        }

        var rest = part[opener..];
        var verb = StandingVerbs.MatchAtEnd(rest);
        if (verb == 0 || rest.Length <= verb)
        {
            return [];
        }

        var bodies = Bodies.Split(rest[..^verb]);
        return bodies.TrueForAll(Bodies.LooksLikeBody) ? bodies : [];
    }

    /// <summary>"省大数据局、省委网信办牵头": bodies, then the first role verb, then at most a few characters.</summary>
    private static bool TryRolePart(string part, out List<string> bodies, out bool lead)
    {
        bodies = [];
        lead = false;
        // "以下均由各县政府负责落实" holds a role verb but is a standing remark for the items below, no role of this one.
        if (StandingOpeners.MatchAtStart(part) > 0)
        {
            return false;
        }

        int at = -1, length = 0;
        foreach (var (verbs, isLead) in (ReadOnlySpan<(WordClass, bool)>)[(LeadVerbs, true), (RoleVerbs, false)])
        {
            foreach (var verb in verbs.WordSpan)
            {
                var i = part.IndexOf(verb, StringComparison.Ordinal);
                if (i > 0 && (at < 0 || i < at || (i == at && verb.Length > length)))
                {
                    at = i;
                    length = verb.Length;
                    lead = isLead;
                }
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
        if (LeadLabelTails.MatchAt(text, position + 2) > 0)
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
            foreach (var verb in ParticipantVerbs.WordSpan)
            {
                var at = clause.IndexOf(verb, StringComparison.Ordinal);
                if (at > 0)
                {
                    var list = clause[..at];
                    foreach (var filler in ParticipantFillers.WordSpan)
                    {
                        list = list.Replace(filler, "", StringComparison.Ordinal);
                    }

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
