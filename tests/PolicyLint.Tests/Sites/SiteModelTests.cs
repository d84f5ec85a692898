using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PolicyLint.Engine;
using PolicyLint.Sites;
using PolicyLint.Testing;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Sites;

/// <summary>Each generator's model on a small site of its own: what resolves, what is reported, what is left unchecked.</summary>
public sealed class SiteModelTests
{
    private static readonly string[] Rules = ["PL3001", "PL3002"];

    [Fact]
    public void JekyllResolvesRelativeLinksFromThePageUrlAndHonoursRedirectFrom()
    {
        using var t = SiteFixtures.Jekyll();
        string page = SiteFixtures.Page(t, "_articles/de/start.md", "---\ntitle: Start\n---\n\n## Setup\n\n" +
            "[a](../legal/) [b](../legal/#rechte) [c]({|PL3001:../legl/|}) [d](/assets/img/a.png) [e]({|PL3001:/assets/img/b.png|})\n" +
            "[f](../../notices/) [g]({|PL3002:../legal/#nope|}) [h](/old-url/) [i](legal.md) [j](./#setup) [k](../) [l](../../legal/#the-license)\n");
        var d = LintVerifier.Verify(page, rules: Rules, path: t.Path_("_articles/de/start.md"), baseDirectory: t.Root);
        Assert.Equal("Link target '../legl/' does not exist on the jekyll site (no page or file of the site has the URL '/de/legl/'); did you mean '/de/legal/'?", d[0].Message);
        Assert.Equal("Anchor '#nope' matches no heading or id in '_articles/de/legal.md'", d[2].Message);
    }

    [Fact]
    public void JekyllExcludedFilesAreReadAsGitHubShowsThem()
    {
        using var t = SiteFixtures.Jekyll();
        var d = LintVerifier.Verify("# Readme\n\n[guide]({|PL3001:docs/guide.md|}) [legal](_articles/legal.md#the-license)\n", rules: Rules,
            path: t.Path_("README.md"), baseDirectory: t.Root);
        Assert.Equal("Link target 'docs/guide.md' does not exist", d[0].Message);
    }

    [Fact]
    public void HugoLooksPagesUpLikeGetPageAndKnowsTermIdsIncludesAndRenderHooks()
    {
        using var t = SiteFixtures.Hugo();
        string page = SiteFixtures.Page(t, "content/docs/page.md", "---\ntitle: Page\n---\n\n" +
            "`titleCaseStyle`\n: The style.\n\n`matchers`\n: The matchers.\n\n## Title case style\n\n## Matchers\n\n" +
            "{{% include \"_common/snippet.md\" %}}\n\n" +
            "[a](/methods/site/language/) [b](methods/site/Language.md) [c](../methods/site/language/#options) [d]({|PL3001:/methods/site/nosuch/|})\n" +
            "[e](#titlecasestyle) [f](#title-case-style) [g](#matchers) [h](#matchers-1) [i]({|PL3002:#nope|}) [weight](g) [j](/images/logo.png)\n" +
            "[k](#included-heading) [l](/old/path/) [m]({|PL3002:/methods/site/language/#optons|})\n");
        var d = LintVerifier.Verify(page, rules: Rules, path: t.Path_("content/docs/page.md"), baseDirectory: t.Root);
        Assert.Equal("Link target '/methods/site/nosuch/' does not exist on the hugo site (no page, page resource or static file answers '/methods/site/nosuch/')", d[0].Message);
        Assert.Equal("Anchor '#optons' matches no heading or id in 'content/methods/site/Language.md'; did you mean '#options'?", d[2].Message);
    }

    [Fact]
    public void HugoSnippetsInAHeadlessBundleLeaveTheirOwnFragmentsUnchecked()
    {
        using var t = SiteFixtures.Hugo();
        var result = new LintEngine().Lint(new LintRequest { Paths = [t.Root], BaseDirectory = t.Root, RootDirectory = t.Root, DiscoverConfiguration = false });
        Assert.DoesNotContain(result.Diagnostics, x => x.Id is "PL3001" or "PL3002");
        Assert.Equal(["site model: hugo (from hugo.toml)"], result.SiteModels);
        Assert.Equal(1, result.UncheckedLinks["fragment in a snippet included into other pages"]);
    }

