using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;

namespace PolicyLint.Rules.FrontMatter;

/// <summary>Review dates in front matter must not have passed.</summary>
[MarkdownAnalyzer]
internal sealed class PL1008ReviewDatePassed : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL1008", name: "review-date-passed",
        title: "Review dates in front matter must not have passed",
        messageFormat: "{0}",
        category: RuleCategory.FrontMatter, defaultSeverity: Severity.Error, options: ["fields", "warnDays"]);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterFrontMatterAction(Analyze);

    private static void Analyze(FrontMatterAnalysisContext context)
    {
        foreach (var (field, span, text, days) in ReviewDates.Read(context))
        {
            if (days is null)
                context.Report(Rule, span, $"Field '{field}' is '{text}', which is not an ISO 8601 date such as 2025-03-31, so the review date cannot be checked");
            else if (days < 0)
                context.Report(Rule, span, $"Review date '{field}' ({text}) passed {ReviewDates.Ago(-days.Value)} ago; review the document and set a new date");
        }
    }
}
