using System.Collections.Generic;
using Markdig.Syntax;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace PolicyLint.Rules.Links;

/// <summary>Why a line that reads like <c>[label]: url</c> is not a reference definition.</summary>
internal enum NotADefinition
{
    /// <summary><c>[04]: https://example.com/a b</c>: text after the URL that is not a quoted title.</summary>
    SpaceInUrl,
    /// <summary>The line continues the paragraph above it: a definition cannot interrupt a paragraph.</summary>
    InsideParagraph,
}

/// <summary>A line of a paragraph that looks like a reference definition but that Markdown reads as text.</summary>
internal readonly struct DefinitionLine
{
    public DefinitionLine(string label, int line, TextSpan urlSpan, NotADefinition reason) { Label = label; Line = line; UrlSpan = urlSpan; Reason = reason; }
    public string Label { get; }
    /// <summary>1-based.</summary>
    public int Line { get; }
    /// <summary>From the URL's first character to the end of the line (trailing spaces trimmed).</summary>
    public TextSpan UrlSpan { get; }
    public NotADefinition Reason { get; }

    /// <summary>The explanation, for messages: "a line that looks like its definition (line 5) is not one: ...".</summary>
    public string Explain() => $"a line that looks like its definition (line {Line}) is not one: " + (Reason == NotADefinition.SpaceInUrl
        ? "its URL contains a space, so Markdown reads the line as text; encode the space as '%20' or put the URL in '<...>'"
        : "it continues the paragraph above, which a definition cannot do; leave a blank line before it");
}

/// <summary>Finds the definition-like lines inside paragraphs (Markdig already took every real definition out of them).</summary>
internal static class DefinitionLines
{
    public static IReadOnlyList<DefinitionLine> Get(MarkdownFile file) => file.GetShared(DocumentSlot.DefinitionLines, Find);

    private static IReadOnlyList<DefinitionLine> Find(MarkdownFile file)
    {
        var result = new List<DefinitionLine>();
        string text = file.Text;
        if (text.IndexOf("]:", System.StringComparison.Ordinal) < 0) return result;
        foreach (var p in file.Index.Paragraphs)
        {
            var span = MarkdownFile.GetSpan(p);
            int lineStart = span.Start;
            bool first = true;
            while (lineStart < span.End)
            {
                int nl = text.IndexOf('\n', lineStart);
                int lineEnd = nl < 0 || nl > span.End ? span.End : nl;
                if (Parse(text, lineStart, lineEnd) is { } d)
                {
                    var reason = first ? NotADefinition.SpaceInUrl : NotADefinition.InsideParagraph;
                    if (reason == NotADefinition.InsideParagraph || d.HasSpace)
                        result.Add(new DefinitionLine(d.Label, file.Lines.GetPosition(lineStart).Line, d.Url, reason));
                }
                first = false;
                if (nl < 0) break;
                lineStart = nl + 1;
            }
        }
        return result;
    }

    // Up to three spaces, '[label]:', spaces, then a destination that is not in angle brackets.
    private static (string Label, TextSpan Url, bool HasSpace)? Parse(string text, int start, int end)
    {
        int i = start, indent = 0;
        while (i < end && text[i] == ' ' && indent < 4) { i++; indent++; }
        if (indent > 3 || i >= end || text[i] != '[') return null;
        int close = text.IndexOf(']', i + 1, end - i - 1);
        if (close < 0 || close == i + 1 || close + 1 >= end || text[close + 1] != ':') return null;
        string label = text.Substring(i + 1, close - i - 1);
        if (label.Trim().Length == 0 || label[0] == '^' || label.IndexOf('[') >= 0) return null;
        int u = close + 2;
        while (u < end && (text[u] == ' ' || text[u] == '\t')) u++;
        if (u >= end || text[u] == '<') return null;
        int e = end;
        while (e > u && char.IsWhiteSpace(text[e - 1])) e--;
        string rest = text.Substring(u, e - u);
        int space = rest.IndexOf(' ');
        // A quoted title after the URL makes a valid definition; so does a URL followed by '(title)'.
        bool hasSpace = space > 0 && rest[space + 1] is not ('"' or '\'' or '(');
        if (!rest.StartsWith("http", System.StringComparison.OrdinalIgnoreCase) && rest[0] != '/' && rest[0] != '.' && rest[0] != '#') return null;
        return (label, TextSpan.FromBounds(u, e), hasSpace);
    }
}
