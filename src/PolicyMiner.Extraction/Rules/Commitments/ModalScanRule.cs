using PolicyMiner.Core.Targets;
using PolicyMiner.Core.Text;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.Commitments;

/// <summary>Finds modal words: 确保 / 必须 / 务必 / 要 / 应 / 须 (firm) and 力争 / 争取 / 努力 / 力求 / 冲刺 (aspirational).</summary>
/// <remarks>要 and 应 are single characters inside many words (重要, 主要, 要求, 应用, 相应); those are excluded by their neighbours.
/// 争取 followed by a source of money or support (争取上级项目资金) means "obtain": it belongs to the indicator and hedges nothing.</remarks>
public sealed class ModalScanRule : IScanRule
{
    private const string NotBeforeYao = "重主需必只纲摘首紧显概扼提简切将想";
    private const string NotAfterYao = "求点素闻害件目领务紧是员";
    private const string NotBeforeYing = "相适供响对反效呼答感顺理回";
    private const string NotAfterYing = "用急对变聘届收付试征运邀援声";

    private static readonly string[] LexicalAfterZhengqu = ["上级", "国家", "中央", "省", "部", "外资", "资金", "项目", "支持", "政策", "社会"];

    public string Name => "modal";

    public string Triggers => "确必务要应须力争努冲";

    public int Scan(ExtractionContext context, int position)
    {
        var text = context.Text;
        var before = position > 0 ? text[position - 1] : '\0';
        var after = position + 1 < text.Length ? text[position + 1] : '\0';
        switch (text[position])
        {
            case '确' when after == '保':
                return Add(context, position, 2, Commitment.Firm);
            case '必' when after == '须':
                return Add(context, position, 2, Commitment.Firm);
            case '务' when after == '必':
                return Add(context, position, 2, Commitment.Firm);
            case '要' when !NotBeforeYao.Contains(before) && !NotAfterYao.Contains(after):
                return Add(context, position, 1, Commitment.Firm);
            case '应' when after == '当':
                return Add(context, position, 2, Commitment.Firm);
            case '应' when !NotBeforeYing.Contains(before) && !NotAfterYing.Contains(after):
                return Add(context, position, 1, Commitment.Firm);
            case '须' when before is not ('必' or '无' or '毋') && after != '知':
                return Add(context, position, 1, Commitment.Firm);
            case '力' when after is '争' or '求' && before != '努':
                return Add(context, position, 2, Commitment.Aspirational);
            case '争' when after == '取' && before != '力':
                foreach (var word in LexicalAfterZhengqu)
                {
                    if (ClauseText.At(text, position + 2, word))
                    {
                        return position + 2;
                    }
                }

                return Add(context, position, 2, Commitment.Aspirational);
            case '冲' when after == '刺':
                // 经济总量冲刺1000亿元: sprinting at a figure aims at it.
                return Add(context, position, 2, Commitment.Aspirational);
            case '努' when after == '力' && before is not ('过' or '同' or '的' or '年' or '断' or '倍'):
                return Add(context, position, 2, Commitment.Aspirational);
            default:
                return position + 1;
        }
    }

    private static int Add(ExtractionContext context, int start, int length, Commitment commitment)
    {
        context.Modals.Add(new ModalMention(new TextSpan(start, start + length), context.Text.Substring(start, length), commitment));
        return start + length;
    }
}
