using System.IO;
using System.Linq;

namespace PolicyLint.EndToEnd.Tests;

/// <summary>What a team adopting the build package expects: warning switches as for compiler warnings, and a baseline.</summary>
[Collection("packages")]
public sealed class AdoptionMSBuildTests(PackagesFixture packages)
{
    // One PL4001 warning (line 3) and one PL3007 warning (line 5).
    private const string TwoWarnings = "# Guide\n\n### Skipped a level\n\nRead it [here](guide.md).\n";

    private string Project(string name, string doc)
    {
        string dir = packages.NewConsumer(name);
        File.WriteAllText(Path.Combine(dir, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PolicyLint.MSBuild" Version="{packages.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Class1.cs"), "namespace Consumer { public static class C { } }\n");
        Directory.CreateDirectory(Path.Combine(dir, "docs"));
        File.WriteAllText(Path.Combine(dir, "docs", "guide.md"), doc);
        return dir;
    }

    private static string[] Findings(ProcessResult r) =>
        r.Output.Replace('\\', '/').Split('\n').Select(l => l.Trim())
            .Where(l => l.Contains(": warning PL") || l.Contains(": error PL"))
            .Select(l => l.Substring(l.IndexOf("docs/guide.md")))
            .Select(l => l.Substring(0, l.IndexOf(':', l.IndexOf("PL", System.StringComparison.Ordinal))))
            .Distinct().OrderBy(l => l).ToArray();

    [Fact]
    public void TreatWarningsAsErrorsWarningsNotAsErrorsAndNoWarnApplyToPolicyLintWarnings()
    {
        string dir = Project("twae", TwoWarnings);
        var plain = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off");
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Equal(["docs/guide.md(3,1,3,20): warning PL4001", "docs/guide.md(5,9,5,25): warning PL3007"], Findings(plain));

        var strict = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off", "--no-incremental", "-p:TreatWarningsAsErrors=true");
        Assert.True(strict.ExitCode != 0, "one PolicyLint warning must fail a TreatWarningsAsErrors build:\n" + strict);
        Assert.Equal(["docs/guide.md(3,1,3,20): error PL4001", "docs/guide.md(5,9,5,25): error PL3007"], Findings(strict));

        var except = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off", "--no-incremental", "-p:TreatWarningsAsErrors=true",
            "-p:WarningsNotAsErrors=PL4001%3BPL3007");
        Assert.True(except.ExitCode == 0, except.ToString());
        Assert.Equal(["docs/guide.md(3,1,3,20): warning PL4001", "docs/guide.md(5,9,5,25): warning PL3007"], Findings(except));

        var one = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off", "--no-incremental", "-p:WarningsAsErrors=PL3007", "-p:NoWarn=PL4001");
        Assert.True(one.ExitCode != 0, one.ToString());
        Assert.Equal(["docs/guide.md(5,9,5,25): error PL3007"], Findings(one));

        var switchToo = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off", "--no-incremental", "-warnaserror");
        Assert.True(switchToo.ExitCode != 0, switchToo.ToString());
        Assert.Contains("error PL4001:", switchToo.Output);
    }

    [Fact]
    public void ABaselineWrittenByTheToolHidesOldFindingsInTheBuild()
    {
        string dir = Project("baseline", "# Guide\n\nSee [the plan](plan.md).\n");
        var before = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off");
        Assert.True(before.ExitCode != 0, before.ToString());
        // The baseline as the packed tool writes it, from the project folder: one file for the CLI and the build.
        Assert.Equal(0, ProcessRunner.Dotnet(dir, "new", "tool-manifest").ExitCode);
        var install = ProcessRunner.Dotnet(dir, "tool", "install", "PolicyLint.Tool", "--version", packages.Version, "--add-source", packages.Feed);
        Assert.True(install.ExitCode == 0, install.ToString());
        var write = ProcessRunner.Dotnet(dir, "policylint", "docs", "--write-baseline");
        Assert.True(write.ExitCode == 0, write.ToString());
        Assert.Contains("\"path\": \"docs/guide.md\"", File.ReadAllText(Path.Combine(dir, ".policylint-baseline.json")));
        var after = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off", "-p:PolicyLintBaselineFile=.policylint-baseline.json");
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.DoesNotContain("error PL3001", after.Output);

        File.AppendAllText(Path.Combine(dir, "docs", "guide.md"), "\nAnd [the budget](budget.md).\n");
        var added = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off", "-p:PolicyLintBaselineFile=.policylint-baseline.json");
        Assert.True(added.ExitCode != 0, added.ToString());
        Assert.Equal(["docs/guide.md(5,18,5,27): error PL3001"], Findings(added));

        var missing = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off", "-p:PolicyLintBaselineFile=nope.json");
        Assert.True(missing.ExitCode != 0);
        Assert.Contains("PolicyLintBaselineFile 'nope.json' does not exist", missing.Output);
    }
}
