using System.Collections.Immutable;
using System.IO;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Rules.FrontMatter;

using FrontMatter = PolicyLint.Documents.FrontMatter;

/// <summary>Front matter fields that name files must point to existing files.</summary>
[MarkdownAnalyzer]
internal sealed class PL1006ReferencedFileMissing : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL1006", name: "referenced-file-missing",
        title: "Front matter fields that name files must point to existing files",
        messageFormat: "Field '{0}' points to '{1}', {2}",
        category: RuleCategory.FrontMatter, defaultSeverity: Severity.Error, hasFix: true, options: "fields");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterFrontMatterAction(Analyze);

    private static void Analyze(FrontMatterAnalysisContext context)
    {
        var fm = context.FrontMatter;
        if (fm.Kind != FrontMatterKind.Present || fm.Error is not null || fm.Mapping is null) return;
        var fields = FrontMatterPolicy.PathFields(context);
        if (fields.Count == 0) return;
        string from = context.FullPath;
        foreach (var field in fields)
            field.Walk(fm, parentsRequired: false, found: (display, key, value) =>
            {
                if (value is YamlScalarNode s) Check(context, fm, from, display, s);
                else if (value is YamlSequenceNode seq)
                    for (int i = 0; i < seq.Children.Count && i < 1000; i++)
                        if (seq.Children[i] is YamlScalarNode item) Check(context, fm, from, display + "[" + i + "]", item);
            }, missing: null);
    }

    private static void Check(FrontMatterAnalysisContext context, FrontMatter fm, string from, string display, YamlScalarNode value)
    {
        if (YamlValues.IsNull(value) || value.Value is null) return;
        var target = context.Workspace.ResolveTarget(value.Value, from, context.Settings);
        var span = YamlSpans.Locate(fm, null, value);
        if (target.Kind == TargetKind.OutsideRoot)
        {
            context.Report(Rule, span, display, value.Value, "which is outside the repository and is not checked; use a path inside it");
            return;
        }
        if (!target.IsOnDisk || target.Lookup.Exists) return;
        string looked = context.Workspace.GetDisplayPath(target.FullPath!);
        if (target.Lookup.Kind == PathKind.CaseMismatch && target.Lookup.ActualPath is { } actual)
        {
            string actualName = Path.GetFileName(actual), original = value.Value;
            int slash = original.LastIndexOf('/');
            string last = original.Substring(slash + 1);
            Fix? fix = null;
            if (string.Equals(last, actualName, System.StringComparison.OrdinalIgnoreCase) && value.Style is not (ScalarStyle.Literal or ScalarStyle.Folded))
            {
                string fixedValue = original.Substring(0, slash + 1) + actualName;
                fix = Fix.Replace($"Use '{fixedValue}'", span, FieldValidator.Requote(value, fixedValue));
            }
            context.Report(Rule, span, fix, display, original, $"which does not exist; the file on disk is '{actualName}' (the case differs)");
            return;
        }
        context.Report(Rule, span, display, value.Value, $"which does not exist (looked for {looked})");
    }
}
