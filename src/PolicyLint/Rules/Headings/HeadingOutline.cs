using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;
using PolicyLint.Rules.Links;
using PolicyLint.Sites;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Rules.Headings;

/// <summary>How a heading was written.</summary>
internal enum HeadingSyntax
{
    Atx,
    Setext,
    Html,
}

/// <summary>One heading of the outline: Markdown (ATX or setext) or an HTML <c>&lt;h1&gt;</c>..<c>&lt;h6&gt;</c> element.</summary>
internal sealed class OutlineHeading
{
    public OutlineHeading(HeadingSyntax syntax, int level, string text, TextSpan span, TextSpan contentSpan, int line,
        string? anchor, string? baseSlug, bool hasImage)
    {
        Syntax = syntax; Level = level; Text = text; Span = span; ContentSpan = contentSpan; Line = line;
        Anchor = anchor; BaseSlug = baseSlug; HasImage = hasImage;
    }

    public HeadingSyntax Syntax { get; }
    public int Level { get; }
    /// <summary>Plain text, whitespace collapsed.</summary>
    public string Text { get; }
    /// <summary>
    /// Where heading diagnostics go: ATX = the heading line from the first <c>#</c> to its end; setext = the text
    /// lines without the underline; HTML = the element from <c>&lt;hN</c> to <c>&lt;/hN&gt;</c>.
    /// </summary>
    public TextSpan Span { get; }
    /// <summary>The raw content (between the markers / tags); empty at the marker's end for an empty heading.</summary>
    public TextSpan ContentSpan { get; }
    /// <summary>1-based line of <see cref="Span"/>'s start.</summary>
    public int Line { get; }
    /// <summary>The GitHub anchor (Markdown headings) or the <c>id</c> attribute (HTML); null when there is none.</summary>
    public string? Anchor { get; }
    /// <summary>The slug before de-duplication (Markdown headings only).</summary>
    public string? BaseSlug { get; }
    /// <summary>True when the heading shows an image (so it is not empty even without text).</summary>
    public bool HasImage { get; }
    public bool IsHtml => Syntax == HeadingSyntax.Html;

    /// <summary>How messages name the heading: <c>'## Scope'</c> style, shortened when long.</summary>
    public string Display => Describe(Level, Text);

    public static string Describe(int level, string text)
    {
        string t = text.Length > 60 ? text.Substring(0, 57) + "..." : text;
        return "'" + new string('#', level) + (t.Length > 0 ? " " + t : "") + "'";
    }
}

/// <summary>
/// The headings of a document, collected once and shared by the PL4xxx rules: Markdown headings (Markdig already
/// leaves out code blocks and HTML comments) and HTML heading elements found in HTML blocks (comments stripped).
/// </summary>
internal sealed class HeadingOutline
{
    /// <summary>Option key shared by the structure rules: count HTML headings (default true).</summary>
    public const string HtmlHeadingsOption = "htmlHeadings";
    /// <summary>Option key (and shared setting) for PL4001/PL4002/PL4003: the front matter title is the H1.</summary>
    public const string FrontMatterTitleOption = "frontMatterTitleIsH1";

    private HeadingOutline(ImmutableArray<OutlineHeading> all)
    {
        All = all;
        var md = ImmutableArray.CreateBuilder<OutlineHeading>(all.Length);
        foreach (var h in all) if (!h.IsHtml) md.Add(h);
        MarkdownOnly = md.Count == all.Length ? all : md.ToImmutable();
    }

    /// <summary>Every heading in document order, HTML ones included.</summary>
    public ImmutableArray<OutlineHeading> All { get; }
    /// <summary>Markdown headings only.</summary>
    public ImmutableArray<OutlineHeading> MarkdownOnly { get; }

    /// <summary>The outline of <paramref name="file"/>, built on first use.</summary>
    public static HeadingOutline Get(MarkdownFile file) => file.GetShared(DocumentSlot.HeadingOutline, Build);

    /// <summary>The headings a structure rule sees, honouring its <c>htmlHeadings</c> option.</summary>
    public static ImmutableArray<OutlineHeading> For(MarkdownFile file, RuleOptions options) =>
        options.GetBool(HtmlHeadingsOption, true) ? Get(file).All : Get(file).MarkdownOnly;

    /// <summary>
    /// The front matter title when <c>frontMatterTitleIsH1</c> is on for this document (see <see cref="TitleIsH1"/>), with the
    /// span of its value and the site model that turned it on (null when configured); null otherwise, when the title is absent
    /// or blank, or when the site model says this page does not show it.
    /// </summary>
    public static (string Title, TextSpan Span, string? Site)? FrontMatterTitle(DocumentContextBase context, RuleOptions options)
    {
        var on = TitleIsH1(context, options);
        if (on.Value != true || !context.File.FrontMatter.TryGetEntry("title", out _, out var value)) return null;
        if (value is not YamlScalarNode s || string.IsNullOrWhiteSpace(s.Value)) return null;
        if (on.Site is { } site && !site.ShowsFrontMatterTitle(context.File)) return null;
        return (s.Value!.Trim(), context.File.FrontMatter.GetSpan(value), on.Site?.Name);
    }

