using PolicyMiner.Core.Text;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.Responsibility;

/// <summary>Finds responsibility blocks "(责任领导:…,责任部门:…)", "牵头单位:…;配合单位:…" and lead phrases "由X牵头，Y参加".</summary>
/// <remarks>Only labels naming departments or units give bodies; 责任领导 lists people and is ignored.</remarks>
public sealed class ResponsibilityScanRule : IScanRule
{
    private static readonly string[] BlockLabels = ["责任部门", "责任单位", "牵头部门", "牵头单位", "配合部门", "配合单位", "责任领导", "牵头责任领导"];

    public string Name => "responsibility";

    public string Triggers => "责牵配负";

    public int Scan(ExtractionContext context, int position)
    {
        var text = context.Text;
        if (IsBlockLabel(text, position))
        {
            return ScanBlock(context, position);
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
        foreach (var part in content.Split([',', '，', ';', '；', '。'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOfAny([':', '：']);
            if (colon <= 0)
            {
                continue;
            }

            var label = part[..colon];
            if (label.Contains("领导", StringComparison.Ordinal) || !(label.Contains("部门", StringComparison.Ordinal) || label.Contains("单位", StringComparison.Ordinal)))
            {
                continue;
            }

            var target = label.Contains("牵头", StringComparison.Ordinal) ? lead : others;
            foreach (var body in Bodies.Split(part[(colon + 1)..], labelled: true))
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
