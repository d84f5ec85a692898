using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Cli.Tests.Adoption;

/// <summary>What a new user follows: the links that <c>init</c> writes and the links of docs/ lead somewhere.</summary>
public sealed class DocsLinkTests
{
    private const string RepoUrl = "https://github.com/policylint/policylint/blob/main/";

    [Fact]
    public void Every_link_in_the_starter_configuration_names_a_file_of_the_repository()
    {
        using var t = new TempTree();
        var r = CliRunner.Run(t.Root, "init");
        Assert.Equal(0, r.ExitCode);
        string config = File.ReadAllText(t.Path_(".policylint.yml"));
        var links = Regex.Matches(config, @"https://\S+").Select(m => m.Value).ToList();
        Assert.Contains(RepoUrl + "docs/configuration.md", links);
        foreach (var link in links)
        {
            Assert.StartsWith(RepoUrl, link);
            string rel = link.Substring(RepoUrl.Length).Split('#')[0];
            Assert.True(File.Exists(Path.Combine(SharedData.RepoRoot, rel)), $"{link} names {rel}, which is not in the repository");
        }
    }

    [Fact]
    public void The_built_tool_finds_no_broken_link_in_docs_and_the_readme()
    {
        // PL3001 (missing file) and PL3002 (missing anchor) over the project's own documentation, run by the built tool.
        var r = CliRunner.Run(SharedData.RepoRoot, "docs", "README.md", "./rules", "--no-color", "--quiet", "--fail-on", "info");
        Assert.Equal("", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }
}
