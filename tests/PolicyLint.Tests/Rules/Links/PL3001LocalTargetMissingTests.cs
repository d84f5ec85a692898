using System;
using System.IO;
using System.Linq;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Links;

public sealed class PL3001LocalTargetMissingTests
{
    private static readonly string[] Rule = ["PL3001"];

    [Fact]
    public void ReportsMissingRelativeLinksImagesDefinitionsAndHtml()
    {
        using var t = new TempTree();
        t.Write("docs/exists.md", "# E\n").WriteBytes("docs/img/a.png", [1]);
        var d = LintVerifier.Verify(
            "[ok](exists.md) [bad]({|PL3001:missing.md|}) ![ok](img/a.png) ![bad]({|PL3001:img/b.png|})\n\n" +
            "[ref][r]\n\n[r]: {|PL3001:nope/x.md|}\n\n<a href=\"{|PL3001:gone.md|}\">x</a> <img src=\"img/a.png\" alt=\"a\">\n",
            rules: Rule, path: t.Path_("docs/doc.md"), baseDirectory: t.Root);
        Assert.Equal("Link target 'missing.md' does not exist", d[0].Message);
        Assert.Equal("Image 'img/b.png' does not exist", d[1].Message);
        Assert.Equal("Reference definition target 'nope/x.md' does not exist", d[2].Message);
    }

    [Fact]
    public void AnUnusedDefinitionIsNoLinkItsMissingTargetIsLeftToPL3004()
    {
        using var t = new TempTree();
        // An unused definition renders as nothing, on GitHub and on every generator: PL3004 reports it (and removes it).
        var d = LintVerifier.Verify(
            "See [the guide][used] and [the other guide][Used Too].\n\n[used]: {|PL3001:gone.md|}\n[used too]: {|PL3001:gone2.md#x|}\n" +
            "[stale]: also-gone.md\n[stale anchor]: #no-such-heading\n",
            rules: ["PL3001", "PL3002"], path: t.Path_("doc.md"), baseDirectory: t.Root);
        Assert.Equal(["Reference definition target 'gone.md' does not exist", "Reference definition target 'gone2.md' does not exist"],
            d.Select(x => x.Message).ToArray());
    }

    [Fact]
    public void PercentDecodesAndDropsQueryAndFragment()
    {
        using var t = new TempTree();
        t.Write("my file.md", "# A\n");
        LintVerifier.Verify("[a](my%20file.md?x=1#a) [b](<my file.md>) [c]({|PL3001:my%20filx.md|})\n",
            rules: Rule, path: t.Path_("doc.md"), baseDirectory: t.Root);
    }

    [Fact]
    public void DirectoryLinksNeedAnIndexFile()
    {
        using var t = new TempTree();
        t.Write("a/README.md", "# A\n").Write("b/index.md", "# B\n").Write("c/other.md", "# C\n");
        var d = LintVerifier.Verify("[a](a/) [b](b) [c]({|PL3001:c/|})\n", rules: Rule, path: t.Path_("doc.md"), baseDirectory: t.Root);
        Assert.Equal("Link target 'c/' is a folder without an index file (README.md or index.md)", d[0].Message);
        LintVerifier.Verify("[a]({|PL3001:a/|}) [c](c/)\n", config: "indexFiles: [other.md]\n", rules: Rule, path: t.Path_("doc.md"), baseDirectory: t.Root);
    }

    [Fact]
    public void HtmlMapsToMarkdownOnlyWhenConfigured()
    {
        using var t = new TempTree();
        t.Write("page.md", "# P\n");
        LintVerifier.Verify("[p]({|PL3001:page.html|})\n", rules: Rule, path: t.Path_("doc.md"), baseDirectory: t.Root);
        LintVerifier.Verify("[p](page.html)\n", config: "htmlExtensionMapsToMd: true\n", rules: Rule, path: t.Path_("doc.md"), baseDirectory: t.Root);
    }

