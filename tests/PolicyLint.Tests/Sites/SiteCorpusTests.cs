using System;
using System.IO;
using System.Linq;
using PolicyLint.Engine;
using PolicyLint.Sites;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Sites;

/// <summary>
/// The site models on the real sites of <c>../shared/corpus/sites/</c> (Jekyll, Hugo, Docusaurus, MkDocs), each copied into a
/// temporary tree with empty stand-ins for the files its <c>.paths.txt</c> lists, linted with no PolicyLint configuration at all.
/// Every PL3001/PL3002 finding pinned here was checked by hand against the source and the generator's rules (rules/PL3001.md and
/// rules/PL3002.md, corpus notes).
/// </summary>
public sealed class SiteCorpusTests
{
    private readonly ITestOutputHelper _out;
    public SiteCorpusTests(ITestOutputHelper output) => _out = output;

    private static TempTree Copy(string site)
    {
        string source = SharedData.Require("corpus/sites/" + site);
        string paths = SharedData.Require("corpus/sites/" + site + ".paths.txt");
        var tree = new TempTree();
        foreach (var f in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            tree.WriteBytes(Path.GetRelativePath(source, f), File.ReadAllBytes(f));
        foreach (var line in File.ReadAllLines(paths))
        {
            string rel = line.Trim();
            if (rel.Length > 0 && !File.Exists(tree.Path_(rel)) && !Directory.Exists(tree.Path_(rel))) tree.WriteBytes(rel, []);
        }
        return tree;
    }

    private (LintResult Result, string[] Links) Lint(TempTree tree)
    {
        var result = new LintEngine().Lint(new LintRequest { Paths = [tree.Root], BaseDirectory = tree.Root, RootDirectory = tree.Root });
        var links = result.Diagnostics.Where(d => d.Id is "PL3001" or "PL3002").Select(d => d.ToString()).ToArray();
        foreach (var s in result.SiteModels) _out.WriteLine(s);
        foreach (var kv in result.UncheckedLinks) _out.WriteLine($"not checked: {kv.Key}: {kv.Value}");
        foreach (var l in links) _out.WriteLine(l);
        return (result, links);
    }

    [Fact]
    public void JekyllOpenSourceGuide()
    {
        using var tree = Copy("github+opensource.guide");
        var (result, links) = Lint(tree);
        Assert.Equal(["site model: jekyll (from _config.yml)"], result.SiteModels);
        // With plain-file resolution there were 499 findings, none real: '../legal/' from /de/starting-a-project/ is /de/legal/.
        // Two real ones: the id kramdown makes is lower case ('...-readme'); a fragment is matched case-sensitively by browsers.
        Assert.Equal(2, links.Length);
        Assert.All(links, l => Assert.Contains("Anchor '#كتابة-ملف-README' matches no heading or id in '_articles/ar/starting-a-project.md'", l));
        var site = SiteDetector.Create(tree.Root, null)!;
        Assert.Equal("_articles/de/legal.md", site.Resolve(new SiteLinkRequest("_articles/de/starting-a-project.md", "../legal/", false, false)).File);
        Assert.Equal("_articles/finding-users.md", site.Resolve(new SiteLinkRequest("notices.md", "../finding-users/", false, false)).File);
        Assert.Equal("_articles/de/how-to-contribute.md", site.Resolve(new SiteLinkRequest("_articles/de/how-to-contribute.md", "./", false, false)).File);
        Assert.False(site.Publishes("README.md")); // excluded in _config.yml: read as GitHub shows it
        Assert.Equal(SiteLinkStatus.Missing, site.Resolve(new SiteLinkRequest("_articles/legal.md", "../no-such-guide/", false, false)).Status);
    }

    [Fact]
    public void HugoDocumentation()
    {
        using var tree = Copy("gohugoio+hugoDocs");
        var (result, links) = Lint(tree);
        Assert.Equal(["site model: hugo (from hugo.toml)"], result.SiteModels);
        // 870 findings before (748 glossary links '[term](g)', definition-term anchors, GetPage paths), none real.
        Assert.Empty(links);
        Assert.Equal(748, result.UncheckedLinks["resolved by the site's link render hook"]);
        var site = SiteDetector.Create(tree.Root, null)!;
        Assert.Equal("content/en/methods/site/Language.md", site.Resolve(new SiteLinkRequest("content/en/about/features.md", "/methods/site/language/", false, false)).File);
        Assert.Equal("content/en/methods/page/Date.md", site.Resolve(new SiteLinkRequest("content/en/templates/introduction.md", "methods/page/date/", false, false)).File);
        var all = tree.Path_("content/en/configuration/all.md");
        var anchors = site.Anchors(PolicyLint.Documents.MarkdownFile.FromBytes(all, File.ReadAllBytes(all)), "content/en/configuration/all.md");
        Assert.Contains("titlecasestyle", anchors); // a definition term: the safe fix to '#title-case-style' would break it
        Assert.Equal(SiteLinkStatus.Missing, site.Resolve(new SiteLinkRequest("content/en/about/features.md", "/methods/site/nosuch/", false, false)).Status);
    }

    [Fact]
    public void DocusaurusJest()
    {
        using var tree = Copy("jestjs+jest");
        var (result, links) = Lint(tree);
        Assert.Equal(["site model: docusaurus (from website/docusaurus.config.mjs)"], result.SiteModels);
        // Every one is a real broken link of jestjs.io (stale anchors after headings changed, a page missing from two versions,
        // a link to an archived version served by another host); the 92 case findings and 'watch-plugins'/'expect' of before are gone.
        Assert.Equal(6, links.Count(l => l.Contains("PL3001")));
        Assert.Equal(56, links.Count(l => l.Contains("PL3002")));
        Assert.Equal(29, links.Count(l => l.Contains("'#testenvironment-string'")));
        Assert.Contains("docs/TutorialReactNative.md(196,150): error PL3001: Link target 'tutorial-react' does not exist on the docusaurus site (no page or static file of the site has the URL '/docs/next/tutorial-react')", links);
        Assert.DoesNotContain(links, l => l.Contains("website/versioned_docs/version-29.7/TutorialReactNative.md"));
        var site = SiteDetector.Create(tree.Root, null)!;
        Assert.Equal("docs/Configuration.md", site.Resolve(new SiteLinkRequest("docs/CLI.md", "configuration", false, false)).File);
        Assert.Equal("website/versioned_docs/version-30.4/Configuration.md", site.Resolve(new SiteLinkRequest("website/blog/2016-04-12-jest-11.md", "/docs/configuration", false, false)).File);
    }

    [Fact]
    public void MkDocsMaterial()
    {
        using var tree = Copy("squidfunk+mkdocs-material");
        var (result, links) = Lint(tree);
        Assert.Equal(["site model: mkdocs (from mkdocs.yml)"], result.SiteModels);
        // Six real broken links. Three definitions no link uses ('blog-post.png', '../design-principles.md', '#advanced-configuration')
        // render as nothing: PL3004 reports them, PL3001/PL3002 no longer do.
        Assert.Equal(
        [
            "docs/blog/posts/insiders-now-free-for-everyone.md(92,37): error PL3002: Anchor '#advanced-settings' matches no heading or id in 'docs/setup/setting-up-a-blog.md'",
            "docs/blog/posts/insiders-now-free-for-everyone.md(99,40): error PL3002: Anchor '#advanced-settings' matches no heading or id in 'docs/setup/ensuring-data-privacy.md'",
            "docs/blog/posts/insiders-now-free-for-everyone.md(109,37): error PL3002: Anchor '#advanced-settings' matches no heading or id in 'docs/setup/setting-up-tags.md'",
            "docs/plugins/social.md(1008,17): error PL3002: Anchor '#logo-image' matches no heading or id in 'docs/setup/changing-the-logo-and-icons.md'",
            "docs/plugins/social.md(1009,22): error PL3002: Anchor '#logo-icon-bundled' matches no heading or id in 'docs/setup/changing-the-logo-and-icons.md'",
            "docs/setup/extensions/python-markdown.md(89,18): error PL3002: Anchor '#using-grids' matches no heading or id in 'docs/reference/grids.md'",
        ], links);
        var site = SiteDetector.Create(tree.Root, null)!;
        // Raw HTML is resolved by the browser from the page URL /setup/setting-up-social-cards/.
        Assert.Equal("docs/assets/screenshots/social-cards-layer-0.png",
            site.Resolve(new SiteLinkRequest("docs/setup/setting-up-social-cards.md", "../../assets/screenshots/social-cards-layer-0.png", true, true)).File);
    }
}
