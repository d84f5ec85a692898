using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PolicyLint.Output;

/// <summary>
/// Lays out one source line for a terminal excerpt: tabs expanded, control characters shown as '?', each user-perceived
/// character (grapheme cluster) measured in terminal columns, and the line cut around the finding with an ellipsis when it
/// is wider than the room there is. The caret line then lines up under the span however wide the characters before it are.
/// </summary>
internal static class ExcerptLayout
{
    /// <summary>Tab stops every this many columns (counted from the start of the shown line).</summary>
    public const int TabSize = 4;

    /// <summary>Below this many columns for the source text, lines are not cut further (the terminal wraps instead).</summary>
    public const int MinimumWidth = 20;

    public const char Ellipsis = '\u2026';

    /// <summary>The shown line, the column the carets start at and how many carets there are (at least one).</summary>
    public readonly record struct Result(string Text, int CaretStart, int CaretWidth);

    private readonly record struct Cell(int Index, int Length, int Column, int Width, string Text);

    /// <param name="line">The source line, without its line break.</param>
    /// <param name="start">The span's start, a UTF-16 index into <paramref name="line"/> (0 to its length).</param>
    /// <param name="end">The span's end (exclusive), at least <paramref name="start"/>.</param>
    /// <param name="maxWidth">Columns available for the shown line; null or 0: never cut.</param>
    public static Result Layout(string line, int start, int end, int? maxWidth)
    {
        start = Math.Min(Math.Max(start, 0), line.Length);
        end = Math.Min(Math.Max(end, start), line.Length);
        var cells = Measure(line);
        int total = TotalWidth(cells);
        int from = StartColumn(cells, start, total), to = EndColumn(cells, end, total);
        if (to <= from) to = from + 1;

        int budget = maxWidth is > 0 ? Math.Max(maxWidth.Value, MinimumWidth) : int.MaxValue;
        if (total <= budget) return new Result(Join(cells, 0, total), from, to - from);

        // Cut: keep the span's start visible, centre the span (or its beginning, when it is too long) in the room left
        // after the two ellipses, and drop whole characters only.
        int room = budget - 2;
        int spanShown = Math.Min(to - from, room);
        int left = Math.Max(0, from - (room - spanShown) / 2);
        bool cutLeft = left > 0;
        int right;
        if (!cutLeft) right = budget - 1;                  // only the right side is cut: one more column of text
        else
        {
            right = left + room;
            if (right >= total) { right = total; left = Math.Max(0, total - (budget - 1)); cutLeft = left > 0; }
        }
        if (right > total) right = total;
        left = SnapRight(cells, left);                     // a wide character that would straddle the edge is left out
        right = SnapLeft(cells, right, total);
        if (right < left) right = left;
        bool cutRight = right < total;

        string text = (cutLeft ? Ellipsis.ToString() : "") + Join(cells, left, right) + (cutRight ? Ellipsis.ToString() : "");
        int offset = cutLeft ? 1 : 0;
        int caretFrom = Math.Max(from, left);
        int caretTo = cutRight ? Math.Min(to, right) : to;
        if (caretTo <= caretFrom) caretTo = caretFrom + 1;
        return new Result(text, offset + caretFrom - left, caretTo - caretFrom);
    }

    /// <summary>The terminal columns a text takes, as the excerpt shows it (tabs at stops of <see cref="TabSize"/>).</summary>
    public static int Width(string text)
    {
        var cells = Measure(text);
        return TotalWidth(cells);
    }

    private static int TotalWidth(List<Cell> cells) => cells.Count == 0 ? 0 : cells[cells.Count - 1].Column + cells[cells.Count - 1].Width;

    private static List<Cell> Measure(string line)
    {
        var cells = new List<Cell>();
        int column = 0;
        for (int i = 0; i < line.Length;)
        {
            char c = line[i];
            int length, width;
            string text;
            if (c == '\t') { width = TabSize - column % TabSize; text = new string(' ', width); length = 1; }
            else if (char.IsControl(c)) { width = 1; text = "?"; length = 1; }
            else { length = Cluster(line, i, out width); text = line.Substring(i, length); }
            cells.Add(new Cell(i, length, column, width, text));
            column += width;
            i += length;
        }
        return cells;
    }

