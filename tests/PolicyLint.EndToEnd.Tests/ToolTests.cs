using System.IO;

namespace PolicyLint.EndToEnd.Tests;

/// <summary><c>dotnet tool install --local</c> from the feed, then <c>dotnet policylint</c> as a user runs it.</summary>
[Collection("packages")]
public sealed class ToolTests(PackagesFixture packages)
{
    [Fact]
    public void TheLocalToolExitsOneOnABrokenDocumentAndZeroOnACleanOne()
    {
        string dir = packages.NewConsumer("tool");
        Assert.Equal(0, ProcessRunner.Dotnet(dir, "new", "tool-manifest").ExitCode);
        var install = ProcessRunner.Dotnet(dir, "tool", "install", "PolicyLint.Tool", "--version", packages.Version, "--add-source", packages.Feed);
        Assert.True(install.ExitCode == 0, install.ToString());

        var version = ProcessRunner.Dotnet(dir, "policylint", "--version");
        Assert.Equal(packages.Version, version.Output.Trim());

        Directory.CreateDirectory(Path.Combine(dir, "docs"));
        File.WriteAllText(Path.Combine(dir, "docs", "broken.md"), "# Guide\n\nSee [the missing page](missing.md).\n");
        var broken = ProcessRunner.Dotnet(dir, "policylint", "docs/broken.md");
        Assert.True(broken.ExitCode == 1, broken.ToString());
        Assert.Contains("docs/broken.md(3,", broken.Output);
        Assert.Contains("error PL3001:", broken.Output);

        File.WriteAllText(Path.Combine(dir, "docs", "clean.md"), "# Guide\n\n## Section\n\nAll good.\n");
        var clean = ProcessRunner.Dotnet(dir, "policylint", "docs/clean.md");
        Assert.True(clean.ExitCode == 0, clean.ToString());

        var usage = ProcessRunner.Dotnet(dir, "policylint", "--format", "xml");
        Assert.Equal(2, usage.ExitCode);
    }
}
