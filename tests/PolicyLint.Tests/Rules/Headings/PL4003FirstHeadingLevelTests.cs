using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Headings;

public sealed class PL4003FirstHeadingLevelTests
{
    private static readonly string[] Rules = ["PL4003"];

    [Fact]
    public void ReportsAFirstHeadingBelowTheTopLevel()
    {
        var d = LintVerifier.Verify("Intro text.\n\n{|PL4003:## Starts at two|}\n\n# Later title\n", rules: Rules);
        Assert.Equal("The first heading is an H2; a document should start with an H1", d[0].Message);
    }

    [Fact]
    public void AnH1FirstIsFine()
    {
        LintVerifier.Verify("# Title\n\n### Deep\n", rules: Rules);
        LintVerifier.Verify("", rules: Rules);
        LintVerifier.Verify("---\nowner: x\n---\n", rules: Rules);
    }

    [Fact]
    public void ADocumentWithNoHeadingIsReportedAtItsFirstText()
    {
        // Changed deliberately (issue 16): a document without any heading has no title in its outline either.
        var d = LintVerifier.Verify("{|PL4003:Just text.|}\nMore text.\n", rules: Rules);
        Assert.Equal("The document has no heading; start it with an H1 title", d[0].Message);
    }

    [Fact]
    public void TextBeforeTheFirstHeadingIsReported()
    {
        var d = LintVerifier.Verify("<!-- generated -->\n{|PL4003:Intro text|}\nwrapped.\n\n# Title\n", rules: Rules);
        Assert.Equal("Text comes before the first heading; a document should start with its H1 title", d[0].Message);
        LintVerifier.Verify("{|PL4003:- a list|}\n\n# Title\n", rules: Rules);
    }

    [Fact]
    public void PartialsAndBrokenFrontMatterAreLeftAlone()
    {
        LintVerifier.Verify("A note that pages include.\n", path: "docs/_TypeScriptNote.md", rules: Rules);
        LintVerifier.Verify("A snippet.\n", path: "docs/snippets/abbr.md", rules: Rules);
        LintVerifier.Verify("Describe the change.\n", path: ".github/PULL_REQUEST_TEMPLATE.md", rules: Rules);
        LintVerifier.Verify("MIT License\n\nCopyright (c) the authors.\n", path: "LICENSE.md", rules: Rules);
        LintVerifier.Verify("{|PL4003:Section text.|}\n", path: "docs/_index.md", rules: Rules);
        LintVerifier.Verify("---\ntitle: x\nBody text without a closing fence.\n", rules: Rules);
        // Nor their first heading's level: a partial takes its level from the page that includes it (issue 16).
        LintVerifier.Verify("## Included section\n\nText.\n", path: "content/en/_common/installation/01-editions.md", rules: Rules);
        LintVerifier.Verify("### Note\n", path: "docs/_partial.md", rules: Rules);
        LintVerifier.Verify("## Describe the bug\n", path: ".github/ISSUE_TEMPLATE.md", rules: Rules);
        LintVerifier.Verify("{|PL4003:## Section|}\n", path: "docs/_index.md", rules: Rules);
    }

    [Fact]
    public void CommentsLogosBadgesAndDefinitionsBeforeTheTitleAreNotText() =>
        LintVerifier.Verify("<!-- markdownlint-disable -->\n<!--\nlicence header\n-->\n<p align=\"center\"><img src=\"logo.png\" alt=\"Logo\"></p>\n\n" +
            "[![Build](https://ci.example/badge.svg)](https://ci.example) ![Coverage](https://cov.example/badge.svg)\n\n[ref]: https://example.com\n\n# Title\n", rules: Rules);

    [Fact]
    public void AFrontMatterTitleTurnsTheMessageToTheSetting()
    {
        // Unknown whether the site shows the title: a titled document without headings gets the benefit of the doubt.
        LintVerifier.Verify("---\ntitle: Policy\n---\nBody text.\n", rules: Rules);
        var d = LintVerifier.Verify("---\ntitle: Policy\n---\n{|PL4003:Body text.|}\n", config: "frontMatterTitleIsH1: false\n", rules: Rules);
        Assert.Equal("The document has no heading; start it with an H1 title; if the site shows the front matter title as the H1, set 'frontMatterTitleIsH1: true'", d[0].Message);
        d = LintVerifier.Verify("---\ntitle: Policy\n---\n{|PL4003:## Purpose|}\n", rules: Rules);
        Assert.Equal("The first heading is an H2; a document should start with an H1; if the site shows the front matter title as the H1, set 'frontMatterTitleIsH1: true'", d[0].Message);
        LintVerifier.Verify("---\ntitle: Policy\n---\nBody text.\n", config: "frontMatterTitleIsH1: true\n", rules: Rules);
    }

    [Fact]
    public void TheLevelIsConfigurable()
    {
        const string config = "rules:\n  PL4003:\n    options:\n      level: 2\n";
        LintVerifier.Verify("## Site renders the title\n", config: config, rules: Rules);
        LintVerifier.Verify("{|PL4003:# Title|}\n", config: config, rules: Rules);
    }

    [Fact]
    public void ALevelOutOfRangeIsAConfigurationError()
    {
        var e = LintVerifier.ConfigError("# T\n", config: "rules:\n  PL4003:\n    options:\n      level: 7\n");
        Assert.Contains("between 1 and 6", e.Message);
    }

    [Fact]
    public void AFrontMatterTitleThatCountsAsH1SatisfiesTheRule() =>
        LintVerifier.Verify("---\ntitle: T\n---\n## Body\n", config: "rules:\n  PL4003:\n    options:\n      frontMatterTitleIsH1: true\n", rules: Rules);

    [Fact]
    public void AnHtmlHeadingCanBeTheFirst()
    {
        LintVerifier.Verify("{|PL4003:<h2>Html</h2>|}\n\n# Title\n", rules: Rules);
        LintVerifier.Verify("<h2>Html</h2>\n\n# Title\n", config: "rules:\n  PL4003:\n    options:\n      htmlHeadings: false\n", rules: Rules);
    }
}
