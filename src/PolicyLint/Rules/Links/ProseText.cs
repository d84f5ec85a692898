using System;
using System.Buffers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyLint.Documents;

namespace PolicyLint.Rules.Links;

/// <summary>
/// The document text with everything but prose blanked out (NUL): only paragraphs and headings remain, and inside them code
/// spans, parsed links, autolinks and raw HTML are blanked too. What is left is text that Markdig did not turn into a link,
/// which is where undefined references and broken link syntax hide. Offsets are those of the text.
/// The buffer is pooled and may be longer than the text (read only up to <c>Text.Length</c>; the rest is NUL): the engine
/// gives it back with <see cref="Release"/> once the document's actions have run, so a copy of each document's text is no
/// longer garbage to collect.
/// </summary>
internal static class ProseText
{
    public static char[] Get(MarkdownFile file) => file.GetShared(DocumentSlot.ProseText, Build);

    /// <summary>Returns the document's buffer to the pool; a later <see cref="Get"/> builds it again.</summary>
    public static void Release(MarkdownFile file)
    {
        if (file.TakeShared(DocumentSlot.ProseText) is char[] { Length: > 0 } buffer) ArrayPool<char>.Shared.Return(buffer);
    }

    private static char[] Build(MarkdownFile file)
    {
        string text = file.Text;
        var masked = ArrayPool<char>.Shared.Rent(text.Length);
        Array.Clear(masked, 0, masked.Length);
        var nodes = file.Index.Nodes;
        foreach (var node in nodes)
        {
            if (node is ParagraphBlock or HeadingBlock)
            {
                var s = MarkdownFile.GetSpan(node);
                int end = Math.Min(s.End, text.Length);
                if (end > s.Start) text.CopyTo(s.Start, masked, s.Start, end - s.Start);
            }
        }
        foreach (var node in nodes)
        {
            if (node is CodeInline or LinkInline or AutolinkInline or HtmlInline)
            {
                var s = MarkdownFile.GetSpan(node);
                int end = Math.Min(s.End, text.Length);
                if (end > s.Start) Array.Clear(masked, s.Start, end - s.Start);
            }
        }
        return masked;
    }
}
