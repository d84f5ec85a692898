using System.Text;
using PolicyLint.Output;

namespace PolicyLint.Tests.Output;

/// <summary>
/// Terminal columns of excerpt lines: East Asian Wide and Fullwidth characters take two, combining marks and format
/// characters none, a grapheme cluster (emoji with modifiers, joiner sequences, flags) is measured as one character, tabs
/// stop every four columns; a line wider than the room is cut around the span at character boundaries.
/// </summary>
public sealed class ExcerptLayoutTests
{
    [Theory]
    [InlineData("abc", 3)]
    [InlineData("中文", 4)]                        // CJK ideographs: W
    [InlineData("ｶﾅ", 2)]                          // halfwidth katakana: H, one column each
    [InlineData("ＡＢ", 4)]                        // fullwidth Latin: F
    [InlineData("한국어", 6)]                      // precomposed Hangul syllables
    [InlineData("\u1100\u1161\u11A8", 2)]          // a conjoining-jamo syllable: the medial and final jamo add nothing
    [InlineData("e\u0301", 1)]                     // e + combining acute accent
    [InlineData("a\u200Bb", 2)]                    // zero-width space (format character)
    [InlineData("\U0001F917", 2)]                  // 🤗
    [InlineData("\U0001F44D\U0001F3FD", 2)]        // 👍 with a skin tone modifier
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467", 2)]   // family: a zero-width-joiner sequence
    [InlineData("\U0001F1E9\U0001F1EA", 2)]        // a flag: two regional indicators
    [InlineData("\u2764\uFE0F", 2)]                // heart + emoji presentation selector
    [InlineData("\u2764", 1)]                      // heart alone is narrow text presentation
    [InlineData("\U00020BB7", 2)]                  // a CJK extension B ideograph (surrogate pair)
    [InlineData("a\tb", 5)]                        // tab to the next stop of four
    [InlineData("中\tb", 5)]                       // the stop counts the wide character's two columns
    [InlineData("\u0007", 1)]                      // a control character is shown as '?'
    public void Width_counts_terminal_columns(string text, int columns) =>
        Assert.Equal(columns, ExcerptLayout.Width(text));

    [Fact]
    public void Caret_starts_after_wide_characters_and_covers_the_wide_span()
    {
        // "中文 x漢字y": the span is 漢字 (UTF-16 indexes 4 to 6).
        var r = ExcerptLayout.Layout("中文 x漢字y", 4, 6, null);
        Assert.Equal(("中文 x漢字y", 6, 4), (r.Text, r.CaretStart, r.CaretWidth));
    }

    [Fact]
    public void Caret_after_an_emoji_sequence_tab_and_combining_mark()
    {
        string line = "\U0001F468\u200D\U0001F469\u200D\U0001F467e\u0301\tX";
        int x = line.IndexOf('X');
        var r = ExcerptLayout.Layout(line, x, x + 1, null);
        // family (2) + é (1) = 3 columns, the tab goes to 4: X is at column 4.
        Assert.Equal(("\U0001F468\u200D\U0001F469\u200D\U0001F467e\u0301 X", 4, 1), (r.Text, r.CaretStart, r.CaretWidth));
    }

    [Fact]
    public void A_span_inside_a_cluster_takes_the_whole_cluster()
    {
        // The span is the combining accent only (index 1); the caret goes under the whole 'é'.
        var r = ExcerptLayout.Layout("xe\u0301y", 2, 3, null);
        Assert.Equal((1, 1), (r.CaretStart, r.CaretWidth));
        var emoji = ExcerptLayout.Layout("a\U0001F917b", 2, 3, null);      // the low surrogate of 🤗
        Assert.Equal((1, 2), (emoji.CaretStart, emoji.CaretWidth));
    }

