using System.Collections.Generic;
using System.IO;
using PolicyLint.Engine;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Engine;

/// <summary>
/// Comparing a run with a baseline takes findings out and nothing else: what the run says besides its findings (files from
/// the result cache, site models, links not checked) stays, so the build's and the tool's summaries read the same with a
/// baseline as without.
/// </summary>
public sealed class BaselineComparisonTests
{
    [Fact]
    public void Comparing_keeps_the_cache_count_site_models_and_unchecked_links()
    {
        using var t = new TempTree().Write(".policylint.yml", "root: true\n").Write("a.md", "# A\n\nSee [gone](gone.md).\n");
        var request = new LintRequest { Paths = ["."], BaseDirectory = t.Root, RootDirectory = t.Root, UseCache = true, LoadPlugins = false };
        new LintEngine().Lint(request);
        var warm = new LintEngine().Lint(request);
        Assert.Equal(1, warm.CachedFiles);
        var run = new LintResult(warm.Files, warm.Rules, warm.Elapsed, ["site model: hugo (from hugo.toml)"],
            new Dictionary<string, int> { ["render hook"] = 3 }) { CachedFiles = warm.CachedFiles };

        var comparison = Baseline.Create(run, Path.Combine(t.Root, ".policylint-baseline.json")).Compare(run);

        Assert.Equal(1, comparison.Matched);
        Assert.Empty(comparison.Result.Diagnostics);
        Assert.Equal(1, comparison.Result.CachedFiles);
        Assert.Equal(["site model: hugo (from hugo.toml)"], comparison.Result.SiteModels);
        Assert.Equal(new Dictionary<string, int> { ["render hook"] = 3 }, comparison.Result.UncheckedLinks);
        Assert.Equal(run.Files.Length, comparison.Result.Files.Length);
    }
}
