using System.IO;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.FrontMatter;

public sealed class PL1007TitleMatchesH1Tests
{
    [Fact]
    public void DifferentTitleIsReportedOnTheValue()
    {
        var d = LintVerifier.Verify("---\ntitle: {|PL1007:\"Travel policy\"|}\n---\n\n# Travel rules\n", rules: ["PL1007"]);
        Assert.Equal("Front matter title 'Travel policy' differs from the first H1 'Travel rules' (line 5) at character 8: 'p' against 'r'; make them the same", d[0].Message);
    }

    [Fact]
    public void WhitespaceAndMarkupAreNormalised()
    {
        LintVerifier.Verify("---\r\ntitle:   Travel\tpolicy  \r\n---\r\n\r\n# Travel   *policy*\r\n", rules: ["PL1007"]);
        LintVerifier.Verify("---\ntitle: Using `x` &amp; y\n---\nTitle\n", rules: ["PL1007"]);
        LintVerifier.Verify("---\ntitle: A & B\n---\nA &amp; B\n===\n", rules: ["PL1007"]);
    }

    [Fact]
    public void CaseCountsAndInvisibleCharactersAreShown()
    {
        LintVerifier.Verify("---\ntitle: {|PL1007:travel policy|}\n---\n# Travel policy\n", rules: ["PL1007"]);
        var d = LintVerifier.Verify("---\ntitle: {|PL1007:\"Policy\u200B\"|}\n---\n# Policy\n", rules: ["PL1007"]);
        Assert.Contains("at character 7: U+200B against the end", d[0].Message);
    }

    [Fact]
    public void SilentWhenEitherIsMissingAndUsesTheFirstH1()
    {
        LintVerifier.Verify("---\ntitle: T\n---\n## Only H2\n", rules: ["PL1007"]);
        LintVerifier.Verify("---\nowner: x\n---\n# Heading\n", rules: ["PL1007"]);
        LintVerifier.Verify("---\ntitle: T\n---\n## Intro\n# T\n# Other\n", rules: ["PL1007"]);
    }

    [Fact]
    public void OnlyALeadingH1IsCompared()
    {
        // The H1 after an H2 is a section of the page, not its title.
        LintVerifier.Verify("---\ntitle: Licence\n---\n## Summary\n\n# Apache License\n", rules: ["PL1007"]);
        LintVerifier.Verify("---\ntitle: {|PL1007:Licence|}\n---\nSome text first.\n\n# Apache License\n\n## Terms\n", rules: ["PL1007"]);
    }

    [Fact]
    public void FieldOption()
    {
        LintVerifier.Verify("---\nname: {|PL1007:A|}\ntitle: B\n---\n# B\n", "rules:\n  PL1007:\n    options:\n      field: name\n", rules: ["PL1007"]);
    }

    [Fact]
    public void SeedPostWithTheSameBrokenTitleAndH1IsSilent()
    {
        string seed = SharedData.Require("seed/ai-action-plan.md");
        var d = LintVerifier.Lint(File.ReadAllText(seed), "extends: blog-post\n", path: "ai-action-plan.md");
        Assert.DoesNotContain(d, x => x.Id is "PL1007" or "PL1001" or "PL1002" or "PL1003" or "PL1004" or "PL1005");
    }
}
