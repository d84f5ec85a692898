using System.Linq;
using System.Threading.Tasks;
using PolicyLint.Engine;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Links;

public sealed class PL3002AnchorMissingTests
{
    private static readonly string[] Rule = ["PL3002"];

    [Fact]
    public void SameFileAnchorsComeFromHeadingsCustomIdsAndHtml()
    {
        var d = LintVerifier.Verify(
            "# Intro\n\n## Setup {#install}\n\n<a name=\"legacy\"></a>\n<span id=\"x-1\">x</span>\n\n" +
            "[a](#intro) [b](#install) [c](#legacy) [d](#x-1) [e](#top) [f](#user-content-intro) [g]({|PL3002:#nowhere|})\n", rules: Rule);
        Assert.Equal("Anchor '#nowhere' matches no heading or id in this file", d[0].Message);
    }

    [Fact]
    public void NearMissesHaveTheirOwnWordingAndASafeFix()
    {
        var d = LintVerifier.Verify("# Getting Started\n\n## C# & .NET\n\n## 🎉 Party\n\n" +
            "[a]({|PL3002:#Getting-Started|}) [b]({|PL3002:#c-net|}) [c]({|PL3002:#party|}) [d]({|PL3002:#getting-stared|})\n", rules: Rule);
        Assert.Equal("Anchor '#Getting-Started' differs only in case from '#getting-started' in this file; anchors are case-sensitive", d[0].Message);
        Assert.Equal("Anchor '#c-net' differs only in punctuation, dashes or emoji from '#c--net' in this file", d[1].Message);
        Assert.Equal("Anchor '#party' differs only in punctuation, dashes or emoji from '#-party' in this file", d[2].Message);
        Assert.Equal("Anchor '#getting-stared' matches no heading or id in this file; did you mean '#getting-started'?", d[3].Message);
        Assert.NotNull(d[0].Fix);
        Assert.Null(d[3].Fix);
        LintVerifier.VerifyFix("# Getting Started\n\n[a](#Getting-Started)\n", "# Getting Started\n\n[a](#getting-started)\n", rules: Rule);
    }

    [Fact]
    public void AHiddenCharacterInTheAnchorIsNeverCopiedIntoTheLink()
    {
        // The anchor differs from the link only by a right-to-left override (a "punctuation" near miss): a fix would plant it in the link.
        var d = LintVerifier.Verify("<a name=\"intro\u202E\"></a>\n\n[a]({|PL3002:#intro|})\n", rules: Rule);
        Assert.Equal("Anchor '#intro' differs only in punctuation, dashes or emoji from '#intro\u202E' in this file", d[0].Message);
        Assert.Null(d[0].Fix);
        d = LintVerifier.Verify("<a name=\"In\u200Btro\"></a>\n\n[a]({|PL3002:#in\u200Btro|})\n", rules: Rule);
        Assert.Null(d[0].Fix);
    }

    [Fact]
    public void AmbiguousNearMissesGetNoFix()
    {
        var d = LintVerifier.Verify("# a-b\n\n# a_b\n\n[x]({|PL3002:#ab|})\n", rules: Rule);
        Assert.Null(d[0].Fix);
    }

    [Fact]
    public void CrossFileAnchorsInTheRunAndOutsideIt()
    {
        using var t = new TempTree();
        t.Write("other.md", "# Other\n\n## Part Two\n\n<a id=\"anchor\"></a>\n");
        t.Write("code.py", "print(1)\n").Write("page.html", "<h1 id=x>x</h1>");
        // other.md is not in the run: read lazily.
        var d = LintVerifier.Verify("[a](other.md#part-two) [b](other.md#anchor) [c]({|PL3002:other.md#part-tow|}) [d](code.py#L10-L20) " +
            "[e](page.html#whatever) [f](./other#other) [g]({|PL3002:other.md#Part-Two|})\n", rules: Rule, path: t.Path_("doc.md"), baseDirectory: t.Root);
        Assert.Equal("Anchor '#part-tow' matches no heading or id in 'other.md'; did you mean '#part-two'?", d[0].Message);
        Assert.Equal("Anchor '#Part-Two' differs only in case from '#part-two' in 'other.md'; anchors are case-sensitive", d[1].Message);
    }

