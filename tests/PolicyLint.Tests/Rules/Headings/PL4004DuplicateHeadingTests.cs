using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Headings;

public sealed class PL4004DuplicateHeadingTests
{
    private static readonly string[] Rules = ["PL4004"];

    [Fact]
    public void ReportsADuplicateAmongSiblingsNamingTheFirst()
    {
        var d = LintVerifier.Verify("# T\n\n## Setup\n\n## Usage\n\n{|PL4004:## Setup|}\n", rules: Rules);
        Assert.Equal("Heading '## Setup' repeats the heading on line 3 in the same section; rename or merge one", d[0].Message);
    }

    [Fact]
    public void SameTextUnderDifferentParentsIsFineByDefault() =>
        LintVerifier.Verify("# T\n\n## Linux\n\n### Install\n\n## Windows\n\n### Install\n", rules: Rules);

    [Fact]
    public void DocumentScopeReportsThemAnywhere() =>
        LintVerifier.Verify("# T\n\n## Linux\n\n### Install\n\n## Windows\n\n{|PL4004:### Install|}\n",
            config: "rules:\n  PL4004:\n    options:\n      scope: document\n", rules: Rules);

    [Fact]
    public void RenderedTextIsCompared() =>
        LintVerifier.Verify("# T\n\n## Set   up\n\n{|PL4004:## **Set up**|}\n", rules: Rules);

    [Fact]
    public void DifferentTextWithTheSameAnchorIsACollision()
    {
        var d = LintVerifier.Verify("# T\n\n## C++\n\n## Notes\n\n{|PL4004:### C|}\n\nSee [C](#c).\n", rules: Rules);
        Assert.Equal("Heading '### C' has the same anchor '#c' as '## C++' on line 3, so it becomes '#c-1' and links to '#c' reach the other one; reword one of them", d[0].Message);
    }

    [Fact]
    public void ALiteralNumberedHeadingCollidesWithAGeneratedSuffix() =>
        LintVerifier.Verify("# T\n\n## Hello World\n\n### A\n\n## Other\n\n### A\n\n{|PL4004:## Hello World|}\n\n{|PL4004:## Hello World 1|}\n\n[x](#hello-world-1)\n",
            config: "rules:\n  PL4004:\n    options:\n      scope: siblings\n", rules: Rules);

    [Fact]
    public void ACollisionNothingLinksToIsNotReported()
    {
        // Both headings are reachable (#c and #c-1); only a link to '#c' can land on the wrong one.
        LintVerifier.Verify("# T\n\n## C++\n\n### C\n\nSee [the other](#c-1) and [elsewhere](other.md#c).\n", rules: Rules);
        LintVerifier.Verify("# T\n\n## C++\n\n{|PL4004:### C|}\n\n<a href=\"#c\">C</a>\n", rules: Rules);
    }

    [Fact]
    public void AnchorCheckCanBeTurnedOff() =>
        LintVerifier.Verify("# T\n\n## C++\n\n## C\n\n[c](#c)\n", config: "rules:\n  PL4004:\n    options:\n      anchors: false\n", rules: Rules);

    [Fact]
    public void BadScopeIsAConfigurationError() =>
        Assert.StartsWith("<configuration>(4,14): Invalid options for PL4004 (duplicate-heading): ",
            LintVerifier.ConfigError("# T\n", config: "rules:\n  PL4004:\n    options:\n      scope: everywhere\n").Message);

    [Fact]
    public void HtmlHeadingsTakePartInDuplicates() =>
        LintVerifier.Verify("# T\n\n## Setup\n\n{|PL4004:<h2>Setup</h2>|}\n", rules: Rules);
}
