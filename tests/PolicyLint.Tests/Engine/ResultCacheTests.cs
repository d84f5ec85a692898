using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using PolicyLint.Engine;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Engine;

/// <summary>
/// The incremental cache gives what a cold run gives, finding for finding, whatever changed between runs: the named cases
/// (a linked file added, deleted or renamed, a heading renamed, a parent folder's configuration, a review date passing),
/// randomized edit sequences on a real tree and on this repository's own documents, concurrent runs, and damaged cache files.
/// </summary>
public sealed class ResultCacheTests
{
    private static DateTimeOffset s_day = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private sealed class Tree : IDisposable
    {
        public Tree(TempTree files) { Files = files; CacheDir = Path.Combine(files.Root, ".policylint-cache"); }
        public TempTree Files { get; }
        public string Root => Files.Root;
        public string CacheDir { get; }
        public DateTimeOffset Now { get; set; } = s_day;
        /// <summary>How long before a run a file must have last changed for its stamp to be trusted by later runs (null: the default, 2 s).</summary>
        public TimeSpan? RacyWindow { get; set; }

        public LintResult Run(bool cached)
        {
            var request = new LintRequest
            {
                Paths = ["."],
                BaseDirectory = Root,
                RootDirectory = Root,
                UseCache = cached,
                LoadPlugins = false,
                Clock = () => Now,
            };
            var previous = ResultCache.RacyWindowOverride.Value;
            ResultCache.RacyWindowOverride.Value = RacyWindow;
            try { return new LintEngine().Lint(request); }
            finally { ResultCache.RacyWindowOverride.Value = previous; }
        }

        /// <summary>A cached run and a cold run; fails unless they agree finding for finding. Returns the cached run.</summary>
        public LintResult Check(string step)
        {
            var warm = Run(cached: true);
            var cold = Run(cached: false);
            var a = Render(warm);
            var b = Render(cold);
            if (!a.SequenceEqual(b))
            {
                var onlyWarm = a.Except(b).Take(10);
                var onlyCold = b.Except(a).Take(10);
                Assert.Fail($"The cached run differs from a cold run after: {step}\nonly cached:\n  {string.Join("\n  ", onlyWarm)}\nonly cold:\n  {string.Join("\n  ", onlyCold)}");
            }
            return warm;
        }

        public void Dispose() => Files.Dispose();
    }

    /// <summary>Everything a report shows about a run: files, whether linted, and each finding with its fix.</summary>
    private static List<string> Render(LintResult r)
    {
        var lines = new List<string>();
        foreach (var f in r.Files)
        {
            lines.Add($"{f.Path} linted={f.Linted}");
            foreach (var d in f.Diagnostics)
            {
                var l = d.Location;
                string fix = d.Fix is null ? "" : $" fix[{d.Fix.Title}|{d.Fix.IsSafe}|{string.Join(",", d.Fix.Edits.Select(e => $"{e.Span.Start}+{e.Span.Length}={e.NewText}"))}]";
                lines.Add($"{l.Path}({l.StartLine},{l.StartColumn},{l.EndLine},{l.EndColumn})@{l.Span.Start}+{l.Span.Length} {d.Severity} {d.Id}: {d.Message}{fix}");
            }
        }
        // The summary's counts of links not checked, and the site model line, are part of what a run reports.
        foreach (var kv in r.UncheckedLinks.OrderBy(kv => kv.Key, StringComparer.Ordinal)) lines.Add($"not checked: {kv.Key}: {kv.Value}");
        lines.AddRange(r.SiteModels);
        return lines;
    }

    private static string[] Findings(LintResult r, string id) =>
        r.Diagnostics.Where(d => d.Id == id).Select(d => $"{d.Location.Path}({d.Location.StartLine},{d.Location.StartColumn}): {d.Message}").ToArray();

    private static Tree NewTree() => new(new TempTree().Write(".policylint.yml", "root: true\n"));

    [Fact]
    public void ASecondRunOnAnUnchangedTreeIsServedFromTheCacheWithTheSameFindings()
    {
        using var t = NewTree();
        t.Files.Write("a.md", "# A\n\nSee [b](b.md#intro) and [gone](gone.md).\n")
               .Write("b.md", "# B\n\n## Intro\n\nText.\n");
        var first = t.Run(cached: true);
        Assert.Equal(0, first.CachedFiles);
        var second = t.Check("nothing changed");
        Assert.Equal(2, second.CachedFiles);
        Assert.Equal(["a.md(3,32): Link target 'gone.md' does not exist"], Findings(second, "PL3001"));
        // The cache stays inside the root, in its own folder, and keeps itself out of git.
        Assert.True(File.Exists(Path.Combine(t.CacheDir, ".gitignore")));
        Assert.Single(Directory.GetFiles(t.CacheDir, "results-*.bin"));
    }

