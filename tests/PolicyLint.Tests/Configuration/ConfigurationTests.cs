using System.IO;
using Microsoft.Extensions.FileSystemGlobbing;
using System.Linq;
using System.Threading.Tasks;
using PolicyLint.Analysis;
using PolicyLint.Configuration;
using PolicyLint.Diagnostics;
using PolicyLint.Engine;
using PolicyLint.Tests.TestSupport;
using static PolicyLint.Tests.Engine.ExternalAnalyzerTests;

namespace PolicyLint.Tests.Configuration;

public sealed class ConfigurationTests
{
    private static readonly MarkdownAnalyzer[] Analyzers = [new ForbiddenWordAnalyzer()];

    private static async Task<string[]> Run(TempTree t, string? configPath = null, params string[] paths)
    {
        var r = await new LintEngine(Analyzers).LintAsync(new LintRequest
        {
            BaseDirectory = t.Root, ConfigPath = configPath, Paths = paths.Length == 0 ? ["."] : paths,
        });
        return r.Diagnostics.Where(d => d.Id == "ACME1001").Select(d => $"{d.Location.Path}:{d.Severity.ToDisplayString()}").ToArray();
    }

    [Fact]
    public async Task NearestConfigurationWinsAndRootStopsTheWalk()
    {
        using var t = new TempTree();
        t.Write(".policylint.yml", "rules:\n  ACME1001: error\n");
        t.Write("a.md", "foo\n");
        t.Write("docs/b.md", "foo\n");
        t.Write("docs/.policylint.yml", "rules:\n  ACME1001: info\n");
        t.Write("other/c.md", "foo\n");
        t.Write("other/.policylint.yml", "root: true\n");
        Assert.Equal(["a.md:error", "docs/b.md:info", "other/c.md:warning"], await Run(t));
    }

    [Fact]
    public async Task ParentConfigurationCascadesWhenNotRoot()
    {
        using var t = new TempTree();
        t.Write(".policylint.yml", "rules:\n  ACME1001:\n    severity: error\n    options:\n      words: [baz]\n");
        t.Write("docs/.policylint.yml", "rules:\n  forbidden-word: info\n");
        t.Write("docs/b.md", "baz foo\n");
        Assert.Equal(["docs/b.md:info"], await Run(t));
    }

    [Fact]
    public async Task OverridesApplyPerFolder()
    {
        using var t = new TempTree();
        t.Write(".policylint.yml", "root: true\noverrides:\n  - files: ['policies/**/*.md']\n    rules:\n      ACME1001: error\n  - files: ['**/drafts/*.md']\n    rules:\n      ACME1001: none\n");
        t.Write("policies/hr/leave.md", "foo\n");
        t.Write("policies/drafts/x.md", "foo\n");
        t.Write("blog/post.md", "foo\n");
        Assert.Equal(["blog/post.md:warning", "policies/hr/leave.md:error"], await Run(t));
    }

    [Fact]
    public async Task IncludeAndExcludeFilterDirectoryWalks()
    {
        using var t = new TempTree();
        t.Write(".policylint.yml", "root: true\nexclude: ['archive/**']\n");
        t.Write("a.md", "foo\n");
        t.Write("archive/old.md", "foo\n");
        t.Write("node_modules/pkg/readme.md", "foo\n");
        t.Write("notes.txt", "foo\n");
        Assert.Equal(["a.md:warning"], await Run(t));
        Assert.Equal(["archive/old.md:warning"], await Run(t, null, "archive/old.md")); // named explicitly: linted
    }

    [Fact]
    public async Task ExplicitConfigTurnsDiscoveryOff()
    {
        using var t = new TempTree();
        t.Write(".policylint.yml", "rules:\n  ACME1001: error\n");
        t.Write("ci.yml", "rules:\n  ACME1001: info\n");
        t.Write("a.md", "foo\n");
        Assert.Equal(["a.md:info"], await Run(t, "ci.yml"));
    }

