using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;

namespace PolicyLint.Rules.Headings;

/// <summary>Documents of a configured type must have the sections of its template, in order.</summary>
[MarkdownAnalyzer]
internal sealed class PL4007RequiredSections : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL4007", name: "required-sections",
        title: "Documents of a configured type must have the sections of its template, in order",
        messageFormat: "Document type '{0}': {1}",
        category: RuleCategory.Headings, defaultSeverity: Severity.Error,
        options: [DocumentTypes.OptionKey, HeadingOutline.HtmlHeadingsOption]);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext context)
    {
        var options = context.GetOptions(Rule);
        // Reports nothing unless a document type applies: no template, no finding.
        var type = DocumentTypes.Select(options, context.File, context.FullPath, context.Workspace);
        if (type is null) return;
        var headings = HeadingOutline.For(context.File, options);
        foreach (var f in SectionAlignment.Align(headings, type))
        {
            switch (f.Problem)
            {
                case SectionProblem.Missing:
                    string what = f.Entry!.IsWildcard
                        ? $"{f.Entry.Display} is required here, but there is none; add one {f.Placement}"
                        : $"required section {f.Entry.Display} is missing; add it {f.Placement}";
                    context.Report(Rule, DocumentSpan(context, headings), type.Name, what);
                    break;
                case SectionProblem.OutOfOrder:
                    context.Report(Rule, f.Heading!.Span, type.Name, $"section {f.Heading.Display} is out of order; it belongs {f.Placement}");
                    break;
                case SectionProblem.Repeated:
                    context.Report(Rule, f.Heading!.Span, type.Name,
                        $"section {f.Heading.Display} appears again (first on line {f.First!.Line}); the template allows it once");
                    break;
                case SectionProblem.Unexpected:
                    context.Report(Rule, f.Heading!.Span, type.Name,
                        $"section {f.Heading.Display} is not in the template, which does not allow other sections");
                    break;
            }
        }
    }

    /// <summary>Where document-level findings (missing sections) go: the first heading, else the first line of the body.</summary>
    private static TextSpan DocumentSpan(DocumentAnalysisContext context, ImmutableArray<OutlineHeading> headings)
    {
        if (headings.Length > 0) return headings[0].Span;
        string text = context.File.Text;
        int start = context.File.FrontMatter.Kind == Documents.FrontMatterKind.Present ? context.File.FrontMatter.Span.End : 0;
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        if (start >= text.Length) return context.File.FrontMatter.Kind == Documents.FrontMatterKind.Present ? context.File.FrontMatter.OpeningFenceSpan : new TextSpan(0, 0);
        int end = text.IndexOf('\n', start);
        return HeadingOutline.TrimEnd(text, TextSpan.FromBounds(start, end < 0 ? text.Length : end));
    }
}
