using System;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;

namespace PolicyLint.Rules.Links;

/// <summary>
/// Link syntax that Markdig could not parse and left as text (PL3005): <c>[https://example.com</c> with no closing bracket, and
/// <c>[text](https://example.com/a b)</c>, which is no link at all because of the space.
/// </summary>
internal static class ProseLinkSyntax
{
    public static void Report(DocumentAnalysisContext c, RuleDescriptor rule, System.Collections.Generic.IReadOnlyList<string> placeholders)
    {
        string text = c.File.Text;
        char[] prose = ProseText.Get(c.File);
        int n = text.Length; // the prose buffer is pooled: it may be longer than the text
        for (int i = 0; i < n; i++)
        {
            // Only brackets and escapes start anything: the rest is skipped in one search.
            int skip = prose.AsSpan(i, n - i).IndexOfAny('[', ']', '\\');
            if (skip < 0) break;
            i += skip;
            char ch = prose[i];
            if (ch == '\\') { i++; continue; }
            if (ch == '[' && StartsWithUrl(text, i + 1))
            {
                int lineEnd = LineEnd(text, i);
                if (text.IndexOf(']', i, lineEnd - i) < 0)
                {
                    int end = i + 1;
                    while (end < lineEnd && !char.IsWhiteSpace(text[end])) end++;
                    c.Report(rule, TextSpan.FromBounds(i, end), "Link", text.Substring(i, end - i),
                        "opens a '[' that is never closed; write '[text](url)' or drop the bracket");
                }
            }
            else if (ch == ']' && i + 1 < n && prose[i + 1] == '(' && Placeholder(text, i + 2, placeholders) is { } end)
            {
                // [text](FILL ME): not even a link, because of the space.
                c.Report(rule, TextSpan.FromBounds(i + 2, end), "Link target", text.Substring(i + 2, end - i - 2).Trim(), "is a placeholder; put the real target in");
                i = end;
            }
            else if (ch == ']' && i + 1 < n && prose[i + 1] == '(' && StartsWithUrl(text, i + 2))
            {
                int lineEnd = LineEnd(text, i);
                int close = text.IndexOf(')', i + 2, lineEnd - i - 2);
                if (close < 0) continue;
                string url = text.Substring(i + 2, close - i - 2);
                // Spaces around the URL are allowed, and so is a quoted title after it.
                if (url.Trim().IndexOf(' ') < 0 || url.IndexOf('"') >= 0 || url.IndexOf('\'') >= 0) continue;
                c.Report(rule, TextSpan.FromBounds(i + 2, close), "Link target", url,
                    "contains a space, so Markdown does not make a link of it; encode the space as '%20'");
                i = close;
            }
        }
    }

    private static int? Placeholder(string text, int at, System.Collections.Generic.IReadOnlyList<string> placeholders)
    {
        int lineEnd = LineEnd(text, at);
        int close = text.IndexOf(')', at, lineEnd - at);
        if (close < 0) return null;
        string inner = text.Substring(at, close - at).Trim();
        foreach (var p in placeholders) if (string.Equals(inner, p, StringComparison.OrdinalIgnoreCase)) return close;
        return null;
    }

    private static bool StartsWithUrl(string text, int at) =>
        string.CompareOrdinal(text, at, "https://", 0, 8) == 0 || string.CompareOrdinal(text, at, "http://", 0, 7) == 0
        || string.CompareOrdinal(text, at, "www.", 0, 4) == 0;

    private static int LineEnd(string text, int from)
    {
        int nl = text.IndexOf('\n', from);
        return nl < 0 ? text.Length : nl;
    }
}
