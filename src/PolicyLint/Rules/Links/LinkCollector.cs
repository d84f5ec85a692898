using System;
using System.Collections.Generic;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace PolicyLint.Rules.Links;

/// <summary>Where a link target was written.</summary>
internal enum LinkSource
{
    /// <summary><c>[text](target)</c> or <c>![alt](target)</c>.</summary>
    Inline,
    /// <summary><c>[text][label]</c>, <c>[label][]</c>, <c>[label]</c>: the target lives in the definition.</summary>
    Reference,
    /// <summary><c>[label]: target</c>.</summary>
    Definition,
    /// <summary><c>&lt;a href&gt;</c> or <c>&lt;img src&gt;</c>.</summary>
    Html,
    /// <summary><c>&lt;https://...&gt;</c> or a bare URL (GFM autolink).</summary>
    Autolink,
}

/// <summary>One link, image, definition or HTML link of a document.</summary>
internal sealed class LinkOccurrence
{
    public LinkOccurrence(LinkSource source, bool isImage, string target, TextSpan span, TextSpan targetSpan)
    {
        Source = source; IsImage = isImage; Target = target; Span = span; TargetSpan = targetSpan;
    }
    public LinkSource Source { get; }
    public bool IsImage { get; }
    /// <summary>The target as Markdig (or the HTML attribute) gives it: entities and escapes resolved, not percent-decoded.</summary>
    public string Target { get; }
    /// <summary>The whole link, image, definition or tag.</summary>
    public TextSpan Span { get; }
    /// <summary>The target as written in the text; empty (length 0) when it is not known.</summary>
    public TextSpan TargetSpan { get; }
    public LinkInline? Link { get; init; }
    public LinkReferenceDefinition? Definition { get; init; }
    public HtmlTag? Tag { get; init; }
    /// <summary>True when the target is checked here (not a use of a reference definition, which is checked at the definition).</summary>
    public bool OwnsTarget => Source != LinkSource.Reference && !IsCommentIdiom;
    /// <summary><c>[comment]: &lt;&gt; (text)</c> or <c>[//]: # (text)</c>: a definition used as a comment, not a link.</summary>
    public bool IsCommentIdiom => Source == LinkSource.Definition && (Target.Length == 0 || Target == "#");
    /// <summary>The target was written in angle brackets, <c>[x](&lt;a b&gt;)</c>, where spaces are allowed.</summary>
    public bool HasPointyBrackets { get; init; }
    /// <summary>A definition no link of the document uses: it renders as nothing (PL3004 reports it), so its target is no link.</summary>
    public bool IsUnusedDefinition { get; private set; }

    internal void MarkUnused() => IsUnusedDefinition = true;
}

/// <summary>Collects every link of a document once; the rules of the family share the result.</summary>
internal static class LinkCollector
{
    public static IReadOnlyList<LinkOccurrence> Get(MarkdownFile file) => file.GetShared(DocumentSlot.Links, Collect);

    /// <summary>Start tags of the document's raw HTML (blocks and inline), in order.</summary>
    public static IReadOnlyList<HtmlTag> GetHtmlTags(MarkdownFile file) => DocumentHtml.GetTags(file);

    private static IReadOnlyList<LinkOccurrence> Collect(MarkdownFile file)
    {
        var list = new List<LinkOccurrence>();
        foreach (var node in file.Index.Nodes)
        {
            switch (node)
            {
                case LinkInline link:
                {
                    var span = MarkdownFile.GetSpan(link);
                    string url = link.Url ?? "";
                    if (link.IsAutoLink) { list.Add(new LinkOccurrence(LinkSource.Autolink, false, url, span, span) { Link = link }); break; }
                    if (link.Reference is not null)
                    {
                        list.Add(new LinkOccurrence(LinkSource.Reference, link.IsImage, url, span, default) { Link = link });
                        break;
                    }
                    list.Add(new LinkOccurrence(LinkSource.Inline, link.IsImage, url, span, UrlSpan(file, link.UrlSpan, span))
                        { Link = link, HasPointyBrackets = IsPointy(file, link.UrlSpan) });
                    break;
                }
                case AutolinkInline auto when !auto.IsEmail:
                {
                    var span = MarkdownFile.GetSpan(auto);
                    list.Add(new LinkOccurrence(LinkSource.Autolink, false, auto.Url, span, span));
                    break;
                }
                case LinkReferenceDefinition def when def is not HeadingLinkReferenceDefinition && def is not FootnoteLinkReferenceDefinition:
                {
                    var span = MarkdownFile.GetSpan(def);
                    list.Add(new LinkOccurrence(LinkSource.Definition, false, def.Url ?? "", span, UrlSpan(file, def.UrlSpan, span))
                        { Definition = def, HasPointyBrackets = IsPointy(file, def.UrlSpan) });
                    break;
                }
            }
        }
        foreach (var tag in GetHtmlTags(file))
        {
            string? attr = tag.Name == "a" ? "href" : tag.Name == "img" ? "src" : null;
            if (attr is null || tag.Get(attr) is not { } a || a.Value is null) continue;
            list.Add(new LinkOccurrence(LinkSource.Html, tag.Name == "img", System.Net.WebUtility.HtmlDecode(a.Value), tag.Span, a.ValueSpan) { Tag = tag });
        }
        list.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var l in list)
            if (l.Source == LinkSource.Reference && l.Link?.Reference?.Label is { } label) used.Add(ReferenceScanner.NormalizeLabel(label));
        foreach (var l in list)
            if (l.Source == LinkSource.Definition && !l.IsCommentIdiom && l.Definition?.Label is { } label && !used.Contains(ReferenceScanner.NormalizeLabel(label)))
                l.MarkUnused();
        return list;
    }

    private static bool IsPointy(MarkdownFile file, Markdig.Syntax.SourceSpan s) =>
        !s.IsEmpty && s.Start >= 0 && s.End < file.Text.Length && file.Text[s.Start] == '<' && file.Text[s.End] == '>';

    private static TextSpan UrlSpan(MarkdownFile file, Markdig.Syntax.SourceSpan urlSpan, TextSpan fallback)
    {
        if (urlSpan.IsEmpty || urlSpan.Start < 0 || urlSpan.End >= file.Text.Length) return new TextSpan(fallback.Start, 0);
        int start = urlSpan.Start, end = urlSpan.End + 1;
        if (file.Text[start] == '<' && file.Text[end - 1] == '>' && end - start >= 2) { start++; end--; }
        return TextSpan.FromBounds(start, end);
    }
}
