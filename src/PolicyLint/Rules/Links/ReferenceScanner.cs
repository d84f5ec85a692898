using System;
using System.Collections.Generic;
using System.Text;
using PolicyLint.Diagnostics;

namespace PolicyLint.Rules.Links;

internal enum ReferenceKind { Full, Collapsed, Shortcut }

internal readonly struct ReferenceUse
{
    public ReferenceUse(ReferenceKind kind, string label, string written, TextSpan span) { Kind = kind; Label = label; Written = written; Span = span; }
    public ReferenceKind Kind { get; }
    public string Label { get; }
    public string Written { get; }
    public TextSpan Span { get; }
}

/// <summary>
/// Finds bracket text that reads as a reference link in prose that Markdig left unlinked (see <see cref="ProseText"/>):
/// <c>[text][label]</c>, <c>[label][]</c> and <c>[label]</c>. Citations (<c>[1]</c>), alerts (<c>[!NOTE]</c>), footnotes, task
/// boxes, intervals (<c>[0, 1]</c>) and code-like text (<c>a[i][j]</c>, <c>[x = 1]</c>) are not references. Linear in the text.
/// </summary>
internal static class ReferenceScanner
{
    private const int MaxLabel = 999;
    private const int MaxText = 2000;

    /// <summary>
    /// The reference uses in <paramref name="prose"/> (see <see cref="ProseText"/>); <paramref name="text"/> is the document
    /// text, for labels and messages as written (code spans included). Numeric labels (<c>[text][04]</c>) are references only
    /// when <paramref name="numericLabels"/> says the file defines such labels; elsewhere they are citations.
    /// </summary>
    public static IEnumerable<ReferenceUse> Scan(char[] prose, string text, bool numericLabels = false)
    {
        int n = Math.Min(prose.Length, text.Length); // the prose buffer is pooled: it may be longer than the text
        for (int i = 0; i < n; i++)
        {
            i = NextBracketOrEscape(prose, i, n);
            if (i >= n) break;
            char c = prose[i];
            if (c == '\\') { i++; continue; }
            if (c != '[') continue;
            if (i > 0 && IsCodeNeighbour(prose[i - 1])) { i = SkipBrackets(prose, n, i); continue; }
            int close = FindClose(prose, n, i + 1, MaxText, allowNested: true);
            if (close < 0) continue;
            string masked = new string(prose, i + 1, close - i - 1);
            // Code spans are blanked in the prose; a text made of prose and code spans (`` [`Meta`][] ``) is still link text.
            bool code = masked.IndexOf('\0') >= 0 && OnlyCodeSpansBlanked(prose, text, i + 1, close);
            string linkText = code ? text.Substring(i + 1, close - i - 1) : masked;
            string checkText = code ? masked.Replace('\0', 'x') : masked;
            int start = i > 0 && prose[i - 1] == '!' ? i - 1 : i; // ![alt][ref]: an image reference
            int next = close + 1;
            if (next < n && prose[next] == '(') { i = close; continue; }
            if (next < n && prose[next] == '[')
            {
                int lclose = FindClose(prose, n, next + 1, MaxLabel, allowNested: false);
                if (lclose >= 0)
                {
                    string label = new string(prose, next + 1, lclose - next - 1);
                    var span = TextSpan.FromBounds(start, lclose + 1);
                    string written = text.Substring(start, lclose + 1 - start);
                    if (label.Length == 0)
                    {
                        // [text][]: collapsed, the text is the label.
                        if (!IsCitation(checkText) && IsCandidate(checkText) && !IsCodeLike(checkText))
                            yield return new ReferenceUse(ReferenceKind.Collapsed, linkText.Trim(), written, span);
                        i = lclose;
                        continue;
                    }
                    if (label.Trim().Length == 0)
                    {
                        // [text][ ]: no label at all (CommonMark needs a non-blank one), so at most a shortcut '[text]'.
                        if (IsCandidate(checkText) && !code)
                            yield return new ReferenceUse(ReferenceKind.Shortcut, linkText.Trim(), "[" + linkText + "]", TextSpan.FromBounds(start, close + 1));
                        i = lclose;
                        continue;
                    }
                    bool numeric = numericLabels && IsNumber(label);
                    bool citations = IsCitation(checkText) && IsCitation(label);
                    if (numeric && !IsCodeLike(checkText) || !citations && IsCandidate(label) && !IsCodeLike(checkText))
                        yield return new ReferenceUse(ReferenceKind.Full, label.Trim(), written, span);
                    i = lclose;
                    continue;
                }
            }
            if (IsCandidate(checkText) && !code)
                yield return new ReferenceUse(ReferenceKind.Shortcut, linkText.Trim(), text.Substring(start, close + 1 - start), TextSpan.FromBounds(start, close + 1));
            i = close;
        }
    }