    /// <summary>
    /// The length (UTF-16) and columns of the user-perceived character at <paramref name="start"/>: a base character with
    /// the combining marks, variation selectors, emoji modifiers, tag characters and zero-width-joined characters after it,
    /// a pair of regional indicators (a flag), or a Hangul syllable of conjoining jamo. Its columns are the base's (plus one per spacing mark); an emoji
    /// presentation selector (U+FE0F) makes a narrow base two wide. Written out here, not taken from the runtime, so that
    /// every target framework lays excerpts out alike.
    /// </summary>
    private static int Cluster(string s, int start, out int width)
    {
        int i = start;
        int first = Next(s, ref i);
        width = ScalarWidth(s, start, first);
        if (width == 0) return i - start;                        // a lone mark or format character: its own, zero wide
        if (IsRegionalIndicator(first) && i < s.Length && IsRegionalIndicator(Peek(s, i)))
        {
            Next(s, ref i);
            width = 2;
        }
        while (i < s.Length)
        {
            int at = i;
            int v = Next(s, ref i);
            if (v == 0x200D && i < s.Length && !char.IsControl(s[i])) { Next(s, ref i); continue; }    // joined: adds nothing
            if (v == 0xFE0F) { width = Math.Max(width, 2); continue; }
            if (v is >= 0x1F3FB and <= 0x1F3FF or >= 0xE0020 and <= 0xE007F or >= 0x1160 and <= 0x11FF or >= 0xD7B0 and <= 0xD7FF)
                continue;
            var category = CharUnicodeInfo.GetUnicodeCategory(s, at);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) continue;
            if (category == UnicodeCategory.SpacingCombiningMark) { width++; continue; }     // a spacing vowel sign takes its column
            i = at;
            break;
        }
        return i - start;
    }

    private static bool IsRegionalIndicator(int v) => v is >= 0x1F1E6 and <= 0x1F1FF;

    private static int Peek(string s, int i) => Next(s, ref i);

    private static int Next(string s, ref int i)
    {
        if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            int v = char.ConvertToUtf32(s[i], s[i + 1]);
            i += 2;
            return v;
        }
        return s[i++];
    }

    /// <summary>0 for combining marks, format characters and medial or final jamo, 2 for East Asian Wide and Fullwidth, else 1.</summary>
    private static int ScalarWidth(string s, int index, int v)
    {
        if (v is >= 0x1160 and <= 0x11FF or >= 0xD7B0 and <= 0xD7FF) return 0;
        switch (CharUnicodeInfo.GetUnicodeCategory(s, index))
        {
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.Format:
                return 0;
        }
        return IsWide(v) ? 2 : 1;
    }

    private static bool IsWide(int v) => v >= 0x1100 && Text.CodePointRanges.Contains(WideRanges, v);

    // East_Asian_Width W and F (Unicode 16), as inclusive [first, last] pairs in ascending order.
    private static readonly int[] WideRanges =
    [
        0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3,
        0x25FD, 0x25FE, 0x2614, 0x2615, 0x2630, 0x2637, 0x2648, 0x2653, 0x267F, 0x267F, 0x268A, 0x268F,
        0x2693, 0x2693, 0x26A1, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE,
        0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA, 0x26FD, 0x26FD,
        0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755,
        0x2757, 0x2757, 0x2795, 0x2797, 0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50,
        0x2B55, 0x2B55, 0x2E80, 0x2E99, 0x2E9B, 0x2EF3, 0x2F00, 0x2FD5, 0x2FF0, 0x303E, 0x3041, 0x3096,
        0x3099, 0x30FF, 0x3105, 0x312F, 0x3131, 0x318E, 0x3190, 0x31E5, 0x31EF, 0x321E, 0x3220, 0x3247,
        0x3250, 0xA48C, 0xA490, 0xA4C6, 0xA960, 0xA97C, 0xAC00, 0xD7A3, 0xF900, 0xFAFF, 0xFE10, 0xFE19,
        0xFE30, 0xFE52, 0xFE54, 0xFE66, 0xFE68, 0xFE6B, 0xFF01, 0xFF60, 0xFFE0, 0xFFE6,
        0x16FE0, 0x16FE4, 0x16FF0, 0x16FF1, 0x17000, 0x187F7, 0x18800, 0x18CD5, 0x18CFF, 0x18D08,
        0x1AFF0, 0x1AFF3, 0x1AFF5, 0x1AFFB, 0x1AFFD, 0x1AFFE, 0x1B000, 0x1B122, 0x1B132, 0x1B132,
        0x1B150, 0x1B152, 0x1B155, 0x1B155, 0x1B164, 0x1B167, 0x1B170, 0x1B2FB, 0x1D300, 0x1D356,
        0x1D360, 0x1D376, 0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E, 0x1F191, 0x1F19A,
        0x1F200, 0x1F202, 0x1F210, 0x1F23B, 0x1F240, 0x1F248, 0x1F250, 0x1F251, 0x1F260, 0x1F265,
        0x1F300, 0x1F320, 0x1F32D, 0x1F335, 0x1F337, 0x1F37C, 0x1F37E, 0x1F393, 0x1F3A0, 0x1F3CA,
        0x1F3CF, 0x1F3D3, 0x1F3E0, 0x1F3F0, 0x1F3F4, 0x1F3F4, 0x1F3F8, 0x1F43E, 0x1F440, 0x1F440,
        0x1F442, 0x1F4FC, 0x1F4FF, 0x1F53D, 0x1F54B, 0x1F54E, 0x1F550, 0x1F567, 0x1F57A, 0x1F57A,
        0x1F595, 0x1F596, 0x1F5A4, 0x1F5A4, 0x1F5FB, 0x1F64F, 0x1F680, 0x1F6C5, 0x1F6CC, 0x1F6CC,
        0x1F6D0, 0x1F6D2, 0x1F6D5, 0x1F6D7, 0x1F6DC, 0x1F6DF, 0x1F6EB, 0x1F6EC, 0x1F6F4, 0x1F6FC,
        0x1F7E0, 0x1F7EB, 0x1F7F0, 0x1F7F0, 0x1F90C, 0x1F93A, 0x1F93C, 0x1F945, 0x1F947, 0x1F9FF,
        0x1FA70, 0x1FA7C, 0x1FA80, 0x1FA89, 0x1FA8F, 0x1FAC6, 0x1FACE, 0x1FADC, 0x1FADF, 0x1FAE9,
        0x1FAF0, 0x1FAF8, 0x20000, 0x2FFFD, 0x30000, 0x3FFFD,
    ];

    /// <summary>The column a span starting at UTF-16 index <paramref name="index"/> starts at (a cluster's first column).</summary>
    private static int StartColumn(List<Cell> cells, int index, int total)
    {
        foreach (var c in cells)
            if (index < c.Index + c.Length) return c.Column;
        return total;
    }

    /// <summary>The column a span ending at <paramref name="index"/> ends at; an end inside a cluster takes the whole cluster.</summary>
    private static int EndColumn(List<Cell> cells, int index, int total)
    {
        foreach (var c in cells)
        {
            if (index <= c.Index) return c.Column;
            if (index < c.Index + c.Length) return c.Column + c.Width;
        }
        return total;
    }

    private static int SnapRight(List<Cell> cells, int column)
    {
        foreach (var c in cells)
            if (c.Column >= column) return c.Column;
        return column;
    }

    private static int SnapLeft(List<Cell> cells, int column, int total)
    {
        if (column >= total) return total;
        int best = 0;
        foreach (var c in cells)
        {
            if (c.Column + c.Width > column) break;
            best = c.Column + c.Width;
        }
        return best;
    }

    private static string Join(List<Cell> cells, int from, int to)
    {
        var sb = new StringBuilder();
        foreach (var c in cells)
            if (c.Column >= from && c.Column + c.Width <= to) sb.Append(c.Text);
        return sb.ToString();
    }
}
