using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PolicyLint.EndToEnd.Tests;

/// <summary>
/// What the packed packages carry for their package page, and how a local pack is versioned: every package of the feed
/// names a readme in its nuspec and holds that file, the tool's own (with links that work outside the repository), the
/// library's and the MSBuild task's the repository README; a version suffix on the command line reaches every package.
/// </summary>
[Collection("packages")]
public sealed class PackageReadmeTests(PackagesFixture packages)
{
    [Fact]
    public void EveryPackedPackageCarriesTheReadmeItsNuspecNames()
    {
        Assert.Contains($"PolicyLint.Tool.{packages.Version}.nupkg", packages.Packages);
        Assert.Contains($"PolicyLint.Tool.any.{packages.Version}.nupkg", packages.Packages);
        Assert.Contains($"PolicyLint.{packages.Version}.nupkg", packages.Packages);
        Assert.Contains($"PolicyLint.MSBuild.{packages.Version}.nupkg", packages.Packages);
        Assert.Contains($"PolicyLint.Testing.{packages.Version}.nupkg", packages.Packages);
        string testingReadme = File.ReadAllText(Path.Combine(packages.RepoRoot, "src", "PolicyLint.Testing", "README.md"));
        string toolReadme = File.ReadAllText(Path.Combine(packages.RepoRoot, "src", "PolicyLint.Cli", "README.md"));
        string repoReadme = File.ReadAllText(Path.Combine(packages.RepoRoot, "README.md"));
        foreach (var name in packages.Packages)
        {
            using var zip = ZipFile.OpenRead(Path.Combine(packages.Feed, name));
            var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
            XDocument doc;
            using (var s = nuspec.Open()) doc = XDocument.Load(s);
            string? readme = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "readme")?.Value;
            Assert.True(readme == "README.md", $"{name}: the nuspec names readme '{readme}'");
            var entry = zip.GetEntry("README.md");
            Assert.True(entry is not null, $"{name} has no README.md");
            using var reader = new StreamReader(entry!.Open());
            string expected = name.StartsWith("PolicyLint.Tool.", StringComparison.Ordinal) ? toolReadme
                : name.StartsWith("PolicyLint.Testing.", StringComparison.Ordinal) ? testingReadme : repoReadme;
            Assert.True(expected == reader.ReadToEnd(), $"{name}: README.md is not the expected readme");
        }
    }

    [Fact]
    public void TheToolReadmeLinksOnlyToAbsoluteAddresses()
    {
        // nuget.org shows the readme without the repository around it: a relative link there leads nowhere.
        string readme = File.ReadAllText(Path.Combine(packages.RepoRoot, "src", "PolicyLint.Cli", "README.md"));
        var targets = Regex.Matches(readme, @"\]\(([^)\s]+)\)").Select(m => m.Groups[1].Value)
            .Concat(Regex.Matches(readme, @"(?m)^- [^:\n]+: (\S+)$").Select(m => m.Groups[1].Value)).ToList();
        Assert.NotEmpty(targets);
        Assert.All(targets, t => Assert.StartsWith("https://", t));
    }

    [Fact]
    public void AVersionSuffixOnTheCommandLineVersionsEveryPackage()
    {
        // 'dotnet pack --version-suffix X' sets VersionSuffix for every project of the pack; asked of the evaluation here,
        // which is what pack uses, without packing again.
        string prefix = XDocument.Load(Path.Combine(packages.RepoRoot, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value.Trim();
        foreach (var project in new[] { "src/PolicyLint/PolicyLint.csproj", "src/PolicyLint.MSBuild/PolicyLint.MSBuild.csproj", "src/PolicyLint.Cli/PolicyLint.Cli.csproj" })
        {
            var suffixed = ProcessRunner.Dotnet(packages.RepoRoot, "msbuild", project, "-getProperty:PackageVersion", "-p:VersionSuffix=dev.20261202153000");
            Assert.True(suffixed.ExitCode == 0, suffixed.ToString());
            Assert.Equal(prefix + "-dev.20261202153000", suffixed.Output.Trim());
            var plain = ProcessRunner.Dotnet(packages.RepoRoot, "msbuild", project, "-getProperty:PackageVersion");
            Assert.Equal(prefix, plain.Output.Trim());
        }
    }
}
