using System;
using System.Collections.Generic;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;

namespace PolicyLint.Documents;

/// <summary>
/// Markdig's code span parser, except that a backtick run with no run of its own length after it in its paragraph is
/// answered at once (it opens nothing, as Markdig's own search would find) instead of by a search to the paragraph's end.
/// Markdig searches from every opening run: a paragraph of many runs of different lengths cost the square of its size
/// (1,700 runs in 1.4 MB took a second). Where a closing run exists, or the paragraph's rest is short, Markdig's parser runs
/// unchanged. The runs after a position are found once per paragraph, from its right end, in linear time.
/// </summary>
internal sealed class ClosingRunCodeInlineParser : CodeInlineParser
{
    /// <summary>Below this many characters left in the paragraph, Markdig's own search is cheap enough.</summary>
    internal static int ShortRest = 2048; // not const: the equivalence tests set it to 0

    // Per thread (the pipeline is shared): the paragraph last indexed, and the start of each backtick run in it that has no
    // run of its length after it.
    [ThreadStatic] private static string? _text;
    [ThreadStatic] private static int _from, _end;
    [ThreadStatic] private static HashSet<int>? _unclosed;

    /// <summary>Runs answered without Markdig's search on this thread (a count for tests).</summary>
    [ThreadStatic] internal static int Shortcuts;

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.End - slice.Start < ShortRest || slice.PeekCharExtra(-1) == slice.CurrentChar)
            return base.Match(processor, ref slice);
        char c = slice.CurrentChar;
        if (!ReferenceEquals(_text, slice.Text) || _end != slice.End || slice.Start < _from) IndexRuns(slice.Text, slice.Start, slice.End, c);
        if (_unclosed!.Contains(slice.Start))
        {
            Shortcuts++;
            return false;
        }
        return base.Match(processor, ref slice);
    }

    /// <summary>Finds, from the right end of [from, end], each run of <paramref name="tick"/> with no run of its length after it.</summary>
    private static void IndexRuns(string text, int from, int end, char tick)
    {
        var unclosed = _unclosed ??= new HashSet<int>();
        unclosed.Clear();
        var seen = new HashSet<int>();
        for (int k = end; k >= from;)
        {
            if (text[k] != tick) { k--; continue; }
            int runEnd = k;
            while (k - 1 >= from && text[k - 1] == tick) k--;
            int length = runEnd - k + 1;
            // The rightmost run of each length has none after it; a run to its left has (Markdig's search finds it).
            if (seen.Add(length)) unclosed.Add(k);
            k--;
        }
        _text = text; _from = from; _end = end;
    }
}

internal static class ClosingRunCodeInlineParserExtensions
{
    /// <summary>Replaces Markdig's code span parser by <see cref="ClosingRunCodeInlineParser"/>.</summary>
    internal static Markdig.MarkdownPipelineBuilder WithLinearCodeSpans(this Markdig.MarkdownPipelineBuilder builder)
    {
        if (!builder.InlineParsers.Replace<CodeInlineParser>(new ClosingRunCodeInlineParser()))
            throw new InvalidOperationException("Markdig's pipeline has no code span parser to replace");
        return builder;
    }
}