    [Fact]
    public void DocusaurusUsesFrontMatterIdsVersionsFileLinksAndRedirects()
    {
        using var t = SiteFixtures.Docusaurus();
        string page = SiteFixtures.Page(t, "docs/Guide.md", "---\nid: guide\n---\n\n# Guide\n\n" +
            "[a](configuration) [b](configuration#bail-boolean) [c]({|PL3002:configuration#bail|}) [d](Config.md) [e](./Intro.md#start)\n" +
            "[f]({|PL3001:Missing.md|}) [g](/img/x.png) [h](/old/anything) [i]({|PL3001:/docs/next/nothing|}) [j](/docs/intro) [k]({|PL3001:Configuration|})\n" +
            "[l](/docs/next/intro.html) [m]({|PL3001:/ja/docs/intro|})\n");
        var d = LintVerifier.Verify(page, rules: Rules, path: t.Path_("docs/Guide.md"), baseDirectory: t.Root);
        Assert.Equal("Anchor '#bail' matches no heading or id in 'docs/Config.md'", d[0].Message);
        Assert.Equal("Link target 'Missing.md' does not exist on the docusaurus site (no file 'docs/Missing.md')", d[1].Message);
        Assert.Equal("Link target 'Configuration' differs in case from '/docs/next/configuration'; the docusaurus site's URLs are case-sensitive", d[3].Message);
    }

    private const string TypeScriptConfig =
        "import type {Config} from '@docusaurus/types';\nimport i18n from './i18n.mjs';\n// docs: { path: 'not-this' }\n" +
        "const config: Config = {\n  baseUrl: '/',\n  i18n,\n  presets: [\n    [\n      'classic',\n" +
        "      /** @type {import('@docusaurus/preset-classic').Options} */\n      ({\n        docs: {\n" +
        "          editUrl: ({locale, docPath}) => `https://example.org/${locale}/${docPath}`,\n" +
        "          sidebarPath: require.resolve('./sidebars.js'),\n          path: 'docs',\n          routeBasePath: 'docs',\n        },\n" +
        "        blog: { path: 'news-posts', routeBasePath: 'news', feedOptions: { path: 'not-this-either' } },\n      }),\n    ],\n  ],\n" +
        "  plugins: [\n    ['@docusaurus/plugin-content-docs', { id: 'community', path: 'community', routeBasePath: 'community' }],\n  ],\n" +
        "  themeConfig: { docs: { sidebar: { hideable: true } } },\n};\nexport default config;\n";

    [Fact]
    public void DocusaurusConfigIsReadAtEachKeysOwnLevelWhateverElseTheFileHolds()
    {
        var c = DocusaurusConfig.Parse(TypeScriptConfig, rel => rel == "./i18n.mjs" ? "const locales = ['en', 'ja'];\nexport default {defaultLocale: 'en', locales};\n" : null);
        Assert.Equal([new DocusaurusConfig.Docs(null, "docs", "docs"), new DocusaurusConfig.Docs("community", "community", "community")], c.DocsInstances);
        Assert.Equal(("news-posts", "news", true), (c.BlogPath, c.BlogRouteBase, c.Blog));
        Assert.Equal("en", c.DefaultLocale);
        Assert.Equal(["en", "ja"], c.Locales);
        // Docs only at the site root, no blog, a base URL computed at build time (unknown: the default).
        var docsOnly = DocusaurusConfig.Parse("module.exports = {\n  baseUrl: process.env.BASE || '/',\n  trailingSlash: true,\n" +
            "  presets: [['@docusaurus/preset-classic', { docs: { routeBasePath: '/' }, blog: false }]],\n  i18n: { defaultLocale: 'fr', locales: ['fr', 'de'] },\n};\n");
        Assert.Equal([new DocusaurusConfig.Docs(null, "docs", "")], docsOnly.DocsInstances);
        Assert.Equal(("/", true, false, "fr"), (docsOnly.BaseUrl, docsOnly.TrailingSlash, docsOnly.Blog, docsOnly.DefaultLocale));
        var blogOnly = DocusaurusConfig.Parse("export default {\n  baseUrl: \"/base/\",\n  presets: [['classic', { docs: false, blog: { routeBasePath: '/' } }]],\n};\n");
        Assert.Equal(("/base/", false, "", "en"), (blogOnly.BaseUrl, blogOnly.MainDocs, blogOnly.BlogRouteBase, blogOnly.DefaultLocale));
        Assert.Empty(blogOnly.DocsInstances);
    }

