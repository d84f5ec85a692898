using System.Linq;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Headings;

public sealed class PL4007RequiredSectionsTests
{
    private static readonly string[] Rules = ["PL4007"];

    private const string Policy = """
        rules:
          PL4007:
            options:
              documentTypes:
                policy:
                  match: { field: type, value: policy }
                  sections:
                    - { heading: Purpose, level: 2 }
                    - { heading: Scope, level: 2 }
                    - { heading: "*", level: 2, occurs: zero-or-more }
                    - { heading: "Roles and responsibilities|Responsibilities", level: 2 }
                    - "## Review"
        """;

    [Fact]
    public void ACompleteDocumentIsClean() =>
        LintVerifier.Verify("---\ntype: policy\n---\n# P\n\n## 1. Purpose\n\n## scope\n\n### Detail\n\n## Extra\n\n## Responsibilities\n\n## Review\n", config: Policy, rules: Rules);

    [Fact]
    public void NothingIsReportedWithoutAMatchingType() =>
        LintVerifier.Verify("---\ntype: memo\n---\n# P\n", config: Policy, rules: Rules);

    [Fact]
    public void NothingIsReportedWithoutConfiguration() =>
        LintVerifier.Verify("---\ntype: policy\n---\n# P\n", rules: Rules);

    [Fact]
    public void MissingSectionsAreReportedAtTheTitleWithWhereTheyBelong()
    {
        var d = LintVerifier.Verify("---\ntype: policy\n---\n{|PL4007:{|PL4007:# P|}|}\n\n## Purpose\n\n## Roles and responsibilities\n", config: Policy, rules: Rules);
        Assert.Equal([
            "Document type 'policy': required section '## Scope' is missing; add it after '## Purpose' (line 6)",
            "Document type 'policy': required section '## Review' is missing; add it after '## Roles and responsibilities' (line 8)",
        ], d.Select(x => x.Message).OrderByDescending(m => m.Contains("Scope")).ToArray());
        Assert.Equal(PolicyLint.Diagnostics.Severity.Error, d[0].Severity);
    }

    [Fact]
    public void OutOfOrderSectionsAreReportedWhereTheyAre()
    {
        var d = LintVerifier.Verify("---\ntype: policy\n---\n# P\n\n## Purpose\n\n## Responsibilities\n\n{|PL4007:## Scope|}\n\n## Review\n", config: Policy, rules: Rules);
        Assert.Equal("Document type 'policy': section '## Scope' is out of order; it belongs after '## Purpose' (line 6)", d[0].Message);
    }

    [Fact]
    public void ARepeatedSingleSectionIsReported()
    {
        var d = LintVerifier.Verify("---\ntype: policy\n---\n# P\n\n## Purpose\n\n## Scope\n\n## Responsibilities\n\n## Review\n\n{|PL4007:## Purpose|}\n", config: Policy, rules: Rules);
        Assert.Equal("Document type 'policy': section '## Purpose' appears again (first on line 6); the template allows it once", d[0].Message);
    }

    [Fact]
    public void StrictTemplatesReportOtherSectionsAndRequiredWildcards()
    {
        const string strict = """
            rules:
              PL4007:
                options:
                  documentTypes:
                    runbook:
                      files: ["runbooks/**/*.md"]
                      allowOtherSections: false
                      sections:
                        - "## Summary"
                        - { heading: "*", level: 2, occurs: one-or-more }
                        - { heading: "Contacts", level: 2, occurs: optional }
            """;
        using var t = new TempTree();
        LintVerifier.Verify("# R\n\n## Summary\n\n## Step one\n\n## Step two\n", config: strict, rules: Rules, path: t.Path_("runbooks/a/r.md"), baseDirectory: t.Root);
        var d = LintVerifier.Verify("{|PL4007:# R|}\n\n## Summary\n\n## Contacts\n", config: strict, rules: Rules, path: t.Path_("runbooks/r.md"), baseDirectory: t.Root);
        Assert.Equal("Document type 'runbook': any H2 section is required here, but there is none; add one after '## Summary' (line 3)", d[0].Message);
        LintVerifier.Verify("# R\n\n## Summary\n\n## Step\n\n## Contacts\n\n{|PL4007:## After contacts|}\n", config: strict, rules: Rules, path: t.Path_("runbooks/r.md"), baseDirectory: t.Root);
        LintVerifier.Verify("# R\n", config: strict, rules: Rules, path: t.Path_("other/r.md"), baseDirectory: t.Root);
    }

    [Fact]
    public void TheTypeNameIsTheDefaultMatchAndADocumentWithoutHeadingsIsReportedOnItsFirstLine()
    {
        const string config = "rules:\n  PL4007:\n    options:\n      documentTypes:\n        policy:\n          sections: [\"## Purpose\"]\n";
        LintVerifier.Verify("---\ntype: Policy\n---\n\n{|PL4007:Some text.|}\n", config: config, rules: Rules);
    }

    [Theory]
    [InlineData("documentTypes: [a]", "must be a mapping")]
    [InlineData("documentTypes:\n        policy: { sections: [] }", "non-empty 'sections'")]
    [InlineData("documentTypes:\n        policy: { sections: [{ heading: A, occurs: twice }] }", "'occurs' must be")]
    [InlineData("documentTypes:\n        policy: { sections: [{ heading: A, level: 9 }] }", "'level' must be 1 to 6")]
    [InlineData("documentTypes:\n        policy: { sections: [A], colour: red }", "Unknown key 'colour'")]
    public void BadTemplatesAreConfigurationErrors(string options, string message)
    {
        var e = LintVerifier.ConfigError("---\ntype: policy\n---\n# P\n", config: "rules:\n  PL4007:\n    options:\n      " + options + "\n");
        Assert.Contains(message, e.Message);
    }

    /// <summary>The policy pack's own PL4007 block (its 'extends' left out, so the test does not depend on other families' packs).</summary>
    private static string PolicyPack() => string.Join("\n", PolicyLint.Configuration.Packs.GetText("policy")!
        .Replace("\r\n", "\n").Split('\n').Where(l => !l.StartsWith("extends:", System.StringComparison.Ordinal)));

    [Fact]
    public void ThePolicyPackTemplateApplies()
    {
        LintVerifier.Verify("---\ntype: policy\n---\n# Access policy\n\n## Purpose\n\n## Scope\n\n## Definitions\n\n## Policy\n\n## Roles and responsibilities\n\n## Exceptions\n\n## Review\n",
            config: PolicyPack(), rules: Rules);
        var d = LintVerifier.Verify("---\ntype: policy\n---\n{|PL4007:# Access policy|}\n\n## Purpose\n\n## Policy\n\n{|PL4007:## Scope|}\n\n## Exceptions\n\n## Review\n",
            config: PolicyPack(), rules: Rules);
        Assert.Contains("'## Roles and responsibilities' is missing; add it after '## Policy' (line 8)", d[0].Message);
    }
}
