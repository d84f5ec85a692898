using System.IO;
using System.Linq;

namespace PolicyLint.EndToEnd.Tests;

/// <summary><c>PackageReference Include="PolicyLint.MSBuild"</c> in a real project, built with <c>dotnet build</c>.</summary>
[Collection("packages")]
public sealed class MSBuildTests(PackagesFixture packages)
{
    private const string Broken = "# Guide\n\nSee [the missing page](missing.md).\n";
    private const string Clean = "# Guide\n\n## Section\n\nAll good.\n";
    private const string WarningOnly = "# Guide\n\n### Skipped a level\n\nText.\n";

    private string Project(string name, string doc, string targetFrameworks = "net10.0", string extra = "")
    {
        string dir = packages.NewConsumer(name);
        string tfm = targetFrameworks.Contains(';') ? $"<TargetFrameworks>{targetFrameworks}</TargetFrameworks>" : $"<TargetFramework>{targetFrameworks}</TargetFramework>";
        File.WriteAllText(Path.Combine(dir, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {tfm}
                {extra}
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

    [Fact]
    public void ABrokenDocumentFailsTheBuildWithTheCanonicalErrorLine()
    {
        string dir = Project("broken", Broken);
        var r = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off");
        Assert.True(r.ExitCode != 0, r.ToString());
        Assert.Contains("docs/guide.md(3,24,3,34): error PL3001: Link target 'missing.md' does not exist", r.Output.Replace('\\', '/'));
    }

    [Fact]
    public void ACleanDocumentBuildsAndASecondBuildSkipsTheLint()
    {
        string dir = Project("clean", Clean);
        var first = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off");
        Assert.True(first.ExitCode == 0, first.ToString());
        var second = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off", "-v:d");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Skipping target \"PolicyLint\" because all output files are up-to-date", second.Output);
        File.AppendAllText(Path.Combine(dir, "docs", "guide.md"), "\nSee [gone](gone.md).\n");
        var third = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off");
        Assert.True(third.ExitCode != 0, "an edited document must be linted again:\n" + third);
    }

    [Fact]
    public void WarningsKeepTheirCodeSoWarnAsErrorWorks()
    {
        string dir = Project("warn", WarningOnly);
        var plain = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off");
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Contains("warning PL4001:", plain.Output);
        var strict = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off", "--no-incremental", "-warnaserror:PL4001");
        Assert.True(strict.ExitCode != 0, strict.ToString());
        Assert.Contains("error PL4001:", strict.Output);
    }

    [Fact]
    public void AMultiTargetedProjectReportsEachFindingOnce()
    {
        string dir = Project("multi", Broken, "net10.0;netstandard2.0");
        var r = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off");
        Assert.True(r.ExitCode != 0, r.ToString());
        var lines = r.Output.Split('\n').Where(l => l.Contains("error PL3001:")).Select(l => l.Trim()).Distinct().ToArray();
        // MSBuild repeats errors in its closing summary; count distinct lines, and that the summary says 1 error.
        Assert.Single(lines);
        Assert.Contains("1 Error(s)", r.Output);
    }

    [Fact]
    public void TheStandaloneTargetAndTheSwitchesWork()
    {
        string dir = Project("switches", Broken);
        var standalone = ProcessRunner.Dotnet(dir, "msbuild", "-restore", "-t:PolicyLint", "-nologo");
        Assert.True(standalone.ExitCode != 0, standalone.ToString());
        Assert.Contains("error PL3001:", standalone.Output);
        var disabled = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off", "-p:PolicyLintEnabled=false");
        Assert.True(disabled.ExitCode == 0, disabled.ToString());
        var sarif = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off", "-p:PolicyLintSarifFile=obj/policylint.sarif");
        Assert.True(sarif.ExitCode != 0);
        Assert.Contains("\"ruleId\": \"PL3001\"", File.ReadAllText(Path.Combine(dir, "obj", "policylint.sarif")));
        var outOfProcess = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off", "-p:PolicyLintUseTaskHost=true");
        Assert.True(outOfProcess.ExitCode != 0, outOfProcess.ToString());
        Assert.Contains("error PL3001:", outOfProcess.Output);
    }

    [Fact]
    public void AnInvalidConfigurationFailsTheBuildNamingTheFile()
    {
        string dir = Project("badconfig", Clean);
        File.WriteAllText(Path.Combine(dir, ".policylint.yml"), "root: true\nrules:\n  PL9999: error\n");
        var r = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off");
        Assert.True(r.ExitCode != 0, r.ToString());
        Assert.Contains("error PL0000: Invalid PolicyLint configuration: Unknown rule 'PL9999'", r.Output);
        Assert.Contains(".policylint.yml(3,3)", r.Output);
    }
}
