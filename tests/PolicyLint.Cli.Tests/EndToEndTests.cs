using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Json.Schema;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Cli.Tests;

/// <summary>The built tool on fixture trees: each format against approved files, SARIF against the schema, exit codes.</summary>
public sealed class EndToEndTests
{
    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("github")]
    public void Format_output_matches_approved_file(string format)
    {
        using var t = CliRunner.Fixture("basic");
        var r = CliRunner.Run(t.Root, "--format", format);
        Assert.Equal("", r.Stderr);
        Assert.Equal(1, r.ExitCode);
        // SARIF names the repository root as a file: URI (originalUriBaseIds); the temporary folder differs per run.
        string stdout = r.Stdout.Replace(new Uri(t.Root.TrimEnd('/') + "/").AbsoluteUri, "file:///<root>/");
        Approvals.Verify(CliRunner.MaskElapsed(stdout), "basic." + format);
    }

    [Fact]
    public void Text_output_has_canonical_lines_and_summary()
    {
        using var t = CliRunner.Fixture("basic");
        var r = CliRunner.Run(t.Root, "--stats");
        Assert.Contains("docs/fixme.md(3,1): error TST1002: Remove 'FIXME'\n", r.Stdout);
        Assert.Matches(@"4 files, 1 error, 5 warnings \(3 fixable with --fix, 1 more with --fix-unsafe\) in \d+\.\d\d s\n$", r.Stdout);
        Assert.Contains("Rule     Count  Fixable  Name\nTST1001      3        3  todo-marker\n", r.Stdout);
    }

    [Fact]
    public void Quiet_prints_findings_only()
    {
        using var t = CliRunner.Fixture("basic");
        var r = CliRunner.Run(t.Root, "--quiet", "docs/fixme.md");
        Assert.Equal("docs/fixme.md(3,1): error TST1002: Remove 'FIXME'\ndocs/fixme.md(3,29): warning TST1001: Replace 'TODO' with 'DONE'\n"
                     + "docs/fixme.md(3,38): warning TST1001: Replace 'TODO' with 'DONE'\n", r.Stdout);
    }

    [Fact]
    public void Sarif_is_valid_against_the_schema()
    {
        string schemaPath = SharedData.Require("schemas/sarif-2.1.0.json");
        using var t = CliRunner.Fixture("basic");
        var r = CliRunner.Run(t.Root, "--format", "sarif");
        var schema = JsonSchema.FromText(File.ReadAllText(schemaPath));
        var eval = schema.Evaluate(JsonDocument.Parse(r.Stdout).RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = (eval.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} [{e.Key}] {e.Value}")).ToList();
        Assert.True(eval.IsValid, string.Join("\n", errors));

        using var doc = JsonDocument.Parse(r.Stdout);
        var run = doc.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results");
        Assert.Equal(6, results.GetArrayLength());
        var fixme = results.EnumerateArray().Single(x => x.GetProperty("ruleId").GetString() == "TST1002");
        Assert.Equal("docs/fixme.md", fixme.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        var replacement = fixme.GetProperty("fixes")[0].GetProperty("artifactChanges")[0].GetProperty("replacements")[0];
        Assert.Equal(3, replacement.GetProperty("deletedRegion").GetProperty("startLine").GetInt32());
        Assert.Equal(7, replacement.GetProperty("deletedRegion").GetProperty("endColumn").GetInt32());
        Assert.All(results.EnumerateArray(), x => Assert.True(x.GetProperty("partialFingerprints").TryGetProperty("policylint/v1", out _)));
        Assert.All(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray(),
            rule => Assert.StartsWith("https://", rule.GetProperty("helpUri").GetString()));
    }

    [Fact]
    public void Sarif_uris_are_relative_to_the_repository_root()
    {
        using var t = CliRunner.Fixture("basic");
        Directory.CreateDirectory(Path.Combine(t.Root, ".git"));
        var r = CliRunner.Run(Path.Combine(t.Root, "docs"), "--format", "sarif", "--output", "../out/report.sarif", "fixme.md");
        Assert.Equal("", r.Stdout);
        string sarif = File.ReadAllText(Path.Combine(t.Root, "out", "report.sarif"));
        Assert.Contains("\"uri\": \"docs/fixme.md\"", sarif);
        Assert.Contains("\"uriBaseId\": \"%SRCROOT%\"", sarif);
    }

    [Fact]
    public void Json_has_the_documented_shape()
    {
        using var t = CliRunner.Fixture("basic");
        var r = CliRunner.Run(t.Root, "--format", "json", "docs/fixme.md");
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        var d = root.GetProperty("diagnostics")[0];
        foreach (var key in new[] { "ruleId", "ruleName", "severity", "path", "startLine", "startColumn", "endLine", "endColumn", "message", "helpUri", "fix" })
            Assert.True(d.TryGetProperty(key, out _), key);
        Assert.Equal("TST1002", d.GetProperty("ruleId").GetString());
        Assert.False(d.GetProperty("fix").GetProperty("safe").GetBoolean());
        Assert.Equal("", d.GetProperty("fix").GetProperty("edits")[0].GetProperty("newText").GetString());
    }

    [Fact]
    public void Exit_code_is_0_when_nothing_reaches_the_fail_level()
    {
        using var t = CliRunner.Fixture("basic");
        Assert.Equal(0, CliRunner.Run(t.Root, "docs/guide.md").ExitCode);             // warnings only
        Assert.Equal(1, CliRunner.Run(t.Root, "--fail-on", "warning", "docs/guide.md").ExitCode);
        Assert.Equal(0, CliRunner.Run(t.Root, "--max-warnings", "2", "docs/guide.md").ExitCode);
        var over = CliRunner.Run(t.Root, "--max-warnings", "1", "docs/guide.md");
        Assert.Equal(1, over.ExitCode);
        Assert.Contains("more than --max-warnings 1", over.Stderr);
        using var clean = CliRunner.Fixture("clean");
        var r = CliRunner.Run(clean.Root);
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"^1 file, no problems in \d+\.\d\d s\n$", r.Stdout);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--fail-on", "fatal")]
    [InlineData("--no-such-option")]
    [InlineData("--max-warnings", "many")]
    [InlineData("--stdin-filename", "a.md")]
    [InlineData("missing.md")]
    [InlineData("explain", "PL9999")]
    public void Usage_errors_exit_2_with_a_message_on_stderr(params string[] args)
    {
        using var t = CliRunner.Fixture("clean");
        var r = CliRunner.Run(t.Root, args);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("policylint: ", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Theory]
    [InlineData("rules:\n  no-such-rule: error\n", ".policylint.yml(2,3): Unknown rule 'no-such-rule'")]
    [InlineData("rules: [\n", ".policylint.yml")]
    [InlineData("plugins: [missing.dll]\n", "missing.dll' does not exist")]
    [InlineData("root: true\nsite: \"hugo\" *a\n", ".policylint.yml(2,14): Invalid YAML: The alias '*a' follows a value, where a key is expected")]   // was an ArgumentException
    public void Configuration_errors_exit_2_with_the_location_on_stderr(string config, string expected)
    {
        using var t = new TempTree();
        t.Write(".policylint.yml", config).Write("a.md", "# A\n");
        var r = CliRunner.Run(t.Root);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.StartsWith("policylint: configuration error: ", r.Stderr);
        Assert.Contains(expected, r.Stderr);
    }

    [Fact]
    public void Version_prints_the_informational_version()
    {
        using var t = new TempTree();
        var r = CliRunner.Run(t.Root, "--version");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("0.1.0", r.Stdout.Trim());
    }

    [Fact]
    public void Stdin_is_linted_under_the_given_name_with_configuration_from_its_folder()
    {
        using var t = CliRunner.Fixture("basic");
        var r = CliRunner.RunWith(t.Root, Encoding.UTF8.GetBytes("# X\n\nTODO\n"), null, "--stdin", "--stdin-filename", "docs/new.md");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("docs/new.md(3,1): warning TST1001: Replace 'TODO' with 'DONE'\n", r.Stdout);
        Assert.False(File.Exists(t.Path_("docs/new.md")));
    }

    [Fact]
    public void Stdin_with_fix_writes_the_fixed_text_to_stdout()
    {
        using var t = CliRunner.Fixture("basic");
        var r = CliRunner.RunWith(t.Root, Encoding.UTF8.GetBytes("# X\r\n\r\nTODO FIXME now\r\n"), null, "--stdin", "--fix", "--stdin-filename", "docs/new.md");
        Assert.Equal("# X\r\n\r\nDONE FIXME now\r\n", r.Stdout);
        Assert.Contains("docs/new.md(3,6): error TST1002", r.Stderr);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void Rules_lists_built_in_and_plugin_rules()
    {
        using var t = CliRunner.Fixture("basic");
        var r = CliRunner.Run(t.Root, "rules");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"\nPL0002 +unused-suppression +engine +warning +no +Suppression directives must suppress something\n", r.Stdout);
        Assert.Matches(@"\nTST1001 +todo-marker +custom +warning +yes +Documents must not contain TODO markers\n", r.Stdout);
        var json = CliRunner.Run(t.Root, "rules", "--format", "json");
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.Contains(doc.RootElement.EnumerateArray(), x => x.GetProperty("id").GetString() == "TST1002" && x.GetProperty("fixable").GetBoolean());
    }

    [Fact]
    public void Explain_prints_the_embedded_page_by_id_or_name()
    {
        using var t = new TempTree();
        var byId = CliRunner.Run(t.Root, "explain", "pl0002");
        Assert.Equal(0, byId.ExitCode);
        Assert.StartsWith("PL0002 unused-suppression: Suppression directives must suppress something\n", byId.Stdout);
        Assert.Contains("# PL0002: Suppression directives must suppress something", byId.Stdout);
        Assert.DoesNotContain("fixable: false", byId.Stdout);      // the page's front matter is not printed
        Assert.Equal(byId.Stdout, CliRunner.Run(t.Root, "explain", "unused-suppression").Stdout);
        var typo = CliRunner.Run(t.Root, "explain", "unused-supression");
        Assert.Equal(2, typo.ExitCode);
        Assert.Contains("did you mean PL0002 (unused-suppression)?", typo.Stderr);
    }

    [Fact]
    public void Init_writes_a_starter_configuration_and_refuses_to_overwrite()
    {
        using var t = new TempTree();
        var r = CliRunner.Run(t.Root, "init");
        Assert.Equal(0, r.ExitCode);
        string written = File.ReadAllText(t.Path_(".policylint.yml"));
        Assert.Contains("extends: recommended", written);
        Assert.Contains("include:", written);
        Assert.Contains("overrides:", written);
        File.WriteAllText(t.Path_(".policylint.yml"), "root: true\n");
        var again = CliRunner.Run(t.Root, "init");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists; use --force", again.Stderr);
        Assert.Equal("root: true\n", File.ReadAllText(t.Path_(".policylint.yml")));
        Assert.Equal(0, CliRunner.Run(t.Root, "init", "--force").ExitCode);
        Assert.Equal(written, File.ReadAllText(t.Path_(".policylint.yml")));
    }

    [Fact]
    public void Init_configuration_is_accepted_by_the_linter()
    {
        // The recommended pack names rules of the families; until they are all present this cannot run.
        var known = new PolicyLint.Engine.LintEngine().Rules.Select(x => x.Id).ToHashSet();
        string pack = PolicyLint.Configuration.Packs.GetText("recommended")!;
        var missing = System.Text.RegularExpressions.Regex.Matches(pack, @"\bPL\d{4}\b").Select(m => m.Value).Where(id => !known.Contains(id)).ToList();
        if (missing.Count > 0) Assert.Skip("The recommended pack names rules not in this build yet: " + string.Join(", ", missing));
        using var t = new TempTree();
        t.Write("doc.md", "---\ntitle: Doc\n---\n\n# Doc\n\nText.\n");
        Assert.Equal(0, CliRunner.Run(t.Root, "init").ExitCode);
        var r = CliRunner.Run(t.Root);
        Assert.True(r.ExitCode is 0 or 1, r.Stderr);
    }

    [Fact]
    public void A_plugin_that_cannot_load_is_a_configuration_error()
    {
        using var t = new TempTree();
        t.WriteBytes("bad.dll", new byte[] { 1, 2, 3 }).Write(".policylint.yml", "plugins: [bad.dll]\n").Write("a.md", "# A\n");
        var r = CliRunner.Run(t.Root);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("policylint: configuration error: Cannot load plugin assembly", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }
}
