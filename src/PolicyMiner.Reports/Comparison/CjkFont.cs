using ScottPlot;
using SkiaSharp;

namespace PolicyMiner.Reports.Comparison;

/// <summary>Finds a font with Chinese glyphs for chart labels and makes it known to ScottPlot.</summary>
/// <remarks>
/// SkiaSharp's Linux "NoDependencies" native build has no fontconfig, so ScottPlot's font detection finds no CJK font
/// and draws boxes. We open a known CJK font file directly instead. ScottPlot's font registry is process-wide, so
/// registration happens once. When no font is found, charts use ASCII labels and the HTML around them carries the text.
/// </remarks>
internal static class CjkFont
{
    /// <summary>The name charts ask ScottPlot for.</summary>
    public const string Name = "PolicyMiner CJK";

    /// <summary>Environment variable naming a font file to use instead of the search.</summary>
    public const string Variable = "POLICYMINER_CJK_FONT";

    private static readonly string[] KnownFiles =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/arphic/uming.ttc",
        "/System/Library/Fonts/PingFang.ttc",
        "/System/Library/Fonts/STHeiti Light.ttc",
        @"C:\Windows\Fonts\msyh.ttc",
        @"C:\Windows\Fonts\simhei.ttf",
        @"C:\Windows\Fonts\simsun.ttc",
    ];

    private static readonly Lazy<bool> Registered = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when a CJK font is available to charts (registering it on first use).</summary>
    public static bool Available => Registered.Value;

    private static bool Register()
    {
        var typeface = Open();
        if (typeface is null)
        {
            return false;
        }

        Fonts.FontResolvers.Add(new Resolver(typeface));
        return true;
    }

    private static SKTypeface? Open()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } chosen)
        {
            candidates.Add(chosen);
        }

        candidates.AddRange(KnownFiles);
        foreach (var path in candidates.Where(File.Exists))
        {
            // A .ttc holds several faces; prefer the simplified-Chinese one.
            SKTypeface? first = null;
            for (var index = 0; index < 8; index++)
            {
                var face = SKTypeface.FromFile(path, index);
                if (face is null)
                {
                    break;
                }

                if (face.ContainsGlyph('中') && face.FamilyName.EndsWith(" SC", StringComparison.Ordinal))
                {
                    first?.Dispose();
                    return face;
                }

                if (first is null && face.ContainsGlyph('中'))
                {
                    first = face;
                }
                else
                {
                    face.Dispose();
                }
            }

            if (first is not null)
            {
                return first;
            }
        }

        return null;
    }

    private sealed class Resolver(SKTypeface typeface) : IFontResolver
    {
        // One face for every size and style: ScottPlot keeps the typefaces it resolves, so they are never disposed.
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            string.Equals(fontName, Name, StringComparison.Ordinal) ? typeface : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            CreateTypeface(fontName, bold: false, italic: false);
    }
}
