namespace PolicyMiner.Ingest.Cleaning;

/// <summary>
/// Finds the page numbers that text saved from a PDF glued to the first line of each page ("12展目标…" where page 12 begins
/// with the rest of 发展目标): line-initial numbers that count up page by page, one every so many lines.
/// </summary>
/// <remarks>A single number at a line start cannot be told from text ("12家企业"); a run of them that goes 11, 12, 13 … at a
/// steady number of lines apart can. List numbers (1、 1. 1）), table rows (a space after the number), years and numbers with
/// their unit written apart are not candidates, so a numbered list or a table never forms a run. Stateless and thread-safe.</remarks>
internal static class PageNumbers
{
    // A run of at least this many pages, most of them this steady in length, is a document's page numbering.
    private const int MinPages = 5;
    private const double MinSteadyShare = 0.6;

    // A page is at least this many lines long; one page length may differ from the commonest by this share.
    private const int MinPageLines = 8;
    private const double PageLengthTolerance = 0.2;

    // A page is at most this many lines long (double-spaced text saved from a PDF runs to about 50).
    private const int MaxPageLines = 120;

    // A run takes a next number at most this many times its last page length below its last one.
    private const double MaxPageGrowth = 2.5;

    /// <summary>Moves the start of every line that opens with a glued page number past that number.</summary>
    public static void DropGlued(string source, List<(int Start, int Length)> lines, bool[] keep)
    {
        var runs = new List<List<PageMark>>();

        // Runs by the number they ended on, so a number only meets the runs it could continue (a text of many numbered lines
        // stays linear); a run too far above to continue leaves its list.
        var byLast = new Dictionary<int, List<List<PageMark>>>();
        for (var n = 0; n < lines.Count; n++)
        {
            if (!keep[n] || !GluedNumber(source, lines[n], out var number, out var digits))
            {
                continue;
            }

            // The number continues a run that waits for it (the page before, or one page skipped) at least a page below and not
            // far beyond the run's last page length (front matter numbered apart does not swallow the body's numbers).
            // Of several such runs, the one it follows most closely (the next page rather than one page skipped).
            List<PageMark>? run = null;
            for (var step = 1; step <= 2 && run is null; step++)
            {
                if (!byLast.TryGetValue(number - step, out var waiting))
                {
                    continue;
                }

                waiting.RemoveAll(r => n - r[^1].Line > MaxPageLines * 2);
                foreach (var candidate in waiting)
                {
                    if (Continues(candidate, n, number) && (run is null || n - candidate[^1].Line < n - run[^1].Line))
                    {
                        run = candidate;
                    }
                }

                if (run is not null)
                {
                    waiting.Remove(run);
                }
            }

            if (run is null)
            {
                run = [];
                runs.Add(run);
            }

            run.Add(new PageMark(n, number, digits));
            if (!byLast.TryGetValue(number, out var list))
            {
                byLast[number] = list = [];
            }

            list.Add(run);
        }

        foreach (var run in runs)
        {
            if (run.Count < MinPages || PageLength(run) is not { } page)
            {
                continue;
            }

            for (var k = 0; k < run.Count; k++)
            {
                // A number that came too soon or too late on both sides (a count that happened to open a line) is text.
                if (!(k > 0 && IsPageStep(run[k - 1], run[k], page)) && !(k + 1 < run.Count && IsPageStep(run[k], run[k + 1], page)))
                {
                    continue;
                }

                var (line, _, digits) = run[k];
                var (start, length) = lines[line];
                var lead = LeadingSpace(source, start, length);
                lines[line] = (start + lead + digits, length - lead - digits);
            }
        }
    }

    private static bool Continues(List<PageMark> run, int line, int number)
    {
        var last = run[^1];
        var step = number - last.Number;
        if (step is not (1 or 2) || line - last.Line < MinPageLines * step || line - last.Line > MaxPageLines * step)
        {
            return false;
        }

        if (run.Count < 2)
        {
            return true;
        }

        var before = run[^2];
        var lastPage = (double)(last.Line - before.Line) / (last.Number - before.Number);
        return (double)(line - last.Line) / step <= lastPage * MaxPageGrowth;
    }

    private static bool IsPageStep(PageMark before, PageMark after, double page) =>
        Math.Abs((double)(after.Line - before.Line) / (after.Number - before.Number) - page) <= page * PageLengthTolerance;

    // Lines per page, counted per page step: most pages of a real numbering are the same length; null when they are not.
    private static double? PageLength(List<PageMark> run)
    {
        var lengths = new List<double>(run.Count - 1);
        for (var k = 1; k < run.Count; k++)
        {
            lengths.Add((double)(run[k].Line - run[k - 1].Line) / (run[k].Number - run[k - 1].Number));
        }

        var sorted = lengths.Order().ToArray();
        var median = sorted[sorted.Length / 2];
        var steady = lengths.Count(l => Math.Abs(l - median) <= median * PageLengthTolerance);
        return steady >= lengths.Count * MinSteadyShare ? median : null;
    }

    // One to three digits at the line start, glued to the ideograph or opening mark that starts the page's text.
    private static bool GluedNumber(string source, (int Start, int Length) line, out int number, out int digits)
    {
        number = 0;
        digits = 0;
        var i = line.Start + LeadingSpace(source, line.Start, line.Length);
        var end = line.Start + line.Length;
        while (i + digits < end && char.IsAsciiDigit(source[i + digits]))
        {
            number = number * 10 + source[i + digits] - '0';
            digits++;
        }

        if (digits is 0 or > 3 || i + digits >= end || source[i] == '0')
        {
            return false;
        }

        var next = source[i + digits];
        return next is >= '\u4E00' and <= '\u9FFF' or '“' or '《' or '（' or '"' or '「';
    }

    // A line-initial number: the line it opens, its value and how many digits it takes.
    private readonly record struct PageMark(int Line, int Number, int Digits);

    private static int LeadingSpace(string source, int start, int length)
    {
        var i = 0;
        while (i < length && source[start + i] is ' ' or '\t' or '\u3000')
        {
            i++;
        }

        return i;
    }
}
