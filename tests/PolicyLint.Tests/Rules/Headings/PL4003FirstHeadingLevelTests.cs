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
    public void AnH1FirstOrNoHeadingAtAllIsFine()
    {
        LintVerifier.Verify("# Title\n\n### Deep\n", rules: Rules);
        LintVerifier.Verify("Just text.\n", rules: Rules);
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
        var d = LintVerifier.Lint("# T\n", config: "rules:\n  PL4003:\n    options:\n      level: 7\n");
        Assert.Contains(d, x => x.Id == "PL0004" && x.Message.Contains("between 1 and 6"));
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
