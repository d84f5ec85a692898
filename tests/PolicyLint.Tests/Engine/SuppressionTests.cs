using System.Linq;
using PolicyLint.Analysis;
using PolicyLint.Tests.TestSupport;
using static PolicyLint.Tests.Engine.ExternalAnalyzerTests;

namespace PolicyLint.Tests.Engine;

public sealed class SuppressionTests
{
    private static readonly MarkdownAnalyzer[] Analyzers = [new ForbiddenWordAnalyzer()];

    [Fact]
    public void UnusedDirectiveIsReported()
    {
        var d = LintVerifier.Verify("{|PL0002:<!-- policylint-disable-next-line ACME1001 -->|}\nclean line\n", analyzers: Analyzers, rules: ["PL0002", "ACME1001"]);
        Assert.Equal("'policylint-disable-next-line ACME1001' suppresses nothing here; remove it", d[0].Message);
    }

    [Fact]
    public void UnknownRuleInDirectiveIsReportedAtTheName()
    {
        var d = LintVerifier.Verify("<!-- policylint-disable-next-line {|PL0003:no-such-rule|} -->\nfoo\n", analyzers: Analyzers, rules: ["PL0003", "PL0002"]);
        Assert.Equal("Unknown rule 'no-such-rule' in a policylint directive", d[0].Message);
    }

    [Fact]
    public void LowerCaseIdGetsASuggestion()
    {
        var d = LintVerifier.Lint("<!-- policylint-disable-next-line acme1001 -->\nfoo\n", analyzers: Analyzers);
        // IDs are matched case-insensitively, so this one works and suppresses.
        Assert.DoesNotContain(d, x => x.Id is "ACME1001" or "PL0003");
    }

    [Fact]
    public void JustificationCanBeRequired()
    {
        const string config = "requireJustification: true\n";
        LintVerifier.Verify("{|PL0008:<!-- policylint-disable-next-line ACME1001 -->|}\nfoo\n", analyzers: Analyzers, config: config, rules: ["PL0008"]);
        LintVerifier.Verify("<!-- policylint-disable-next-line ACME1001 -- quoted -->\nfoo\n", analyzers: Analyzers, config: config, rules: ["PL0008", "ACME1001"]);
    }

    [Fact]
    public void DirectivesInsideCodeAreIgnored()
    {
        LintVerifier.Verify("```\n<!-- policylint-disable-file -->\n```\n\n{|ACME1001:foo|}\n", analyzers: Analyzers, rules: ["ACME1001", "PL0002"]);
        LintVerifier.Verify("`<!-- policylint-disable-file -->` {|ACME1001:foo|}\n", analyzers: Analyzers, rules: ["ACME1001", "PL0002"]);
    }

    [Fact]
    public void DisableLineAndInlineComments()
    {
        LintVerifier.Verify("foo <!-- policylint-disable-line ACME1001 -->\n\n{|ACME1001:foo|}\n", analyzers: Analyzers, rules: ["ACME1001", "PL0002"]);
    }

    [Fact]
    public void DisableWithoutEnableRunsToTheEnd()
    {
        LintVerifier.Verify("{|ACME1001:foo|}\n\n<!-- policylint-disable ACME1001 -->\n\nfoo\n\nfoo\n", analyzers: Analyzers, rules: ["ACME1001", "PL0002"]);
    }
}

public sealed class SuppressionScopeTests
{
    private static readonly PolicyLint.Analysis.MarkdownAnalyzer[] Analyzers = [new ExternalAnalyzerTests.ForbiddenWordAnalyzer(), new EngineRobustnessTests.HeadingCounter()];

    [Fact]
    public void EnablingOneRuleInsideADisableAllRegionEnablesOnlyThatRule()
    {
        LintVerifier.Verify("<!-- policylint-disable -->\n# Hidden\n\nfoo\n\n<!-- policylint-enable ACME1001 -->\n\n{|ACME1001:foo|}\n\n# Still hidden\n",
            analyzers: Analyzers, rules: ["ACME1001", "TST2002", "PL0002"]);
    }

    [Fact]
    public void EnablingOneRuleOfAMultiRuleDirectiveKeepsTheOtherSuppressed()
    {
        LintVerifier.Verify("<!-- policylint-disable ACME1001 TST2002 -->\n# Hidden\n\nfoo\n\n<!-- policylint-enable ACME1001 -->\n\n{|ACME1001:foo|}\n\n# Still hidden\n",
            analyzers: Analyzers, rules: ["ACME1001", "TST2002", "PL0002"]);
    }
}
