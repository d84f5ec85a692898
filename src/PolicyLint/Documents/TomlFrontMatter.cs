using System;
using System.Text;
using PolicyLint.Diagnostics;

namespace PolicyLint.Documents;

/// <summary>
/// Hugo's other front matter syntaxes, read through the YAML reader so that every front matter rule works on them: TOML between
/// <c>+++</c> lines is rewritten as YAML of the same layout (<c>key = value</c> becomes <c>key : value</c>, character for
/// character, so every key and value keeps its offset, line and column), and a JSON object is already YAML (flow style).
/// TOML tables (<c>[params]</c>) and multi-line strings have no same-layout YAML form: they are left out (blank), and the
/// top-level keys before them are read.
/// </summary>
internal static class TomlFrontMatter
{
    public static bool TryParse(string text, out FrontMatter frontMatter)
    {
        frontMatter = null!;
        if (!IsFence(text, 0, "+++", out int afterOpen)) return false;
        int lineStart = afterOpen;
        while (lineStart < text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            int contentEnd = lineEnd < 0 ? text.Length : lineEnd;
            if (text.Substring(lineStart, contentEnd - lineStart).TrimEnd('\r', ' ', '\t') == "+++")
            {
                int blockEnd = lineEnd < 0 ? text.Length : lineEnd + 1;
                string toml = text.Substring(afterOpen, lineStart - afterOpen);
                frontMatter = FrontMatter.FromEquivalentYaml(FrontMatterFormat.Toml, TextSpan.FromBounds(0, blockEnd),
                    TextSpan.FromBounds(afterOpen, lineStart), ToYaml(toml), new TextSpan(0, 3));
                return true;
            }
            if (lineEnd < 0) break;
            lineStart = lineEnd + 1;
        }
        return false;
    }

    /// <summary>A JSON object that opens the file with '{' alone on the first line and closes with '}' alone on a line.</summary>
    public static bool TryParseJson(string text, out FrontMatter frontMatter)
    {
        frontMatter = null!;
        if (!IsFence(text, 0, "{", out _)) return false;
        int lineStart = 0;
        while (lineStart < text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            int contentEnd = lineEnd < 0 ? text.Length : lineEnd;
            if (lineStart > 0 && text.Substring(lineStart, contentEnd - lineStart).TrimEnd('\r', ' ', '\t') == "}")
            {
                int blockEnd = lineEnd < 0 ? text.Length : lineEnd + 1;
                var fm = FrontMatter.FromEquivalentYaml(FrontMatterFormat.Json, TextSpan.FromBounds(0, blockEnd),
                    TextSpan.FromBounds(0, contentEnd), text.Substring(0, contentEnd), new TextSpan(0, 1));
                // Only an object that parses is front matter; anything else is the document's own text.
                if (fm.Error is not null || fm.Mapping is null) return false;
                frontMatter = fm;
                return true;
            }
            if (lineEnd < 0) break;
            lineStart = lineEnd + 1;
        }
        return false;
    }

    private static bool IsFence(string text, int at, string fence, out int afterLine)
    {
        afterLine = 0;
        if (string.CompareOrdinal(text, at, fence, 0, fence.Length) != 0) return false;
        int i = at + fence.Length;
        while (i < text.Length && (text[i] == ' ' || text[i] == '\t')) i++;
        if (i < text.Length && text[i] == '\r') i++;
        if (i >= text.Length || text[i] != '\n') return false;
        afterLine = i + 1;
        return true;
    }

    /// <summary>The same-layout YAML of TOML key/value lines.</summary>
    internal static string ToYaml(string toml)
    {
        var sb = new StringBuilder(toml);
        bool blankRest = false, inMultiline = false;
        int pos = 0;
        while (pos < toml.Length)
        {
            int end = toml.IndexOf('\n', pos);
            if (end < 0) end = toml.Length;
            string line = toml.Substring(pos, end - pos);
            string trimmed = line.TrimStart();
            if (!blankRest && !inMultiline && trimmed.StartsWith("[", StringComparison.Ordinal)) blankRest = true;
            bool multi = line.Contains("\"\"\"") || line.Contains("'''");
            if (blankRest || inMultiline || multi)
            {
                // An odd number of triple quotes opens (or closes) a multi-line string.
                if (!blankRest && multi && (Count(line, "\"\"\"") + Count(line, "'''")) % 2 == 1) inMultiline = !inMultiline;
                for (int i = pos; i < end; i++) if (sb[i] != '\r') sb[i] = ' ';
            }
            else
            {
                char quote = '\0';
                for (int i = pos; i < end; i++)
                {
                    char c = toml[i];
                    if (quote != '\0') { if (c == '\\' && quote == '"') i++; else if (c == quote) quote = '\0'; continue; }
                    if (c == '"' || c == '\'') quote = c;
                    else if (c == '#') break;
                    // 'key = value' and '{ a = 1 }': the '=' becomes ':' where a space follows, as YAML needs.
                    else if (c == '=' && i + 1 < toml.Length && (toml[i + 1] == ' ' || toml[i + 1] == '\t')) sb[i] = ':';
                }
            }
            pos = end + 1;
        }
        return sb.ToString();
    }

    private static int Count(string s, string what)
    {
        int n = 0;
        for (int i = s.IndexOf(what, StringComparison.Ordinal); i >= 0; i = s.IndexOf(what, i + what.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
