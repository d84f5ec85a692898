using System;
using System.Collections.Generic;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Rules.Encoding;

/// <summary>What a region of text is.</summary>
internal enum TextRegionKind
{
    /// <summary>Prose: paragraph, heading, table cell, link text or image alt text (Markdig literals).</summary>
    Prose,
    /// <summary>A string value of the front matter (key names are not included).</summary>
    FrontMatterValue,
    /// <summary>The content of a code span, between the backticks.</summary>
    CodeSpan,
    /// <summary>The content lines of a fenced or indented code block.</summary>
    CodeBlock,
    /// <summary>Text an HTML block shows (between its tags) and the alt and title attributes of HTML tags.</summary>
    Html,
}

/// <summary>A span of the document's text and what it is.</summary>
internal readonly struct TextRegion
{
    public TextRegion(TextSpan span, TextRegionKind kind) { Span = span; Kind = kind; }
    public TextSpan Span { get; }
    public TextRegionKind Kind { get; }
    public bool IsCode => Kind is TextRegionKind.CodeSpan or TextRegionKind.CodeBlock;
    public override string ToString() => $"{Kind} {Span}";
}

/// <summary>
/// The regions of a document whose characters are text a reader sees: prose (with headings, link text and alt text),
/// front matter string values, and code (flagged, so each rule decides). URLs, HTML and Markdown syntax are left out.
/// Computed once per file and shared.
/// </summary>
internal sealed class TextRegions
{
    private readonly List<TextSpan> _code = new();

    private TextRegions(MarkdownFile file)
    {
        var list = new List<TextRegion>();
        AddFrontMatter(file.FrontMatter, list);
        foreach (var node in file.Index.Nodes)
        {
            switch (node)
            {
                case LiteralInline lit when !IsAutoLinkText(lit):
                    Add(list, MarkdownFile.GetSpan(lit), TextRegionKind.Prose);
                    break;
                case HtmlBlock html:
                    AddHtmlText(file.Text, MarkdownFile.GetSpan(html), list);
                    break;
                case HtmlEntityInline entity:
                    // A character reference is prose as shown ("&#233;" is "é"); kept in the region around it.
                    Add(list, MarkdownFile.GetSpan(entity), TextRegionKind.Prose);
                    break;
                case CodeInline code:
                    var s = MarkdownFile.GetSpan(code);
                    int d = Math.Min(code.DelimiterCount, s.Length / 2);
                    if (s.Length > 0) _code.Add(s);
                    Add(list, TextSpan.FromBounds(s.Start + d, s.End - d), TextRegionKind.CodeSpan);
                    break;
                case CodeBlock block when block is not Markdig.Extensions.Yaml.YamlFrontMatterBlock:
                    var bs = MarkdownFile.GetSpan(block);
                    if (bs.Length > 0) _code.Add(bs);
                    var lines = block.Lines;
                    for (int i = 0; i < lines.Count; i++)
                    {
                        var slice = lines.Lines[i].Slice;
                        if (slice.Length > 0 && slice.Start >= 0)
                            Add(list, TextSpan.FromBounds(slice.Start, slice.End + 1), TextRegionKind.CodeBlock);
                    }
                    break;
            }
        }
        // What HTML tags (blocks and inline) show as text: alt and title.
        foreach (var tag in DocumentHtml.GetTags(file))
        {
            foreach (var a in tag.Attributes)
            {
                if (a.Value is not null && a.ValueSpan.Length > 0 &&
                    (string.Equals(a.Name, "alt", StringComparison.OrdinalIgnoreCase) || string.Equals(a.Name, "title", StringComparison.OrdinalIgnoreCase)))
                    list.Add(new TextRegion(a.ValueSpan, TextRegionKind.Html));
            }
        }
        // The walk is in document order, so the list is normally sorted and already merged; check rather than assume.
        bool ordered = list.Count == 0 || list[list.Count - 1].Span.End <= file.Text.Length;
        for (int i = 1; i < list.Count && ordered; i++) ordered = list[i - 1].Span.End <= list[i].Span.Start;
        if (!ordered) list.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        Regions = ordered ? list : Merge(list, file.Text.Length);
        _code.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>Checked regions in document order, non-overlapping; adjacent regions of one kind are merged.</summary>
    public IReadOnlyList<TextRegion> Regions { get; }

    /// <summary>The regions of <paramref name="file"/>, computed once and shared by every rule.</summary>
    public static TextRegions Get(MarkdownFile file) => file.GetShared(DocumentSlot.TextRegions, f => new TextRegions(f));

    /// <summary>True when <paramref name="offset"/> lies in a code span or code block (fences and backticks included).</summary>
    public bool IsInCode(int offset)
    {
        int lo = 0, hi = _code.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            var s = _code[mid];
            if (offset < s.Start) hi = mid - 1;
            else if (offset >= s.End) lo = mid + 1;
            else return true;
        }
        // Code blocks nest inside list items and quotes but never overlap one another, so one search suffices.
        return false;
    }