    [Fact]
    public void AFileWhoseStampIsUnchangedIsNotReadAgain()
    {
        using var t = NewTree();
        t.RacyWindow = TimeSpan.Zero; // every file changed before the run: its stamp is trusted
        t.Files.Write("a.md", "# A\n\nSee [b](b.md#intro) and [gone](gone.md).\n").Write("b.md", "# B\n\n## Intro\n\nText.\n");
        var first = t.Run(cached: true);
        Assert.Equal(2, first.FilesReadThroughCache);
        var second = t.Check("nothing changed");
        Assert.Equal(2, second.CachedFiles);
        Assert.Equal(0, second.FilesReadThroughCache);
        Assert.Equal(["a.md(3,32): Link target 'gone.md' does not exist"], Findings(second, "PL3001"));
    }

    [Fact]
    public void AStampTakenSoonAfterTheFileChangedIsNotTrustedAndTheFileIsHashedAgain()
    {
        using var t = NewTree();
        t.RacyWindow = TimeSpan.FromDays(1); // every file changed "just now": a later change could keep its stamp
        t.Files.Write("a.md", "# A\n\nText.\n");
        t.Run(cached: true);
        var second = t.Check("nothing changed");
        Assert.Equal(1, second.CachedFiles);
        Assert.Equal(1, second.FilesReadThroughCache);
    }

    [Fact]
    public void AnEditThatKeepsTheSizeIsSeenThroughTheStamp()
    {
        using var t = NewTree();
        t.RacyWindow = TimeSpan.Zero;
        t.Files.Write("a.md", "# A\n\nSee [the intro](b.md#intro).\n").Write("b.md", "# B\n\n## Intro\n\nText.\n");
        Assert.Empty(Findings(t.Check("first run"), "PL3002"));
        string b = t.Files.Path_("b.md");
        var written = File.GetLastWriteTimeUtc(b);
        File.WriteAllText(b, "# B\n\n## Intra\n\nText.\n"); // same length
        // Even with its write time set back, the change time (Linux) gives the edit away.
        if (OperatingSystem.IsLinux()) File.SetLastWriteTimeUtc(b, written);
        var r = t.Check("heading renamed, same size");
        Assert.Equal(["a.md(3,17): Anchor '#intro' matches no heading or id in 'b.md'; did you mean '#intra'?"], Findings(r, "PL3002"));
        Assert.Equal(0, r.CachedFiles);
    }

    [Fact]
    public void ALinkedFileAddedClearsTheFinding()
    {
        using var t = NewTree();
        t.Files.Write("a.md", "# A\n\nSee [b](b.md).\n");
        Assert.Equal(["a.md(3,9): Link target 'b.md' does not exist"], Findings(t.Check("first run"), "PL3001"));
        t.Files.Write("b.md", "# B\n");
        var r = t.Check("b.md added");
        Assert.Empty(Findings(r, "PL3001"));
        Assert.Equal(0, r.CachedFiles); // a.md looked b.md up: re-linted
    }

