using PolicyMiner.Segmentation.Dictionary;
using PolicyMiner.Segmentation.Hmm;

namespace PolicyMiner.Segmentation;

/// <summary>How a Han block is cut.</summary>
internal enum BlockCut
{
    /// <summary>Maximum-probability route, unknown runs through the HMM (jieba <c>cut(HMM=True)</c>).</summary>
    RouteWithHmm,

    /// <summary>Maximum-probability route only (jieba <c>cut(HMM=False)</c>).</summary>
    RouteOnly,

    /// <summary>Every dictionary word (jieba <c>cut(cut_all=True)</c>).</summary>
    AllWords,
}

/// <summary>
/// The segmentation algorithm over one prefix dictionary and HMM: block splitting, DAG, route, HMM, full mode.
/// </summary>
/// <remarks>Immutable once constructed (the builder mutates its own copy before publishing), so thread-safe.</remarks>
internal sealed class JiebaModel
{
    public JiebaModel(PrefixTrie trie, long total, HmmModel hmm, IReadOnlySet<string>? forcedSplits = null)
    {
        Trie = trie;
        Total = total;
        LogTotal = Math.Log(total);
        Hmm = hmm;
        ForcedSplits = forcedSplits is { Count: > 0 } ? forcedSplits : null;
    }

    public PrefixTrie Trie { get; }

    /// <summary>Sum of all dictionary frequencies, duplicates included, as Python's <c>total</c>.</summary>
    public long Total { get; }

    public double LogTotal { get; }

    public HmmModel Hmm { get; }

    /// <summary>Words added with frequency 0, which the HMM must not produce whole (Python's Force_Split_Words).</summary>
    public IReadOnlySet<string>? ForcedSplits { get; }

    /// <summary>Segments <paramref name="text"/> in a jieba mode, appending tokens to <paramref name="sink"/>.</summary>
    public void Segment(ReadOnlySpan<char> text, SegmentMode mode, bool hmm, TokenRanges sink, SegmentScratch scratch)
    {
        var routeCut = hmm ? BlockCut.RouteWithHmm : BlockCut.RouteOnly;
        switch (mode)
        {
            case SegmentMode.Full:
                Cut(text, BlockCut.AllWords, sink, scratch);
                break;
            case SegmentMode.Search:
                using (var words = new TokenRanges(text.Length / 2 + 1))
                {
                    Cut(text, routeCut, words, scratch);
                    AddSearchTokens(text, words, sink);
                }

                break;
            default:
                Cut(text, routeCut, sink, scratch);
                break;
        }
    }

    // JIEBA-COMPAT: cut_for_search: for a word longer than 2, its dictionary 2-grams; longer than 3, also its
    // 3-grams; then the word itself. Lengths are UTF-16 units, equal to Python's code points for every token this
    // applies to (only Han-block tokens and "\r\n" are longer than 2 units).
    private void AddSearchTokens(ReadOnlySpan<char> text, TokenRanges words, TokenRanges sink)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var start = words.Start(i);
            var length = words.Length(i);
            for (var gram = 2; gram <= 3 && length > gram; gram++)
            {
                for (var j = start; j + gram <= start + length; j++)
                {
                    if (IsWord(text.Slice(j, gram)))
                    {
                        sink.Add(j, gram);
                    }
                }
            }