    /// <summary>The first '[' or '\\' at or after <paramref name="from"/> (only those start anything), else <paramref name="n"/>.</summary>
    private static int NextBracketOrEscape(char[] prose, int from, int n)
    {
        int k = prose.AsSpan(from, n - from).IndexOfAny('[', '\\');
        return k < 0 ? n : from + k;
    }

    /// <summary>True when every blanked run between <paramref name="from"/> and <paramref name="to"/> is a code span of the text.</summary>
    private static bool OnlyCodeSpansBlanked(char[] prose, string text, int from, int to)
    {
        for (int j = from; j < to; j++)
        {
            if (prose[j] != '\0') continue;
            int k = j;
            while (k < to && prose[k] == '\0') k++;
            if (text[j] != '`' || text[k - 1] != '`') return false;
            j = k - 1;
        }
        return true;
    }

    /// <summary>Digits only: <c>04</c>, <c>12</c>.</summary>
    public static bool IsNumber(string label)
    {
        string t = label.Trim();
        if (t.Length == 0) return false;
        foreach (char ch in t) if (!char.IsDigit(ch)) return false;
        return true;
    }

    /// <summary>Label matching as CommonMark does it: case-folded, inner whitespace collapsed.</summary>
    public static string NormalizeLabel(string label)
    {
        var sb = new StringBuilder(label.Length);
        bool space = false;
        foreach (char ch in label.Trim())
        {
            if (char.IsWhiteSpace(ch)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(ch);
        }
        return sb.ToString().ToUpperInvariant().ToLowerInvariant();
    }

    /// <summary>A label like <c>docs-site</c> or <c>spec_v2</c>: one word of letters, digits, dashes, underscores and dots, with a letter.</summary>
    public static bool IsSlugLike(string label)
    {
        bool letter = false;
        foreach (char ch in label.Trim())
        {
            if (char.IsLetter(ch)) letter = true;
            else if (!(char.IsDigit(ch) || ch == '-' || ch == '_' || ch == '.')) return false;
        }
        return letter;
    }

    private static bool IsCandidate(string label)
    {
        string t = label.Trim();
        if (t.Length == 0 || t.IndexOf('\0') >= 0 || t[0] == '^' || t[0] == '!' || t[0] == '@' || t[0] == '#') return false;
        if (t == "x" || t == "X") return false; // task box
        if (IsCitation(t)) return false;
        foreach (char ch in t)
            if ("=(){};\"'`$<>|\\*+~%&".IndexOf(ch) >= 0 || ch == '\n' && t.Length > 80) return false;
        if (t.IndexOf(',') >= 0 && HasDigit(t)) return false; // [0, 1], [x, y, 3]
        return true;
    }

    /// <summary>Citation markers and number lists: <c>1</c>, <c>12, 13</c>, <c>3-5</c>, <c>0.5</c>.</summary>
    private static bool IsCitation(string t)
    {
        t = t.Trim();
        if (t.Length == 0) return false;
        foreach (char ch in t) if (!(char.IsDigit(ch) || ch == ',' || ch == '-' || ch == '–' || ch == ' ' || ch == '.' || ch == ';')) return false;
        return HasDigit(t);
    }

    // [$x$][k], [a = 1][b]: math and code, not link text.
    private static bool IsCodeLike(string text) => text.IndexOfAny(['$', '=', '"', '`', '{', '}']) >= 0;

    private static bool HasDigit(string t) { foreach (char ch in t) if (char.IsDigit(ch)) return true; return false; }

    // a[i], f(x)[0], arr][ : indexing, not a reference.
    private static bool IsCodeNeighbour(char c) => char.IsLetterOrDigit(c) || c == ']' || c == ')' || c == '_' || c == '$' || c == '.';

    private static int SkipBrackets(char[] p, int n, int i)
    {
        while (i < n && p[i] == '[')
        {
            int close = FindClose(p, n, i + 1, MaxText, allowNested: true);
            if (close < 0) return i;
            i = close + 1;
        }
        return i - 1;
    }

    private static int FindClose(char[] p, int n, int from, int max, bool allowNested)
    {
        int depth = 0;
        for (int j = from; j < n && j - from <= max; j++)
        {
            char c = p[j];
            if (c == '\\') { j++; continue; }
            if (c == '\n' && j + 1 < n && (p[j + 1] == '\n' || p[j + 1] == '\0' && j + 2 < n && p[j + 2] == '\0')) return -1;
            if (c == '[') { if (!allowNested) return -1; depth++; }
            else if (c == ']') { if (depth == 0) return j; depth--; }
        }
        return -1;
    }
}
