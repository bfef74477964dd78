using PolicyMiner.Core.Targets;
using PolicyMiner.Core.Text;
using PolicyMiner.Extraction.Lexicon;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.Commitments;

/// <summary>Finds modal words: 确保 / 必须 / 务必 / 要 / 应 / 须 (firm) and 力争 / 争取 / 努力 / 力求 / 冲刺 / 争创 (aspirational).</summary>
/// <remarks>要 and 应 are single characters inside many words (重要, 主要, 要求, 应用, 相应); those are excluded by their neighbours.
/// 争取 followed by a source of money or support (争取上级项目资金) means "obtain": it belongs to the indicator and hedges nothing.</remarks>
public sealed class ModalScanRule : IScanRule
{
    // 确保, 必须, 务必, 应当: the two-character firm modals (lexicon class firm-modal-word), read before the single characters.
    private static readonly WordClass FirmWords = WordLexicon.Default["firm-modal-word"];

    // The characters that make 要 / 应 part of a word (重要, 要求; 相应, 应用): lexicon classes of single characters.
    private static readonly WordClass NotBeforeYao = WordLexicon.Default["yao-word-before"];
    private static readonly WordClass NotAfterYao = WordLexicon.Default["yao-word-after"];
    private static readonly WordClass NotBeforeYing = WordLexicon.Default["ying-word-before"];
    private static readonly WordClass NotAfterYing = WordLexicon.Default["ying-word-after"];

    // 争取上级资金: what is obtained after 争取 (lexicon class obtain-object).
    private static readonly WordClass LexicalAfterZhengqu = WordLexicon.Default["obtain-object"];

    // 未来的努力, 不断努力: a character before 努力 that makes it a noun or an adverbial, no modal.
    private static readonly WordClass NotBeforeNuli = WordLexicon.Default["nuli-word-before"];

    // 争创: a two-character aspirational modal (lexicon class aspiration-modal-word), not where 争 ends a word (竞争创新: zheng-word-before).
    private static readonly WordClass AspirationWords = WordLexicon.Default["aspiration-modal-word"];
    private static readonly WordClass NotBeforeZheng = WordLexicon.Default["zheng-word-before"];

    // 无须, 毋须: a character before 须 that negates it.
    private static readonly WordClass NotBeforeXu = WordLexicon.Default["xu-word-before"];

    public string Name => "modal";

    public string Triggers => "确必务要应须力争努冲";

    public int Scan(ExtractionContext context, int position)
    {
        var text = context.Text;
        var before = position > 0 ? text[position - 1] : '\0';
        var after = position + 1 < text.Length ? text[position + 1] : '\0';
        if (FirmWords.MatchAt(text, position) is var firm and > 0)
        {
            return Add(context, position, firm, Commitment.Firm);
        }

        if (AspirationWords.MatchAt(text, position) is var aspiration and > 0 && !NotBeforeZheng.Contains(before))
        {
            return Add(context, position, aspiration, Commitment.Aspirational);
        }

        switch (text[position])
        {
            case '要' when !NotBeforeYao.Contains(before) && !NotAfterYao.Contains(after):
                return Add(context, position, 1, Commitment.Firm);
            case '应' when !NotBeforeYing.Contains(before) && !NotAfterYing.Contains(after):
                return Add(context, position, 1, Commitment.Firm);
            case '须' when !NotBeforeXu.Contains(before) && after != '知':
                return Add(context, position, 1, Commitment.Firm);
            case '力' when after is '争' or '求' && before != '努':
                return Add(context, position, 2, Commitment.Aspirational);
            case '争' when after == '取' && before != '力':
                if (LexicalAfterZhengqu.MatchAt(text, position + 2) > 0)
                {
                    return position + 2;
                }

                // 争取市政管网修复等一批项目, 政策争取情况: a noun after it (a jieba noun or distinguishing tag) is what is obtained
                // or worked at, not a verb the modal hedges (争取新增, 争取到2025年, 争取全年增长).
                return Add(context, position, 2, Commitment.Aspirational, TakesNoun(context, position + 2));
            case '冲' when after == '刺':
                // 经济总量冲刺1000亿元: sprinting at a figure aims at it.
                return Add(context, position, 2, Commitment.Aspirational);
            case '努' when after == '力' && !NotBeforeNuli.Contains(before):
                return Add(context, position, 2, Commitment.Aspirational);
            default:
                return position + 1;
        }
    }

    private static int Add(ExtractionContext context, int start, int length, Commitment commitment, bool takesObject = false)
    {
        context.Modals.Add(new ModalMention(new TextSpan(start, start + length), context.Text.Substring(start, length), commitment, takesObject));
        return start + length;
    }

    /// <summary>True when the word starting at <paramref name="position"/> is tagged a noun (n, ns, nt, nz …) or a distinguishing
    /// word (b: 国家级, 省级) by the jieba dictionary; false without the model.</summary>
    private static bool TakesNoun(ExtractionContext context, int position) =>
        context.Words.WordStartingAt(position) is not null && context.Words.TagAt(position) is ['n', ..] or "b";
}
