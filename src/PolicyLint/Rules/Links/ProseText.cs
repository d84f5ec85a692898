using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyLint.Documents;

namespace PolicyLint.Rules.Links;

/// <summary>
/// The document text with everything but prose blanked out (NUL): only paragraphs and headings remain, and inside them code
/// spans, parsed links, autolinks and raw HTML are blanked too. What is left is text that Markdig did not turn into a link,
/// which is where undefined references and broken link syntax hide. Same length as the text, so offsets carry over.
/// </summary>
internal static class ProseText
{
    public static char[] Get(MarkdownFile file) => file.GetShared(DocumentSlot.ProseText, Build);

    private static char[] Build(MarkdownFile file)
    {
        string text = file.Text;
        var masked = new char[text.Length];
        var nodes = file.Index.Nodes;
        foreach (var node in nodes)
        {
            if (node is ParagraphBlock or HeadingBlock)
            {
                var s = MarkdownFile.GetSpan(node);
                for (int i = s.Start; i < s.End && i < text.Length; i++) masked[i] = text[i];
            }
        }
        foreach (var node in nodes)
        {
            if (node is CodeInline or LinkInline or AutolinkInline or HtmlInline)
            {
                var s = MarkdownFile.GetSpan(node);
                for (int i = s.Start; i < s.End && i < text.Length; i++) masked[i] = '\0';
            }
        }
        return masked;
    }
}
