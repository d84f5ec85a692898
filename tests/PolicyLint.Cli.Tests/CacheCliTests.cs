using System;
using System.IO;
using System.Linq;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Cli.Tests;

/// <summary>The result cache as the tool uses it: by default in the root's .policylint-cache, skipped for a few named files.</summary>
public sealed class CacheCliTests
{
    private static string[] Findings(CliResult r, string id) =>
        r.Stdout.Split('\n').Where(l => l.Contains($" {id}:", StringComparison.Ordinal)).Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public void AnUpdatedPluginsFindingsAreReportedNotTheCachedOnes()
    {
        using var tree = new TempTree();
        tree.Write(".policylint.yml", "root: true\nplugins: [.plugins/TestPlugin.dll]\n");
        tree.Write("docs/a.md", "# A\n\nTODO: write the intro. Then the todo list.\n");
        tree.WriteBytes(".plugins/TestPlugin.dll", File.ReadAllBytes(CliRunner.PluginPath));
        string[] v1 = ["docs/a.md(3,1): warning TST1001: Replace 'TODO' with 'DONE'"];

        var cold = CliRunner.Run(tree.Root, "docs", "--no-color");
        Assert.Equal(v1, Findings(cold, "TST1001"));
        Assert.Single(Directory.GetFiles(tree.Path_(".policylint-cache"), "results-*.bin"));
        Assert.Equal(v1, Findings(CliRunner.Run(tree.Root, "docs", "--no-color"), "TST1001")); // served from the cache

        // The next version of the plugin, at the same path, with the old one's write time: its own findings.
        string plugin = tree.Path_(".plugins/TestPlugin.dll");
        var written = File.GetLastWriteTimeUtc(plugin);
        File.WriteAllBytes(plugin, File.ReadAllBytes(CliRunner.PluginV2Path));
        File.SetLastWriteTimeUtc(plugin, written);
        string[] v2 = [v1[0], "docs/a.md(3,33): warning TST1001: Replace 'TODO' with 'DONE'"];
        Assert.Equal(v2, Findings(CliRunner.Run(tree.Root, "docs", "--no-color"), "TST1001"));
        Assert.Equal(v2, Findings(CliRunner.Run(tree.Root, "docs", "--no-color", "--no-cache"), "TST1001"));
    }

    [Fact]
    public void AFewNamedFilesAreLintedWithoutTheCacheAndAFolderWithIt()
    {
        using var tree = new TempTree();
        tree.Write(".policylint.yml", "root: true\n");
        tree.Write("a.md", "# A\n\nSee [gone](gone.md).\n");
        tree.Write("b.md", "# B\n");
        string cacheDir = tree.Path_(".policylint-cache");

        var named = CliRunner.Run(tree.Root, "a.md", "b.md", "--no-color");
        Assert.Equal(["a.md(3,12): error PL3001: Link target 'gone.md' does not exist"], Findings(named, "PL3001"));
        Assert.False(Directory.Exists(cacheDir) && Directory.GetFiles(cacheDir, "results-*.bin").Length > 0, "a run of two named files wrote a result cache");

        var folder = CliRunner.Run(tree.Root, ".", "--no-color");
        Assert.Equal(Findings(named, "PL3001"), Findings(folder, "PL3001"));
        Assert.True(Directory.Exists(cacheDir), "a run of a folder wrote no cache");
        Assert.False(LintCommand.FewNamedFiles(["."], tree.Root));
        Assert.False(LintCommand.FewNamedFiles(["*.md"], tree.Root));
        Assert.True(LintCommand.FewNamedFiles(Enumerable.Repeat("a.md", LintCommand.UncachedNamedFiles).ToArray(), tree.Root));
        Assert.False(LintCommand.FewNamedFiles(Enumerable.Repeat("a.md", LintCommand.UncachedNamedFiles + 1).ToArray(), tree.Root));
    }

    [Fact]
    public void CacheCleanRemovesTheResultsAndTheListingsAndKeepsFilesItDidNotWrite()
    {
        using var tree = new TempTree();
        tree.Write(".policylint.yml", "root: true\n");
        tree.Write("docs/a.md", "# A\n");
        CliRunner.Run(tree.Root, ".", "--no-color");
        string cacheDir = tree.Path_(".policylint-cache");
        Assert.Single(Directory.GetFiles(cacheDir, "results-*.bin"));
        Assert.Single(Directory.GetFiles(cacheDir, "listings-*.bin"));

        var clean = CliRunner.Run(tree.Root, "cache", "clean");
        Assert.Equal(0, clean.ExitCode);
        Assert.Equal("Removed .policylint-cache.", clean.Stdout.Trim());
        Assert.False(Directory.Exists(cacheDir));

        CliRunner.Run(tree.Root, ".", "--no-color");
        tree.Write(".policylint-cache/notes.txt", "mine\n");
        clean = CliRunner.Run(tree.Root, "cache", "clean");
        Assert.Equal("Removed the cache files in .policylint-cache (the folder holds other files, kept).", clean.Stdout.Trim());
        Assert.Equal(["notes.txt"], Directory.GetFiles(cacheDir).Select(Path.GetFileName).ToArray());
        Assert.Equal("No cache at elsewhere.", CliRunner.Run(tree.Root, "cache", "clean", "--cache-location", "elsewhere").Stdout.Trim());
    }
}
