using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using PolicyLint.Configuration;
using PolicyLint.Engine;
using PolicyLint.Tests.Rules.Links;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Configuration;

/// <summary>Hostile or mistaken configuration (issue 18): located errors, never a crash, nothing read or written outside the root.</summary>
public sealed class ConfigHardeningTests
{
    private static Task<LintResult> Run(TempTree t, string baseDir) =>
        new LintEngine().LintAsync(new LintRequest { BaseDirectory = baseDir, Paths = ["."] });

    [Fact]
    public async Task AConfigurationNested20000LevelsDeepIsALocatedErrorNotAStackOverflow()
    {
        using var t = new TempTree();
        t.Write(".policylint.yml", "root: true\nrules:\n  PL4004:\n    options:\n      scope: " + string.Concat(Enumerable.Repeat("{a: ", 20_000)) + "1" + new string('}', 20_000) + "\n");
        t.Write("a.md", "# A\n");
        var ex = await Assert.ThrowsAsync<ConfigurationException>(() => Run(t, t.Root));
        Assert.Equal(Path.Combine(t.Root, ".policylint.yml") + "(5,254): Invalid YAML: YAML is nested more than 64 levels deep", ex.Message);
    }

    [Fact]
    public async Task AnAliasAfterAValueInTheConfigurationIsALocatedErrorNotAnArgumentException()
    {
        using var t = new TempTree();
        t.Write(".policylint.yml", "root: true\nsite: \"hugo\" *a\n");
        t.Write("a.md", "# A\n");
        var ex = await Assert.ThrowsAsync<ConfigurationException>(() => Run(t, t.Root));
        Assert.Equal(Path.Combine(t.Root, ".policylint.yml") + "(2,14): Invalid YAML: The alias '*a' follows a value, where a key is expected; an alias stands for a whole value (put it alone after the key, or quote the text)", ex.Message);
    }

    [Fact]
    public async Task ExtendsIsReadOnlyInsideTheGitWorkTree()
    {
        using var t = new TempTree();
        t.Dir("repo/.git");
        t.Write("outside.yml", "rules:\n  PL4004: off\n");
        t.Write("repo/inside.yml", "rules:\n  PL4004: off\n");
        t.Write("repo/a.md", "# A\n");
        string repo = t.Path_("repo");

        t.Write("repo/.policylint.yml", "root: true\nextends: ../outside.yml\n");
        var ex = await Assert.ThrowsAsync<ConfigurationException>(() => Run(t, repo));
        Assert.Equal($"{Path.Combine(repo, ".policylint.yml")}: 'extends' names '../outside.yml', which is outside the root ({repo}); configuration is read only inside it", ex.Message);

        // Through a symbolic link inside the tree that leads out: refused too.
        File.CreateSymbolicLink(t.Path_("repo/link.yml"), t.Path_("outside.yml"));
        t.Write("repo/.policylint.yml", "root: true\nextends: link.yml\n");
        ex = await Assert.ThrowsAsync<ConfigurationException>(() => Run(t, repo));
        Assert.Contains("'extends' names 'link.yml', which is outside the root", ex.Message);

        t.Write("repo/.policylint.yml", "root: true\nextends: inside.yml\n");
        Assert.Empty((await Run(t, repo)).Diagnostics);
    }

    [Fact]
    public void ASchemaOutsideTheRootIsNotRead()
    {
        using var t = new TempTree();
        t.Dir("repo/.git");
        t.Write("fm.json", "{\"type\": \"object\"}");
        const string config = "rules:\n  PL1004:\n    options:\n      schema: ../fm.json\n";
        t.Write("repo/.policylint.yml", config);
        var e = LintVerifier.ConfigError("---\ntitle: T\n---\n# T\n", config: config, path: t.Path_("repo/doc.md"), baseDirectory: t.Path_("repo"));
        Assert.Equal($"<configuration>(4,15): Invalid options for PL1004 (field-value): The JSON Schema file '../fm.json' is outside the root ({t.Path_("repo")}); configured files are read only inside it", e.Message);
    }

