using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;

namespace PolicyLint.Rules.Headings;

/// <summary>Headings must have text.</summary>
[MarkdownAnalyzer]
internal sealed class PL4005EmptyHeading : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL4005", name: "empty-heading",
        title: "Headings must have text",
        messageFormat: "Heading {0} has no text; write its title or remove the heading",
        category: RuleCategory.Headings, defaultSeverity: Severity.Warning,
        options: [HeadingOutline.HtmlHeadingsOption]);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext context)
    {
        foreach (var h in HeadingOutline.For(context.File, context.GetOptions(Rule)))
            if (!h.HasImage && IsBlank(h.Text))
                context.Report(Rule, h.Span, h.Syntax switch
                {
                    HeadingSyntax.Html => "'<h" + h.Level + ">'",
                    HeadingSyntax.Setext => "(underlined H" + h.Level + ")",
                    _ => "'" + new string('#', h.Level) + "'",
                });
    }

    /// <summary>Nothing but whitespace and emphasis markers (<c>*</c>, <c>_</c>, <c>~</c>) left over from unmatched delimiters.</summary>
    internal static bool IsBlank(string text)
    {
        foreach (char c in text)
            if (!char.IsWhiteSpace(c) && c != '*' && c != '_' && c != '~' && c != '\u200B' && c != '\uFEFF') return false;
        return true;
    }
}
