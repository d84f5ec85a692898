using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Cli.Tests.Adoption;

/// <summary>
/// The README's "In the build" section is the reference for the MSBuild package, which docs/configuration.md points to:
/// it must name every property the package's props and targets read (the public ones, not those starting with '_') and
/// every warning switch the task honours. The switches themselves are exercised by AdoptionMSBuildTests in a real build.
/// </summary>
public sealed class ReadmeBuildSectionTests
{
    private static string Section()
    {
        string readme = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "README.md")).Replace("\r\n", "\n");
        int start = readme.IndexOf("\n### In the build\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no 'In the build' section");
        int end = readme.IndexOf("\n### ", start + 1, StringComparison.Ordinal);
        return readme.Substring(start, end - start);
    }

    [Fact]
    public void Every_public_property_of_the_package_is_named()
    {
        string package = Path.Combine(SharedData.RepoRoot, "src", "PolicyLint.MSBuild");
        var properties = Directory.GetFiles(package, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"\$\(([A-Za-z]\w*PolicyLint\w*|PolicyLint\w*)\)").Select(m => m.Groups[1].Value))
            .Distinct().OrderBy(p => p, StringComparer.Ordinal).ToList();
        Assert.Equal(["EnableDefaultPolicyLintItems", "PolicyLintBaselineFile", "PolicyLintCacheDirectory", "PolicyLintConfigFile",
            "PolicyLintEnabled", "PolicyLintSarifFile", "PolicyLintUseCache", "PolicyLintUseTaskHost"], properties);
        string section = Section();
        Assert.All(properties, p => Assert.Contains($"`{p}", section));
    }

    [Fact]
    public void The_warning_switches_the_task_honours_are_named()
    {
        string targets = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "src", "PolicyLint.MSBuild", "build", "PolicyLint.MSBuild.targets"));
        string section = Section();
        foreach (var name in new[] { "TreatWarningsAsErrors", "WarningsAsErrors", "WarningsNotAsErrors", "NoWarn" })
        {
            Assert.Contains($"$({name})", targets);
            Assert.Contains($"`{name}`", section);
        }
        Assert.Contains("`-warnaserror`", section);
    }
}
