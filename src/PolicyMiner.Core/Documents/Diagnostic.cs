using PolicyMiner.Core.Text;

namespace PolicyMiner.Core.Documents;

/// <summary>How much a diagnostic matters.</summary>
public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>Something a reader or rule noticed about a document; text from documents produces these, never exceptions.</summary>
/// <param name="Code">Stable identifier, e.g. "PM1001".</param>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, TextSpan? Span = null);
