namespace PolicyMiner.Core.Documents;

/// <summary>The container a policy document arrived in.</summary>
public enum DocumentFormat
{
    Txt,
    Html,
    Pdf,
}