    [Fact]
    public async Task LinkCyclesBetweenFilesAreHarmless()
    {
        using var t = new TempTree();
        t.Write("a.md", "# A\n\n[to b](b.md#b) [bad](b.md#nope)\n");
        t.Write("b.md", "# B\n\n[to a](a.md#a) [self](b.md#b) [dir](./#a)\n");
        t.Write("README.md", "# Index\n\n[a](a.md#a)\n");
        var r = await new LintEngine().LintAsync(new LintRequest { Paths = [t.Root], BaseDirectory = t.Root, RootDirectory = t.Root },
            cancellationToken: TestContext.Current.CancellationToken);
        var d = r.Diagnostics.Where(x => x.Id == "PL3002").ToList();
        Assert.Equal(2, d.Count);
        Assert.Equal("a.md", d[0].Location.Path);
        Assert.Equal(3, d[0].Location.StartLine);
        Assert.Equal("b.md", d[1].Location.Path); // README.md has no '#a'
        Assert.Contains("'#a' matches no heading or id in 'README.md'", d[1].Message);
    }

    [Fact]
    public void SlugStyleIsConfigurable()
    {
        LintVerifier.Verify("# Foo -- Bar\n\n[a](#foo-bar) [b]({|PL3002:#foo----bar|})\n", config: "slugStyle: gitlab\n", rules: Rule);
        LintVerifier.Verify("# Foo -- Bar\n\n[a]({|PL3002:#foo-bar|}) [b](#foo----bar)\n", rules: Rule);
    }

    [Fact]
    public void ImageAltTextIsNoPartOfTheAnchorAndInlineHtmlGivesItsText()
    {
        var d = LintVerifier.Verify("# Title ![badge](b.png)\n\n## <span>Hello</span> World\n\n## ![logo](l.png) Logo\n\n" +
            "[a](#title-) [b]({|PL3002:#title-badge|}) [c](#hello-world) [d](#-logo)\n", rules: Rule);
        Assert.Equal("Anchor '#title-badge' matches no heading or id in this file", d[0].Message);
    }

    [Fact]
    public void AHeadingEndingInACommentKeepsTheSeparator()
    {
        var d = LintVerifier.Verify("# Title <!-- note -->\n\n[a](#title-) [b]({|PL3002:#title|})\n", rules: Rule);
        Assert.Equal("Anchor '#title' differs only in punctuation, dashes or emoji from '#title-' in this file", d[0].Message);
    }

    [Fact]
    public void TopIsCaseSensitive()
    {
        var d = LintVerifier.Verify("# Intro\n\n[a](#top) [b]({|PL3002:#Top|})\n", rules: Rule);
        Assert.Equal("Anchor '#Top' is not '#top': anchors are case-sensitive, and only '#top' goes to the top of the page", d[0].Message);
        Assert.True(d[0].Fix!.IsSafe);
        LintVerifier.VerifyFix("# Intro\n\n[b](#TOP)\n", "# Intro\n\n[b](#top)\n", rules: Rule);
    }

    [Fact]
    public void CustomIdsCountOnlyWhenWellFormedAndLowerCase() =>
        LintVerifier.Verify("## Setup {#install}\n\n## Other {#Bad-Id}\n\n## Third {#a--b}\n\n## Step {#step_2}\n\n" +
            "## قائمة تحقّق {#قائمة-تحقّق}\n\n" +
            "[a](#install) [b]({|PL3002:#Bad-Id|}) [c]({|PL3002:#a--b|}) [d](#step_2) [e](#other-bad-id) [f](#قائمة-تحقّق)\n", rules: Rule);

