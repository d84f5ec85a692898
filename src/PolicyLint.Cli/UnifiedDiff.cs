using System;
using System.Collections.Generic;
using System.Text;
using DiffPlex;

namespace PolicyLint.Cli;

/// <summary>A unified diff (as <c>diff -u</c> and <c>git diff</c> print it) of two texts, with three lines of context.</summary>
internal static class UnifiedDiff
{
    public static string Create(string oldText, string newText, string oldName, string newName, int context = 3)
    {
        var a = SplitLines(oldText);
        var b = SplitLines(newText);
        // Each line is compared with its ending (a CRLF/LF change is a change); a sentinel line keeps empty texts simple.
        var diff = Differ.Instance.CreateLineDiffs(Join(a), Join(b), ignoreWhitespace: false);
        var sb = new StringBuilder();
        sb.Append("--- ").Append(oldName).Append('\n').Append("+++ ").Append(newName).Append('\n');
        var blocks = diff.DiffBlocks;
        int i = 0;
        while (i < blocks.Count)
        {
            // Group blocks whose context overlaps into one hunk.
            int j = i;
            while (j + 1 < blocks.Count && blocks[j + 1].DeleteStartA - (blocks[j].DeleteStartA + blocks[j].DeleteCountA) <= 2 * context) j++;
            int startA = Math.Max(0, blocks[i].DeleteStartA - context);
            int startB = Math.Max(0, blocks[i].InsertStartB - context);
            int endA = Math.Min(a.Count, blocks[j].DeleteStartA + blocks[j].DeleteCountA + context);
            int endB = Math.Min(b.Count, blocks[j].InsertStartB + blocks[j].InsertCountB + context);
            sb.Append("@@ -").Append(Range(startA, endA - startA)).Append(" +").Append(Range(startB, endB - startB)).Append(" @@\n");
            int pa = startA;
            for (int k = i; k <= j; k++)
            {
                var blk = blocks[k];
                for (; pa < blk.DeleteStartA; pa++) Line(sb, ' ', a[pa]);
                for (int x = 0; x < blk.DeleteCountA; x++) Line(sb, '-', a[blk.DeleteStartA + x]);
                for (int x = 0; x < blk.InsertCountB; x++) Line(sb, '+', b[blk.InsertStartB + x]);
                pa = blk.DeleteStartA + blk.DeleteCountA;
            }
            for (; pa < endA; pa++) Line(sb, ' ', a[pa]);
            i = j + 1;
        }
        return sb.ToString();
    }

    private static string Range(int start, int count) => count == 0 ? $"{start},0" : count == 1 ? $"{start + 1}" : $"{start + 1},{count}";

    private static void Line(StringBuilder sb, char mark, (string Text, string Ending) line)
    {
        // The line goes out with its own ending: a CRLF line keeps its \r, so git apply and patch match it, and a change of
        // line ending shows as a change.
        sb.Append(mark).Append(line.Text).Append(line.Ending.Length == 0 ? "\n" : line.Ending);
        if (line.Ending.Length == 0) sb.Append("\\ No newline at end of file\n");
    }

    /// <summary>
    /// Lines with their endings ("\n" or "\r\n"), split on LF only as git and patch do (a lone CR stays inside its line): a
    /// change of line ending alone still shows as a change.
    /// </summary>
    private static List<(string Text, string Ending)> SplitLines(string text)
    {
        var lines = new List<(string, string)>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            bool crlf = i > start && text[i - 1] == '\r';
            int end = crlf ? i - 1 : i;
            lines.Add((text.Substring(start, end - start), crlf ? "\r\n" : "\n"));
            start = i + 1;
        }
        if (start < text.Length) lines.Add((text.Substring(start), ""));
        return lines;
    }

    private static string Join(List<(string Text, string Ending)> lines)
    {
        var sb = new StringBuilder();
        foreach (var (text, ending) in lines)
            sb.Append(text.Replace('\r', '\u0002')).Append(ending == "\r\n" ? "\u0001" : ending == "" ? "\u0003" : "").Append('\n');
        return sb.Append("\u0004end").ToString();
    }
}