    [Fact]
    public void DocusaurusServesOtherDocsInstancesTheBlogsRouteAndEachLocale()
    {
        using var t = new TempTree();
        t.Write("docusaurus.config.ts", TypeScriptConfig).Write("i18n.mjs", "export default {defaultLocale: 'en', locales: ['en', 'ja']};\n")
            .Write("docs/intro.md", "# Intro\n\n## Install\n").Write("community/support.md", "# Support\n")
            .Write("news-posts/2024-01-02-hello.md", "---\ntitle: Hello\n---\n\nHi.\n")
            .Write("i18n/ja/docusaurus-plugin-content-docs/current/guide.md", "# ガイド\n\n[導入](intro#install) [サポート](/ja/community/support)\n");
        string page = SiteFixtures.Page(t, "docs/guide.md", "# Guide\n\n" +
            "[a](/ja/docs/intro) [b](/community/support) [c](/news/2024/01/02/hello) [d]({|PL3001:/blog/2024/01/02/hello|}) [e](/ja/docs/guide)\n" +
            "[f]({|PL3001:/ja/docs/nothing|}) [g](/ja/news/2024/01/02/hello) [h]({|PL3001:/de/docs/intro|})\n");
        var d = LintVerifier.Verify(page, rules: Rules, path: t.Path_("docs/guide.md"), baseDirectory: t.Root);
        Assert.Equal("Link target '/blog/2024/01/02/hello' does not exist on the docusaurus site (no page or static file of the site has the URL '/blog/2024/01/02/hello')", d[0].Message);
        // The translated page: its relative links are URLs from /ja/docs/guide; an untranslated page falls back to English.
        var site = SiteDetector.Create(t.Root, null)!;
        Assert.Equal("docs/intro.md", site.Resolve(new SiteLinkRequest("i18n/ja/docusaurus-plugin-content-docs/current/guide.md", "intro", false, false)).File);
        Assert.Equal("i18n/ja/docusaurus-plugin-content-docs/current/guide.md", site.Resolve(new SiteLinkRequest("docs/guide.md", "/ja/docs/guide", false, false)).File);
        Assert.True(site.Publishes("i18n/ja/docusaurus-plugin-content-docs/current/guide.md"));
        var translated = LintVerifier.Lint(File.ReadAllText(t.Path_("i18n/ja/docusaurus-plugin-content-docs/current/guide.md")),
            path: t.Path_("i18n/ja/docusaurus-plugin-content-docs/current/guide.md"), baseDirectory: t.Root);
        Assert.DoesNotContain(translated, x => x.Id is "PL3001" or "PL3002");
    }

    [Fact]
    public void MkDocsLeavesTheIdsMkdocstringsMakesFromCodeUncheckedAndCountsThem()
    {
        using var t = new TempTree();
        t.Write("mkdocs.yml", "site_name: T\nplugins:\n  - search\n  - mkdocstrings:\n      handlers:\n        python:\n          paths: [src]\n")
            .Write("docs/api.md", "# API\n\n::: mypkg.client\n").Write("docs/other.md", "# Other\n\n## Setup\n");
        _ = SiteFixtures.Page(t, "docs/guide.md", "# Guide\n\n[a](api.md#mypkg.client.Client.connect) [b](other.md#setup) [c](other.md{|PL3002:#nothing|})\n");
        var result = new LintEngine().Lint(new LintRequest { Paths = [t.Path_("docs/guide.md")], BaseDirectory = t.Root, RootDirectory = t.Root });
        Assert.Equal(["docs/guide.md(3,65): error PL3002: Anchor '#nothing' matches no heading or id in 'docs/other.md'"],
            result.Diagnostics.Where(x => x.Id is "PL3001" or "PL3002").Select(x => x.ToString()).ToArray());
        Assert.Equal(1, result.UncheckedLinks["anchors made at build time"]);
    }

