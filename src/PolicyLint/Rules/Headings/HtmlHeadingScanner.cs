using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using Markdig.Syntax;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace PolicyLint.Rules.Headings;

/// <summary>
/// Finds <c>&lt;h1&gt;</c>..<c>&lt;h6&gt;</c> elements in an HTML block, skipping HTML comments. One forward pass over
/// the block's lines (no regex, no backtracking); an opening tag without its closing tag in the block is ignored.
/// </summary>
internal static class HtmlHeadingScanner
{
    public static void Scan(MarkdownFile file, HtmlBlock block, List<OutlineHeading> output)
    {
        // The block's own lines, joined, with a map back to document offsets (container markers such as '> ' excluded).
        var sb = new StringBuilder();
        var starts = new List<(int Joined, int Source)>();
        var lines = block.Lines;
        for (int i = 0; i < lines.Count; i++)
        {
            var slice = lines.Lines[i].Slice;
            if (slice.Text is null || slice.Length <= 0) { sb.Append('\n'); continue; }
            starts.Add((sb.Length, slice.Start));
            sb.Append(slice.Text, slice.Start, slice.Length).Append('\n');
        }
        string s = sb.ToString();
        if (s.IndexOf("<h", StringComparison.OrdinalIgnoreCase) < 0) return;

        int pos = 0;
        while (pos < s.Length)
        {
            int lt = s.IndexOf('<', pos);
            if (lt < 0 || lt + 3 > s.Length) break;
            if (string.CompareOrdinal(s, lt, "<!--", 0, 4) == 0)
            {
                int close = s.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                if (close < 0) break;
                pos = close + 3;
                continue;
            }
            if (!IsHeadingOpen(s, lt, out int level))
            {
                pos = lt + 1;
                continue;
            }
            int tagEnd = s.IndexOf('>', lt);
            if (tagEnd < 0) break;
            string closeTag = "</h" + (char)('0' + level);
            int closeAt = s.IndexOf(closeTag, tagEnd + 1, StringComparison.OrdinalIgnoreCase);
            if (closeAt < 0) break;
            int closeEnd = s.IndexOf('>', closeAt);
            closeEnd = closeEnd < 0 ? s.Length : closeEnd + 1;
            string inner = s.Substring(tagEnd + 1, closeAt - tagEnd - 1);
            var span = TextSpan.FromBounds(Map(starts, lt), Map(starts, closeEnd - 1) + 1);
            var content = TextSpan.FromBounds(Map(starts, tagEnd + 1), Math.Max(Map(starts, tagEnd + 1), Map(starts, closeAt)));
            output.Add(new OutlineHeading(HeadingSyntax.Html, level, HeadingOutline.Normalize(PlainText(inner)), span, content,
                file.Lines.GetPosition(span.Start).Line, IdAttribute(s.Substring(lt, tagEnd - lt)), null,
                inner.IndexOf("<img", StringComparison.OrdinalIgnoreCase) >= 0));
            pos = closeEnd;
        }
    }

    private static bool IsHeadingOpen(string s, int lt, out int level)
    {
        level = 0;
        if (lt + 3 >= s.Length || (s[lt + 1] != 'h' && s[lt + 1] != 'H')) return false;
        char d = s[lt + 2];
        if (d < '1' || d > '6') return false;
        char after = s[lt + 3];
        if (after != '>' && after != '/' && !char.IsWhiteSpace(after)) return false;
        level = d - '0';
        return true;
    }

    private static int Map(List<(int Joined, int Source)> starts, int joined)
    {
        int lo = 0, hi = starts.Count - 1, best = 0;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (starts[mid].Joined <= joined) { best = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return starts.Count == 0 ? joined : starts[best].Source + (joined - starts[best].Joined);
    }

    /// <summary>Tag and comment markup removed, entities decoded.</summary>
    internal static string PlainText(string html)
    {
        var sb = new StringBuilder(html.Length);
        int i = 0;
        while (i < html.Length)
        {
            char c = html[i];
            if (c == '<')
            {
                int end = string.CompareOrdinal(html, i, "<!--", 0, 4) == 0
                    ? html.IndexOf("-->", i + 4, StringComparison.Ordinal)
                    : html.IndexOf('>', i + 1);
                if (end < 0) { sb.Append(html, i, html.Length - i); break; }
                i = html[end] == '>' ? end + 1 : end + 3;
                continue;
            }
            sb.Append(c);
            i++;
        }
        return WebUtility.HtmlDecode(sb.ToString());
    }

    private static string? IdAttribute(string openTag)
    {
        int i = openTag.IndexOf(" id=", StringComparison.OrdinalIgnoreCase);
        if (i < 0) return null;
        i += 4;
        if (i >= openTag.Length) return null;
        char q = openTag[i];
        if (q == '"' || q == '\'')
        {
            int end = openTag.IndexOf(q, i + 1);
            return end < 0 ? null : openTag.Substring(i + 1, end - i - 1);
        }
        int stop = i;
        while (stop < openTag.Length && !char.IsWhiteSpace(openTag[stop]) && openTag[stop] != '>' && openTag[stop] != '/') stop++;
        return openTag.Substring(i, stop - i);
    }
}
