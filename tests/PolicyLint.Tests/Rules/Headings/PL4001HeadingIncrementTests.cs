using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Headings;

public sealed class PL4001HeadingIncrementTests
{
    private static readonly string[] Rules = ["PL4001"];

    [Fact]
    public void ReportsTheJumpOnceAtTheHeadingWithExpectedLevel()
    {
        var d = LintVerifier.Verify("# Title\n\n{|PL4001:#### Deep|}\n\n#### Same level\n\n## Back\n\n### Ok\n", rules: Rules);
        Assert.Equal("Heading level jumps from H1 to H4; expected H2", d[0].Message);
    }

    [Fact]
    public void EachJumpIsComparedWithTheHeadingJustBefore() =>
        LintVerifier.Verify("# A\n\n{|PL4001:### B|}\n\n# C\n\n{|PL4001:#### D|}\n\n##### E\n", rules: Rules);

    [Fact]
    public void SetextHeadingsAreLevelsOneAndTwo() =>
        LintVerifier.Verify("Title\n=====\n\nSection\n-------\n\n{|PL4001:#### Deep|}\n", rules: Rules);

    [Fact]
    public void TheFirstHeadingIsNotAJumpByDefaultEvenWithAFrontMatterTitle() =>
        LintVerifier.Verify("---\ntitle: T\n---\n\n### Starts deep\n", rules: Rules);

    [Fact]
    public void FrontMatterTitleCountsAsH1WhenTheOptionIsOn()
    {
        var d = LintVerifier.Verify("---\ntitle: T\n---\n\n{|PL4001:### Starts deep|}\n",
            config: "rules:\n  PL4001:\n    options:\n      frontMatterTitleIsH1: true\n", rules: Rules);
        Assert.Equal("Heading level jumps from H1 (the front matter title) to H3; expected H2", d[0].Message);
    }

    [Fact]
    public void TheSharedSettingAlsoTurnsItOn() =>
        LintVerifier.Verify("---\ntitle: T\n---\n\n{|PL4001:### Starts deep|}\n", config: "frontMatterTitleIsH1: true\n", rules: Rules);

    [Fact]
    public void HtmlHeadingsCountByDefault()
    {
        LintVerifier.Verify("# T\n\n<h2>Html</h2>\n\n### Fine after the html h2\n\n{|PL4001:<h5 class=\"x\">Deep</h5>|}\n", rules: Rules);
        LintVerifier.Verify("# T\n\n<h2>Html</h2>\n\n{|PL4001:### Jump without html|}\n",
            config: "rules:\n  PL4001:\n    options:\n      htmlHeadings: false\n", rules: Rules);
    }

    [Fact]
    public void HeadingsInCodeAndCommentsNeverCount() =>
        LintVerifier.Verify("# T\n\n```md\n#### fenced\n```\n\n    #### indented\n\n<!--\n#### commented\n<h4>commented</h4>\n-->\n\n<div>\n<!-- <h5>x</h5> -->\n</div>\n\n`<h6>code</h6>`\n\n## Fine\n", rules: Rules);

    [Fact]
    public void HeadingsInBlockQuotesAndListsCount() =>
        LintVerifier.Verify("# T\n\n> {|PL4001:### Quoted|}\n\n- {|PL4001:##### Listed|}\n", rules: Rules);
}
