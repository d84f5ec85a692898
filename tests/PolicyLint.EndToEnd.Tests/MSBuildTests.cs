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

    private string Project(string name, string doc, string targetFrameworks = "net10.0") =>
        packages.NewMSBuildConsumer(name, doc, targetFrameworks);

    [Fact]
    public void ABrokenDocumentFailsTheBuildWithTheCanonicalErrorLine()
    {
        string dir = Project("broken", Broken);
        var r = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off");
        Assert.True(r.ExitCode != 0, r.ToString());
        Assert.Contains("docs/guide.md(3,24,3,34): error PL3001: Link target 'missing.md' does not exist", r.Output.Replace('\\', '/'));
    }

    [Fact]
    public void ASecondBuildTakesUnchangedDocumentsFromTheCacheAndAnEditedOneIsLintedAgain()
    {
        string dir = Project("clean", Clean);
        var first = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off", "-v:n");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("PolicyLint: 1 file(s) (0 unchanged, from the cache), 0 error(s), 0 warning(s)", first.Output);
        var second = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off", "-v:n");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("PolicyLint: 1 file(s) (1 unchanged, from the cache), 0 error(s), 0 warning(s)", second.Output);
        File.AppendAllText(Path.Combine(dir, "docs", "guide.md"), "\nSee [gone](gone.md).\n");
        var third = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off");
        Assert.True(third.ExitCode != 0, "an edited document must be linted again:\n" + third);
        Assert.Contains("docs/guide.md(7,12,7,19): error PL3001: Link target 'gone.md' does not exist", third.Output.Replace('\\', '/'));
    }

    /// <summary>The case the old stamp file missed: the document is unchanged, but a file it links to went away.</summary>
    [Fact]
    public void DeletingAFileThatADocumentLinksToFailsTheNextBuild()
    {
        string dir = Project("deleted-target", "# Guide\n\n## Section\n\nSee ![the diagram](diagram.png).\n");
        File.WriteAllBytes(Path.Combine(dir, "docs", "diagram.png"), [0x89, 0x50, 0x4E, 0x47]);
        var first = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off");
        Assert.True(first.ExitCode == 0, first.ToString());
        File.Delete(Path.Combine(dir, "docs", "diagram.png"));
        var second = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off");
        Assert.True(second.ExitCode != 0, "a deleted link target must fail the next build:\n" + second);
        Assert.Contains("docs/guide.md(5,20,5,31): error PL3001: Image 'diagram.png' does not exist", second.Output.Replace('\\', '/'));
    }

    [Fact]
    public void CleanRemovesTheCacheTheBuildWrote()
    {
        string dir = Project("clean-cache", Clean);
        var build = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off");
        Assert.True(build.ExitCode == 0, build.ToString());
        string cache = Path.Combine(dir, "obj", "policylint-cache");
        Assert.NotEmpty(Directory.GetFiles(cache, "results-*.bin"));
        var clean = ProcessRunner.Dotnet(dir, "clean", "-nologo", "-tl:off");
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.False(Directory.Exists(cache), "dotnet clean must remove obj/policylint-cache");
        Assert.False(Directory.Exists(Path.Combine(dir, ".policylint-cache")), "the task writes its cache under obj/ only");
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
