namespace PolicyMiner.Core.Documents;

/// <summary>What a policy document says about itself. Unknown fields are null, never guessed.</summary>
/// <param name="Issuer">The issuing body; joint issuers joined with 、 (国务院、中央军委).</param>
/// <param name="DocNumber">The document's own number (文号: 国发〔2019〕5号, 国令第707号), never one it cites.</param>
/// <param name="Year">The plan year: the year the document's work plan is for, used to resolve 年内 / 今年 / 明年.</param>
/// <param name="Date">Written date (成文日期, the signature date), never a web page's upload timestamp.</param>
/// <param name="Published">Published date (发布日期 of a government information table): when the issuer made it public.</param>
/// <param name="Uploaded">Upload date of the web page carrying the document (发布时间 / 更新时间 in page chrome).</param>
/// <param name="IndexNumber">The information-disclosure index number (索引号).</param>
/// <param name="Basis">Documents the text cites with their numbers (根据《…》（X发〔2004〕6号）), in order of first citation.</param>
public sealed record DocumentMetadata(
    string? Title = null,
    string? Issuer = null,
    string? DocNumber = null,
    string? Region = null,
    string? Province = null,
    int? Year = null,
    DateOnly? Date = null,
    DateOnly? Published = null,
    DateOnly? Uploaded = null,
    string? IndexNumber = null,
    IReadOnlyList<CitedDocument>? Basis = null)
{
    /// <summary>Metadata with every field unknown.</summary>
    public static DocumentMetadata Unknown { get; } = new();
}

/// <summary>A document another document cites by title and number (《…》（湘政发〔2004〕6号）).</summary>
/// <param name="Year">The year in the number's brackets, when it has one.</param>
public sealed record CitedDocument(string Title, string Number, int? Year);