    [Fact]
    public void MkDocsBlogPostsGetTheBlogPluginsUrls()
    {
        using var t = new TempTree();
        t.Write("mkdocs.yml", "site_name: T\nplugins:\n  - blog\n").Write("docs/setup/index.md", "# Setup\n")
            .Write("docs/blog/index.md", "# Blog\n")
            .Write("docs/blog/posts/hello.md", "---\ndate: 2024-01-02\n---\n\n# Hello, World!\n\nSee [setup](../../../../../setup/) and [the next post](../../../../2024/03/04/next-steps/).\n")
            .Write("docs/blog/posts/next.md", "---\ndate:\n  created: 2024-03-04\ntitle: Next steps\n---\n\n# Next\n")
            .Write("docs/blog/posts/custom.md", "---\ndate: 2024-05-06\nslug: my-slug\n---\n\n# Custom\n");
        string page = SiteFixtures.Page(t, "docs/guide.md", "# Guide\n\n[a](../blog/2024/01/02/hello-world/) [b](../blog/2024/05/06/my-slug/) [c](../blog/2024/03/04/next-steps/)\n" +
            "[d](../blog/2024/01/02/hello/) [e](../blog/category/news/) [f]({|PL3001:../setup/nothing/|})\n");
        var result = new LintEngine().Lint(new LintRequest { Paths = [t.Path_("docs")], BaseDirectory = t.Root, RootDirectory = t.Root });
        Assert.Equal(["docs/guide.md(4,64): error PL3001: Link target '../setup/nothing/' does not exist on the mkdocs site (no page or file of the site has the URL '/setup/nothing/')"],
            result.Diagnostics.Where(x => x.Id is "PL3001" or "PL3002").Select(x => x.ToString()).ToArray());
        // A URL under the blog that no post has (a wrong slug, category and archive pages) is the plugin's: counted, not reported.
        Assert.Equal(2, result.UncheckedLinks["blog plugin URL"]);
        var site = SiteDetector.Create(t.Root, null)!;
        Assert.Equal("docs/blog/posts/next.md", site.Resolve(new SiteLinkRequest("docs/blog/posts/hello.md", "../../../../2024/03/04/next-steps/", false, false)).File);
        Assert.Equal("docs/setup/index.md", site.Resolve(new SiteLinkRequest("docs/blog/posts/hello.md", "../../../../../setup/", false, false)).File);
    }

    [Fact]
    public void MkDocsSlugsAttrListsHooksTabsFootnotesAndRawHtml()
    {
        using var t = SiteFixtures.MkDocs();
        string page = SiteFixtures.Page(t, "docs/reference/page.md", "# Page\n\n## Tabs\n\n=== \"Tab One\"\n\n    Text.\n\n" +
            "[a](../setup/index.md#caret-mark-tilde) [b]({|PL3002:../setup/index.md#caret-mark--tilde|}) [c](../setup/index.md#opts) [d](../setup/index.md#+type:x)\n" +
            "[e](../old.md) <img src=\"../../assets/a.png\"> ![x]({|PL3001:../assets/b.png|}) [f](#fn:1) [g](#tabs--tab-one) [h](../../setup/#9.7.0) [i](../../setup/) [j]({|PL3001:../setup/|})\n\n" +
            "Text.[^1]\n\n  [^1]: A note.\n");
        var d = LintVerifier.Verify(page, rules: Rules, path: t.Path_("docs/reference/page.md"), baseDirectory: t.Root);
        Assert.Equal("Anchor '#caret-mark--tilde' differs only in punctuation, dashes or emoji from '#caret-mark-tilde' in 'docs/setup/index.md'", d[0].Message);
        // The fix writes the anchor MkDocs makes, not GitHub's.
        Assert.Equal("caret-mark-tilde", d[0].Fix!.Edits.Single().NewText);
    }

    [Fact]
    public void DocfxFileLinksRedirectionsIncludesAndSectionIds()
    {
        using var t = SiteFixtures.Docfx();
        string page = SiteFixtures.Page(t, "docs/page.md", "# Page\n\n[!INCLUDE [snip](includes/snip.md)]\n\n" +
            "[a](a.md#section) [b](a.md#section-1) [c](old.md) [d](#included) [e]({|PL3001:nope.md|}) [f](/dotnet/core/) [g](~/docs/a.md)\n");
        LintVerifier.Verify(page, rules: Rules, path: t.Path_("docs/page.md"), baseDirectory: t.Root);
    }