    [Fact]
    public void ALinkedFileDeletedOrRenamedIsReportedAgain()
    {
        using var t = NewTree();
        t.Files.Write("a.md", "# A\n\nSee [b](b.md) and ![logo](img/logo.png).\n").Write("b.md", "# B\n").WriteBytes("img/logo.png", [1, 2, 3]);
        t.Files.Write("c.md", "# C\n\nUnrelated.\n");
        Assert.Empty(Findings(t.Check("first run"), "PL3001"));
        File.Delete(t.Files.Path_("img/logo.png"));
        var deleted = t.Check("image deleted");
        Assert.Equal(["a.md(3,27): Image 'img/logo.png' does not exist"], Findings(deleted, "PL3001"));
        Assert.Equal(2, deleted.CachedFiles); // b.md and c.md do not link to it
        File.Move(t.Files.Path_("b.md"), t.Files.Path_("b2.md"));
        var renamed = t.Check("b.md renamed to b2.md");
        Assert.Equal(["a.md(3,27): Image 'img/logo.png' does not exist", "a.md(3,9): Link target 'b.md' does not exist"],
            Findings(renamed, "PL3001").Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void AHeadingRenamedInTheLinkedDocumentIsReportedInTheLinkingOne()
    {
        using var t = NewTree();
        t.Files.Write("a.md", "# A\n\nSee [the intro](b.md#intro).\n").Write("b.md", "# B\n\n## Intro\n\nText.\n");
        Assert.Empty(Findings(t.Check("first run"), "PL3002"));
        t.Files.Write("b.md", "# B\n\n## Overview\n\nText.\n");
        var r = t.Check("heading renamed");
        Assert.Equal(["a.md(3,17): Anchor '#intro' matches no heading or id in 'b.md'"], Findings(r, "PL3002"));
        t.Files.Write("b.md", "# B\n\n## Intro\n\nOther text.\n");
        Assert.Empty(Findings(t.Check("heading back"), "PL3002"));
    }

    [Fact]
    public void AConfigurationAddedOrChangedInAParentFolderApplies()
    {
        using var t = NewTree();
        t.Files.Write("docs/guides/a.md", "# A\n\n## Setup:\n\nText.\n").Write("other.md", "# Other\n\n## Done.\n");
        Assert.Equal(2, Findings(t.Check("first run"), "PL4006").Length);
        t.Files.Write("docs/.policylint.yml", "rules:\n  PL4006: off\n");
        var r = t.Check("docs/.policylint.yml added");
        Assert.Equal(["other.md(3,8): Heading ends with '.'; a heading is a title, not a sentence: remove it"], Findings(r, "PL4006"));
        Assert.Equal(1, r.CachedFiles);
        t.Files.Write("docs/.policylint.yml", "rules:\n  PL4006: error\n");
        var again = t.Check("docs/.policylint.yml changed");
        Assert.Equal("Error", DiagnosticsSeverity("docs/guides/a.md", again));
    }

    private static string DiagnosticsSeverity(string path, LintResult r) =>
        r.Diagnostics.Single(d => d.Id == "PL4006" && d.Location.Path == path).Severity.ToString();

    [Fact]
    public void AReviewDatePassingItsDeadlineIsReportedOnTheDayItPasses()
    {
        using var t = NewTree();
        t.Files.Write("policy.md", "---\ntitle: Policy\nreview_by: 2026-12-20\n---\n# Policy\n").Write("plain.md", "# Plain\n");
        t.Now = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var early = t.Check("40 days before");
        Assert.Empty(Findings(early, "PL1008"));
        t.Now = t.Now.AddDays(1);
        Assert.Equal(2, t.Check("a day later, nothing due").CachedFiles);
        t.Now = new DateTimeOffset(2026, 12, 21, 9, 0, 0, TimeSpan.Zero);
        var late = t.Check("the day after the review date");
        Assert.Single(Findings(late, "PL1008"));
        Assert.Equal(1, late.CachedFiles); // plain.md has no date
    }

    [Fact]
    public void AFolderWhoseStampIsUnchangedIsNotListedAgain()
    {
        using var t = NewTree();
        t.RacyWindow = TimeSpan.Zero; // every folder changed before the run: its stamp is trusted
        t.Files.Write("a.md", "# A\n\nSee [b](docs/b.md) and ![logo](docs/img/logo.png).\n").Write("docs/b.md", "# B\n").WriteBytes("docs/img/logo.png", [1]);
        Assert.Equal(0, t.Run(cached: true).FoldersListedFromCache);
        // The first run made the cache folder in the root: the root is read again, docs and docs/img are not.
        var second = t.Check("nothing changed");
        Assert.Equal(2, second.FoldersListedFromCache);
        Assert.Equal(2, second.CachedFiles);
        var third = t.Check("nothing changed, again");
        Assert.Equal(3, third.FoldersListedFromCache); // the cache's own folder is always read, and holds nothing to lint
        Assert.Empty(Findings(third, "PL3001"));
    }

    [Fact]
    public void AFileAddedDeletedOrRenamedInAListedFolderIsSeenByTheNextRun()
    {
        using var t = NewTree();
        t.RacyWindow = TimeSpan.Zero;
        t.Files.Write("a.md", "# A\n\n![logo](docs/img/logo.png)\n").Write("docs/b.md", "# B\n").WriteBytes("docs/img/logo.png", [1]);
        t.Check("first run");
        Assert.Equal(2, t.Check("second run").FoldersListedFromCache);
        t.Files.Write("docs/new.md", "# New\n\nSee [gone](gone.md).\n");
        var added = t.Check("docs/new.md added");
        Assert.Equal(["docs/new.md(3,12): Link target 'gone.md' does not exist"], Findings(added, "PL3001"));
        Assert.Equal(2, added.FoldersListedFromCache); // the root and docs/img; docs changed
        File.Move(t.Files.Path_("docs/img/logo.png"), t.Files.Path_("docs/img/logo2.png"));
        var renamed = t.Check("docs/img/logo.png renamed");
        Assert.Equal(2, renamed.FoldersListedFromCache); // the root and docs
        Assert.Equal(["a.md(3,9): Image 'docs/img/logo.png' does not exist", "docs/new.md(3,12): Link target 'gone.md' does not exist"],
            Findings(renamed, "PL3001").Order(StringComparer.Ordinal).ToArray());
        Directory.Delete(t.Files.Path_("docs/img"), recursive: true);
        t.Files.Write("docs/img", "a file where the folder was\n");
        var replaced = t.Check("docs/img replaced by a file");
        Assert.Equal(1, replaced.FoldersListedFromCache); // the root only: docs changed, and docs/img is no folder now
        File.Delete(t.Files.Path_("docs/new.md"));
        Assert.Equal(["a.md(3,9): Image 'docs/img/logo.png' does not exist"], Findings(t.Check("docs/new.md deleted"), "PL3001"));
    }

    [Fact]
    public void AFolderChangedJustBeforeTheRunIsListedAgain()
    {
        using var t = NewTree();
        t.RacyWindow = TimeSpan.FromDays(1); // every folder changed "just now": a later change could keep its stamp
        t.Files.Write("a.md", "# A\n").Write("docs/b.md", "# B\n");
        t.Check("first run");
        Assert.Equal(0, t.Check("second run").FoldersListedFromCache);
    }

    [Fact]
    public void ADamagedListingsFileIsIgnored()
    {
        using var t = NewTree();
        t.RacyWindow = TimeSpan.Zero;
        t.Files.Write("a.md", "# A\n\nSee [b](docs/b.md).\n").Write("docs/b.md", "# B\n");
        t.Check("first run");
        string file = Directory.GetFiles(t.CacheDir, "listings-*.bin").Single();
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes.Take(bytes.Length - 3).ToArray());
        Assert.Equal(0, t.Check("listings truncated").FoldersListedFromCache);
        bytes = File.ReadAllBytes(file);
        bytes[bytes.Length - 1] = 9; // the last entry's kind: no such kind
        File.WriteAllBytes(file, bytes);
        Assert.Equal(0, t.Check("an entry of an unknown kind").FoldersListedFromCache);
        Assert.Equal(2, t.Check("listings written again").FoldersListedFromCache);
    }

    [Fact]
    public void OnlyTheFourMostRecentCacheFilesOfOtherKeysAreKept()
    {
        using var t = NewTree();
        t.Files.Write("a.md", "# A\n");
        t.Run(cached: true);
        string current = Directory.GetFiles(t.CacheDir, "results-*.bin").Single();
        // Cache files that earlier builds or configurations left, the oldest first.
        var others = Enumerable.Range(0, 6).Select(i => Path.Combine(t.CacheDir, $"results-{i:x16}.bin")).ToArray();
        for (int i = 0; i < others.Length; i++)
        {
            File.WriteAllText(others[i], "an older build's cache");
            File.SetLastWriteTimeUtc(others[i], DateTime.UtcNow.AddDays(i - 10));
        }
        string mine = Path.Combine(t.CacheDir, "notes.txt");
        File.WriteAllText(mine, "not the cache's");
        t.Files.Write("a.md", "# A\n\nChanged.\n"); // the run writes its cache file again, and prunes
        t.Run(cached: true);
        Assert.Equal(new[] { current }.Concat(others.Skip(2)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray(),
            Directory.GetFiles(t.CacheDir, "results-*.bin").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        Assert.True(File.Exists(mine));
    }

    [Fact]
    public void ADamagedOrForeignCacheFileIsIgnored()
    {
        using var t = NewTree();
        t.Files.Write("a.md", "# A\n\nSee [b](b.md).\n");
        t.Check("first run");
        string file = Directory.GetFiles(t.CacheDir, "results-*.bin").Single();
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes.Take(bytes.Length / 2).ToArray());
        Assert.Equal(0, t.Check("cache truncated").CachedFiles);
        File.WriteAllText(file, "not a cache");
        Assert.Equal(0, t.Check("cache overwritten").CachedFiles);
    }

    [Fact]
    public async Task ConcurrentRunsNeverTearTheCacheFile()
    {
        using var t = NewTree();
        for (int i = 0; i < 30; i++) t.Files.Write($"p{i}.md", $"# P{i}\n\nSee [next](p{i + 1}.md#p{i + 1}).\n");
        var expected = Render(t.Run(cached: false));
        var runs = Enumerable.Range(0, 6).Select(_ => Task.Run(() => Render(t.Run(cached: true)))).ToArray();
        foreach (var r in await Task.WhenAll(runs)) Assert.Equal(expected, r);
        Assert.Empty(Directory.GetFiles(t.CacheDir, "*.tmp"));
        Assert.Equal(30, t.Run(cached: true).CachedFiles);
    }

    [Fact]
    public void WithoutAGivenFolderTheCacheIsWrittenOnlyUnderTheRoot()
    {
        using var outer = new TempTree();
        outer.Write("repo/.policylint.yml", "root: true\n").Write("repo/docs/a.md", "# A\n");
        Directory.CreateDirectory(outer.Path_("repo/.git"));
        var request = new LintRequest { Paths = ["."], BaseDirectory = outer.Path_("repo/docs"), UseCache = true, LoadPlugins = false };
        new LintEngine().Lint(request);
        var written = Directory.GetFileSystemEntries(outer.Root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(outer.Root, p).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["repo", "repo/.git", "repo/.policylint-cache", "repo/.policylint-cache/.gitignore"],
            written.Where(p => !p.StartsWith("repo/.policylint-cache/results-", StringComparison.Ordinal) && !p.StartsWith("repo/.policylint-cache/listings-", StringComparison.Ordinal)
                && !p.StartsWith("repo/docs", StringComparison.Ordinal)
                && p != "repo/.policylint.yml").ToArray());
        Assert.Single(Directory.GetFiles(outer.Path_("repo/.policylint-cache"), "results-*.bin"));
        Assert.Single(Directory.GetFiles(outer.Path_("repo/.policylint-cache"), "listings-*.bin"));
    }

    // ---- Site models: generator configuration, redirects, other pages' front matter, includes, detection ------------------

    private const string DefinitionTermConfig = "[markup.goldmark.parser]\nautoDefinitionTermID = true\n";

    [Fact]
    public void EditingTheHugoConfigurationChangesTheFindingsOfAWarmRun()
    {
        using var t = NewTree();
        t.Files.Write("hugo.toml", DefinitionTermConfig)
            .Write("content/glossary.md", "---\ntitle: Glossary\n---\n\nTerm one\n: The first term.\n")
            .Write("content/a.md", "---\ntitle: A\n---\n\nSee [term one](/glossary/#term-one).\n")
            .Write("content/b.md", "---\ntitle: B\n---\n\nNo links.\n");
        var first = t.Check("first run");
        Assert.Equal(["site model: hugo (from hugo.toml)"], first.SiteModels);
        Assert.Empty(Findings(first, "PL3002")); // a definition term's id
        Assert.Equal(3, t.Check("nothing changed").CachedFiles);
        t.Files.Write("hugo.toml", "[markup.goldmark.parser]\nautoDefinitionTermID = false\n");
        var edited = t.Check("autoDefinitionTermID turned off in hugo.toml");
        Assert.Equal(["content/a.md(5,16): Anchor '#term-one' matches no heading or id in 'content/glossary.md'"], Findings(edited, "PL3002"));
        Assert.Equal(0, edited.CachedFiles); // every page's answers came from the model
        t.Files.Write("content/b.md", "---\ntitle: B\n---\n\nOther text, still no links.\n");
        var body = t.Check("another page's body edited");
        Assert.Single(Findings(body, "PL3002"));
        Assert.Equal(2, body.CachedFiles); // a body is not part of the site's routes: only b.md is linted again
    }

    [Fact]
    public void AnotherPagesPermalinkChangedInItsFrontMatterBreaksTheLink()
    {
        using var t = NewTree();
        t.Files.Write("_config.yml", "permalink: /:path/\n")
            .Write("index.md", "---\ntitle: Home\n---\n# Home\n\nRead [about us](/about-us/).\n")
            .Write("about.md", "---\ntitle: About\npermalink: /about-us/\n---\n# About\n");
        var first = t.Check("first run");
        Assert.Equal(["site model: jekyll (from _config.yml)"], first.SiteModels);
        Assert.Empty(Findings(first, "PL3001"));
        t.Files.Write("about.md", "---\ntitle: About\npermalink: /team/\n---\n# About\n");
        Assert.Equal(["index.md(6,17): Link target '/about-us/' does not exist on the jekyll site (no page or file of the site has the URL '/about-us/')"],
            Findings(t.Check("about.md's permalink changed"), "PL3001"));
    }

    [Fact]
    public void ARedirectRemovedFromTheDocfxRedirectionFileIsReported()
    {
        using var t = NewTree();
        const string redirect = "{ \"redirections\": [ { \"source_path\": \"articles/old.md\", \"redirect_url\": \"/articles/new\" } ] }\n";
        t.Files.Write("docfx.json", "{ \"build\": { \"content\": [ { \"files\": [\"**/*.md\"] } ] } }\n")
            .Write(".openpublishing.redirection.json", redirect)
            .Write("articles/new.md", "---\ntitle: New\n---\n# New\n\nSee [the old page](old.md).\n");
        var first = t.Check("first run");
        Assert.Equal(["site model: docfx (from docfx.json)"], first.SiteModels);
        Assert.Empty(Findings(first, "PL3001"));
        t.Files.Write(".openpublishing.redirection.json", "{ \"redirections\": [] }\n");
        Assert.Equal(["articles/new.md(6,20): Link target 'old.md' does not exist on the docfx site (no file 'articles/old.md')"],
            Findings(t.Check("redirect removed"), "PL3001"));
        t.Files.Write(".openpublishing.redirection.json", redirect);
        Assert.Empty(Findings(t.Check("redirect back"), "PL3001"));
    }

    [Fact]
    public void AHeadingRenamedInAnIncludedSnippetIsReportedInThePageThatLinksToIt()
    {
        using var t = NewTree();
        t.Files.Write("hugo.toml", "title = 'Site'\n")
            .Write("content/page.md", "---\ntitle: Page\n---\n\n{{% include \"snippet.md\" %}}\n")
            .Write("content/snippet.md", "---\ntitle: Snippet\nbuild:\n  render: never\n---\n\n## Shared steps\n")
            .Write("content/a.md", "---\ntitle: A\n---\n\nFollow [the steps](/page/#shared-steps).\n");
        Assert.Empty(Findings(t.Check("first run"), "PL3002"));
        t.Files.Write("content/snippet.md", "---\ntitle: Snippet\nbuild:\n  render: never\n---\n\n## Common steps\n");
        Assert.Equal(["content/a.md(5,20): Anchor '#shared-steps' matches no heading or id in 'content/page.md'"],
            Findings(t.Check("heading renamed in the included snippet"), "PL3002"));
    }

    [Fact]
    public void AGeneratorConfigurationAddedChangesHowLinksResolve()
    {
        using var t = NewTree();
        t.Files.Write("content/a.md", "---\ntitle: A\n---\n\nSee [b](../b/).\n").Write("content/b.md", "---\ntitle: B\n---\n\nB.\n");
        var plain = t.Check("no generator: links are read as GitHub shows them");
        Assert.Empty(plain.SiteModels);
        Assert.Equal(["content/a.md(5,9): Link target '../b/' does not exist"], Findings(plain, "PL3001"));
        Assert.Equal(2, t.Check("nothing changed").CachedFiles);
        t.Files.Write("hugo.toml", "title = 'Site'\n");
        var hugo = t.Check("hugo.toml added");
        Assert.Equal(["site model: hugo (from hugo.toml)"], hugo.SiteModels);
        Assert.Empty(Findings(hugo, "PL3001")); // the page /a/ links to /b/
        File.Delete(t.Files.Path_("content/b.md"));
        Assert.Single(Findings(t.Check("the target page deleted"), "PL3001"));
    }

    [Fact]
    public void LinksNotCheckedAreCountedAlsoForDocumentsServedFromTheCache()
    {
        using var t = NewTree();
        t.Files.Write("hugo.toml", "title = 'Site'\n").Write("layouts/_markup/render-link.html", "{{ .Destination }}\n")
            .Write("content/a.md", "---\ntitle: A\n---\n\nA [weight](g) and a [page](g).\n");
        var first = t.Check("first run");
        var warm = t.Check("nothing changed");
        Assert.Equal(1, warm.CachedFiles);
        Assert.Equal(2, warm.UncheckedLinks["resolved by the site's link render hook"]);
    }

    // ---- Randomized edit sequences -------------------------------------------------------------------------------------

    [Fact]
    public void RandomEditsToTheBlogCorpusNeverMakeTheCacheDifferFromAColdRun()
    {
        string corpus = SharedData.Require("corpus/hf-blog");
        using var t = NewTree();
        // A slice of the real tree keeps the test to seconds: 120 posts, in name order, with their folders.
        foreach (var f in Directory.GetFiles(corpus, "*.md").Order(StringComparer.Ordinal).Take(120))
            File.Copy(f, Path.Combine(t.Root, Path.GetFileName(f)));
        t.Files.Write(".policylint.yml", "root: true\nrules:\n  PL1008: { severity: warning, options: { fields: [date] } }\n");
        RandomEdits(t, seed: 1401, steps: 14);
    }

    [Fact]
    public void RandomEditsToTheBlogCorpusWithTrustedStampsNeverMakeTheCacheDifferFromAColdRun()
    {
        string corpus = SharedData.Require("corpus/hf-blog");
        using var t = NewTree();
        t.RacyWindow = TimeSpan.Zero; // unchanged files are known by their stamps, not read
        foreach (var f in Directory.GetFiles(corpus, "*.md").Order(StringComparer.Ordinal).Skip(120).Take(120))
            File.Copy(f, Path.Combine(t.Root, Path.GetFileName(f)));
        t.Files.Write(".policylint.yml", "root: true\nrules:\n  PL1008: { severity: warning, options: { fields: [date] } }\n");
        RandomEdits(t, seed: 1403, steps: 14);
    }

    [Fact]
    public void RandomEditsToThisRepositorysDocumentsNeverMakeTheCacheDifferFromAColdRun()
    {
        using var t = NewTree();
        foreach (var dir in new[] { "docs", "rules", "samples" })
            CopyTree(Path.Combine(SharedData.RepoRoot, dir), Path.Combine(t.Root, dir));
        File.Copy(Path.Combine(SharedData.RepoRoot, "README.md"), Path.Combine(t.Root, "README.md"));
        RandomEdits(t, seed: 1402, steps: 14);
    }

    [Fact]
    public void RandomEditsToThisRepositorysDocumentsWithTrustedStampsNeverMakeTheCacheDifferFromAColdRun()
    {
        using var t = NewTree();
        t.RacyWindow = TimeSpan.Zero;
        foreach (var dir in new[] { "docs", "rules", "samples" })
            CopyTree(Path.Combine(SharedData.RepoRoot, dir), Path.Combine(t.Root, dir));
        File.Copy(Path.Combine(SharedData.RepoRoot, "README.md"), Path.Combine(t.Root, "README.md"));
        RandomEdits(t, seed: 1404, steps: 14);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var f in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string dst = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(dst)!);
            File.Copy(f, dst);
        }
    }

