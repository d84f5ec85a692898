using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PolicyLint.EndToEnd.Tests;

/// <summary>
/// The sample third-party analyzer package (samples/third-party-analyzer: ACME1001 with typed options, ACME1002 without a help
/// page) as its author builds it: against the packed PolicyLint and PolicyLint.Testing from the local feed, tested with the
/// testing package, then loaded by the installed tool through 'plugins:'.
/// </summary>
[Collection("packages")]
public sealed class ThirdPartyAnalyzerTests(PackagesFixture packages)
{
    [Fact]
    public void TheSampleAnalyzerBuildsAndPassesItsTestsAgainstThePackagesAndRunsAsAPlugin()
    {
        string dir = packages.NewConsumer("third-party");
        string sample = Path.Combine(dir, "acme");
        CopyTree(Path.Combine(packages.RepoRoot, "samples", "third-party-analyzer"), sample);
        string version = "-p:PolicyLintVersion=" + packages.Version;

        // The author's own tests, on PolicyLint.Testing from the feed.
        var test = ProcessRunner.Dotnet(sample, "test", "Acme.MarkdownRules.Tests", version);
        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Matches(new Regex(@"Passed!\s+-\s+Failed:\s+0, Passed:\s+12, Skipped:\s+0, Total:\s+12"), test.Output);
        Assert.Contains($"\"PolicyLint.Testing/{packages.Version}\"", File.ReadAllText(Path.Combine(sample, "Acme.MarkdownRules.Tests", "obj", "project.assets.json")));

        // The plugin: the analyzer assembly alone (the tool brings PolicyLint).
        string plugins = Path.Combine(dir, "plugins");
        var build = ProcessRunner.Dotnet(sample, "build", "Acme.MarkdownRules", "-c", "Release", "-o", plugins, version);
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.False(File.Exists(Path.Combine(plugins, "PolicyLint.dll")), "the plugin folder must not carry its own PolicyLint");

        // The portable tool (plugins need it), as a user installs it.
        string bin = Path.Combine(dir, "bin");
        string id = packages.Packages.Contains($"PolicyLint.Tool.any.{packages.Version}.nupkg") ? "PolicyLint.Tool.any" : "PolicyLint.Tool";
        var install = ProcessRunner.Dotnet(dir, "tool", "install", id, "--version", packages.Version, "--add-source", packages.Feed, "--tool-path", bin);
        Assert.True(install.ExitCode == 0, install.ToString());
        string tool = Path.Combine(bin, OperatingSystem.IsWindows() ? "dotnet-policylint.exe" : "dotnet-policylint");

        Directory.CreateDirectory(Path.Combine(dir, "docs"));
        File.WriteAllText(Path.Combine(dir, "docs", "launch.md"), "# Launch\n\nProject Falcon ships today; this DRAFT does not.\n");
        const string options = "root: true\nplugins: [plugins/Acme.MarkdownRules.dll]\nrules:\n  ACME1001:\n    options:\n" +
            "      terms: [DRAFT, Project Falcon]\n      replacements:\n        Project Falcon: the new app\n";
        File.WriteAllText(Path.Combine(dir, ".policylint.yml"), options);

        var run = ProcessRunner.Run(tool, ["docs", "--no-cache"], dir);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("docs/launch.md(3,1): error ACME1001: 'Project Falcon' must not be published; write 'the new app'", run.Output);
        Assert.Contains("docs/launch.md(3,34): error ACME1001: 'DRAFT' must not be published", run.Output);

        // The help link is the author's, or none: never a page of PolicyLint's repository.
        var json = ProcessRunner.Run(tool, ["docs", "--no-cache", "-f", "json"], dir);
        using (var doc = JsonDocument.Parse(json.Output))
        {
            var acme = doc.RootElement.GetProperty("diagnostics").EnumerateArray().Where(d => d.GetProperty("ruleId").GetString() == "ACME1001").ToList();
            Assert.Equal(2, acme.Count);
            Assert.All(acme, d => Assert.Equal("https://docs.acme.example/markdown-rules/ACME1001", d.GetProperty("helpUri").GetString()));
        }
        var rules = ProcessRunner.Run(tool, ["rules"], dir);
        Assert.Matches(new Regex(@"(?m)^ACME1002 +heading-length +custom +warning +no +Headings must be short"), rules.Output);
        var explain = ProcessRunner.Run(tool, ["explain", "ACME1001"], dir);
        Assert.Contains("Online: https://docs.acme.example/markdown-rules/ACME1001\n", explain.Output);
        explain = ProcessRunner.Run(tool, ["explain", "ACME1002"], dir);
        Assert.DoesNotContain("Online:", explain.Output);
        Assert.Contains("No page is embedded for this rule (it comes from a plugin, which gives no link).", explain.Output);

        // The configured replacement is a safe fix that --fix applies.
        var fix = ProcessRunner.Run(tool, ["docs", "--no-cache", "--fix"], dir);
        Assert.Equal("# Launch\n\nthe new app ships today; this DRAFT does not.\n", File.ReadAllText(Path.Combine(dir, "docs", "launch.md")));
        Assert.Contains("docs/launch.md(3,31): error ACME1001: 'DRAFT' must not be published", fix.Output);

        // A wrong option value: one configuration error (exit 2) at the line and column of the value in .policylint.yml.
        File.WriteAllText(Path.Combine(dir, ".policylint.yml"), options + "      maxPerDocument: lots\n");
        var bad = ProcessRunner.Run(tool, ["docs", "--no-cache"], dir);
        Assert.True(bad.ExitCode == 2, bad.ToString());
        Assert.Contains("policylint: configuration error: .policylint.yml(9,23): Invalid options for ACME1001 (forbidden-terms): " +
            "Option 'maxPerDocument' must be a whole number, not 'lots'\n", bad.Error);
        Assert.Equal("", bad.Output);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var f in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(from, f);
            // A build in place leaves bin/ and obj/: the author's checkout is what is copied, not a build of it.
            if (rel.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj")) continue;
            string dst = Path.Combine(to, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(dst)!);
            File.Copy(f, dst);
        }
    }
}
