using System.Linq;
using System.Text;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using PolicyLint.Documents;

namespace PolicyLint.Tests.Documents;

/// <summary>The one walk of a document: the same nodes in the same order as SyntaxWalker, and the kinds it sorts out.</summary>
public sealed class SyntaxIndexTests
{
    private const string Doc = """
        ---
        title: T
        ---
        # Title *with* `code`

        A [link](a.md) and [ref][r], <https://example.com>, <b>html</b> and a note[^1].

        > quoted [link](b.md#x)
        >
        > - item with ![img](i.png)

        | a | b |
        |---|---|
        | [c](c.md) | d |

        <div>
        block
        </div>

        ```
        code
        ```

        Setext
        ------

        [r]: https://example.com/r
        [^1]: The note.
        """;

    [Fact]
    public void Nodes_are_the_walkers_nodes_in_the_walkers_order()
    {
        var file = MarkdownFile.FromBytes("doc.md", Encoding.UTF8.GetBytes(Doc));
        var walked = SyntaxWalker.Descendants(file.Syntax).ToList();
        Assert.Equal(walked, file.Index.Nodes);
        Assert.Equal(walked.OfType<HeadingBlock>(), file.Index.Headings);
        Assert.Equal(2, file.Index.Headings.Length);
        Assert.Equal(walked.OfType<LinkReferenceDefinition>(), file.Index.Definitions);
        Assert.Contains(file.Index.Definitions, d => d is FootnoteLinkReferenceDefinition);
        Assert.Equal(walked.OfType<ParagraphBlock>(), file.Index.Paragraphs);
        Assert.Equal(walked.OfType<FootnoteLink>(), file.Index.FootnoteLinks);
        Assert.Equal([false, true], file.Index.FootnoteLinks.Select(f => f.IsBackLink)); // the reference, then the footnote's back link
        Assert.True(file.Index.HasHtml);
        Assert.Same(file.Index, file.Index);
    }

    [Fact]
    public void A_document_without_raw_html_says_so()
    {
        var file = MarkdownFile.FromBytes("doc.md", Encoding.UTF8.GetBytes("# T\n\nText with `<b>` in code.\n"));
        Assert.False(file.Index.HasHtml);
        Assert.Empty(file.Index.Definitions);
        Assert.Single(file.Index.Headings);
    }
}