    [Fact]
    public void ASchemaOrLinkCacheBehindAFolderLinkOutOfTheRootIsNeitherReadNorWritten()
    {
        if (OperatingSystem.IsWindows()) Assert.Skip("symlinks need privileges on Windows");
        using var s = new LocalHttpServer((_, _, _) => LocalHttpServer.Response(200, "OK"));
        using var t = new TempTree();
        t.Dir("repo/.git");
        t.Write("outside/fm.json", "{\"type\": \"object\"}");
        Directory.CreateSymbolicLink(t.Path_("repo/link"), t.Path_("outside"));   // inside the root as written
        string repo = t.Path_("repo");

        const string schema = "rules:\n  PL1004:\n    options:\n      schema: link/fm.json\n";
        var e = LintVerifier.ConfigError("---\ntitle: T\n---\n# T\n", config: schema, path: t.Path_("repo/doc.md"), baseDirectory: repo);
        Assert.Equal($"<configuration>(4,15): Invalid options for PL1004 (field-value): The JSON Schema file 'link/fm.json' is outside the root ({repo}); configured files are read only inside it", e.Message);

        // A link whose target, as written, is inside the root but passes through the link out: 'via' is 'link/c'.
        t.Write("outside/c/fm.json", "{\"type\": \"object\"}");
        Directory.CreateSymbolicLink(t.Path_("repo/via"), "link/c");
        e = LintVerifier.ConfigError("---\ntitle: T\n---\n# T\n", config: schema.Replace("link/fm.json", "via/fm.json"), path: t.Path_("repo/doc.md"), baseDirectory: repo);
        Assert.Equal($"<configuration>(4,15): Invalid options for PL1004 (field-value): The JSON Schema file 'via/fm.json' is outside the root ({repo}); configured files are read only inside it", e.Message);

        var cache = LinkCheck + "      cacheFile: link/links.cache\n";
        e = LintVerifier.ConfigError($"# T\n\n[a]({s.Url("/ok")})\n", config: cache, path: t.Path_("repo/doc.md"), baseDirectory: repo);
        Assert.Equal($"<configuration>(7,18): Invalid options for PL3009 (dead-external-link): The cache file 'link/links.cache' is outside the root ({repo}); PolicyLint writes only inside it", e.Message);
        Assert.False(File.Exists(t.Path_("outside/links.cache")));
        Assert.Empty(s.Log);
    }

    private const string LinkCheck = "rules:\n  PL3009:\n    severity: error\n    options:\n      allowPrivateAddresses: true\n      timeoutSeconds: 2\n";

    [Theory]
    [InlineData("timeoutSeconds: 1e308", "(6,23): Invalid options for PL3009 (dead-external-link): Option 'timeoutSeconds' must be a number above 0 and at most 600, not '1e308'")]
    [InlineData("maxRedirects: -3", "(7,21): Invalid options for PL3009 (dead-external-link): Option 'maxRedirects' must be a whole number from 0 to 20, not '-3'")]
    [InlineData("concurrencyPerHost: 1000000", "(7,27): Invalid options for PL3009 (dead-external-link): Option 'concurrencyPerHost' must be a whole number from 1 to 64, not '1000000'")]
    [InlineData("totalTimeoutSeconds: 0", "(7,28): Invalid options for PL3009 (dead-external-link): Option 'totalTimeoutSeconds' must be a number above 0 and at most 86400, not '0'")]
    public void LinkCheckLimitsOutOfRangeAreOneLocatedConfigurationErrorNotClampedOrCrashes(string option, string message)
    {
        using var s = new LocalHttpServer((_, _, _) => LocalHttpServer.Response(200, "OK"));
        var config = option.StartsWith("timeoutSeconds", StringComparison.Ordinal) ? LinkCheck.Replace("timeoutSeconds: 2", option) : LinkCheck + "      " + option + "\n";
        var e = LintVerifier.ConfigError($"# T\n\n[a]({s.Url("/ok")})\n", config: config);
        Assert.Equal("<configuration>" + message, e.Message);
        Assert.Empty(s.Log);
    }

    [Fact]
    public async Task AWrongOptionStopsTheRunOnceNotAFindingOnEveryFile()
    {
        // PL0004 on each of the 40 files with exit 1 before; now the run stops on one error at the value, whichever file read it first.
        using var t = new TempTree();
        t.Write(".policylint.yml", "root: true\nrules:\n  PL4003:\n    options:\n      level: 9\n");
        for (int i = 0; i < 40; i++) t.Write($"d{i:D2}.md", "# T\n");
        var ex = await Assert.ThrowsAsync<ConfigurationException>(() => Run(t, t.Root));
        Assert.Equal((Path.Combine(t.Root, ".policylint.yml"), 5, 14), (ex.FilePath, ex.Line, ex.Column));
        Assert.StartsWith("Invalid options for PL4003 (first-heading-level): ", ex.Reason);
    }

