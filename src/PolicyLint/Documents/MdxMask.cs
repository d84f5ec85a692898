using System;
using System.Text;

namespace PolicyLint.Documents;

/// <summary>
/// MDX (Docusaurus): ESM <c>import</c>/<c>export</c> statements and JSX expression blocks (<c>{...}</c> on lines of their
/// own) are JavaScript, not Markdown. They are blanked out before Markdig parses the file (spaces, same length, line
/// breaks kept, so every offset still points into the original text); JSX elements are HTML blocks to Markdig already,
/// and the Markdown between them is checked as usual.
/// </summary>
internal static class MdxMask
{
    public static bool IsMdx(string path) => path.EndsWith(".mdx", StringComparison.OrdinalIgnoreCase);

    public static string Mask(string text)
    {
        var sb = new StringBuilder(text);
        int pos = 0;
        bool inFence = false;
        string fence = "";
        int depth = 0;          // open braces, parentheses and brackets of a statement or expression being blanked
        bool masking = false;
        while (pos < text.Length)
        {
            int end = text.IndexOf('\n', pos);
            if (end < 0) end = text.Length;
            string line = text.Substring(pos, end - pos);
            string trimmed = line.TrimStart();
            if (!masking)
            {
                if (inFence)
                {
                    if (trimmed.StartsWith(fence, StringComparison.Ordinal)) inFence = false;
                }
                else if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
                {
                    inFence = true; fence = trimmed.Substring(0, 3);
                }
                else if (line.StartsWith("import ", StringComparison.Ordinal) || line.StartsWith("export ", StringComparison.Ordinal)
                    || line.StartsWith("{", StringComparison.Ordinal))
                {
                    masking = true; depth = 0;
                }
            }
            if (masking)
            {
                depth += Balance(line);
                for (int i = pos; i < end; i++) if (sb[i] != '\r') sb[i] = ' ';
                // A statement ends where its brackets close (an import of several lines ends at its closing brace).
                if (depth <= 0) masking = false;
            }
            pos = end + 1;
        }
        return sb.ToString();
    }

    /// <summary><paramref name="text"/> with [start, end) turned into spaces, line breaks kept.</summary>
    public static string Blank(string text, int start, int end)
    {
        var sb = new StringBuilder(text);
        for (int i = start; i < Math.Min(end, sb.Length); i++) if (sb[i] != '\r' && sb[i] != '\n') sb[i] = ' ';
        return sb.ToString();
    }

    private static int Balance(string line)
    {
        int n = 0;
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0') { if (c == '\\') i++; else if (c == quote) quote = '\0'; continue; }
            if (c is '"' or '\'' or '`') quote = c;
            else if (c is '{' or '(' or '[') n++;
            else if (c is '}' or ')' or ']') n--;
        }
        return n;
    }
}
