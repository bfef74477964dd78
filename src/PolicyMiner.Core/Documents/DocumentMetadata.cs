namespace PolicyMiner.Core.Documents;

/// <summary>What a policy document says about itself. Unknown fields are null, never guessed.</summary>
/// <param name="Year">The plan year: the year the document's work plan is for, used to resolve 年内 / 今年 / 明年.</param>
/// <param name="Date">Date of issue (成文日期 / 发文日期), never a web page's upload timestamp.</param>
public sealed record DocumentMetadata(
    string? Title = null,
    string? Issuer = null,
    string? DocNumber = null,
    string? Region = null,
    string? Province = null,
    int? Year = null,
    DateOnly? Date = null)
{
    /// <summary>Metadata with every field unknown.</summary>
    public static DocumentMetadata Unknown { get; } = new();
}
