using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;

namespace PolicyLint.Rules.FrontMatter;

/// <summary>Review dates that fall due soon are announced.</summary>
[MarkdownAnalyzer]
internal sealed class PL1010ReviewDateSoon : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL1010", name: "review-date-soon",
        title: "Review dates that fall due soon are announced",
        messageFormat: "Review date '{0}' ({1}) is {2}; plan the review",
        category: RuleCategory.FrontMatter, defaultSeverity: Severity.Info);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterFrontMatterAction(Analyze);

    private static void Analyze(FrontMatterAnalysisContext context)
    {
        int warnDays = ReviewDates.WarnDays(context);
        foreach (var (field, span, text, days) in ReviewDates.Read(context))
            if (days is { } d && d >= 0 && d <= warnDays)
                context.Report(Rule, span, field, text, d == 0 ? "today" : "in " + ReviewDates.Ago(d));
    }
}
