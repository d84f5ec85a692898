using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace PolicyLint.EndToEnd.Tests;

/// <summary>What a team adopting the build package expects: warning switches as for compiler warnings, and a baseline.</summary>
[Collection("packages")]
public sealed class AdoptionMSBuildTests(PackagesFixture packages)
{
    // One PL4001 warning (line 3) and one PL3007 warning (line 5).
    private const string TwoWarnings = "# Guide\n\n### Skipped a level\n\nRead it [here](guide.md).\n";

    private string Project(string name, string doc) => packages.NewMSBuildConsumer(name, doc);

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

    /// <summary>
    /// The task's own lines (findings and "PolicyLint: ..." messages, not the bare target header) with the elapsed time and
    /// the cache count masked: what a cold and a warm build must agree on.
    /// </summary>
    private static string[] Report(ProcessResult r) =>
        r.Output.Replace('\\', '/').Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith("PolicyLint: ", System.StringComparison.Ordinal) || l.Contains(": warning PL") || l.Contains(": error PL"))
            .Select(l => Regex.Replace(l, @" \[[^\]]*\.csproj\]$", ""))
            .Select(l => Regex.Replace(l, @" in \d+\.\d\d s$", " in <elapsed> s"))
            .Select(l => Regex.Replace(l, @"\(\d+ unchanged, from the cache\)", "(<n> unchanged, from the cache)"))
            .Select(l => l.Contains("docs/guide.md") ? l.Substring(l.IndexOf("docs/guide.md")) : l)
            .Distinct().OrderBy(l => l, System.StringComparer.Ordinal).ToArray();

    [Fact]
    public void ABaselineWrittenByTheToolHidesOldFindingsInTheBuildWithTheCacheColdOrWarm()
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

        // A new warning after the baseline (line 5), then a build with the cache cold and a rebuild with it warm.
        File.AppendAllText(Path.Combine(dir, "docs", "guide.md"), "\n### Skipped a level\n");
        Directory.Delete(Path.Combine(dir, "obj", "policylint-cache"), recursive: true);
        string[] baseline = ["-p:PolicyLintBaselineFile=.policylint-baseline.json", "-v:n"];
        var cold = ProcessRunner.Dotnet(dir, ["build", "-nologo", "-tl:off", .. baseline]);
        Assert.True(cold.ExitCode == 0, cold.ToString());
        Assert.Contains("PolicyLint: 1 file(s) (0 unchanged, from the cache), 0 error(s), 1 warning(s)", cold.Output);
        var warm = ProcessRunner.Dotnet(dir, ["build", "-nologo", "-tl:off", .. baseline]);
        Assert.True(warm.ExitCode == 0, warm.ToString());
        Assert.Contains("PolicyLint: 1 file(s) (1 unchanged, from the cache), 0 error(s), 1 warning(s)", warm.Output);
        string[] expected =
        [
            "PolicyLint: 1 file(s) (<n> unchanged, from the cache), 0 error(s), 1 warning(s) in <elapsed> s",
            "PolicyLint: 1 finding(s) recorded in the baseline .policylint-baseline.json are not shown",
            "docs/guide.md(5,1,5,20): warning PL4001: Heading level jumps from H1 to H3; expected H2",
        ];
        Assert.Equal(expected, Report(cold));
        Assert.Equal(expected, Report(warm));

        // The cache holds the findings before the baseline: a warm build without it shows the old error again.
        var without = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off", "-v:n");
        Assert.True(without.ExitCode != 0, without.ToString());
        Assert.Contains("PolicyLint: 1 file(s) (1 unchanged, from the cache), 1 error(s), 1 warning(s)", without.Output);
        Assert.Equal(["docs/guide.md(3,16,3,23): error PL3001", "docs/guide.md(5,1,5,20): warning PL4001"], Findings(without));

        File.AppendAllText(Path.Combine(dir, "docs", "guide.md"), "\nAnd [the budget](budget.md).\n");
        var added = ProcessRunner.Dotnet(dir, ["build", "-nologo", "-tl:off", .. baseline]);
        Assert.True(added.ExitCode != 0, added.ToString());
        Assert.Equal(["docs/guide.md(5,1,5,20): warning PL4001", "docs/guide.md(7,18,7,27): error PL3001"], Findings(added));
        var addedWarm = ProcessRunner.Dotnet(dir, ["build", "-nologo", "-tl:off", .. baseline]);
        Assert.Equal(Report(added), Report(addedWarm));
        Assert.Contains("(1 unchanged, from the cache)", addedWarm.Output);

        var missing = ProcessRunner.Dotnet(dir, "build", "-nologo", "-tl:off", "-p:PolicyLintBaselineFile=nope.json");
        Assert.True(missing.ExitCode != 0);
        Assert.Contains("PolicyLintBaselineFile 'nope.json' does not exist", missing.Output);
    }
}
