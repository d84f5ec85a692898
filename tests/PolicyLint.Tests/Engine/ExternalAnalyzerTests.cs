using System.Collections.Immutable;
using System.Linq;
using Markdig.Syntax.Inlines;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Engine;

/// <summary>An analyzer written outside the library, reporting through the engine with configuration and suppressions applied.</summary>
public sealed class ExternalAnalyzerTests
{
    [MarkdownAnalyzer]
    public sealed class ForbiddenWordAnalyzer : MarkdownAnalyzer
    {
        public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
            "ACME1001", "forbidden-word", "Do not write forbidden words", "'{0}' is forbidden; write '{1}'",
            RuleCategory.Custom, Severity.Warning, hasFix: true, helpLink: "https://example.invalid/ACME1001", options: "words");

        public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

        public override void Initialize(AnalysisContext context) => context.RegisterNodeAction<LiteralInline>(c =>
        {
            var words = c.GetOptions(Rule).GetStringList("words", ["foo"]);
            string text = c.Node.Content.ToString();
            foreach (var w in words)
            {
                int i = text.IndexOf(w, System.StringComparison.Ordinal);
                if (i < 0) continue;
                var span = new TextSpan(c.Node.Span.Start + i, w.Length);
                c.Report(Rule, span, Fix.Replace($"Replace '{w}' with 'bar'", span, "bar"), w, "bar");
            }
        });
    }

    private static readonly MarkdownAnalyzer[] Analyzers = [new ForbiddenWordAnalyzer()];

    [Fact]
    public void ReportsAtItsDefaultSeverityWithExactSpanAndMessage()
    {
        var d = LintVerifier.Verify("Some {|ACME1001:foo|} text.\n", analyzers: Analyzers);
        Assert.Equal(Severity.Warning, d[0].Severity);
        Assert.Equal("'foo' is forbidden; write 'bar'", d[0].Message);
        Assert.Equal((1, 6, 1, 9), (d[0].Location.StartLine, d[0].Location.StartColumn, d[0].Location.EndLine, d[0].Location.EndColumn));
    }

    [Fact]
    public void ConfigurationSetsSeverityAndOptionsByIdOrName()
    {
        var d = LintVerifier.Verify("A {|ACME1001:baz|} and foo.\n", analyzers: Analyzers,
            config: "rules:\n  forbidden-word:\n    severity: error\n    options:\n      words: [baz]\n");
        Assert.Equal(Severity.Error, d[0].Severity);
        LintVerifier.Verify("foo\n", analyzers: Analyzers, config: "rules:\n  ACME1001: none\n", rules: ["ACME1001"]);
    }

    [Fact]
    public void SuppressionsApplyToExternalRules()
    {
        LintVerifier.Verify(
            "<!-- policylint-disable-next-line forbidden-word -- quoted from the style guide -->\nfoo here\n\n{|ACME1001:foo|} there\n",
            analyzers: Analyzers, rules: ["ACME1001"]);
        LintVerifier.Verify("<!-- policylint-disable ACME1001 -->\nfoo\n\nfoo\n<!-- policylint-enable ACME1001 -->\n\n{|ACME1001:foo|}\n",
            analyzers: Analyzers, rules: ["ACME1001"]);
        LintVerifier.Verify("<!-- policylint-disable-file -->\nfoo\n\nfoo\n", analyzers: Analyzers);
    }

    [Fact]
    public void FixesApply()
    {
        var engine = new PolicyLint.Engine.LintEngine(Analyzers);
        var r = engine.LintText("foo and foo\n");
        var fixedText = PolicyLint.Engine.FixApplier.Apply("foo and foo\n", r.Diagnostics).Text;
        Assert.Equal("bar and foo\n", fixedText); // the analyzer reports the first occurrence per literal only
    }

    [Fact]
    public void UnknownOptionIsALocatedConfigurationError()
    {
        var ex = Assert.Throws<PolicyLint.Configuration.ConfigurationException>(() =>
            LintVerifier.Lint("x\n", analyzers: Analyzers, config: "rules:\n  ACME1001:\n    options:\n      wrods: [x]\n"));
        Assert.Equal("<configuration>(4,7): Rule ACME1001 (forbidden-word) has no option 'wrods'; its options are words", ex.Message);
    }

    [MarkdownAnalyzer]
    public sealed class NoLinkAnalyzer : MarkdownAnalyzer
    {
        public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
            "ACME1002", "no-todo", "No TODO", "Resolve the TODO", RuleCategory.Custom, Severity.Warning);

        public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

        public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(c =>
        {
            int i = c.File.Text.IndexOf("TODO", System.StringComparison.Ordinal);
            if (i >= 0) c.Report(Rule, new TextSpan(i, 4));
        });
    }

    [Fact]
    public void AThirdPartyRuleHasTheHelpLinkItsAuthorGivesOrNone()
    {
        Assert.Equal("https://example.invalid/ACME1001", ForbiddenWordAnalyzer.Rule.HelpLink);
        Assert.Null(NoLinkAnalyzer.Rule.HelpLink);
        Assert.Equal("https://github.com/policylint/policylint/blob/main/rules/PL1003.md",
            RuleDescriptor.Create("PL1003", "required-field", "T", "M", RuleCategory.FrontMatter, Severity.Error).HelpLink);

        var result = new PolicyLint.Engine.LintEngine([new NoLinkAnalyzer()], includeBuiltIns: false)
            .LintText("TODO here\n", baseDirectory: LintVerifier.NeutralDirectory);
        string text = PolicyLint.Output.TextFormatter.Format(result, new PolicyLint.Output.OutputOptions { BaseDirectory = LintVerifier.NeutralDirectory });
        Assert.Contains("ACME1002", text);
        Assert.DoesNotContain("help:", text);
        string sarif = PolicyLint.Output.SarifFormatter.Format(result);
        Assert.DoesNotContain("helpUri", sarif);
        Assert.DoesNotContain("rules/ACME1002", sarif);
        Assert.Contains("No TODO. Run 'dotnet policylint explain ACME1002'.", sarif);
    }
}
