using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;

namespace PolicyLint.Rules.Headings;

/// <summary>Heading levels must go down one level at a time.</summary>
[MarkdownAnalyzer]
internal sealed class PL4001HeadingIncrement : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL4001", name: "heading-increment",
        title: "Heading levels must go down one level at a time",
        messageFormat: "Heading level jumps from H{0}{1} to H{2}; expected H{3}",
        category: RuleCategory.Headings, defaultSeverity: Severity.Warning,
        options: [HeadingOutline.FrontMatterTitleOption, HeadingOutline.HtmlHeadingsOption]);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext context)
    {
        var options = context.GetOptions(Rule);
        var headings = HeadingOutline.For(context.File, options);
        // Each heading is compared with the one just before it, so a jump is reported once, where it happens.
        int previous = 0;
        string previousNote = "";
        if (HeadingOutline.FrontMatterTitle(context, options) is { } title)
        {
            previous = 1;
            previousNote = title.Site is null ? " (the front matter title)"
                : $" (the front matter title, which the {title.Site} site shows as the H1; set '{HeadingOutline.FrontMatterTitleOption}: false' if it does not)";
        }
        foreach (var h in headings)
        {
            if (previous > 0 && h.Level > previous + 1)
                context.Report(Rule, h.Span, previous, previousNote, h.Level, previous + 1);
            previous = h.Level;
            previousNote = "";
        }
    }
}
