using System;
using System.Collections.Generic;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace PolicyLint.Rules.Encoding;

/// <summary>A character reference that a reader's renderer turns into a character, where it is written and what it becomes.</summary>
internal readonly struct CharacterReference
{
    public CharacterReference(TextSpan span, int codePoint) { Span = span; CodePoint = codePoint; }
    public TextSpan Span { get; }
    public int CodePoint { get; }
}

/// <summary>
/// Character references (<c>&amp;#x202E;</c>, <c>&amp;#8238;</c>, <c>&amp;name;</c>) that become characters when the page is
/// shown: in prose and link destinations as Markdown decodes them (Markdig's entities; a backslash-escaped one stays text),
/// and in raw HTML as a browser decodes them (text and attribute values, also without the final <c>;</c>). Code spans and
/// code blocks show a reference as written, and so do HTML comments, <c>script</c> and <c>style</c>: those are left out.
/// </summary>
internal static class DecodedReferences
{
    /// <summary>The references of <paramref name="file"/> whose character satisfies <paramref name="wanted"/>, in document order.</summary>
    public static List<CharacterReference> Find(MarkdownFile file, Func<int, bool> wanted)
    {
        var found = new List<CharacterReference>();
        string text = file.Text;
        if (text.IndexOf('&') < 0) return found;
        foreach (var node in file.Index.Nodes)
        {
            switch (node)
            {
                case HtmlEntityInline entity:
                {
                    var slice = entity.Transcoded;
                    for (int i = slice.Start; i <= slice.End && i < slice.Text.Length; i++)
                    {
                        int cp = CodePointAt(slice.Text, i);
                        if (wanted(cp)) { found.Add(new CharacterReference(MarkdownFile.GetSpan(entity), cp)); break; }
                    }
                    break;
                }
                // CommonMark decodes references in destinations (Markdig does for inline links, not for definitions).
                case LinkInline { IsAutoLink: false, Reference: null } link:
                    ScanMarkdown(text, link.UrlSpan, wanted, found);
                    break;
                case LinkReferenceDefinition def:
                    ScanMarkdown(text, def.UrlSpan, wanted, found);
                    break;
                case HtmlBlock or HtmlInline:
                    var s = MarkdownFile.GetSpan(node);
                    ScanHtml(text, s.Start, Math.Min(s.End, text.Length), wanted, found);
                    break;
            }
        }
        found.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return found;
    }

    /// <summary>Numeric references in a link destination, as CommonMark reads them (up to 7 digits or 6 hex digits, then ';').</summary>
    private static void ScanMarkdown(string text, SourceSpan span, Func<int, bool> wanted, List<CharacterReference> found)
    {
        if (span.IsEmpty || span.Start < 0) return;
        int end = Math.Min(span.End + 1, text.Length);
        for (int i = text.IndexOf('&', span.Start, end - span.Start); i >= 0 && i < end; i = i + 1 < end ? text.IndexOf('&', i + 1, end - i - 1) : -1)
        {
            int slashes = 0;
            for (int k = i - 1; k >= span.Start && text[k] == '\\'; k--) slashes++;
            if (slashes % 2 == 1) continue;
            if (Numeric(text, i, end, commonMark: true) is { } r && wanted(r.CodePoint)) found.Add(r);
        }
    }

    /// <summary>Numeric references in raw HTML between <paramref name="start"/> and <paramref name="end"/>, as a browser reads them.</summary>
    private static void ScanHtml(string text, int start, int end, Func<int, bool> wanted, List<CharacterReference> found)
    {
        int i = start;
        while (i < end)
        {
            int amp = text.IndexOf('&', i, end - i);
            if (amp < 0) return;
            int skip = SkipTo(text, i, amp, end);
            if (skip > amp) { i = skip; continue; }
            if (Numeric(text, amp, end, commonMark: false) is { } r)
            {
                if (wanted(r.CodePoint)) found.Add(r);
                i = r.Span.End;
            }
            else i = amp + 1;
        }
    }

    /// <summary>
    /// When a comment, or the raw text of a script or style element, opens between <paramref name="from"/> and
    /// <paramref name="amp"/> and is still open there, the offset just past its end; else <paramref name="amp"/>.
    /// </summary>
    private static int SkipTo(string text, int from, int amp, int end)
    {
        for (int lt = text.IndexOf('<', from, amp - from); lt >= 0 && lt < amp; lt = lt + 1 < amp ? text.IndexOf('<', lt + 1, amp - lt - 1) : -1)
        {
            string? close = string.CompareOrdinal(text, lt, "<!--", 0, 4) == 0 ? "-->"
                : OpensRawText(text, lt, end, "script") ? "</script" : OpensRawText(text, lt, end, "style") ? "</style" : null;
            if (close is null) continue;
            int c = text.IndexOf(close, lt + 1, end - lt - 1, StringComparison.OrdinalIgnoreCase);
            int after = c < 0 ? end : c + close.Length;
            if (after > amp) return after;
            lt = after - 1;
        }
        return amp;
    }

    private static bool OpensRawText(string text, int lt, int end, string name) =>
        lt + 1 + name.Length < end && string.Compare(text, lt + 1, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (text[lt + 1 + name.Length] is '>' or ' ' or '\t' or '\n' or '\r' or '/');

    /// <summary><c>&amp;#digits;</c> or <c>&amp;#xhex;</c> at <paramref name="amp"/>; CommonMark needs the ';' and bounds the digits.</summary>
    private static CharacterReference? Numeric(string text, int amp, int end, bool commonMark)
    {
        int p = amp + 1;
        if (p >= end || text[p] != '#') return null;
        p++;
        bool hex = p < end && (text[p] == 'x' || text[p] == 'X');
        if (hex) p++;
        int digitsStart = p;
        long value = 0;
        while (p < end && (hex ? Uri.IsHexDigit(text[p]) : text[p] >= '0' && text[p] <= '9'))
        {
            if (value <= 0x10FFFF) value = value * (hex ? 16 : 10) + HexValue(text[p]);
            p++;
        }
        int digits = p - digitsStart;
        if (digits == 0) return null;
        bool semicolon = p < end && text[p] == ';';
        if (commonMark && (!semicolon || digits > (hex ? 6 : 7))) return null;
        int cp = value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) || value == 0 ? 0xFFFD : (int)value;
        return new CharacterReference(TextSpan.FromBounds(amp, semicolon ? p + 1 : p), cp);
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static int CodePointAt(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? char.ConvertToUtf32(s[i], s[i + 1]) : s[i];
}
