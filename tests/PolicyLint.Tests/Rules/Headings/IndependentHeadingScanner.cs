using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace PolicyLint.Tests.Rules.Headings;

/// <summary>
/// A deliberately separate, line-based heading finder used to cross-check PL4001 on real data. It shares no code
/// with the rules (no Markdig, no outline): it skips front matter, fenced code, indented code and HTML comment
/// blocks, strips block quote markers, and finds ATX, setext and one-line HTML headings.
/// </summary>
internal static class IndependentHeadingScanner
{
    private static readonly Regex Atx = new(@"^ {0,3}(#{1,6})(?:[ \t]|$)", RegexOptions.CultureInvariant);
    private static readonly Regex Fence = new(@"^\s*(`{3,}|~{3,})", RegexOptions.CultureInvariant);
    private static readonly Regex Html = new(@"<h([1-6])(?:\s[^>]*)?>.*?</h\1\s*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex Setext = new(@"^ {0,3}(=+|-+)[ \t]*$", RegexOptions.CultureInvariant);
    private static readonly Regex CodeSpan = new(@"`+[^`]*`+", RegexOptions.CultureInvariant);
    private static readonly Regex BlockStart = new(@"^ {0,3}(?:[-*+]|\d+[.)])(?:[ \t]|$)|^ {0,3}(?:>|\||<|#|```|~~~)|^\s*$", RegexOptions.CultureInvariant);

    /// <summary>(1-based line, level) of each heading.</summary>
    public static List<(int Line, int Level)> Scan(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var result = new List<(int, int)>();
        int i = 0;
        if (lines.Length > 0 && lines[0].TrimEnd() == "---")
        {
            for (int k = 1; k < lines.Length; k++)
                if (lines[k].TrimEnd() is "---" or "...") { i = k + 1; break; }
        }
        string? fence = null;
        bool inComment = false, prevParagraph = false, prevBlank = true;
        int paragraphStart = 0;
        for (; i < lines.Length; i++)
        {
            string raw = lines[i];
            string line = StripQuotes(raw);
            if (fence is not null)
            {
                var close = Fence.Match(line);
                if (close.Success && close.Groups[1].Value[0] == fence[0] && close.Groups[1].Value.Length >= fence.Length
                    && line.Trim().Trim(fence[0]).Length == 0) fence = null;
                prevParagraph = false;
                continue;
            }
            if (inComment)
            {
                if (line.Contains("-->")) inComment = false;
                prevParagraph = false;
                continue;
            }
            var f = Fence.Match(line);
            if (f.Success) { fence = f.Groups[1].Value; prevParagraph = false; prevBlank = false; continue; }
            if (line.TrimStart().StartsWith("<!--", StringComparison.Ordinal) && !line.Contains("-->")) { inComment = true; continue; }
            bool blank = line.Trim().Length == 0;
            if (!blank && prevBlank && line.StartsWith("    ", StringComparison.Ordinal) && !prevParagraph) { prevBlank = false; continue; } // indented code
            var atx = Atx.Match(line);
            if (atx.Success) { result.Add((i + 1, atx.Groups[1].Length)); prevParagraph = false; prevBlank = false; continue; }
            var setext = Setext.Match(line);
            if (setext.Success && prevParagraph)
            {
                result.Add((paragraphStart + 1, setext.Groups[1].Value[0] == '=' ? 1 : 2));
                prevParagraph = false; prevBlank = false;
                continue;
            }
            if (line.TrimStart().StartsWith("<", StringComparison.Ordinal))
                foreach (Match m in Html.Matches(CodeSpan.Replace(line, "")))
                    result.Add((i + 1, m.Groups[1].Value[0] - '0'));
            // A line can underline the next only when it is plain paragraph text (not a list item, table, HTML or break).
            bool continues = prevParagraph;
            prevParagraph = !blank && (prevParagraph || !BlockStart.IsMatch(line)) && !Setext.IsMatch(line);
            if (prevParagraph && !continues) paragraphStart = i;
            prevBlank = blank;
        }
        return result;
    }

    private static string StripQuotes(string line)
    {
        int j = 0;
        while (true)
        {
            int k = j;
            while (k < line.Length && k - j < 3 && line[k] == ' ') k++;
            if (k < line.Length && line[k] == '>') { j = k + 1; if (j < line.Length && line[j] == ' ') j++; }
            else return line.Substring(j);
        }
    }

    /// <summary>Lines where the level goes up by more than one compared with the heading before.</summary>
    public static List<int> Jumps(string text)
    {
        var jumps = new List<int>();
        int prev = 0;
        foreach (var (line, level) in Scan(text))
        {
            if (prev > 0 && level > prev + 1) jumps.Add(line);
            prev = level;
        }
        return jumps;
    }
}