    [Theory]
    [InlineData("rules:\n  PL9999: error\n", "(2,3): Unknown rule 'PL9999'; run 'dotnet policylint rules' for the list")]
    [InlineData("rules:\n  forbiden-word: error\n", "(2,3): Unknown rule 'forbiden-word'; did you mean 'forbidden-word'?")]
    [InlineData("rules:\n  ACME1001: loud\n", "(2,13): 'loud' is not a severity for rule 'ACME1001'; use none, info, warning or error")]
    [InlineData("rulez: {}\n", "(1,1): Unknown configuration key 'rulez'")]
    [InlineData("rules: [a\n  b: c\n", "): Invalid YAML")]
    [InlineData("- a\n- b\n", "(1,1): The configuration must be a mapping of keys to values")]
    [InlineData("extends: nosuchpack\n", ": 'extends' names unknown pack 'nosuchpack'; built-in packs are")]
    [InlineData("overrides:\n  - rules: {}\n", "(2,5): An override needs 'files' globs")]
    [InlineData("maxFileSize: big\n", "(1,14): 'maxFileSize' must be a non-negative whole number, not 'big'")]
    public async Task InvalidConfigurationIsAClearErrorNamingFileAndLine(string yaml, string expected)
    {
        using var t = new TempTree();
        t.Write(".policylint.yml", yaml);
        t.Write("a.md", "foo\n");
        var ex = await Assert.ThrowsAsync<ConfigurationException>(() => Run(t));
        Assert.StartsWith(Path.Combine(t.Root, ".policylint.yml"), ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void PacksAreEmbeddedAndListed()
    {
        Assert.Contains("recommended", Packs.Names);
        Assert.Contains("blog-post", Packs.Names);
        Assert.Contains("policy", Packs.Names);
        Assert.NotNull(Packs.GetText("recommended"));
    }

    [Fact]
    public void ExtendsCyclesAreRefused()
    {
        using var t = new TempTree();
        t.Write("a.yml", "extends: b.yml\n");
        t.Write("b.yml", "extends: a.yml\n");
        var ex = Assert.Throws<ConfigurationException>(() => new ConfigurationResolver([], Path.Combine(t.Root, "a.yml")));
        Assert.Contains("'extends' forms a cycle", ex.Message);
    }

    [Fact]
    public void SiteRootsAreRelativeToTheConfigFile()
    {
        using var t = new TempTree();
        t.Write("site/.policylint.yml", "siteRoots:\n  /blog: content\n  /: .\n");
        var cfg = new ConfigurationResolver([]).GetConfiguration(Path.Combine(t.Root, "site", "x.md"));
        Assert.Equal([new("/blog/", Path.Combine(t.Root, "site", "content")), new("/", Path.Combine(t.Root, "site"))], cfg.SiteRoots);
    }

    [Fact]
    public void AnInvalidConfigurationIsAnErrorAtEveryLookUpNotOnlyTheFirst()
    {
        using var t = new TempTree();
        t.Write(".policylint.yml", "root: true\nrules:\n  no-such-rule: error\n");
        var resolver = new ConfigurationResolver(new LintEngine().Rules);
        string expected = Path.Combine(t.Root, ".policylint.yml") + "(3,3): Unknown rule 'no-such-rule'";
        // A second file of the folder, a second look-up of the same file, and the walk's filters all meet the error.
        foreach (var file in new[] { "a.md", "a.md", "docs/b.md" })
            Assert.StartsWith(expected, Assert.Throws<ConfigurationException>(() => resolver.GetConfiguration(Path.Combine(t.Root, file))).Message);
        Assert.StartsWith(expected, Assert.Throws<ConfigurationException>(() => resolver.GetFilters(t.Root)).Message);
    }

    [Fact]
    public void FilesOfOneFolderShareConfigurationUnlessAnOverridePicksOne()
    {
        using var t = new TempTree();
        t.Write(".policylint.yml", "root: true\nrules:\n  PL4001: error\noverrides:\n  - files: ['docs/b.md']\n    rules:\n      PL4001: info\n");
        var resolver = new ConfigurationResolver(new LintEngine().Rules);
        var rule = resolver.FindRule("PL4001")!;
        var a = resolver.GetConfiguration(Path.Combine(t.Root, "docs", "a.md"));
        var b = resolver.GetConfiguration(Path.Combine(t.Root, "docs", "b.md"));
        var c = resolver.GetConfiguration(Path.Combine(t.Root, "docs", "c.md"));
        Assert.Equal(Severity.Error, a.GetSeverity(rule));
        Assert.Equal(Severity.Info, b.GetSeverity(rule));
        Assert.Same(a, c); // cached per folder and matching overrides
        Assert.NotSame(a, b);
        Assert.Equal(Severity.Error, resolver.GetConfiguration(Path.Combine(t.Root, "other", "b.md")).GetSeverity(rule));
    }

    [Theory]
    [InlineData("**/*.md|**/*.markdown", ".md|.markdown")]
    [InlineData("docs/*.txt", ".txt")]
    [InlineData("**/*", null)]
    [InlineData("**/README", null)]
    [InlineData("**/*.m?", null)]
    [InlineData("**/*.md|docs/**", null)]
    public void DiscoveryPrefiltersOnlyOnLiteralSuffixes(string include, string? expected)
    {
        var suffixes = FileDiscovery.RequiredSuffixes(include.Split('|'));
        Assert.Equal(expected, suffixes is null ? null : string.Join("|", suffixes));
    }

    /// <summary>The walk decides the default filters without the glob matcher: its answers must be the matcher's, name for name.</summary>
    [Fact]
    public void TheDefaultFiltersDecideAsTheGlobMatcherDoes()
    {
        var include = ConfigurationResolver.DefaultInclude.Concat(["**/*.mdx"]).ToArray();
        var simple = FileDiscovery.SimpleFilters.TryCreate(include, ConfigurationResolver.DefaultExclude);
        Assert.NotNull(simple);
        var inc = new Microsoft.Extensions.FileSystemGlobbing.Matcher(System.StringComparison.OrdinalIgnoreCase);
        inc.AddIncludePatterns(include);
        var exc = new Microsoft.Extensions.FileSystemGlobbing.Matcher(System.StringComparison.OrdinalIgnoreCase);
        exc.AddIncludePatterns(ConfigurationResolver.DefaultExclude);
        string root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "policylint-filters"));
        string[] files =
        [
            "a.md", "A.MD", ".md", ".hidden.md", "a.markdown", "a.Markdown", "a.mdx", "a.md.bak", "a.mdown", "md", "a b.md", "ümlaut.md",
            "docs/a.md", "docs/deep/b.MD", "bin/a.md", "Bin/a.md", "docs/bin/a.md", "docs/binary/a.md", "obj/x/a.md", "OBJ/a.md",
            "node_modules/p/readme.md", "Node_Modules/a.md", ".git/a.md", ".GIT/x.md", ".github/a.md", "x.git/a.md", "gitbin/a.md",
            "a/node_modules.md", "bin.md", "../a.md", "../../docs/a.md",
        ];
        foreach (var f in files)
        {
            bool expected = f.StartsWith("../", System.StringComparison.Ordinal) ? false
                : inc.Match(root, [f]).HasMatches && !exc.Match(root, [f]).HasMatches;
            Assert.True(expected == simple!.IncludesFile(f), $"{f}: matcher {expected}");
        }
        string[] folders = ["docs", "bin", "Bin", "docs/obj", "node_modules", "NODE_MODULES/x", ".git", ".github", "binary", "a/b/.Git", "x.bin", "..", "../bin"];
        foreach (var d in folders)
        {
            bool expected = !d.StartsWith("..", System.StringComparison.Ordinal) && exc.Match(root, [d + "/x"]).HasMatches && exc.Match(root, [d + "/x.md"]).HasMatches;
            Assert.True(expected == simple!.ExcludesFolder(d), $"{d}/: matcher {expected}");
        }
        // Any other filters go through the matcher.
        Assert.Null(FileDiscovery.SimpleFilters.TryCreate(["docs/*.md"], ConfigurationResolver.DefaultExclude));
        Assert.Null(FileDiscovery.SimpleFilters.TryCreate(["**/*.m?"], ConfigurationResolver.DefaultExclude));
        Assert.Null(FileDiscovery.SimpleFilters.TryCreate(ConfigurationResolver.DefaultInclude, ConfigurationResolver.DefaultExclude.Concat(["drafts/**"]).ToArray()));
    }