    /// <summary>
    /// Applies <paramref name="steps"/> random edits (seeded: a failure names the edits, and the same seed replays them), each
    /// followed by a cached run and a cold run that must agree: links to other documents' headings added, headings renamed,
    /// files deleted, renamed, added and emptied, missing link targets created, configuration added in a folder, the clock moved.
    /// </summary>
    private static void RandomEdits(Tree t, int seed, int steps)
    {
        var rng = new Random(seed);
        var log = new List<string>();
        var first = t.Check("first run");
        Assert.True(first.Files.Length > 5);
        string[] Docs() => Directory.GetFiles(t.Root, "*.md", SearchOption.AllDirectories)
            .Where(p => !p.Contains(".policylint-cache", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        string Rel(string full) => Path.GetRelativePath(t.Root, full).Replace('\\', '/');
        string RelFrom(string from, string to) => Path.GetRelativePath(Path.GetDirectoryName(from)!, to).Replace('\\', '/');
        string Pick(string[] items) => items[rng.Next(items.Length)];
        LintResult last = first;
        for (int step = 0; step < steps; step++)
        {
            var docs = Docs();
            string doc = Pick(docs);
            string edit;
            switch (rng.Next(10))
            {
                case 0: // a link to another document's heading, which may or may not exist
                {
                    string target = Pick(docs);
                    var heading = File.ReadAllLines(target).FirstOrDefault(l => l.StartsWith("## ", StringComparison.Ordinal));
                    string anchor = heading is null || rng.Next(3) == 0 ? "no-such-heading" : PolicyLint.Documents.GitHubSlugger.BaseSlug(heading.Substring(3));
                    File.AppendAllText(doc, $"\n\nSee [more]({RelFrom(doc, target)}#{anchor}).\n");
                    edit = $"link {Rel(doc)} -> {Rel(target)}#{anchor}";
                    break;
                }
                case 1: // rename a heading that other documents may link to
                {
                    var lines = File.ReadAllLines(doc);
                    int i = Array.FindIndex(lines, l => l.StartsWith("## ", StringComparison.Ordinal));
                    if (i < 0) { File.AppendAllText(doc, "\n\n## Added section\n\nText.\n"); edit = $"heading added to {Rel(doc)}"; break; }
                    lines[i] += " renamed";
                    File.WriteAllLines(doc, lines);
                    edit = $"heading renamed in {Rel(doc)}: {lines[i]}";
                    break;
                }
                case 2:
                    File.Delete(doc);
                    edit = $"deleted {Rel(doc)}";
                    break;
                case 3:
                {
                    string to = Path.Combine(Path.GetDirectoryName(doc)!, "moved-" + step + "-" + Path.GetFileName(doc));
                    File.Move(doc, to);
                    edit = $"renamed {Rel(doc)} -> {Rel(to)}";
                    break;
                }
                case 4: // create the target of a reported missing link
                {
                    var missing = last.Diagnostics.Where(d => d.Id == "PL3001" && d.Arguments.Length > 1 && d.Arguments[1] is string).ToArray();
                    if (missing.Length == 0) goto case 5;
                    var d = missing[rng.Next(missing.Length)];
                    string target = ((string)d.Arguments[1]!).Split('#', '?')[0];
                    string from = Path.Combine(t.Root, d.Location.Path);
                    string full = target.StartsWith('/') ? Path.Combine(t.Root, target.TrimStart('/')) : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(from)!, target));
                    if (!full.StartsWith(t.Root, StringComparison.Ordinal) || target.Length == 0 || Directory.Exists(full)) goto case 5;
                    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                    File.WriteAllText(full, full.EndsWith(".md", StringComparison.Ordinal) ? "# Created\n\n## Section\n" : "data");
                    edit = $"created missing target {Rel(full)}";
                    break;
                }
                case 5: // a new document linking to existing ones
                {
                    string name = Path.Combine(t.Root, $"new-{step}.md");
                    string a = Pick(docs), b = Pick(docs);
                    File.WriteAllText(name, $"# New {step}\n\n## Links\n\n[a]({RelFrom(name, a)}) and [b]({RelFrom(name, b)}#links) and [c](new-{step + 1}.md).\n");
                    edit = $"added {Rel(name)} linking {Rel(a)}, {Rel(b)}#links and new-{step + 1}.md";
                    break;
                }
                case 6: // configuration in the folder of a document, or changed at the root
                {
                    string dir = Path.GetDirectoryName(doc)!;
                    string yml = Path.Combine(dir, ".policylint.yml");
                    if (dir == t.Root) yml = Path.Combine(t.Root, ".policylint.yml");
                    string[] choices = ["rules:\n  PL4006: off\n", "rules:\n  PL3001: warning\n  PL4001: off\n", "slugStyle: gitlab\n", "rules:\n  PL3002: off\n"];
                    string text = (yml.EndsWith(Path.Combine(t.Root, ".policylint.yml"), StringComparison.Ordinal) ? "root: true\n" : "") + Pick(choices);
                    File.WriteAllText(yml, text);
                    edit = $"configuration {Rel(yml)}: {text.Replace('\n', ' ')}";
                    break;
                }
                case 7: // empty a document (its outline goes)
                    File.WriteAllText(doc, "");
                    edit = $"emptied {Rel(doc)}";
                    break;
                case 8: // the clock moves on
                {
                    int days = rng.Next(1, 400);
                    t.Now = t.Now.AddDays(days);
                    edit = $"clock +{days} days";
                    break;
                }
                default: // an unrelated edit, or none at all (the same bytes rewritten)
                    if (rng.Next(2) == 0) { File.AppendAllText(doc, "\nMore text.\n"); edit = $"appended text to {Rel(doc)}"; }
                    else { File.WriteAllBytes(doc, File.ReadAllBytes(doc)); edit = $"rewrote {Rel(doc)} unchanged"; }
                    break;
            }
            log.Add($"{step}: {edit}");
            last = t.Check(string.Join("\n", log));
        }
        // At the end, nothing changed: everything from the cache.
        Assert.Equal(last.Files.Length, t.Check(string.Join("\n", log) + "\n(nothing)").CachedFiles);
    }
}