    /// <summary>
    /// Links that work on the published site, each of which a plain-file reading would "fix": a wrong-case file or folder, an
    /// anchor that differs from a heading's slug only in case or punctuation. <paramref name="plainFix"/> is the safe fix the
    /// same text gets with <c>site: none</c> (the candidate the model must withhold), or null where there is none to show.
    /// </summary>
    [Theory]
    [InlineData("jekyll", "_articles/de/start.md", "---\ntitle: S\n---\n\n[a](../legal/#rechte) [c](./#s)\n\n## S\n", null)]
    [InlineData("hugo", "content/docs/page.md", "---\ntitle: P\n---\n\n`titleCaseStyle`\n: x\n\n## Title Case Style\n\n[a](#titlecasestyle) [b](/methods/site/LANGUAGE/#options)\n", "Use '#title-case-style'")]
    [InlineData("docusaurus", "docs/Guide.md", "---\nid: guide\n---\n\n# G\n\n[a](configuration#bail-boolean) [b](./Intro.md#start)\n", null)]
    [InlineData("mkdocs", "docs/reference/page.md", "# P\n\n[a](../setup/index.md#caret-mark-tilde) [b](../../setup/#opts)\n", "Use '#caret-mark--tilde'")]
    [InlineData("docfx", "docs/page.md", "# P\n\n[a](a.md#section-1) [b](A.md)\n", "Use 'a.md'")]
    [InlineData("github", "docs/page.md", "# P\n\n<a name=\"Intro\"></a>\n\n## Intro\n\n[a](#Intro) [b](#user-content-intro) [c](../src/app.cs#L10) [d](../README.md#readme)\n", null)]
    public void SafeFixesNeverChangeALinkThatWorksOnThePublishedSite(string generator, string rel, string text, string? plainFix)
    {
        using var t = generator switch
        {
            "jekyll" => SiteFixtures.Jekyll(), "hugo" => SiteFixtures.Hugo(), "docusaurus" => SiteFixtures.Docusaurus(),
            "mkdocs" => SiteFixtures.MkDocs(), "docfx" => SiteFixtures.Docfx(), _ => new TempTree(),
        };
        if (generator == "docfx") t.Write(".openpublishing.publish.config.json", "{}\n");
        if (generator == "github") t.Write("src/app.cs", "class App { }\n").Write("README.md", "# Readme\n");
        t.Write(rel, text);
        // Every link here works on the published site: no finding, and --fix leaves the text as it is.
        var diags = LintVerifier.Lint(text, path: t.Path_(rel), baseDirectory: t.Root).Where(x => x.Id.StartsWith("PL300", System.StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(diags, x => x.Id is "PL3001" or "PL3002");
        Assert.All(diags, x => Assert.Null(x.Fix));
        LintVerifier.VerifyFix(text, text, rules: Rules, path: t.Path_(rel), baseDirectory: t.Root);
        // Read as plain files, the same text gets the safe fix that would break the link on the site.
        var plain = LintVerifier.Lint(text, config: "site: none\n", path: t.Path_(rel), baseDirectory: t.Root)
            .Where(x => x.Id is "PL3001" or "PL3002" && x.Fix is { IsSafe: true }).Select(x => x.Fix!.Title).ToArray();
        if (plainFix is null) Assert.Empty(plain);
        else Assert.Contains(plainFix, plain);
    }

    [Fact]
    public void SiteNoneKeepsPlainFileResolution()
    {
        using var t = SiteFixtures.Hugo();
        string text = "---\ntitle: P\n---\n\n[a](/methods/site/language/) [b]({|PL3001:methods/site/Language.md|})\n";
        t.Write("content/docs/page.md", SpanMarkup.Parse(text).Text);
        LintVerifier.Verify(text, config: "site: none\n", rules: Rules, path: t.Path_("content/docs/page.md"), baseDirectory: t.Root);
    }

    [Fact]
    public void DetectionReadsTheGeneratorsOwnFiles()
    {
        using (var t = SiteFixtures.Jekyll()) Assert.Equal("site model: jekyll (from _config.yml)", SiteDetector.Create(t.Root, null)!.Describe());
        using (var t = SiteFixtures.Hugo()) Assert.Equal("site model: hugo (from hugo.toml)", SiteDetector.Create(t.Root, "auto")!.Describe());
        using (var t = SiteFixtures.Docusaurus()) Assert.Equal("site model: docusaurus (from website/docusaurus.config.js)", SiteDetector.Create(t.Root, null)!.Describe());
        using (var t = SiteFixtures.MkDocs()) Assert.Equal("site model: mkdocs (from mkdocs.yml)", SiteDetector.Create(t.Root, null)!.Describe());
        using (var t = SiteFixtures.Docfx()) Assert.Equal("site model: docfx (from docfx.json)", SiteDetector.Create(t.Root, null)!.Describe());
        using (var t = new TempTree())
        {
            // A Jupyter Book _config.yml is not Jekyll; a plain folder has no site.
            t.Write("_config.yml", "title: Book\nexecute:\n  execute_notebooks: off\n");
            Assert.Null(SiteDetector.Create(t.Root, null));
            Assert.Null(SiteDetector.Create(t.Root, "none"));
        }
    }

    [Fact]
    public void WhetherTheSiteShowsTheTitleAsTheH1()
    {
        using (var t = SiteFixtures.Jekyll()) Assert.True(SiteDetector.Create(t.Root, null)!.RendersTitleAsH1);
        using (var t = SiteFixtures.Hugo()) Assert.True(SiteDetector.Create(t.Root, null)!.RendersTitleAsH1);
        using (var t = SiteFixtures.Docusaurus()) Assert.True(SiteDetector.Create(t.Root, null)!.RendersTitleAsH1);
        using (var t = SiteFixtures.MkDocs()) Assert.False(SiteDetector.Create(t.Root, null)!.RendersTitleAsH1);
        using (var t = SiteFixtures.Docfx()) Assert.False(SiteDetector.Create(t.Root, null)!.RendersTitleAsH1);
    }

    [Fact]
    public void IgnoreSettingsSkipLinksAndCountThem()
    {
        using var t = SiteFixtures.Hugo();
        string text = "---\ntitle: P\n---\n\n[a](/api/v1/) [b](/generated/x/) [c](#gen-1) [d]({|PL3001:/really/missing/|})\n";
        t.Write("content/docs/page.md", SpanMarkup.Parse(text).Text);
        t.Write(".policylint.yml", "links:\n  external: [/api/]\n  ignoreTargets: [\"/generated/**\"]\n  ignoreFragments: [\"re:^gen-\\\\d+$\"]\n");
        var result = new LintEngine().Lint(new LintRequest { Paths = [t.Path_("content/docs/page.md")], BaseDirectory = t.Root, RootDirectory = t.Root });
        var links = result.Diagnostics.Where(x => x.Id is "PL3001" or "PL3002").ToList();
        Assert.Equal("Link target '/really/missing/' does not exist on the hugo site (no page, page resource or static file answers '/really/missing/')", Assert.Single(links).Message);
        Assert.Equal(1, result.UncheckedLinks["served elsewhere (links.external)"]);
        Assert.Equal(2, result.UncheckedLinks["ignored by the links setting"]);
        Assert.Contains("; 3 links not checked (ignored by the links setting: 2, served elsewhere (links.external): 1)", PolicyLint.Output.TextFormatter.FormatSummary(result));
    }

    [Fact]
    public void AnUnknownSiteModelNameIsAConfigurationError()
    {
        // As for other settings the rules read: the run stops with one configuration error at the value.
        var e = LintVerifier.ConfigError("[a](b.md)\n", config: "site: sphinx\n");
        Assert.Equal("<configuration>(1,7): Unknown site model 'sphinx'; use one of: auto, none, github, jekyll, hugo, docusaurus, mkdocs, docfx", e.Message);
    }

    [Fact]
    public void AWrongCaseFolderInTheMiddleOfAPathGetsASafeFix()
    {
        using var t = new TempTree();
        t.Write("Docs/Guide/intro.md", "# Intro\n");
        var d = LintVerifier.Verify("[a]({|PL3001:docs/Guide/intro.md#intro|})\n", rules: ["PL3001"], path: t.Path_("README.md"), baseDirectory: t.Root);
        Assert.Equal("Link target 'docs/Guide/intro.md' differs in case from 'Docs/Guide/intro.md' on disk: it works on Windows and macOS but breaks on Linux and on the web", d[0].Message);
        LintVerifier.VerifyFix("[a](docs/Guide/intro.md#intro)\n", "[a](Docs/Guide/intro.md#intro)\n", rules: ["PL3001"], path: t.Path_("README.md"), baseDirectory: t.Root);
    }
}
