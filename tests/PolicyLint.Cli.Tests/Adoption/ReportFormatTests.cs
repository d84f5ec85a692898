using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Json.Schema;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Cli.Tests.Adoption;

/// <summary>The report formats CI systems read, written by the built tool from a subfolder of a repository.</summary>
public sealed class ReportFormatTests
{
    private const string Doc = "# Guide\n\nSee [the plan](plan.md).\n\n### Deep\n";

    /// <summary>A repository (a .git folder) whose docs live in site/docs; the tool runs from site/, as a CI job with working-directory: site.</summary>
    private static TempTree Repo()
    {
        var t = new TempTree();
        t.Dir(".git");
        t.Write("site/.policylint.yml", "root: true\n");
        t.Write("site/docs/guide.md", Doc);
        t.Write("site/docs/clean.md", "# Clean\n\nNothing to see.\n");
        return t;
    }

    [Fact]
    public void Github_annotations_name_paths_from_the_repository_root()
    {
        using var t = Repo();
        var r = CliRunner.Run(t.Path_("site"), "--format", "github");
        Assert.Equal("::error file=site/docs/guide.md,line=3,col=16,endLine=3,endColumn=23,title=PL3001::Link target 'plan.md' does not exist\n"
                     + "::warning file=site/docs/guide.md,line=5,col=1,endLine=5,endColumn=9,title=PL4001::Heading level jumps from H1 to H3; expected H2\n", r.Stdout);
    }

    [Fact]
    public void Junit_has_a_suite_per_file_and_a_failing_case_per_finding()
    {
        using var t = Repo();
        var r = CliRunner.Run(t.Path_("site"), "--format", "junit");
        Assert.Equal(1, r.ExitCode);
        var doc = XDocument.Parse(r.Stdout);
        var root = doc.Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal(("3", "2"), ((string)root.Attribute("tests")!, (string)root.Attribute("failures")!));
        var suites = root.Elements("testsuite").ToList();
        Assert.Equal(["docs/clean.md", "docs/guide.md"], suites.Select(s => (string)s.Attribute("name")!));
        Assert.Equal("no problems", (string)suites[0].Element("testcase")!.Attribute("name")!);
        Assert.Null(suites[0].Element("testcase")!.Element("failure"));
        var cases = suites[1].Elements("testcase").ToList();
        Assert.Equal(["PL3001 (3,16): Link target 'plan.md' does not exist", "PL4001 (5,1): Heading level jumps from H1 to H3; expected H2"],
            cases.Select(c => (string)c.Attribute("name")!));
        var failure = cases[0].Element("failure")!;
        Assert.Equal(("error", "Link target 'plan.md' does not exist"), ((string)failure.Attribute("type")!, (string)failure.Attribute("message")!));
        Assert.StartsWith("docs/guide.md(3,16): error PL3001: Link target 'plan.md' does not exist\nhttps://", failure.Value);
        Assert.Equal("3", (string)cases[0].Attribute("line")!);
    }

    [Fact]
    public void Checkstyle_has_a_file_per_linted_file_and_an_error_per_finding()
    {
        using var t = Repo();
        var r = CliRunner.Run(t.Path_("site"), "--format", "checkstyle");
        var root = XDocument.Parse(r.Stdout).Root!;
        Assert.Equal("checkstyle", root.Name.LocalName);
        Assert.Equal(["docs/clean.md", "docs/guide.md"], root.Elements("file").Select(f => (string)f.Attribute("name")!));
        var errors = root.Elements("file").Last().Elements("error")
            .Select(e => $"{e.Attribute("line")!.Value}:{e.Attribute("column")!.Value} {e.Attribute("severity")!.Value} {e.Attribute("source")!.Value} {e.Attribute("message")!.Value}");
        Assert.Equal(["3:16 error PolicyLint.PL3001 Link target 'plan.md' does not exist", "5:1 warning PolicyLint.PL4001 Heading level jumps from H1 to H3; expected H2"], errors);
    }

    [Fact]
    public void Gitlab_code_quality_has_repository_paths_severities_and_unique_fingerprints()
    {
        using var t = Repo();
        t.Write("site/docs/twice.md", "# Twice\n\n[a](gone.md)\n\n[a](gone.md)\n");
        var r = CliRunner.Run(t.Path_("site"), "--format", "gitlab");
        using var json = JsonDocument.Parse(r.Stdout);
        var issues = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(4, issues.Count);
        var first = issues[0];
        Assert.Equal("PL3001: Link target 'plan.md' does not exist", first.GetProperty("description").GetString());
        Assert.Equal("PL3001", first.GetProperty("check_name").GetString());
        Assert.Equal("major", first.GetProperty("severity").GetString());
        Assert.Equal("site/docs/guide.md", first.GetProperty("location").GetProperty("path").GetString());
        Assert.Equal(3, first.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
        Assert.Equal("minor", issues[1].GetProperty("severity").GetString());
        var prints = issues.Select(i => i.GetProperty("fingerprint").GetString()).ToList();
        Assert.Equal(prints.Count, prints.Distinct().Count());
        // Stable across runs, so GitLab can tell fixed findings from new ones.
        var again = CliRunner.Run(t.Path_("site"), "--format", "gitlab");
        Assert.Equal(r.Stdout, again.Stdout);
    }

    [Fact]
    public void Sarif_has_the_source_root_and_an_invocation_and_still_validates()
    {
        string schemaPath = SharedData.Require("schemas/sarif-2.1.0.json");
        using var t = Repo();
        var r = CliRunner.Run(t.Path_("site"), "docs", "missing/**/*.md", "--no-error-on-unmatched-pattern", "--format", "sarif");
        Assert.Equal(1, r.ExitCode);
        // Its own registry: the SARIF schema has an $id, and other tests build it too, in parallel.
        var schema = JsonSchema.FromText(File.ReadAllText(schemaPath), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        var eval = schema.Evaluate(JsonDocument.Parse(r.Stdout).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(eval.IsValid, string.Join("\n", (eval.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Value}"))));
        using var doc = JsonDocument.Parse(r.Stdout);
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal(new Uri(t.Root.TrimEnd('/') + "/").AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
        var invocation = run.GetProperty("invocations")[0];
        Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
        Assert.Equal(1, invocation.GetProperty("exitCode").GetInt32());
        var note = invocation.GetProperty("toolExecutionNotifications")[0];
        Assert.Equal("No file matches 'missing/**/*.md'", note.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal("site/docs/guide.md", run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation")
            .GetProperty("artifactLocation").GetProperty("uri").GetString());
    }
}
