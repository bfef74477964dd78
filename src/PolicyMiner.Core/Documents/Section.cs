using PolicyMiner.Core.Text;

namespace PolicyMiner.Core.Documents;

/// <summary>A heading (一、 / （一） / 1. / 第一章 …) and the text it governs, as offsets into the normalised text.</summary>
/// <param name="Level">1 for the outermost heading style in the document, increasing inwards.</param>
/// <param name="Number">The heading's number as written ("一", "（二）", "3").</param>
/// <param name="Span">From the heading's first character to the start of the next heading of the same or outer level.</param>
public sealed record Section(int Level, string Number, string Heading, TextSpan Span);