    /// <summary>
    /// <c>frontMatterTitleIsH1</c> for this document: the rule's option, else the shared setting, else on where the site model
    /// that publishes the document shows the front matter title as the page's H1 (<see cref="SiteModel.RendersTitleAsH1"/>; the
    /// model is returned then). Null when nothing says (no setting, and no model, or one that does not render the title: such
    /// themes may still print it when the page has no H1 of its own).
    /// </summary>
    public static (bool? Value, SiteModel? Site) TitleIsH1(DocumentContextBase context, RuleOptions options)
    {
        if (options.Contains(FrontMatterTitleOption)) return (options.GetBool(FrontMatterTitleOption, false), null);
        if (context.Settings.FrontMatterTitleIsH1Known is { } configured) return (configured, null);
        if (SiteLinks.Publishing(context) is { Site: { RendersTitleAsH1: true } site }) return (true, site);
        return (null, null);
    }

    /// <summary>
    /// What a structure rule adds to a message that counts the front matter title as the H1 because the site model said so:
    /// the model, and the setting that says otherwise. Empty when the setting or the rule's option turned it on.
    /// </summary>
    public static string SiteNote(string? site) => site is null ? "" :
        $"; the {site} site shows the front matter title as the H1 (set '{FrontMatterTitleOption}: false' if this site does not)";

    /// <summary>True when the front matter has a non-blank <c>title</c>, whatever <c>frontMatterTitleIsH1</c> says.</summary>
    public static bool HasFrontMatterTitle(MarkdownFile file) =>
        file.FrontMatter.TryGetEntry("title", out _, out var value) && value is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value);

    /// <summary>Trims and collapses runs of whitespace to one space.</summary>
    public static string Normalize(string text)
    {
        if (IsNormalized(text)) return text; // most headings: no new string
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    // No whitespace but single spaces between other characters: Normalize would return the same text.
    private static bool IsNormalized(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == ' ')
            {
                if (i == 0 || i == text.Length - 1 || text[i + 1] == ' ') return false;
            }
            else if (char.IsWhiteSpace(c)) return false;
        }
        return true;
    }

    private static HeadingOutline Build(MarkdownFile file)
    {
        var list = new List<OutlineHeading>();
        var markdown = file.Headings;
        int next = 0;
        foreach (var node in file.Index.Nodes)
        {
            if (node is HeadingBlock)
            {
                var h = markdown[next++];
                list.Add(FromMarkdown(file, h));
            }
            else if (node is HtmlBlock html && html.Type != HtmlBlockType.Comment)
            {
                HtmlHeadingScanner.Scan(file, html, list);
            }
        }
        return new HeadingOutline(list.ToImmutableArray());
    }

    private static OutlineHeading FromMarkdown(MarkdownFile file, HeadingInfo h)
    {
        TextSpan span = h.IsSetext && !h.TextSpan.IsEmpty ? TrimEnd(file.Text, h.TextSpan) : TrimEnd(file.Text, h.Span);
        if (h.IsSetext && h.TextSpan.IsEmpty) span = FirstLine(file.Text, h.Span);
        bool image = h.Block.Inline is { } inl && HasImage(inl);
        var content = h.TextSpan.IsEmpty ? new TextSpan(span.End, 0) : h.TextSpan;
        return new OutlineHeading(h.IsSetext ? HeadingSyntax.Setext : HeadingSyntax.Atx, h.Level, Normalize(h.PlainText), span, content,
            file.Lines.GetPosition(span.Start).Line, h.Anchor, GitHubSlugger.BaseSlug(h.AnchorText), image);
    }

    // Any image among the inlines, at any depth (links and emphasis nest them).
    private static bool HasImage(ContainerInline container)
    {
        for (var c = container.FirstChild; c is not null; c = c.NextSibling)
        {
            if (c is LinkInline { IsImage: true }) return true;
            if (c is ContainerInline inner && HasImage(inner)) return true;
        }
        return false;
    }

    internal static TextSpan TrimEnd(string text, TextSpan span)
    {
        int end = Math.Min(span.End, text.Length);
        while (end > span.Start && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r' || text[end - 1] == '\n')) end--;
        return TextSpan.FromBounds(span.Start, end);
    }

    private static TextSpan FirstLine(string text, TextSpan span)
    {
        int nl = text.IndexOf('\n', span.Start);
        return TrimEnd(text, TextSpan.FromBounds(span.Start, nl < 0 || nl > span.End ? span.End : nl));
    }
}
