using System.Collections.Immutable;
using Markdig.Syntax.Inlines;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace PolicyLint.Rules.Links;

/// <summary>Links must have a target and text.</summary>
[MarkdownAnalyzer]
internal sealed class PL3006EmptyLink : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL3006", name: "empty-link",
        title: "Links must have a target and text",
        messageFormat: "{0}",
        category: RuleCategory.Links, defaultSeverity: Severity.Warning);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext c)
    {
        foreach (var link in LinkCollector.Get(c.File))
        {
            if (link.Source == LinkSource.Html)
            {
                if (link.Target.Trim().Length == 0)
                    c.Report(Rule, link.Span, $"<{link.Tag!.Name}> has an empty {(link.IsImage ? "src" : "href")}; give it a target or remove it");
                continue;
            }
            if (link.Source is not (LinkSource.Inline or LinkSource.Reference) || link.Link is not { } inline) continue;
            string what = c.File.GetText(link.Span);
            if (what.Length > 60) what = what.Substring(0, 57) + "...";
            if (link.Source == LinkSource.Reference)
            {
                // [text][r] with '[r]: #': the definition gives it no target.
                if (!link.IsImage && inline.Url?.Trim() == "#")
                    c.Report(Rule, link.Span, $"Link '{what}' has no target: its definition's URL is only '#', the top of this page; put the real URL in the definition");
                continue;
            }
            if (inline.Url?.Trim() == "#" && !link.IsImage)
            {
                c.Report(Rule, link.Span, $"Link '{what}' has no target: '#' only goes to the top of this page; add the URL or remove the brackets");
                continue;
            }
            if (inline.Url is null || inline.Url.Trim().Length == 0)
            {
                c.Report(Rule, link.Span, link.IsImage
                    ? $"Image '{what}' has no source; add the image path"
                    : $"Link '{what}' has no target; add the URL or remove the brackets");
                continue;
            }
            if (!link.IsImage && HasNoText(inline))
                c.Report(Rule, link.Span, $"Link '{what}' has no text, so readers and screen readers see nothing to click; add link text");
        }
    }

    private static bool HasNoText(LinkInline link)
    {
        if (HeadingInfo.GetPlainText(link).Length > 0) return false;
        foreach (var node in SyntaxWalker.Descendants(link))
            if (node is LinkInline { IsImage: true } or HtmlInline) return false;
        return true;
    }
}
