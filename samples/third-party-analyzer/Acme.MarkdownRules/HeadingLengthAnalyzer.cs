using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;

namespace Acme.MarkdownRules;

/// <summary>ACME1002 heading-length: a heading longer than <c>maxLength</c> characters (default 80). It has no help page.</summary>
[MarkdownAnalyzer]
public sealed class HeadingLengthAnalyzer : MarkdownAnalyzer
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "ACME1002", name: "heading-length",
        title: "Headings must be short",
        messageFormat: "Heading is {0} characters long; keep it to {1}",
        category: RuleCategory.Custom, defaultSeverity: Severity.Warning,
        options: ["maxLength"]);

    public override ImmutableArray<RuleDescriptor> SupportedRules => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(c =>
    {
        var options = c.GetOptions(Rule);
        int max = options.GetInt("maxLength", 80);
        if (max < 10) throw options.Error("maxLength", $"Option 'maxLength' must be at least 10, not {max}");
        foreach (var h in c.File.Headings)
            if (h.PlainText.Length > max) c.Report(Rule, h.Span, h.PlainText.Length, max);
    });
}
