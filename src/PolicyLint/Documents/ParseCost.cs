using System;
using System.Collections.Generic;

namespace PolicyLint.Documents;

/// <summary>
/// A linear estimate, made on the raw bytes before parsing, of the work Markdig does for the input patterns where that work
/// grows with the square of their size. Each estimate counts the steps a scan makes (a paragraph re-read for every
/// definition taken off its front, an unclosed opener that searches to its paragraph's end, a chain of open delimiters
/// walked for every inline after it). A document whose total passes <see cref="Budget"/> is refused with the worst pattern
/// named, in time that grows with its length; ordinary documents stay far below it (the blog corpus's largest is under 0.1%).
/// </summary>
internal static class ParseCost
{
    /// <summary>Steps allowed for one document: a few seconds of Markdig's work at most.</summary>
    internal const long Budget = 500_000_000;

    /// <summary>Open delimiters Markdig nests in one paragraph before it gives up (its fixed limit).</summary>
    internal const int MarkdigDelimiterLimit = 10_240;

    /// <summary>
    /// The worst pattern found: its description, its 1-based line, and the total estimate; and the paragraph with the most
    /// emphasis, link or table delimiters (what to name when Markdig refuses a paragraph past its limit).
    /// </summary>
    internal readonly record struct Estimate(long Total, string? Pattern, int Line, int MostDelimiters = 0, int MostDelimitersLine = 0,
        bool DocumentWide = false)
    {
        /// <summary>Where the worst pattern is, for a message: "the paragraph at line 3" or "the document from line 3 on".</summary>
        public string Place => DocumentWide ? $"the document from line {Line} on" : $"the paragraph at line {Line}";

        public bool OverBudget => Total > Budget;
    }

    private sealed class Worst
    {
        public long Total;
        public long Cost = -1;
        public string? Pattern;
        public int Line;
        public int MostDelimiters, MostDelimitersLine;
        public bool DocumentWide;

        public void Add(long cost, int line, Func<string> describe, bool documentWide = false)
        {
            if (cost <= 0) return;
            Total += cost;
            if (cost > Cost) { Cost = cost; Line = line; Pattern = describe(); DocumentWide = documentWide; }
        }
    }

    /// <summary>The bytes the scan of a paragraph line acts on.</summary>
#if NET
    private static readonly System.Buffers.SearchValues<byte> Counted = System.Buffers.SearchValues.Create("\\`*_~[|<>"u8);
#else
    private static ReadOnlySpan<byte> Counted => new[] { (byte)'\\', (byte)'`', (byte)'*', (byte)'_', (byte)'~', (byte)'[', (byte)'|', (byte)'<', (byte)'>' };
#endif

