using System.Collections.Generic;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PolicyLint.Documents;

/// <summary>
/// The one walk of a document's syntax tree: every node (blocks and inlines, not the root) in document order, the order
/// <see cref="SyntaxWalker.Descendants(MarkdownObject)"/> gives, plus the kinds several rules ask for. The engine builds it
/// before any rule runs and feeds node actions from it; the shared collections (links, definitions, headings and outline,
/// prose text, text regions, HTML tags, suppression comments) read it instead of walking the tree again.
/// </summary>
internal sealed class SyntaxIndex
{
    private SyntaxIndex(MarkdownObject[] nodes, HeadingBlock[] headings, LinkReferenceDefinition[] definitions,
        ParagraphBlock[] paragraphs, FootnoteLink[] footnoteLinks, bool hasHtml)
    {
        Nodes = nodes; Headings = headings; Definitions = definitions; Paragraphs = paragraphs; FootnoteLinks = footnoteLinks; HasHtml = hasHtml;
    }

    /// <summary>Every node under the root, depth-first in document order.</summary>
    public MarkdownObject[] Nodes { get; }
    /// <summary>Heading blocks in document order.</summary>
    public HeadingBlock[] Headings { get; }
    /// <summary>Reference definitions of every kind (heading and footnote ones included), in document order.</summary>
    public LinkReferenceDefinition[] Definitions { get; }
    /// <summary>Paragraph blocks in document order.</summary>
    public ParagraphBlock[] Paragraphs { get; }
    /// <summary>Footnote references in document order.</summary>
    public FootnoteLink[] FootnoteLinks { get; }
    /// <summary>True when the document has an HTML block or raw inline HTML.</summary>
    public bool HasHtml { get; }

    // Per thread, reused from one document to the next: the walk's stack and the growing node list (the arrays kept are
    // copied out at their exact size; the buffers are cleared, so they hold no tree between documents).
    [System.ThreadStatic] private static Stack<MarkdownObject>? t_stack;
    [System.ThreadStatic] private static List<MarkdownObject>? t_nodes;

    public static SyntaxIndex Build(MarkdownDocument root)
    {
        var nodes = t_nodes ?? new List<MarkdownObject>(256);
        var stack = t_stack ?? new Stack<MarkdownObject>(64);
        t_nodes = null; t_stack = null; // a nested build (none today) gets buffers of its own
        List<HeadingBlock>? headings = null;
        List<LinkReferenceDefinition>? definitions = null;
        List<ParagraphBlock>? paragraphs = null;
        List<FootnoteLink>? footnoteLinks = null;
        bool hasHtml = false;
        try
        {
            Push(root, stack);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                nodes.Add(node);
                switch (node)
                {
                    case ParagraphBlock p: (paragraphs ??= new()).Add(p); break;
                    case HeadingBlock h: (headings ??= new()).Add(h); break;
                    case LinkReferenceDefinition d: (definitions ??= new()).Add(d); break;
                    case FootnoteLink f: (footnoteLinks ??= new()).Add(f); break;
                    case HtmlBlock or HtmlInline: hasHtml = true; break;
                }
                Push(node, stack);
            }
            return new SyntaxIndex(nodes.ToArray(), ToArray(headings), ToArray(definitions), ToArray(paragraphs), ToArray(footnoteLinks), hasHtml);
        }
        finally
        {
            nodes.Clear();
            stack.Clear();
            // A huge document's buffer is not kept (it would stay with the thread).
            t_nodes = nodes.Capacity <= 1 << 16 ? nodes : null;
            t_stack = stack;
        }
    }

    private static T[] ToArray<T>(List<T>? list) => list is null ? System.Array.Empty<T>() : list.ToArray();

    // The same child order as SyntaxWalker: pushed last to first, so they pop first to last.
    private static void Push(MarkdownObject node, Stack<MarkdownObject> stack)
    {
        switch (node)
        {
            case ContainerBlock container:
                for (int i = container.Count - 1; i >= 0; i--) stack.Push(container[i]);
                break;
            case LeafBlock leaf when leaf.Inline is not null:
                stack.Push(leaf.Inline);
                break;
            case ContainerInline inline:
                for (var c = inline.LastChild; c is not null; c = c.PreviousSibling) stack.Push(c);
                break;
        }
    }
}
