namespace PolicyMiner.Core.Text;

/// <summary>The marks that open and close a quoted name or title in Chinese text (“…”, ‘…’, 《…》, 「…」).</summary>
public static class QuoteMarks
{
    /// <summary>True for a mark that opens a quote or a title.</summary>
    public static bool IsOpening(char c) => c is '“' or '‘' or '《' or '「';

    /// <summary>True for a mark that closes a quote or a title.</summary>
    public static bool IsClosing(char c) => c is '”' or '’' or '》' or '」';
}
