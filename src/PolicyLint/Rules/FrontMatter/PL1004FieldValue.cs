using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace PolicyLint.Rules.FrontMatter;

/// <summary>Front matter values must match their field specs and schema.</summary>
[MarkdownAnalyzer]
internal sealed class PL1004FieldValue : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL1004", name: "field-value",
        title: "Front matter values must match their field specs and schema",
        messageFormat: "{0}",
        category: RuleCategory.FrontMatter, defaultSeverity: Severity.Error, hasFix: true, options: ["fields", "schema"]);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterFrontMatterAction(Analyze);

    private static void Analyze(FrontMatterAnalysisContext context)
    {
        var fm = context.FrontMatter;
        if (fm.Kind != FrontMatterKind.Present || fm.Error is not null || fm.Mapping is null) return;
        var options = context.GetOptions(Rule);
        FieldValidator.Validate(fm, FrontMatterPolicy.Specs(context), (span, message, fix) => context.Report(Rule, span, fix, message));
        // FrontMatterSchema is touched only when a schema is configured: its first use loads JsonSchema.Net, whose module
        // initializer builds every meta-schema (hundreds of JIT-compiled methods in the portable build).
        if (string.IsNullOrEmpty(options.GetString("schema"))) return;
        if (JsonSchemaSupport.IsEnabled)
            FrontMatterSchema.Validate(options, context.Workspace, fm, (span, message) => context.Report(Rule, span, message));
        else
            throw options.Error("schema", JsonSchemaSupport.DisabledMessage);
    }
}
