using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Rules.FrontMatter;

/// <summary>Front matter fields must be known to the policy.</summary>
[MarkdownAnalyzer]
internal sealed class PL1009UnknownField : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL1009", name: "unknown-field",
        title: "Front matter fields must be known to the policy",
        messageFormat: "Unknown front matter field '{0}'{1}",
        category: RuleCategory.FrontMatter, defaultSeverity: Severity.Warning, isEnabledByDefault: false, hasFix: true, options: "allowed");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterFrontMatterAction(Analyze);

    private static void Analyze(FrontMatterAnalysisContext context)
    {
        var fm = context.FrontMatter;
        if (fm.Kind != FrontMatterKind.Present || fm.Mapping is not { } map) return;
        var known = FrontMatterPolicy.KnownNames(context);
        var present = new HashSet<string>(map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? ""));
        var sorted = known.OrderBy(n => n, System.StringComparer.Ordinal).ToList();
        foreach (var kv in map.Children)
        {
            if (kv.Key is not YamlScalarNode key || key.Value is null || known.Contains(key.Value)) continue;
            // Only names not already used in this document are suggested: renaming onto an existing key would duplicate it.
            var close = sorted.Where(n => !present.Contains(n) && FieldValidator.IsClose(key.Value, n)).ToList();
            var span = fm.GetSpan(key);
            if (close.Count == 1)
            {
                var fix = Fix.Replace($"Rename '{key.Value}' to '{close[0]}'", span, FieldValidator.Requote(key, close[0]), isSafe: false);
                context.Report(Rule, span, fix, key.Value, $"; did you mean '{close[0]}'?");
            }
            else
                context.Report(Rule, span, key.Value, sorted.Count <= 12 ? "; known fields are " + string.Join(", ", sorted) : "");
        }
    }
}
