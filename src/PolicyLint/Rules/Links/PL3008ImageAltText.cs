using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace PolicyLint.Rules.Links;

/// <summary>Images must have alternative text.</summary>
[MarkdownAnalyzer]
internal sealed class PL3008ImageAltText : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL3008", name: "image-alt-text",
        title: "Images must have alternative text",
        messageFormat: "Image '{0}' has no alt text; {1}",
        category: RuleCategory.Links, defaultSeverity: Severity.Warning);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext c)
    {
        foreach (var link in LinkCollector.Get(c.File))
        {
            if (!link.IsImage) continue;
            if (link.Link is { } md)
            {
                if (HeadingInfo.GetPlainText(md).Length == 0)
                    c.Report(Rule, link.Span, link.Target, "describe the image between the brackets: '![what it shows](...)'");
            }
            else if (link.Tag is { } tag && tag.Get("alt") is null)
            {
                // alt="" is a deliberate "decorative" marker; only a missing attribute is reported.
                c.Report(Rule, link.Span, link.Target, "add alt=\"what it shows\" (or alt=\"\" for a purely decorative image)");
            }
        }
    }
}