    [Fact]
    public async Task AWalkWithTheDefaultFiltersSkipsExcludedFoldersInAnyCase()
    {
        using var t = new TempTree();
        foreach (var f in new[] { "a.md", "B.MD", "c.markdown", "d.txt", ".hidden.md", "docs/e.md", "Bin/f.md", "docs/OBJ/g.md", "node_modules/h.md",
                     ".git/i.md", ".github/j.md", "binary/k.md", "docs/bin.md" })
            t.Write(f, "# T\n");
        var r = await new LintEngine().LintAsync(new LintRequest { BaseDirectory = t.Root });
        Assert.Equal([".github/j.md", ".hidden.md", "B.MD", "a.md", "binary/k.md", "c.markdown", "docs/bin.md", "docs/e.md"],
            r.Files.Select(f => f.Path).OrderBy(p => p, System.StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task IncludeGlobsStillDecideAfterTheSuffixPrefilter()
    {
        using var t = new TempTree();
        t.Write(".policylint.yml", "root: true\ninclude: ['docs/*.md', '**/*.MARKDOWN']\n");
        t.Write("docs/a.md", "# A\n");
        t.Write("docs/deep/b.md", "# B\n");
        t.Write("c.Markdown", "# C\n");
        t.Write("docs/d.txt", "# D\n");
        var r = await new LintEngine().LintAsync(new LintRequest { BaseDirectory = t.Root });
        Assert.Equal(["c.Markdown", "docs/a.md"], r.Files.Select(f => f.Path).OrderBy(p => p, System.StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void SchemaShipsWithTheLibrary()
    {
        using var s = typeof(LintEngine).Assembly.GetManifestResourceStream("PolicyLint.policylint.schema.json");
        Assert.NotNull(s);
        var doc = System.Text.Json.JsonDocument.Parse(s!);
        var props = doc.RootElement.GetProperty("properties");
        foreach (var key in new[] { "root", "extends", "include", "exclude", "rules", "overrides", "plugins", "requireJustification", "maxFileSize", "siteRoots" })
            Assert.True(props.TryGetProperty(key, out _), key);
    }
}

public sealed class OverrideExtendsTests
{
    [Fact]
    public async System.Threading.Tasks.Task OverridesCanExtendPacksAndOtherFiles()
    {
        using var t = new TempTree();
        t.Write(".policylint.yml", "root: true\noverrides:\n  - files: ['strict/**']\n    extends: strict.yml\n");
        t.Write("strict.yml", "rules:\n  ACME1001: error\n");
        t.Write("strict/a.md", "foo\n");
        t.Write("b.md", "foo\n");
        var r = await new LintEngine([new ForbiddenWordAnalyzer()]).LintAsync(new LintRequest { BaseDirectory = t.Root });
        Assert.Equal(["b.md:Warning", "strict/a.md:Error"], r.Diagnostics.Where(d => d.Id == "ACME1001").Select(d => $"{d.Location.Path}:{d.Severity}").ToArray());
    }
}

public sealed class SeverityOverrideTests
{
    [Fact]
    public async System.Threading.Tasks.Task RequestOverridesWinOverConfiguration()
    {
        using var t = new TempTree();
        t.Write(".policylint.yml", "root: true\nrules:\n  ACME1001: none\n");
        t.Write("a.md", "foo\n");
        var r = await new LintEngine([new ForbiddenWordAnalyzer()]).LintAsync(new LintRequest
        {
            BaseDirectory = t.Root,
            RuleSeverityOverrides = new System.Collections.Generic.Dictionary<string, Severity> { ["forbidden-word"] = Severity.Error },
        });
        Assert.Equal("a.md(1,1): error ACME1001: 'foo' is forbidden; write 'bar'", Assert.Single(r.Diagnostics, d => d.Id != "PL4003").ToString());
    }
}