    [Fact]
    public void ExtensionlessTargetsFindMarkdownUnlessTurnedOff()
    {
        using var t = new TempTree();
        t.Write("post.md", "# P\n");
        LintVerifier.Verify("[p](post)\n", rules: Rule, path: t.Path_("doc.md"), baseDirectory: t.Root);
        LintVerifier.Verify("[p]({|PL3001:post|})\n", config: "rules:\n  PL3001:\n    options:\n      implicitExtensions: []\n",
            rules: Rule, path: t.Path_("doc.md"), baseDirectory: t.Root);
    }

    [Fact]
    public void CaseMismatchIsReportedWithASafeFix()
    {
        using var t = new TempTree();
        t.Write("docs/Guide.md", "# G\n");
        var d = LintVerifier.Verify("[g]({|PL3001:docs/guide.md|})\n", rules: Rule, path: t.Path_("doc.md"), baseDirectory: t.Root);
        Assert.Contains("differs in case from 'Guide.md'", d[0].Message);
        LintVerifier.VerifyFix("[g](docs/guide.md#x)\n", "[g](docs/Guide.md#x)\n", rules: Rule, path: t.Path_("doc.md"), baseDirectory: t.Root);
    }

    [Fact]
    public void SiteRootedLinksResolveThroughSiteRootsAndAreIgnoredWithout()
    {
        using var t = new TempTree();
        t.WriteBytes("site/assets/x.png", [1]);
        LintVerifier.Verify("![x](/blog/assets/x.png) ![y](/blog/assets/y.png)\n", rules: Rule, path: t.Path_("site/doc.md"), baseDirectory: t.Root);
        var d = LintVerifier.Verify("![x](/blog/assets/x.png) ![y]({|PL3001:/blog/assets/y.png|})\n", config: "siteRoots:\n  /blog/: site\n",
            rules: Rule, path: t.Path_("site/doc.md"), baseDirectory: t.Root);
        Assert.Equal("Image '/blog/assets/y.png' does not exist (looked for 'site/assets/y.png' through siteRoots)", d[0].Message);
    }

    [Fact]
    public void LinksThatLeaveTheRootAreReportedAndNeverRead()
    {
        using var t = new TempTree();
        t.Dir(".git").Write("repo/README.md", "# R\n");
        var d = LintVerifier.Verify("[out]({|PL3001:../../../etc/passwd|})\n", rules: Rule, path: t.Path_("doc.md"), baseDirectory: t.Root);
        Assert.Contains("leaves the repository root", d[0].Message);
    }

    [Fact]
    public void ExternalFragmentTemplatedAndMalformedTargetsAreLeftAlone()
    {
        LintVerifier.Verify("[a](https://example.com/x) [b](#top) [c](mailto:a@b.org) [d]({{ site.url }}/x) [e](www.example.com) [f]()\n\n" +
            "[//]: # (a comment)\n[comment]: <> (another)\n", rules: Rule);
    }

    [Fact]
    public void TargetsThatAreDevicesOrDirectoriesDoNotHang()
    {
        using var t = new TempTree();
        t.Dir("folder");
        // A FIFO would block a reader; the rule only looks the name up.
        string fifo = t.Path_("pipe.md");
        if (!OperatingSystem.IsWindows()) System.Diagnostics.Process.Start("mkfifo", fifo)!.WaitForExit();
        LintVerifier.Verify("[p](pipe.md#x) [n](/dev/null) [f]({|PL3001:folder|})\n", rules: ["PL3001", "PL3002"], path: t.Path_("doc.md"), baseDirectory: t.Root);
    }

    [Fact]
    public void SymlinkLoopsAreMissingTargetsNotHangs()
    {
        if (OperatingSystem.IsWindows()) return;
        using var t = new TempTree();
        Directory.CreateSymbolicLink(t.Path_("loop"), t.Path_("loop"));
        Directory.CreateSymbolicLink(t.Path_("a"), t.Path_("b"));
        Directory.CreateSymbolicLink(t.Path_("b"), t.Path_("a"));
        var d = LintVerifier.Lint("[l](loop/x.md#y) [a](a/b/a/x.md)\n", path: t.Path_("doc.md"), baseDirectory: t.Root);
        Assert.Equal(2, d.Count(x => x.Id == "PL3001"));
    }
}