    [Theory]
    [InlineData("documentTypes: 7\n", 2, 16, "'documentTypes' must be a mapping of document type names to their templates (see PL4007)")]
    [InlineData("documentTypes: [policy]\n", 2, 16, "'documentTypes' must be a mapping of document type names to their templates (see PL4007)")]
    [InlineData("overrides:\n  - files: ['*.md']\n    documentTypes: seven\n", 4, 20, "'documentTypes' must be a mapping of document type names to their templates (see PL4007)")]
    [InlineData("rules:\n  PL4004:\n    options:\n      ? [a, b]\n      : 1\n", 5, 9, "An option name must be a single word, not a mapping or a list")]
    [InlineData("rules:\n  PL4004:\n    options:\n      {scope: x}: 1\n", 5, 7, "An option name must be a single word, not a mapping or a list")]
    public async Task WrongShapesAreLocatedConfigurationErrors(string yaml, int line, int column, string reason)
    {
        using var t = new TempTree();
        t.Write(".policylint.yml", "root: true\n" + yaml);
        t.Write("a.md", "# A\n");
        var ex = await Assert.ThrowsAsync<ConfigurationException>(() => Run(t, t.Root));
        Assert.Equal((Path.Combine(t.Root, ".policylint.yml"), line, column, reason), (ex.FilePath, ex.Line, ex.Column, ex.Reason));
    }

    [Theory]
    [InlineData("effe]tive_date")]
    [InlineData("a.b")]
    [InlineData("list[]")]
    public void AFieldNameThatCannotBeAPathIsALocatedErrorNotAnAnalyzerFailure(string name)
    {
        // Found by the configuration fuzzer (seed 3, mutant 54): PL1003 and PL1005 failed with a NullReferenceException (PL0005).
        string config = $"rules:\n  PL1004:\n    options:\n      fields:\n        {name}: {{ type: date, required: true }}\n";
        var e = LintVerifier.ConfigError("---\ntitle: T\n---\n# T\n", config: config);
        Assert.Equal($"<configuration>(5,9): Invalid options for PL1003 (required-field): Field name '{name}' cannot be used: a name must not be empty "
            + "nor hold '.', '[' or ']' (nest fields under 'fields:', list items under 'items:')", e.Message);
    }

    [Fact]
    public void TheTopLevelDocumentTypesSettingIsRead()
    {
        // It was documented as read by PL4007 and kept without being read: a policy missing its sections passed.
        const string config = "documentTypes:\n  policy:\n    sections: [\"## Purpose\"]\n";
        var d = LintVerifier.Lint("---\ntype: policy\n---\n# P\n\nText.\n", config: config);
        var e = Assert.Single(d, x => x.Id == "PL4007");
        Assert.Equal((4, 1), (e.Location.StartLine, e.Location.StartColumn));
    }

    [Fact]
    public void TheLinkCacheIsNeverWrittenOutsideTheRoot()
    {
        using var s = new LocalHttpServer((_, _, _) => LocalHttpServer.Response(200, "OK"));
        using var t = new TempTree();
        t.Dir("repo/.git");
        var config = LinkCheck + "      cacheFile: ../links.cache\n";
        var e = LintVerifier.ConfigError($"# T\n\n[a]({s.Url("/ok")})\n", config: config, path: t.Path_("repo/doc.md"), baseDirectory: t.Path_("repo"));
        Assert.Equal($"<configuration>(7,18): Invalid options for PL3009 (dead-external-link): The cache file '../links.cache' is outside the root ({t.Path_("repo")}); PolicyLint writes only inside it", e.Message);
        Assert.False(File.Exists(t.Path_("links.cache")));
    }

    [Fact]
    public void ANulInALinkTargetIsABrokenLinkAndOtherLinksAreStillChecked()
    {
        var d = LintVerifier.Lint("# T\n\n[x](a%00b.md) and [y](missing.md)\n", baseDirectory: LintVerifier.NeutralDirectory);
        Assert.Equal(["PL3001: Link target 'a%00b.md' does not exist", "PL3001: Link target 'missing.md' does not exist"],
            d.Select(x => $"{x.Id}: {x.Message}").ToArray());
    }

    [Fact(Timeout = 30_000)]
    public async Task TheResultCacheNeverOpensAFifoToHashIt()
    {
        if (!OperatingSystem.IsLinux()) Assert.Skip("mkfifo is Linux-only here");
        using var t = new TempTree();
        string fifo = t.Path_("pipe.md");
        using (var p = Process.Start("mkfifo", [fifo])) await p.WaitForExitAsync(TestContext.Current.CancellationToken);
        var cache = ResultCache.Open(t.Path_("cache"), new string('a', 64));
        // File.ReadAllBytes blocked here for ever (no writer ever opens the FIFO).
        string hash = await Task.Run(() => cache.FileHash(fifo), TestContext.Current.CancellationToken);
        Assert.Equal("-", hash);
    }
}
