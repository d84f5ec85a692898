using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Markdig.Syntax;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace PolicyLint.Rules.Links;

/// <summary>Reference links must have a definition.</summary>
[MarkdownAnalyzer]
internal sealed class PL3003UndefinedReference : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL3003", name: "undefined-reference",
        title: "Reference links must have a definition",
        messageFormat: "Reference '{0}' has no definition{1}",
        category: RuleCategory.Links, defaultSeverity: Severity.Error, options: "shortcuts");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext c)
    {
        bool shortcuts = c.GetOptions(Rule).GetBool("shortcuts", false);
        var labels = DefinedLabels(c.File);
        var lookalikes = DefinitionLines.Get(c.File);
        bool numeric = false;
        foreach (var kv in labels) numeric |= ReferenceScanner.IsNumber(kv.Key);
        foreach (var d in lookalikes) numeric |= ReferenceScanner.IsNumber(d.Label);
        foreach (var r in ReferenceScanner.Scan(ProseText.Get(c.File), c.File.Text, numeric))
        {
            if (r.Kind == ReferenceKind.Shortcut && !(shortcuts && labels.Count > 0 && ReferenceScanner.IsSlugLike(r.Label))) continue;
            string key = ReferenceScanner.NormalizeLabel(r.Label);
            if (labels.ContainsKey(key)) continue;
            string? hint = null;
            foreach (var d in lookalikes)
                if (ReferenceScanner.NormalizeLabel(d.Label) == key) { hint = "; " + d.Explain(); break; }
            if (hint is null)
                foreach (var kv in labels)
                    if (Anchors.Normalize(kv.Key) == Anchors.Normalize(key) && Anchors.Normalize(key).Length > 0) { hint = $"; did you mean '[{kv.Value}]'?"; break; }
            c.Report(Rule, r.Span, r.Written, hint ?? "; add '[" + r.Label + "]: <url>' or fix the label");
        }
    }

    private static Dictionary<string, string> DefinedLabels(MarkdownFile file)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var def in file.Index.Definitions)
            if (def.Label is { } l) d[ReferenceScanner.NormalizeLabel(l)] = l;
        return d;
    }
}
