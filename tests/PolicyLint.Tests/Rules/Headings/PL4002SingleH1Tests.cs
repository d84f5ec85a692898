using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Headings;

public sealed class PL4002SingleH1Tests
{
    private static readonly string[] Rules = ["PL4002"];
    private const string TitleIsH1 = "rules:\n  PL4002:\n    options:\n      frontMatterTitleIsH1: true\n";

    [Fact]
    public void ReportsEveryH1AfterTheFirst()
    {
        var d = LintVerifier.Verify("# One\n\n## Sub\n\n{|PL4002:# Two|}\n\n{|PL4002:Three|}\n=====\n", rules: Rules);
        Assert.Equal("Document has more than one H1: '# Two' comes after '# One' on line 1; make it an H2 or lower", d[0].Message);
    }

    [Fact]
    public void OneH1IsFineAndAFrontMatterTitleDoesNotCountByDefault() =>
        LintVerifier.Verify("---\ntitle: T\n---\n# One\n\n## Sub\n", rules: Rules);

    [Fact]
    public void WithTheOptionTheFrontMatterTitleIsTheH1()
    {
        var d = LintVerifier.Verify("---\ntitle: The title\n---\n{|PL4002:# Body title|}\n\n## Sub\n", config: TitleIsH1, rules: Rules);
        Assert.Equal("Document has more than one H1: '# Body title' comes after the front matter title 'The title' on line 2; make it an H2 or lower", d[0].Message);
    }

    [Fact]
    public void WithTheOptionButNoTitleTheFirstBodyH1IsTheTitle() =>
        LintVerifier.Verify("---\nowner: me\n---\n# Body title\n\n{|PL4002:# Again|}\n", config: TitleIsH1, rules: Rules);

    [Fact]
    public void HtmlH1CountsUnlessTurnedOff()
    {
        LintVerifier.Verify("# One\n\n{|PL4002:<h1>Two</h1>|}\n", rules: Rules);
        LintVerifier.Verify("# One\n\n<h1>Two</h1>\n", config: "rules:\n  PL4002:\n    options:\n      htmlHeadings: false\n", rules: Rules);
    }
}
