using System.Collections.Immutable;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace PolicyLint.Rules.Headings;

/// <summary>The first heading must be the top-level heading.</summary>
[MarkdownAnalyzer]
internal sealed class PL4003FirstHeadingLevel : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL4003", name: "first-heading-level",
        title: "The first heading must be the top-level heading",
        messageFormat: "{0}",
        category: RuleCategory.Headings, defaultSeverity: Severity.Warning,
        options: ["level", HeadingOutline.FrontMatterTitleOption, HeadingOutline.HtmlHeadingsOption]);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext context)
    {
        var options = context.GetOptions(Rule);
        int level = options.GetInt("level", 1);
        if (level < 1 || level > 6) throw options.Error("level", $"Option 'level' must be between 1 and 6, not {level}");
        // Partials take their level from the page that includes them; templates and licence texts are not pages with a title.
        if (IsPartialOrNotAPage(context.File.Path)) return;
        // With frontMatterTitleIsH1 the title is the first heading, so the body may start at any level (PL4001 still checks the step).
        if (HeadingOutline.FrontMatterTitle(context, options) is not null) return;
        var titleIsH1 = HeadingOutline.TitleIsH1(context, options);
        bool titled = HeadingOutline.HasFrontMatterTitle(context.File);
        // A document with a title in its front matter may be on a site that shows it as the H1: say how to tell PolicyLint so
        // (not where the site model already counts it and knows this page does not show it).
        string hint = titled && titleIsH1.Site is null
            ? $"; if the site shows the front matter title as the H1, set '{HeadingOutline.FrontMatterTitleOption}: true'" : "";
        var headings = HeadingOutline.For(context.File, options);
        if (headings.Length > 0 && headings[0].Level != level)
        {
            context.Report(Rule, headings[0].Span, $"The first heading is an H{headings[0].Level}; a document should start with an H{level}" + hint);
            return;
        }
        // Text before the title and documents without a heading: only where no front matter title may stand for the H1 (when
        // nothing says whether the site shows it, a titled document is given the benefit of the doubt), and not when the front
        // matter itself is broken (PL1002's finding).
        if (titled && titleIsH1.Value is null) return;
        if (context.File.FrontMatter.Kind is FrontMatterKind.NotAtStart or FrontMatterKind.Unclosed) return;
        var text = FirstText(context.File, headings.Length > 0 ? headings[0].Span.Start : int.MaxValue);
        if (text is not { } span) return;
        context.Report(Rule, span, headings.Length > 0
            ? $"Text comes before the first heading; a document should start with its H{level} title" + hint
            : $"The document has no heading; start it with an H{level} title" + hint);
    }

    /// <summary>
    /// A fragment that other pages include (<c>_note.md</c>, the partials of Docusaurus and Jekyll, Hugo's <c>_index.md</c>
    /// being a page; files under an include folder), a template GitHub fills in (<c>.github/</c>: issue and pull request
    /// templates), or a licence text, which is copied verbatim: none of them is a page with a title.
    /// </summary>
    private static bool IsPartialOrNotAPage(string path)
    {
        string p = path.Replace('\\', '/');
        string name = p.Substring(p.LastIndexOf('/') + 1);
        if (name.StartsWith("_", System.StringComparison.Ordinal) && !name.StartsWith("_index.", System.StringComparison.OrdinalIgnoreCase)) return true;
        if (p.StartsWith(".github/", System.StringComparison.Ordinal) || p.IndexOf("/.github/", System.StringComparison.Ordinal) >= 0) return true;
        foreach (var legal in LegalNames) if (name.StartsWith(legal, System.StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var folder in IncludeFolders)
            if (p.StartsWith(folder + "/", System.StringComparison.OrdinalIgnoreCase) || p.IndexOf("/" + folder + "/", System.StringComparison.OrdinalIgnoreCase) >= 0) return true;
        return false;
    }

    private static readonly string[] IncludeFolders = ["_includes", "_common", "includes", "partials", "snippets"];
    private static readonly string[] LegalNames = ["LICENSE", "LICENCE", "COPYING"];

    /// <summary>
    /// The first line of the first block of text before <paramref name="before"/>. Front matter, HTML comments, HTML blocks
    /// (logos, banners), reference definitions and paragraphs of images and badges are not text.
    /// </summary>
    private static TextSpan? FirstText(MarkdownFile file, int before)
    {
        int frontMatterEnd = file.FrontMatter.Kind == FrontMatterKind.None ? 0 : file.FrontMatter.Span.End;
        foreach (var block in file.Syntax)
        {
            var span = MarkdownFile.GetSpan(block);
            if (span.Start >= before) return null;
            if (span.Start < frontMatterEnd || block is YamlFrontMatterBlock or HtmlBlock or LinkReferenceDefinitionGroup or BlankLineBlock
                or ThematicBreakBlock) continue;
            if (block is ParagraphBlock p && IsOnlyImages(p.Inline)) continue;
            return HeadingOutline.TrimEnd(file.Text, FirstLineOf(file.Text, span));
        }
        return null;
    }

    private static bool IsOnlyImages(ContainerInline? inline)
    {
        if (inline is null) return true;
        bool image = false;
        foreach (var node in SyntaxWalker.Descendants(inline))
        {
            switch (node)
            {
                case LinkInline { IsImage: true }: image = true; break;
                case LinkInline or EmphasisInline or LineBreakInline or HtmlInline: break;
                case LiteralInline lit when lit.Content.IsEmptyOrWhitespace(): break;
                case LiteralInline lit2 when IsInsideImage(lit2): break;
                case ContainerInline: break;
                default: return false;
            }
        }
        return image;
    }

    private static bool IsInsideImage(Inline node)
    {
        for (var p = node.Parent; p is not null; p = p.Parent) if (p is LinkInline { IsImage: true }) return true;
        return false;
    }

    private static TextSpan FirstLineOf(string text, TextSpan span)
    {
        int nl = text.IndexOf('\n', span.Start);
        return TextSpan.FromBounds(span.Start, nl < 0 || nl > span.End ? span.End : nl);
    }
}
