using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyLint.Diagnostics;

namespace PolicyLint.Documents;

/// <summary>A Markdown heading (ATX or setext) with its plain text and GitHub anchor.</summary>
public sealed class HeadingInfo
{
    internal HeadingInfo(HeadingBlock block, int level, string plainText, string anchorText, string anchor, TextSpan span, TextSpan textSpan)
    {
        Block = block; Level = level; PlainText = plainText; AnchorText = anchorText; Anchor = anchor; Span = span; TextSpan = textSpan;
    }

    /// <summary>The Markdig node.</summary>
    public HeadingBlock Block { get; }
    /// <summary>1 to 6.</summary>
    public int Level { get; }
    /// <summary>The text as rendered, without markup (emphasis, code and link markers removed).</summary>
    public string PlainText { get; }
    /// <summary>The text GitHub makes the anchor from (<see cref="GitHubRendering.AnchorText"/>): no image alt text, not trimmed.</summary>
    internal string AnchorText { get; }
    /// <summary>The anchor GitHub gives it, duplicates numbered in document order.</summary>
    public string Anchor { get; }
    /// <summary>The whole heading, markers included.</summary>
    public TextSpan Span { get; }
    /// <summary>The heading's inline content (empty span for an empty heading).</summary>
    public TextSpan TextSpan { get; }
    /// <summary>True for an underlined (setext) heading.</summary>
    public bool IsSetext => Block.IsSetext;

    internal static ImmutableArray<HeadingInfo> Collect(MarkdownFile file)
    {
        var result = ImmutableArray.CreateBuilder<HeadingInfo>();
        var slugger = new GitHubSlugger();
        foreach (var h in file.Index.Headings)
        {
            string text = GetPlainText(h.Inline);
            string anchorText = GitHubRendering.AnchorText(h.Inline);
            var span = MarkdownFile.GetSpan(h);
            var textSpan = h.Inline is { } inl && inl.FirstChild is not null
                ? TextSpan.FromBounds(inl.Span.Start, inl.Span.End + 1) : new TextSpan(span.Start, 0);
            result.Add(new HeadingInfo(h, h.Level, text, anchorText, slugger.Slug(anchorText), span, textSpan));
        }
        return result.ToImmutable();
    }

    /// <summary>The rendered plain text of inline content: literals, code spans, link and emphasis content; HTML tags dropped.</summary>
    public static string GetPlainText(ContainerInline? container)
    {
        if (container is null) return string.Empty;
        var sb = RentBuilder();
        AppendText(container, sb, skipImages: false);
        return Return(sb).Trim();
    }

    // Per thread, reused for every heading: the builder of its text and the stack of the inline walk.
    [System.ThreadStatic] private static StringBuilder? t_builder;
    [System.ThreadStatic] private static Stack<Inline>? t_stack;

    /// <summary>An empty builder, this thread's own when it is free; give it back with <see cref="Return"/>.</summary>
    internal static StringBuilder RentBuilder()
    {
        var sb = t_builder ?? new StringBuilder(64);
        t_builder = null;
        return sb.Clear();
    }

    /// <summary>The text of a builder from <see cref="RentBuilder"/>, which is kept for the next heading unless it grew big.</summary>
    internal static string Return(StringBuilder sb)
    {
        string text = sb.ToString();
        if (sb.Capacity <= 1024) t_builder = sb;
        return text;
    }

    /// <summary>
    /// Appends the text of <paramref name="container"/>'s inlines in document order: literals, code spans, entities, autolinks,
    /// line breaks as spaces, and the content of links, emphasis and inline HTML; images give their alt text unless
    /// <paramref name="skipImages"/> (an image's alt text is an attribute, not rendered text).
    /// </summary>
    internal static void AppendText(ContainerInline container, StringBuilder sb, bool skipImages)
    {
        var stack = t_stack ?? new Stack<Inline>();
        t_stack = null;
        for (var c = container.LastChild; c is not null; c = c.PreviousSibling) stack.Push(c);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case LinkInline { IsImage: true } when skipImages: break;
                case LiteralInline lit: sb.Append(lit.Content.Text, lit.Content.Start, lit.Content.Length); break;
                case CodeInline code: sb.Append(code.Content); break;
                case LineBreakInline: sb.Append(' '); break;
                case HtmlEntityInline ent: sb.Append(ent.Transcoded.Text, ent.Transcoded.Start, ent.Transcoded.Length); break;
                case AutolinkInline auto: sb.Append(auto.Url); break;
                case ContainerInline inner:
                    for (var c = inner.LastChild; c is not null; c = c.PreviousSibling) stack.Push(c);
                    break;
            }
        }
        t_stack = stack; // empty again
    }
}