    [Fact]
    public void NameMakesAnAnchorOnlyOnATagsAndIdWins() =>
        LintVerifier.Verify("<span name=\"x\"></span>\n<a name=\"legacy\"></a>\n<div id=\"main\" name=\"other\"></div>\n<a id=\"both\" name=\"alias\"></a>\n\n" +
            "[a](#legacy) [b]({|PL3002:#x|}) [c](#main) [d]({|PL3002:#other|}) [e](#both) [f]({|PL3002:#alias|})\n", rules: Rule);

    [Fact]
    public void GitHubLineAnchorsAndReadmeAnchor()
    {
        using var t = new TempTree();
        t.Write("other.md", "# Other\n").Write("README.md", "# Project\n\n[top](#readme)\n");
        LintVerifier.Verify("# Doc\n\n[a](#L10) [b](#L10-L20) [c](#L3C1-L4C2) [d]({|PL3002:#L10C5|}) [e](other.md#L5) " +
            "[f](README.md#readme) [g]({|PL3002:other.md#readme|}) [h]({|PL3002:#readme|})\n", rules: Rule, path: t.Path_("doc.md"), baseDirectory: t.Root);
        LintVerifier.Verify("# Project\n\n[top](#readme)\n", rules: Rule, path: t.Path_("README.md"), baseDirectory: t.Root);
    }

    [Fact]
    public void AFolderLinkFindsItsReadmeInAnyCaseAndExtension()
    {
        using var t = new TempTree();
        t.Write("docs/readme.md", "# Docs\n\n## Setup\n").Write("guide/README.markdown", "# Guide\n\n## Usage\n").Dir("empty");
        var d = LintVerifier.Verify("# Doc\n\n[a](docs/#setup) [b](guide/#usage) [c]({|PL3002:docs/#nope|}) [d](docs/) [e]({|PL3001:empty/|})\n",
            rules: ["PL3001", "PL3002"], path: t.Path_("doc.md"), baseDirectory: t.Root);
        Assert.Equal("Anchor '#nope' matches no heading or id in 'docs/readme.md'", d[0].Message);
    }

    [Fact]
    public void AMissingFileIsOneFindingAndAMissingFragmentIsAnother()
    {
        using var t = new TempTree();
        t.Write("other.md", "# Other\n");
        var d = LintVerifier.Verify("# Doc\n\n[a]({|PL3001:missing.md#part|}) [b]({|PL3002:other.md#nope|})\n",
            rules: ["PL3001", "PL3002"], path: t.Path_("doc.md"), baseDirectory: t.Root);
        Assert.Equal("Link target 'missing.md' does not exist", d[0].Message);
        Assert.Equal("Anchor '#nope' matches no heading or id in 'other.md'", d[1].Message);
    }

    [Fact]
    public void BitbucketAndAzureDevOpsSlugStyles()
    {
        LintVerifier.Verify("# Hello World\n\n## Café - Menu!\n\n## Hello World\n\n" +
            "[a](#markdown-header-hello-world) [b](#markdown-header-cafe-menu) [c](#markdown-header-hello-world_1) [d]({|PL3002:#hello-world|})\n",
            config: "slugStyle: bitbucket\n", rules: Rule);
        LintVerifier.Verify("# Hello World\n\n## C# & .NET (v2)\n\n## Hello World\n\n" +
            "[a](#hello-world) [b](#c%23-%26-.net-(v2)) [c]({|PL3002:#hello-world-1|})\n", config: "slugStyle: azure-devops\n", rules: Rule);
    }

    [Fact]
    public void ThousandsOfLinksAndLongAnchorsStayLinear()
    {
        var sb = new System.Text.StringBuilder("# Top\n\n");
        for (int i = 0; i < 3000; i++) sb.Append("[x](#top) [y](#h").Append(i).Append(")\n");
        sb.Append("[z](#").Append(new string('a', 20000)).Append(")\n");
        var d = LintVerifier.Lint(sb.ToString());
        Assert.Equal(3001, d.Count(x => x.Id == "PL3002"));
    }
}
