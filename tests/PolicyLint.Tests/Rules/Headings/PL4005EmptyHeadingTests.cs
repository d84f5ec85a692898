using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Headings;

public sealed class PL4005EmptyHeadingTests
{
    private static readonly string[] Rules = ["PL4005"];

    [Fact]
    public void ReportsEmptyAndMarkerOnlyHeadings()
    {
        var d = LintVerifier.Verify("# T\n\n{|PL4005:##|}\n\n{|PL4005:###|}   \n\n{|PL4005:## **|}\n\n{|PL4005:## _ _|}\n\n{|PL4005:<h3> <b></b> </h3>|}\n", rules: Rules);
        Assert.Equal("Heading '##' has no text; write its title or remove the heading", d[0].Message);
    }

    [Fact]
    public void TextImagesAndCodeAreNotEmpty() =>
        LintVerifier.Verify("# T\n\n## ![logo](logo.png)\n\n## `code`\n\n## __init__\n\n<h2><img src=\"x.png\"></h2>\n\n## **Bold**\n", rules: Rules);

    [Fact]
    public void HtmlCanBeLeftOut() =>
        LintVerifier.Verify("# T\n\n<h2></h2>\n", config: "rules:\n  PL4005:\n    options:\n      htmlHeadings: false\n", rules: Rules);
}