            sink.Add(start, length);
        }
    }

    /// <summary>Cuts <paramref name="text"/> into tokens appended to <paramref name="sink"/>.</summary>
    public void Cut(ReadOnlySpan<char> text, BlockCut mode, TokenRanges sink, SegmentScratch scratch)
    {
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (JiebaCharClasses.IsInHanBlock(text[i]))
            {
                i++;
                while (i < text.Length && JiebaCharClasses.IsInHanBlock(text[i]))
                {
                    i++;
                }

                var block = text[start..i];
                switch (mode)
                {
                    case BlockCut.RouteWithHmm:
                        CutRouteWithHmm(block, start, sink, scratch);
                        break;
                    case BlockCut.RouteOnly:
                        CutRouteOnly(block, start, sink, scratch);
                        break;
                    default:
                        CutAllWords(block, start, sink, scratch);
                        break;
                }
            }
            else
            {
                i++;
                while (i < text.Length && !JiebaCharClasses.IsInHanBlock(text[i]))
                {
                    i++;
                }

                CutOtherBlock(text[start..i], start, mode == BlockCut.AllWords, sink);
            }
        }
    }

    // JIEBA-COMPAT: outside Han blocks jieba splits on (\r\n|\s), yielding each separator; the pieces between are
    // yielded one character at a time (default/search) or whole (full mode). Python iterates code points, so a
    // surrogate pair stays one token here; a lone surrogate is one token of its own.
    private static void CutOtherBlock(ReadOnlySpan<char> block, int offset, bool wholePieces, TokenRanges sink)
    {
        var pieceStart = 0;
        var i = 0;
        while (i < block.Length)
        {
            var c = block[i];
            var separator = c == '\r' && i + 1 < block.Length && block[i + 1] == '\n' ? 2
                : JiebaCharClasses.IsPythonWhitespace(c) ? 1 : 0;
            if (separator > 0)
            {
                // JIEBA-COMPAT: full mode in Python also yields the empty strings re.split leaves between adjacent
                // separators; they carry no text, so they are dropped here.
                if (wholePieces && i > pieceStart)
                {
                    sink.Add(offset + pieceStart, i - pieceStart);
                }

                sink.Add(offset + i, separator);
                i += separator;
                pieceStart = i;
                continue;
            }

            var width = char.IsHighSurrogate(c) && i + 1 < block.Length && char.IsLowSurrogate(block[i + 1]) ? 2 : 1;
            if (!wholePieces)
            {
                sink.Add(offset + i, width);
            }

            i += width;
        }

        if (wholePieces && i > pieceStart)
        {
            sink.Add(offset + pieceStart, i - pieceStart);
        }
    }

    /// <summary>Computes jieba's maximum log-probability route over a block, right to left.</summary>
    /// <remarks>
    /// <paramref name="ends"/>[k] is the last index of the word chosen at k. The DAG is never materialised: the
    /// words starting at k are found by walking the trie from k while the prefix exists.
    /// </remarks>
    private void CalculateRoute(ReadOnlySpan<char> block, Span<double> scores, Span<int> ends)
    {
        var n = block.Length;
        var trie = Trie;
        var frequencies = trie.Frequencies;
        var logFrequencies = trie.LogFrequencies;
        var logTotal = LogTotal;
        scores[n] = 0;
        for (var k = n - 1; k >= 0; k--)
        {
            var best = double.NegativeInfinity;
            var bestEnd = -1;
            var node = trie.FirstStep(block[k]);
            var x = k;
            while (node != PrefixTrie.None)
            {
                if (frequencies[node] > 0)
                {
                    // JIEBA-COMPAT: log(freq) - log(total) + route[x+1], in Python's order; on equal scores the
                    // longer word wins, as Python's max over (score, x) tuples does.
                    var score = logFrequencies[node] - logTotal + scores[x + 1];
                    if (score >= best)
                    {
                        best = score;
                        bestEnd = x;
                    }
                }

                if (++x == n)
                {
                    break;
                }

                node = trie.Step(node, block[x]);
            }

            if (bestEnd < 0)
            {
                // No word starts here: the DAG holds just the character, scored as frequency 1 (log 1 = 0).
                best = 0.0 - logTotal + scores[k + 1];
                bestEnd = k;
            }

            scores[k] = best;
            ends[k] = bestEnd;
        }
    }

    private void CutRouteWithHmm(ReadOnlySpan<char> block, int offset, TokenRanges sink, SegmentScratch scratch)
    {
        var n = block.Length;
        var ends = scratch.RouteEnds(n + 1);
        CalculateRoute(block, scratch.RouteScores(n + 1), ends);
        var pendingStart = -1;
        var x = 0;
        while (x < n)
        {
            var y = ends[x] + 1;
            if (y - x == 1)
            {
                if (pendingStart < 0)
                {
                    pendingStart = x;
                }
            }
            else
            {
                if (pendingStart >= 0)
                {
                    CutUnknownRun(block, pendingStart, x, offset, sink, scratch);
                    pendingStart = -1;
                }

                sink.Add(offset + x, y - x);
            }

            x = y;
        }

        if (pendingStart >= 0)
        {
            CutUnknownRun(block, pendingStart, n, offset, sink, scratch);
        }
    }

    /// <summary>A run of single characters left by the route: a dictionary word as characters, else the HMM.</summary>
    private void CutUnknownRun(ReadOnlySpan<char> block, int start, int end, int offset, TokenRanges sink, SegmentScratch scratch)
    {
        if (end - start == 1)
        {
            sink.Add(offset + start, 1);
            return;
        }

        var run = block[start..end];
        var node = Trie.Find(run);
        if (node != PrefixTrie.None && Trie.Frequency(node) > 0)
        {
            for (var i = start; i < end; i++)
            {
                sink.Add(offset + i, 1);
            }

            return;
        }

        CutWithHmm(run, offset + start, sink, scratch);
    }

    // JIEBA-COMPAT: finalseg.cut: Han runs (U+4E00..U+9FD5) go through Viterbi; the rest is split by
    // ([a-zA-Z0-9]+(?:\.\d+)?%?) into matches and the non-matching pieces between them.
    private void CutWithHmm(ReadOnlySpan<char> run, int offset, TokenRanges sink, SegmentScratch scratch)
    {
        var i = 0;
        while (i < run.Length)
        {
            var start = i;
            if (JiebaCharClasses.IsHan(run[i]))
            {
                while (i < run.Length && JiebaCharClasses.IsHan(run[i]))
                {
                    i++;
                }

                DecodeHanRun(run[start..i], offset + start, sink, scratch);
            }
            else if (char.IsAsciiLetterOrDigit(run[i]))
            {
                while (i < run.Length && char.IsAsciiLetterOrDigit(run[i]))
                {
                    i++;
                }

                if (i + 1 < run.Length && run[i] == '.' && char.IsAsciiDigit(run[i + 1]))
                {
                    i += 2;
                    while (i < run.Length && char.IsAsciiDigit(run[i]))
                    {
                        i++;
                    }
                }

                if (i < run.Length && run[i] == '%')
                {
                    i++;
                }

                sink.Add(offset + start, i - start);
            }
            else
            {
                while (i < run.Length && !JiebaCharClasses.IsHan(run[i]) && !char.IsAsciiLetterOrDigit(run[i]))
                {
                    i++;
                }

                sink.Add(offset + start, i - start);
            }
        }
    }

    private void DecodeHanRun(ReadOnlySpan<char> run, int offset, TokenRanges sink, SegmentScratch scratch)
    {
        var n = run.Length;
        var path = scratch.ViterbiPath(n);
        Hmm.Decode(run, scratch.ViterbiScores(n * 4), scratch.ViterbiBack(n * 4), path);
        var begin = 0;
        var next = 0;
        for (var i = 0; i < n; i++)
        {
            var state = path[i];
            if (HmmModel.BeginsWord(state))
            {
                begin = i;
            }
            else if (HmmModel.IsSingle(state))
            {
                sink.Add(offset + i, 1);
                next = i + 1;
            }
            else if (HmmModel.EndsWord(state))
            {
                AddHmmWord(run, begin, i + 1 - begin, offset, sink);
                next = i + 1;
            }
        }

        if (next < n)
        {
            AddHmmWord(run, next, n - next, offset, sink);
        }
    }

    private void AddHmmWord(ReadOnlySpan<char> run, int start, int length, int offset, TokenRanges sink)
    {
        if (ForcedSplits is not null && length > 1 && ForcedSplits.Contains(run.Slice(start, length).ToString()))
        {
            for (var i = 0; i < length; i++)
            {
                sink.Add(offset + start + i, 1);
            }

            return;
        }

        sink.Add(offset + start, length);
    }

    // JIEBA-COMPAT: without the HMM, consecutive single ASCII letters/digits on the route are glued together
    // (re_eng), everything else is emitted as routed.
    private void CutRouteOnly(ReadOnlySpan<char> block, int offset, TokenRanges sink, SegmentScratch scratch)
    {
        var n = block.Length;
        var ends = scratch.RouteEnds(n + 1);
        CalculateRoute(block, scratch.RouteScores(n + 1), ends);
        var latinStart = -1;
        var x = 0;
        while (x < n)
        {
            var y = ends[x] + 1;
            if (y - x == 1 && char.IsAsciiLetterOrDigit(block[x]))
            {
                if (latinStart < 0)
                {
                    latinStart = x;
                }
            }
            else
            {
                if (latinStart >= 0)
                {
                    sink.Add(offset + latinStart, x - latinStart);
                    latinStart = -1;
                }

                sink.Add(offset + x, y - x);
            }

            x = y;
        }

        if (latinStart >= 0)
        {
            sink.Add(offset + latinStart, n - latinStart);
        }
    }

    // JIEBA-COMPAT: jieba's __cut_all, including its handling of ASCII runs (eng_buf), which can glue pieces that
    // are not adjacent in the text; such a token keeps its glued text and spans from its first to its last piece.
    private void CutAllWords(ReadOnlySpan<char> block, int offset, TokenRanges sink, SegmentScratch scratch)
    {
        var n = block.Length;
        var trie = Trie;
        var frequencies = trie.Frequencies;
        var ends = scratch.WordEnds(n);
        var lastEnd = -1;
        var latinStart = -1;
        var latinEnd = -1;
        System.Text.StringBuilder? glued = null;
        for (var k = 0; k < n; k++)
        {
            if (latinStart >= 0 && !char.IsAsciiLetterOrDigit(block[k]))
            {
                EmitLatin(sink, offset, latinStart, latinEnd, glued);
                latinStart = -1;
                glued = null;
            }

            var count = 0;
            var node = trie.FirstStep(block[k]);
            for (var x = k; node != PrefixTrie.None;)
            {
                if (frequencies[node] > 0)
                {
                    ends[count++] = x;
                }

                if (++x == n)
                {
                    break;
                }

                node = trie.Step(node, block[x]);
            }

            if (count == 0)
            {
                ends[count++] = k;
            }

            if (count == 1 && k > lastEnd)
            {
                var end = ends[0];
                if (char.IsAsciiLetterOrDigit(block[k]))
                {
                    if (latinStart < 0)
                    {
                        latinStart = k;
                    }
                    else if (k != latinEnd + 1 || glued is not null)
                    {
                        glued ??= new System.Text.StringBuilder().Append(block[latinStart..(latinEnd + 1)]);
                        glued.Append(block[k..(end + 1)]);
                    }

                    latinEnd = end;
                }

                if (latinStart < 0)
                {
                    sink.Add(offset + k, end - k + 1);
                }

                lastEnd = end;
            }
            else
            {
                foreach (var end in ends[..count])
                {
                    if (end > k)
                    {
                        sink.Add(offset + k, end - k + 1);
                        lastEnd = end;
                    }
                }
            }
        }

        if (latinStart >= 0)
        {
            EmitLatin(sink, offset, latinStart, latinEnd, glued);
        }
    }

    private static void EmitLatin(TokenRanges sink, int offset, int start, int end, System.Text.StringBuilder? glued)
    {
        if (glued is null)
        {
            sink.Add(offset + start, end - start + 1);
        }
        else
        {
            sink.AddGlued(offset + start, end - start + 1, glued.ToString());
        }
    }

    /// <summary>Frequency of a string as Python's <c>FREQ.get(s)</c>: null when absent, 0 for a bare prefix.</summary>
    public int? Frequency(ReadOnlySpan<char> word) => Trie.Lookup(word);

    /// <summary>True when the string is a dictionary word with a positive frequency.</summary>
    public bool IsWord(ReadOnlySpan<char> word) => Trie.Lookup(word) > 0;
}
