using System.Text;
using System.Text.RegularExpressions;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PolicyLint.Documents;

/// <summary>
/// What a document is made of, as a reader of the published page would see it: the kind and nesting of every block,
/// the tags of its HTML, and (separately) its link targets. A safe fix edits text inside this shape and never changes it;
/// comparing the shape before and after a fix is how the fixer tells a safe fix from one that turns code into prose or
/// inert text into live HTML.
/// </summary>
public static class DocumentStructure
{
    private static readonly Regex Tag = new(@"</?[A-Za-z][A-Za-z0-9-]*", RegexOptions.CultureInvariant);

    /// <summary>Block kinds with their depth, heading levels, list kinds, table shape and HTML tag names.</summary>
    public static string Shape(MarkdownFile file)
    {
        var sb = new StringBuilder();
        Blocks(file.Syntax, 0, sb);
        return sb.ToString();
    }

    /// <summary>The target of every link, image and autolink, in document order.</summary>
    public static string Links(MarkdownFile file)
    {
        var sb = new StringBuilder();
        foreach (var node in file.Syntax.Descendants())
        {
            if (node is LinkInline link) sb.Append(link.IsImage ? "!" : "").Append(link.Url).Append('\n');
            else if (node is AutolinkInline auto) sb.Append('<').Append(auto.Url).Append('\n');
        }
        return sb.ToString();
    }

    private static void Blocks(ContainerBlock container, int depth, StringBuilder sb)
    {
        foreach (var block in container)
        {
            // Reference definitions render nothing; the links that use them are compared by their targets.
            if (block is LinkReferenceDefinitionGroup or LinkReferenceDefinition) continue;
            sb.Append(depth).Append(' ').Append(block.GetType().Name);
            switch (block)
            {
                case HeadingBlock h: sb.Append(" h").Append(h.Level); break;
                case ListBlock l: sb.Append(l.IsOrdered ? " ol" : " ul"); break;
                case Table t: sb.Append(" rows ").Append(t.Count); break;
                case HtmlBlock html: AppendTags(html.Lines.ToString(), sb); break;
            }
            if (block is LeafBlock { Inline: { } inline })
                foreach (var node in inline.Descendants())
                {
                    if (node is HtmlInline hi) AppendTags(hi.Tag, sb);
                    else if (node is CodeInline) sb.Append(" code");
                    else if (node is LinkInline or AutolinkInline) sb.Append(" link");
                }
            sb.Append('\n');
            if (block is ContainerBlock child) Blocks(child, depth + 1, sb);
        }
    }

    private static void AppendTags(string html, StringBuilder sb)
    {
        foreach (Match m in Tag.Matches(html)) sb.Append(' ').Append(m.Value.ToLowerInvariant());
    }
}