    private static readonly string[] HiddenElements = ["script", "style", "textarea", "pre", "code"];

    /// <summary>
    /// The text an HTML block shows: what lies between its tags. Comments, processing instructions, declarations and
    /// the content of script, style, textarea, pre and code elements are left out (code in HTML is not checked).
    /// </summary>
    private static void AddHtmlText(string text, TextSpan span, List<TextRegion> list)
    {
        int end = Math.Min(span.End, text.Length);
        int i = span.Start;
        string? hidden = null;
        while (i < end)
        {
            int lt = text.IndexOf('<', i, end - i);
            int stop = lt < 0 ? end : lt;
            if (hidden is null && stop > i) Add(list, TextSpan.FromBounds(i, stop), TextRegionKind.Html);
            if (lt < 0) break;
            if (string.CompareOrdinal(text, lt, "<!--", 0, 4) == 0)
            {
                int close = text.IndexOf("-->", lt + 4, end - lt - 4 > 0 ? end - lt - 4 : 0, StringComparison.Ordinal);
                i = close < 0 ? end : close + 3;
                continue;
            }
            int p = lt + 1;
            bool closing = p < end && text[p] == '/';
            if (closing) p++;
            int nameStart = p;
            while (p < end && (char.IsLetterOrDigit(text[p]) || text[p] == '-')) p++;
            bool tag = p > nameStart || (lt + 1 < end && (text[lt + 1] == '!' || text[lt + 1] == '?'));
            if (!tag)
            {
                // A lone '<' is text.
                if (hidden is null) Add(list, TextSpan.FromBounds(lt, lt + 1), TextRegionKind.Html);
                i = lt + 1;
                continue;
            }
            // The hidden element the tag names, if any (compared in place: no string per tag).
            string? name = null;
            foreach (string h in HiddenElements)
                if (HtmlTags.LowerEquals(text, nameStart, p, h)) { name = h; break; }
            // The end of the tag: the first '>' outside a quoted attribute value.
            char quote = '\0';
            while (p < end && (quote != '\0' || text[p] != '>'))
            {
                if (quote == '\0' && (text[p] == '"' || text[p] == '\'')) quote = text[p];
                else if (quote == text[p]) quote = '\0';
                p++;
            }
            i = Math.Min(p + 1, end);
            if (hidden is not null)
            {
                if (closing && name == hidden) hidden = null;
            }
            else if (!closing && name is not null && !(p > 0 && text[p - 1] == '/'))
            {
                hidden = name;
            }
        }
    }

    private static bool IsAutoLinkText(LiteralInline lit) => lit.Parent is LinkInline { IsAutoLink: true };

    private static void Add(List<TextRegion> list, TextSpan span, TextRegionKind kind)
    {
        if (span.Length == 0) return;
        if (list.Count > 0)
        {
            // Markdig splits a paragraph's text into many literals; adjacent ones of one kind become one region.
            var last = list[list.Count - 1];
            if (last.Span.End == span.Start && last.Kind == kind)
            {
                list[list.Count - 1] = new TextRegion(TextSpan.FromBounds(last.Span.Start, span.End), kind);
                return;
            }
        }
        list.Add(new TextRegion(span, kind));
    }

    private static IReadOnlyList<TextRegion> Merge(List<TextRegion> sorted, int textLength)
    {
        var result = new List<TextRegion>(sorted.Count);
        foreach (var r in sorted)
        {
            if (r.Span.End > textLength) continue;
            if (result.Count > 0)
            {
                var last = result[result.Count - 1];
                if (r.Span.Start < last.Span.End) continue;
                if (r.Span.Start == last.Span.End && r.Kind == last.Kind)
                {
                    result[result.Count - 1] = new TextRegion(TextSpan.FromBounds(last.Span.Start, r.Span.End), r.Kind);
                    continue;
                }
            }
            result.Add(r);
        }
        return result;
    }

    private static void AddFrontMatter(Documents.FrontMatter fm, List<TextRegion> list)
    {
        if (fm.Root is null || fm.Kind != FrontMatterKind.Present) return;
        var stack = new Stack<YamlNode>();
        var scalars = new List<TextSpan>();
        stack.Push(fm.Root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case YamlScalarNode scalar:
                    scalars.Add(fm.GetSpan(scalar));
                    break;
                case YamlSequenceNode seq:
                    foreach (var item in seq.Children) stack.Push(item);
                    break;
                case YamlMappingNode map:
                    foreach (var kv in map.Children) stack.Push(kv.Value);
                    break;
            }
        }
        scalars.Sort((a, b) => a.Start.CompareTo(b.Start));
        foreach (var span in scalars)
            if (list.Count == 0 || list[list.Count - 1].Span.End <= span.Start) Add(list, span, TextRegionKind.FrontMatterValue);
    }
}
