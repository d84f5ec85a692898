using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;

namespace PolicyLint.Rules.Headings;

/// <summary>A document must have a single top-level heading.</summary>
[MarkdownAnalyzer]
internal sealed class PL4002SingleH1 : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL4002", name: "single-h1",
        title: "A document must have a single top-level heading",
        messageFormat: "Document has more than one H1: {0} comes after {1} on line {2}; make it an H2 or lower{3}",
        category: RuleCategory.Headings, defaultSeverity: Severity.Warning,
        options: [HeadingOutline.FrontMatterTitleOption, HeadingOutline.HtmlHeadingsOption]);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext context)
    {
        var options = context.GetOptions(Rule);
        string? first = null;
        int firstLine = 0;
        string note = "";
        if (HeadingOutline.FrontMatterTitle(context, options) is { } title)
        {
            first = "the front matter title '" + title.Title + "'";
            firstLine = context.File.Lines.GetPosition(title.Span.Start).Line;
            note = HeadingOutline.SiteNote(title.Site);
        }
        foreach (var h in HeadingOutline.For(context.File, options))
        {
            if (h.Level != 1) continue;
            if (first is null) { first = h.Display; firstLine = h.Line; continue; }
            context.Report(Rule, h.Span, h.Display, first, firstLine, note);
        }
    }
}
