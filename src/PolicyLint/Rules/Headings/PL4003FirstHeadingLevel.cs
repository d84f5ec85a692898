using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;

namespace PolicyLint.Rules.Headings;

/// <summary>The first heading must be the top-level heading.</summary>
[MarkdownAnalyzer]
internal sealed class PL4003FirstHeadingLevel : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL4003", name: "first-heading-level",
        title: "The first heading must be the top-level heading",
        messageFormat: "The first heading is an H{0}; a document should start with an H{1}",
        category: RuleCategory.Headings, defaultSeverity: Severity.Warning,
        options: ["level", HeadingOutline.FrontMatterTitleOption, HeadingOutline.HtmlHeadingsOption]);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext context)
    {
        var options = context.GetOptions(Rule);
        int level = options.GetInt("level", 1);
        if (level < 1 || level > 6) throw options.Error("level", $"Option 'level' must be between 1 and 6, not {level}");
        // With frontMatterTitleIsH1 the title is the first heading, so the body may start at any level (PL4001 still checks the step).
        if (HeadingOutline.FrontMatterTitle(context.File, context.Settings, options) is not null) return;
        var headings = HeadingOutline.For(context.File, options);
        if (headings.Length > 0 && headings[0].Level != level)
            context.Report(Rule, headings[0].Span, headings[0].Level, level);
    }
}
