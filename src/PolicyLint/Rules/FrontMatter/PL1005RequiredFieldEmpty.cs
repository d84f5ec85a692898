using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Rules.FrontMatter;

/// <summary>Required front matter fields must not be empty.</summary>
[MarkdownAnalyzer]
internal sealed class PL1005RequiredFieldEmpty : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL1005", name: "required-field-empty",
        title: "Required front matter fields must not be empty",
        messageFormat: "Required field '{0}' is {1}; give it a value",
        category: RuleCategory.FrontMatter, defaultSeverity: Severity.Error);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterFrontMatterAction(Analyze);

    private static void Analyze(FrontMatterAnalysisContext context)
    {
        var fm = context.FrontMatter;
        if (fm.Kind != FrontMatterKind.Present || fm.Error is not null || fm.Mapping is null) return;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in FrontMatterPolicy.Required(context))
            r.Path.Walk(fm, parentsRequired: false, found: (display, key, value) =>
            {
                if (!YamlValues.IsEmpty(value) || !reported.Add(display)) return;
                var span = key is not null ? YamlSpans.Entry(fm, key, value) : YamlSpans.FirstLine(fm, fm.GetSpan(value).Start);
                context.Report(Rule, span, display, Describe(value));
            }, missing: null);
    }

    private static string Describe(YamlNode value) => value switch
    {
        YamlScalarNode s when YamlValues.IsNull(s) => "empty",
        YamlScalarNode => "a blank string",
        YamlSequenceNode => "an empty list",
        _ => "an empty map",
    };
}
