using System.Text;

namespace PolicyMiner.Cli.Pipeline;

/// <summary>Makes text from files and file names safe to print as one terminal line.</summary>
/// <remarks>
/// A file name or a document may hold newlines, carriage returns or escape sequences; printed raw they could forge
/// lines ("failed …") or recolour the terminal. Control characters become visible <c>\n</c>, <c>\x1b</c> escapes.
/// </remarks>
internal static class Escape
{
    public static string Line(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = true;
        foreach (var c in text)
        {
            if (IsUnsafe(c))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n':
                    escaped.Append("\\n");
                    break;
                case '\r':
                    escaped.Append("\\r");
                    break;
                case '\t':
                    escaped.Append("\\t");
                    break;
                default:
                    if (IsUnsafe(c))
                    {
                        escaped.Append(c <= 0xFF ? $"\\x{(int)c:x2}" : $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    // C0/C1 controls and the Unicode line/paragraph separators and bidi overrides, which also move or reorder what is shown.
    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