    /// <summary>Estimates the quadratic work of parsing <paramref name="bytes"/> (UTF-8 or ASCII-compatible text).</summary>
    internal static Estimate Measure(byte[] bytes, int start = 0)
    {
        var worst = new Worst();
        // Lines are the file's own: the front matter before start counts.
        int line = 1, paraLine = 1, defRun = 0, defLine = 0, delimiters = 0, openComments = 0;
        long commentCost = 0, openCommentOffsets = 0;
        int paraStartOffset = start;
        bool inFence = false, paragraphOpen = false;
        byte fenceChar = 0;
        int fenceLen = 0;
        for (int k = 0; k < start; k++) if (bytes[k] == (byte)'\n') line++;
        // Setext underlines: Markdig's work for each grows with the blocks and lines before it in its container, bounded
        // here by its line number (halved: on average it is half-way into its container).
        long setextCost = 0;
        int setextCount = 0, setextLine = 0;

        void EndDefinitions()
        {
            if (defRun > 0)
            {
                int run = defRun, at = defLine;
                worst.Add((long)run * run / 2, at, () => $"{run:N0} reference or footnote definitions with no blank line between them");
            }
            defRun = 0;
        }

        void EndParagraph(int end)
        {
            EndDefinitions();
            if (!paragraphOpen) return;
            int pl = paraLine;
            // Backtick runs are not counted: ClosingRunCodeInlineParser answers a run with no closing run at once.
            // Comment openers with no '-->' after them: each searches to the paragraph's end.
            int open = openComments;
            long commentSteps = commentCost + (long)open * end - openCommentOffsets;
            worst.Add(commentSteps > 64L * (end - paraStartOffset + 1) ? commentSteps : 0, pl, () => $"{open:N0} '<!--' openers that never close");
            // Open delimiters: Markdig walks the chain of open ones for every inline it adds.
            if (delimiters > worst.MostDelimiters) { worst.MostDelimiters = delimiters; worst.MostDelimitersLine = pl; }
            long d = Math.Min(delimiters, MarkdigDelimiterLimit);
            if (d > 1024)
            {
                int count = delimiters;
                worst.Add(d * d, pl, () => $"{count:N0} emphasis, link or table delimiters in one paragraph");
            }
            delimiters = 0; openComments = 0; commentCost = 0; openCommentOffsets = 0;
            paragraphOpen = false;
        }

        int i = start;
        while (i < bytes.Length)
        {
            int lineEnd = Array.IndexOf(bytes, (byte)'\n', i);
            if (lineEnd < 0) lineEnd = bytes.Length;
            int p = i, indent = 0;
            while (p < lineEnd && (bytes[p] == ' ' || bytes[p] == '\t')) { indent += bytes[p] == '\t' ? 4 : 1; p++; }
            bool blank = p >= lineEnd || (p == lineEnd - 1 && bytes[p] == '\r');
            // Fenced code is not parsed for inlines.
            if (indent < 4 && p + 2 < lineEnd && (bytes[p] == '`' || bytes[p] == '~') && bytes[p + 1] == bytes[p] && bytes[p + 2] == bytes[p])
            {
                int n = 0;
                while (p + n < lineEnd && bytes[p + n] == bytes[p]) n++;
                if (!inFence) { EndParagraph(i); inFence = true; fenceChar = bytes[p]; fenceLen = n; }
                else if (bytes[p] == fenceChar && n >= fenceLen) inFence = false;
                i = lineEnd + 1; line++;
                continue;
            }
            if (inFence) { i = lineEnd + 1; line++; continue; }
            if (blank) { EndParagraph(i); i = lineEnd + 1; line++; continue; }
            if (!paragraphOpen) { paragraphOpen = true; paraLine = line; paraStartOffset = i; }

            // A line that starts like a definition: '[label]:' or '[^label]:'.
            int q = p;
            while (q < lineEnd && bytes[q] == '>') { q++; while (q < lineEnd && bytes[q] == ' ') q++; }
            bool definition = false;
            if (indent < 4 && q < lineEnd && bytes[q] == '[')
            {
                int close = Array.IndexOf(bytes, (byte)']', q + 1, lineEnd - q - 1);
                definition = close > 0 && close + 1 < lineEnd && bytes[close + 1] == ':';
            }
            if (definition) { if (defRun++ == 0) defLine = line; }
            else EndDefinitions();
            if (IsSetextUnderline(bytes, q, lineEnd))
            {
                if (setextCount++ == 0) setextLine = line;
                setextCost += line;
            }

            for (int k = p; k < lineEnd; k++)
            {
                // Only these bytes count: the rest of the line is skipped in one search.
                int skip = bytes.AsSpan(k, lineEnd - k).IndexOfAny(Counted);
                if (skip < 0) break;
                k += skip;
                byte b = bytes[k];
                switch (b)
                {
                    case (byte)'\\':
                        k++;
                        break;
                    case (byte)'`':
                    {
                        int n = 1;
                        while (k + n < lineEnd && bytes[k + n] == '`') n++;
                        k += n - 1;
                        break;
                    }
                    case (byte)'*': case (byte)'_': case (byte)'~':
                    {
                        int n = 1;
                        while (k + n < lineEnd && bytes[k + n] == b) n++;
                        delimiters++;
                        k += n - 1;
                        break;
                    }
                    case (byte)'[': case (byte)'|':
                        delimiters++;
                        break;
                    case (byte)'<':
                        if (k + 3 < lineEnd && bytes[k + 1] == '!' && bytes[k + 2] == '-' && bytes[k + 3] == '-')
                        {
                            // This opener searches from here to the next '-->' or the paragraph's end (summed as ends minus starts).
                            openComments++;
                            openCommentOffsets += k;
                            k += 3;
                        }
                        break;
                    case (byte)'>':
                        if (k >= 2 && bytes[k - 1] == '-' && bytes[k - 2] == '-' && openComments > 0)
                        {
                            // Every opener before this one found its close here.
                            commentCost += (long)openComments * k - openCommentOffsets;
                            openComments = 0; openCommentOffsets = 0;
                        }
                        break;
                }
            }
            i = lineEnd + 1; line++;
        }
        EndParagraph(bytes.Length);
        int underlines = setextCount;
        worst.Add(setextCost / 2, setextLine, () => $"{underlines:N0} setext heading underlines (lines of only '=' or '-')", documentWide: true);
        return new Estimate(worst.Total, worst.Pattern, worst.Line, worst.MostDelimiters, worst.MostDelimitersLine, worst.DocumentWide);
    }

    /// <summary>A line (after its indentation and quote markers) of one run of '=' or '-' and nothing but trailing blanks.</summary>
    private static bool IsSetextUnderline(byte[] bytes, int at, int lineEnd)
    {
        if (at >= lineEnd || (bytes[at] != (byte)'=' && bytes[at] != (byte)'-')) return false;
        byte c = bytes[at];
        int k = at;
        while (k < lineEnd && bytes[k] == c) k++;
        while (k < lineEnd && (bytes[k] == (byte)' ' || bytes[k] == (byte)'\t' || bytes[k] == (byte)'\r')) k++;
        return k == lineEnd;
    }
}
