using PolicyLint.Tests.Sites;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Headings;

/// <summary>
/// The front matter title as the H1 (issue 16): written in YAML, TOML or JSON it counts the same for PL4002 and PL4003, and
/// where the site model says the site prints it, <c>frontMatterTitleIsH1</c> defaults to on for the pages the model publishes.
/// </summary>
public sealed class FrontMatterTitleTests
{
    private static readonly string[] Structure = ["PL4001", "PL4002", "PL4003"];
    private const string On = "frontMatterTitleIsH1: true\n";
    private const string Off = "frontMatterTitleIsH1: false\n";
    private const string Hint = "; if the site shows the front matter title as the H1, set 'frontMatterTitleIsH1: true'";

    public static TheoryData<string, string> Formats => new()
    {
        { "yaml", "---\ntitle: The title\n---\n" },
        { "toml", "+++\ntitle = \"The title\"\n+++\n" },
        { "json", "{\n  \"title\": \"The title\"\n}\n" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void PL4002CountsTheTitleInEveryFormat(string format, string frontMatter)
    {
        _ = format;
        var d = LintVerifier.Verify(frontMatter + "\n{|PL4002:# Body title|}\n\n## Sub\n", config: On, rules: ["PL4002"]);
        Assert.Equal("Document has more than one H1: '# Body title' comes after the front matter title 'The title' on line 2; make it an H2 or lower",
            d[0].Message);
        // Off (the default outside a site model that prints the title): the body H1 is the only one.
        LintVerifier.Verify(frontMatter + "\n# Body title\n\n## Sub\n", rules: ["PL4002"]);
        LintVerifier.Verify(frontMatter + "\n# Body title\n\n{|PL4002:# Again|}\n", config: Off, rules: ["PL4002"]);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void PL4003CountsTheTitleInEveryFormat(string format, string frontMatter)
    {
        _ = format;
        // On: the title is the first heading, so the body may start lower, and needs no heading at all.
        LintVerifier.Verify(frontMatter + "\n## Purpose\n", config: On, rules: ["PL4003"]);
        LintVerifier.Verify(frontMatter + "\nBody text.\n", config: On, rules: ["PL4003"]);
        // Not set: the first heading is checked, and the message names the setting; a titled page without headings is given the benefit of the doubt.
        var d = LintVerifier.Verify(frontMatter + "\n{|PL4003:## Purpose|}\n", rules: ["PL4003"]);
        Assert.Equal("The first heading is an H2; a document should start with an H1" + Hint, d[0].Message);
        LintVerifier.Verify(frontMatter + "\nBody text.\n", rules: ["PL4003"]);
        // Off: every check applies.
        d = LintVerifier.Verify(frontMatter + "\n{|PL4003:Body text.|}\n", config: Off, rules: ["PL4003"]);
        Assert.Equal("The document has no heading; start it with an H1 title" + Hint, d[0].Message);
        d = LintVerifier.Verify(frontMatter + "\n{|PL4003:Intro.|}\n\n# Title\n", config: Off, rules: ["PL4003"]);
        Assert.Equal("Text comes before the first heading; a document should start with its H1 title" + Hint, d[0].Message);
    }

    [Fact]
    public void ABlankOrNonTextTitleIsNoTitle()
    {
        LintVerifier.Verify("+++\ntitle = \"  \"\n+++\n\n{|PL4003:## Purpose|}\n", config: On, rules: ["PL4003"]);
        LintVerifier.Verify("{\n  \"title\": [\"a\", \"b\"]\n}\n\n{|PL4003:## Purpose|}\n", config: On, rules: ["PL4003"]);
    }

    [Fact]
    public void JekyllWithALayoutThatPrintsTheTitle()
    {
        using var t = SiteFixtures.Jekyll(); // _layouts/article.html has <h1>{{ page.title }}</h1>
        string rel = "_articles/start.md";
        Lint(t, rel, "---\ntitle: Start\n---\n\n## Setup\n\nText.\n");
        Lint(t, rel, "---\ntitle: Start\n---\n\nText only.\n");
        var d = Lint(t, rel, "---\ntitle: Start\n---\n\n{|PL4002:# Start again|}\n");
        Assert.Equal("Document has more than one H1: '# Start again' comes after the front matter title 'Start' on line 2; make it an H2 or lower" +
            "; the jekyll site shows the front matter title as the H1 (set 'frontMatterTitleIsH1: false' if this site does not)", d[0].Message);
        d = Lint(t, rel, "---\ntitle: Start\n---\n\n{|PL4001:### Deep|}\n");
        Assert.Equal("Heading level jumps from H1 (the front matter title, which the jekyll site shows as the H1; set 'frontMatterTitleIsH1: false' " +
            "if it does not) to H3; expected H2", d[0].Message);
        // README.md is excluded from the site: GitHub shows it, and GitHub prints no title.
        d = Lint(t, "README.md", "---\ntitle: Readme\n---\n\n{|PL4003:## Setup|}\n");
        Assert.Equal("The first heading is an H2; a document should start with an H1" + Hint, d[0].Message);
    }

    [Fact]
    public void JekyllWithoutSuchALayoutKeepsTheSettingUnset()
    {
        using var t = SiteFixtures.Jekyll();
        t.Write("_layouts/article.html", "<article>{{ content }}</article>\n");
        var d = Lint(t, "_articles/start.md", "---\ntitle: Start\n---\n\n{|PL4003:## Setup|}\n");
        Assert.Equal("The first heading is an H2; a document should start with an H1" + Hint, d[0].Message);
        Lint(t, "_articles/start.md", "---\ntitle: Start\n---\n\n# Start\n\n## Setup\n");
    }

    [Fact]
    public void HugoPrintsTheTitleInTomlYamlOrJson()
    {
        using var t = SiteFixtures.Hugo();
        foreach (var fm in new[] { "+++\ntitle = \"Page\"\n+++\n", "---\ntitle: Page\n---\n", "{\n  \"title\": \"Page\"\n}\n" })
        {
            Lint(t, "content/docs/page.md", fm + "\n## Options\n\nText.\n");
            var d = Lint(t, "content/docs/page.md", fm + "\n{|PL4002:# Page|}\n\n## Options\n");
            Assert.Equal("Document has more than one H1: '# Page' comes after the front matter title 'Page' on line 2; make it an H2 or lower" +
                "; the hugo site shows the front matter title as the H1 (set 'frontMatterTitleIsH1: false' if this site does not)", d[0].Message);
        }
        // A page without a title has no H1 on the site either.
        var none = Lint(t, "content/docs/page.md", "+++\nweight = 10\n+++\n\n{|PL4003:## Options|}\n");
        Assert.Equal("The first heading is an H2; a document should start with an H1", none[0].Message);
    }

    [Fact]
    public void ExplicitConfigurationOverridesTheSiteModel()
    {
        using var t = SiteFixtures.Hugo();
        const string text = "---\ntitle: Page\n---\n\n{|PL4003:## Options|}\n";
        var d = Lint(t, "content/docs/page.md", text, Off);
        Assert.Equal("The first heading is an H2; a document should start with an H1" + Hint, d[0].Message);
        d = Lint(t, "content/docs/page.md", text, "rules:\n  PL4003:\n    options:\n      frontMatterTitleIsH1: false\n");
        Assert.Equal("The first heading is an H2; a document should start with an H1" + Hint, d[0].Message);
        // 'site: none' drops the model: the setting is unset again, and a titled page without headings gets the benefit of the doubt.
        Lint(t, "content/docs/page.md", text, "site: none\n");
        Lint(t, "content/docs/page.md", "---\ntitle: Page\n---\n\nText.\n", "site: none\n");
        // On where the model would not say so: the configuration wins there too.
        using var m = SiteFixtures.MkDocs();
        Lint(m, "docs/page.md", "---\ntitle: Page\n---\n\n## Options\n", On);
    }

    [Fact]
    public void DocusaurusPrintsTheTitleUnlessThePageHasItsOwnH1OrHidesIt()
    {
        using var t = SiteFixtures.Docusaurus();
        Lint(t, "docs/Guide.md", "---\nid: guide\ntitle: Guide\n---\n\n## Install\n");
        // The first heading is an H1: that heading is the page's title, and the front matter title is not shown.
        Lint(t, "docs/Guide.md", "---\nid: guide\ntitle: Guide\n---\n\n# Guide to it\n\n## Install\n");
        var d = Lint(t, "docs/Guide.md", "---\nid: guide\ntitle: Guide\n---\n\n# Guide to it\n\n{|PL4002:# Twice|}\n");
        Assert.Equal("Document has more than one H1: '# Twice' comes after '# Guide to it' on line 6; make it an H2 or lower", d[0].Message);
        // The first heading is not an H1: the title is printed above it, so a later H1 is a second one.
        d = Lint(t, "docs/Guide.md", "---\nid: guide\ntitle: Guide\n---\n\n## Install\n\n{|PL4002:# Late|}\n");
        Assert.Equal("Document has more than one H1: '# Late' comes after the front matter title 'Guide' on line 3; make it an H2 or lower" +
            "; the docusaurus site shows the front matter title as the H1 (set 'frontMatterTitleIsH1: false' if this site does not)", d[0].Message);
        // hide_title: the page has no H1, and setting frontMatterTitleIsH1 would not help.
        d = Lint(t, "docs/Guide.md", "---\nid: guide\ntitle: Guide\nhide_title: true\n---\n\n{|PL4003:## Install|}\n");
        Assert.Equal("The first heading is an H2; a document should start with an H1", d[0].Message);
    }

    [Theory]
    [InlineData("mkdocs", "docs/page.md")]
    [InlineData("docfx", "docs/page.md")]
    public void MkDocsAndDocfxShowTheMarkdownsOwnH1(string generator, string rel)
    {
        using var t = generator == "mkdocs" ? SiteFixtures.MkDocs() : SiteFixtures.Docfx();
        var d = Lint(t, rel, "---\ntitle: Page\n---\n\n{|PL4003:## Options|}\n");
        Assert.Equal("The first heading is an H2; a document should start with an H1" + Hint, d[0].Message);
        // Themes of these sites may still print the title on a page without any H1: nothing says, so no finding.
        Lint(t, rel, "---\ntitle: Page\n---\n\nText.\n");
        Lint(t, rel, "---\ntitle: Page\n---\n\n# Page\n\n## Options\n");
    }

    /// <summary>Writes the page into the site (so the model publishes it) and verifies the structure rules on it.</summary>
    private static System.Collections.Immutable.ImmutableArray<PolicyLint.Diagnostics.Diagnostic> Lint(TempTree t, string rel, string markup, string? config = null) =>
        LintVerifier.Verify(SiteFixtures.Page(t, rel, markup), config: config, rules: Structure, path: t.Path_(rel), baseDirectory: t.Root);
}
