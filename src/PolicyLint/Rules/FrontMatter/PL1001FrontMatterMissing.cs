using System.Collections.Immutable;
using System.Linq;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace PolicyLint.Rules.FrontMatter;

/// <summary>Documents must have front matter when the policy requires fields.</summary>
[MarkdownAnalyzer]
internal sealed class PL1001FrontMatterMissing : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL1001", name: "front-matter-missing",
        title: "Documents must have front matter when the policy requires fields",
        messageFormat: "The document has no front matter, but the policy requires {0}; add a '---' block at the very top",
        category: RuleCategory.FrontMatter, defaultSeverity: Severity.Error);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterFrontMatterAction(Analyze);

    private static void Analyze(FrontMatterAnalysisContext context)
    {
        // Unclosed or misplaced front matter is PL1002's finding, not a missing block.
        if (context.FrontMatter.Kind != FrontMatterKind.None) return;
        var top = FrontMatterPolicy.Required(context).Where(r => r.ParentsRequired || r.Path.Segments.Length == 1)
            .Select(r => r.Path.Top).Distinct().ToList();
        if (top.Count == 0) return;
        string text = context.File.Text;
        int end = text.IndexOf('\n');
        if (end < 0) end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        string list = string.Join(", ", top.Select(n => "'" + n + "'"));
        context.Report(Rule, TextSpan.FromBounds(0, end), list);
    }
}
