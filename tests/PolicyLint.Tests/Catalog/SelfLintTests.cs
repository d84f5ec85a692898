using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PolicyLint.Engine;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Catalog;

/// <summary>The project's own documentation passes its own linter, with the repository's configuration.</summary>
public sealed class SelfLintTests
{
    [Fact]
    public async Task RulePagesDocsAndReadmeAreClean()
    {
        string root = SharedData.RepoRoot;
        var r = await new LintEngine().LintAsync(new LintRequest
        {
            BaseDirectory = root,
            Paths = new[] { "rules", "docs", "README.md", "bench/README.md" }.Where(p => File.Exists(Path.Combine(root, p)) || Directory.Exists(Path.Combine(root, p))).ToArray(),
        });
        Assert.True(r.Files.Length > 40, $"only {r.Files.Length} files were linted");
        Assert.Empty(r.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public async Task CleanSamplesAreCleanAndBrokenSamplesAreNot()
    {
        string samples = Path.Combine(SharedData.RepoRoot, "samples");
        var r = await new LintEngine().LintAsync(new LintRequest { BaseDirectory = samples, Clock = () => LintVerifier.FixedNow });
        string[] clean = ["blog/2026-launch.md", "policies/acceptable-use.md", "policies/remote-work.md"];
        foreach (var c in clean) Assert.DoesNotContain(r.Diagnostics, d => d.Location.Path == c);
        var families = r.Diagnostics.Where(d => d.Location.Path == "policies/data-retention.md").Select(d => d.Id[2]).Distinct().OrderBy(x => x);
        Assert.Equal("1234", string.Concat(families));
        Assert.Contains(r.Diagnostics, d => d.Location.Path == "blog/2026-broken-post.md" && d.Id == "PL3002");
    }
}
