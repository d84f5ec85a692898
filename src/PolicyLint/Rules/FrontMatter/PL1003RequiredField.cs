using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace PolicyLint.Rules.FrontMatter;

/// <summary>Front matter must declare required fields.</summary>
[MarkdownAnalyzer]
internal sealed class PL1003RequiredField : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL1003", name: "required-field",
        title: "Front matter must declare required fields",
        messageFormat: "Front matter is missing required field '{0}'",
        category: RuleCategory.FrontMatter, defaultSeverity: Severity.Error, options: "fields");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterFrontMatterAction(Analyze);

    private static void Analyze(FrontMatterAnalysisContext context)
    {
        var fm = context.FrontMatter;
        // No block at all is PL1001; a broken one is PL1002. An empty block misses everything.
        if (fm.Kind != FrontMatterKind.Present || fm.Error is not null) return;
        if (fm.Root is not null && fm.Mapping is null && !YamlValues.IsNull(fm.Root)) return;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        void Missing(string display, TextSpan where)
        {
            if (reported.Add(display)) context.Report(Rule, where, display);
        }
        foreach (var r in FrontMatterPolicy.Required(context))
        {
            if (fm.Mapping is null)
            {
                if (r.ParentsRequired || r.Path.Segments.Length == 1) Missing(r.Path.Top, fm.OpeningFenceSpan);
                continue;
            }
            r.Path.Walk(fm, r.ParentsRequired, null, Missing);
        }
    }
}
