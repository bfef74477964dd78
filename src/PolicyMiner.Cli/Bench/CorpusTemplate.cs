using System.Text;

namespace PolicyMiner.Cli.Bench;

/// <summary>A sample document the synthetic corpus is varied from: its text, how it was encoded and the region it is about.</summary>
/// <param name="RegionBase">The region's name without its 市/县 suffix (江屿 for 江屿市), replaced throughout when varied; null if none was found.</param>
internal sealed record CorpusTemplate(string Name, string Extension, string Text, Encoding Encoding, bool ByteOrderMark, string? RegionBase);
