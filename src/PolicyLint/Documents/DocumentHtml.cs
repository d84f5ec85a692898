using System;
using System.Collections.Generic;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PolicyLint.Documents;

/// <summary>The HTML start tags of a document's raw HTML (blocks and inline), scanned once per document.</summary>
internal static class DocumentHtml
{
    public static IReadOnlyList<HtmlTag> GetTags(MarkdownFile file) => file.GetShared(DocumentSlot.HtmlTags, CollectTags);

    private static IReadOnlyList<HtmlTag> CollectTags(MarkdownFile file)
    {
        var tags = new List<HtmlTag>();
        string? opaque = null;
        var index = file.Index;
        if (!index.HasHtml) return tags;
        foreach (var node in index.Nodes)
        {
            if (node is HtmlBlock block)
            {
                var s = MarkdownFile.GetSpan(block);
                HtmlTags.Scan(file.Text, s.Start, Math.Min(s.End, file.Text.Length), tags, ref opaque);
                opaque = null;
            }
            else if (node is HtmlInline inline)
            {
                var s = MarkdownFile.GetSpan(inline);
                HtmlTags.Scan(file.Text, s.Start, Math.Min(s.End, file.Text.Length), tags, ref opaque);
            }
        }
        return tags;
    }
}
