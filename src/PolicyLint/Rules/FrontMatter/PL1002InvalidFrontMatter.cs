using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Rules.FrontMatter;

/// <summary>Front matter must be well-formed YAML at the very start of the file.</summary>
[MarkdownAnalyzer]
internal sealed class PL1002InvalidFrontMatter : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL1002", name: "invalid-front-matter",
        title: "Front matter must be well-formed YAML at the very start of the file",
        messageFormat: "{0}",
        category: RuleCategory.FrontMatter, defaultSeverity: Severity.Error, hasFix: true);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterFrontMatterAction(Analyze);

    private static void Analyze(FrontMatterAnalysisContext context)
    {
        var fm = context.FrontMatter;
        switch (fm.Kind)
        {
            case FrontMatterKind.Unclosed:
                context.Report(Rule, fm.OpeningFenceSpan,
                    "Front matter opened with '---' is never closed; add a '---' line after the last field");
                return;
            case FrontMatterKind.NotAtStart:
                int line = context.File.Lines.GetPosition(fm.OpeningFenceSpan.Start).Line;
                var fix = Fix.Replace("Remove what precedes the front matter", TextSpan.FromBounds(0, fm.OpeningFenceSpan.Start), "");
                context.Report(Rule, fm.OpeningFenceSpan, fix,
                    $"Front matter must start on the first line, but it starts on line {line} after blank lines; site generators will show it as text");
                return;
            case FrontMatterKind.None:
                return;
        }
        // A byte-order mark before the '---' is PL2007's one finding (it says what the BOM does to the front matter).
        if (fm.Error is { } error)
        {
            context.Report(Rule, error.Span, "Invalid YAML in front matter: " + error.Message);
            return;
        }
        if (fm.Root is { } root && fm.Mapping is null && !YamlValues.IsNull(root))
        {
            string what = root is YamlSequenceNode ? "a list" : "a single value";
            context.Report(Rule, YamlSpans.FirstLine(fm, fm.GetSpan(root).Start),
                $"Front matter must be a map of 'key: value' fields, not {what}");
        }
    }
}