    [Fact]
    public void An_empty_or_zero_width_span_gets_one_caret()
    {
        var r = ExcerptLayout.Layout("ab\u200Bcd", 2, 3, null);           // the zero-width space
        Assert.Equal((2, 1), (r.CaretStart, r.CaretWidth));
        var end = ExcerptLayout.Layout("abc", 3, 3, null);                 // at the end of the line
        Assert.Equal(("abc", 3, 1), (end.Text, end.CaretStart, end.CaretWidth));
    }

    [Fact]
    public void A_line_that_fits_is_not_cut()
    {
        string line = new string('a', 30);
        var r = ExcerptLayout.Layout(line, 10, 12, 30);
        Assert.Equal((line, 10, 2), (r.Text, r.CaretStart, r.CaretWidth));
    }

    [Fact]
    public void A_long_line_is_cut_on_both_sides_around_the_span()
    {
        // 100 columns, room for 30: 28 columns of text between the two ellipses, the 4-column span centred in them.
        string line = Digits(100);
        var r = ExcerptLayout.Layout(line, 50, 54, 30);
        Assert.Equal("\u2026" + line.Substring(38, 28) + "\u2026", r.Text);
        Assert.Equal((1 + 12, 4), (r.CaretStart, r.CaretWidth));
        Assert.Equal(30, ExcerptLayout.Width(r.Text));
        Assert.Equal(line.Substring(50, 4), r.Text.Substring(r.CaretStart, 4));
    }

    [Fact]
    public void A_span_near_the_start_cuts_only_the_end()
    {
        string line = Digits(100);
        var r = ExcerptLayout.Layout(line, 3, 5, 30);
        Assert.Equal(line.Substring(0, 29) + "\u2026", r.Text);
        Assert.Equal((3, 2), (r.CaretStart, r.CaretWidth));
    }

    [Fact]
    public void A_span_near_the_end_cuts_only_the_start()
    {
        string line = Digits(100);
        var r = ExcerptLayout.Layout(line, 95, 98, 30);
        Assert.Equal("\u2026" + line.Substring(71), r.Text);
        Assert.Equal((1 + 95 - 71, 3), (r.CaretStart, r.CaretWidth));
        var eol = ExcerptLayout.Layout(line, 100, 100, 30);                // a finding at the very end of the line
        Assert.Equal(("\u2026" + line.Substring(71), 30, 1), (eol.Text, eol.CaretStart, eol.CaretWidth));
    }

    [Fact]
    public void A_span_longer_than_the_room_shows_its_start()
    {
        string line = Digits(100);
        var r = ExcerptLayout.Layout(line, 20, 80, 30);
        Assert.Equal("\u2026" + line.Substring(20, 28) + "\u2026", r.Text);
        Assert.Equal((1, 28), (r.CaretStart, r.CaretWidth));
    }

    [Fact]
    public void Cutting_never_splits_a_wide_character()
    {
        // 50 CJK ideographs (100 columns); the span is the 26th (columns 50 and 51). The window from column 37 to 65
        // would split characters at both edges: the half characters are left out, so the text is 26 columns wide.
        var sb = new StringBuilder();
        for (int i = 0; i < 50; i++) sb.Append((char)(0x4E00 + i));
        string line = sb.ToString();
        var r = ExcerptLayout.Layout(line, 25, 26, 30);
        Assert.Equal("\u2026" + line.Substring(19, 13) + "\u2026", r.Text);
        Assert.Equal(28, ExcerptLayout.Width(r.Text));
        Assert.Equal((1 + 12, 2), (r.CaretStart, r.CaretWidth));
        Assert.Equal(line[25], r.Text[1 + 6]);
    }

    [Fact]
    public void A_tiny_room_still_shows_twenty_columns()
    {
        string line = Digits(100);
        var r = ExcerptLayout.Layout(line, 50, 51, 5);
        Assert.Equal(20, ExcerptLayout.Width(r.Text));
    }

    private static string Digits(int n)
    {
        var sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.Append((char)('0' + i % 10));
        return sb.ToString();
    }
}
