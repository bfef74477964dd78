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

    public string Triggers => "责牵配";

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
            foreach (var body in Bodies.Split(part[(colon + 1)..]))
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
                    foreach (var body in Bodies.Split(list))
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

        context.Leads.Add(new LeadMention(new TextSpan(from, position + 2), bodies));
        return position + 2;
    }
}
