using System.Text;

namespace PolicyLint.Cli.Tests.Adoption;

/// <summary>What users of ruff, ESLint and markdownlint-cli2 type first, run by the built tool.</summary>
public sealed class CliConventionTests
{
    [Fact]
    public void Statistics_and_output_format_are_aliases()
    {
        using var t = AdoptionTree.Create();
        var stats = CliRunner.Run(t.Root, "a.md", "--statistics", "--quiet");
        Assert.Equal(CliRunner.Run(t.Root, "a.md", "--stats", "--quiet").Stdout, stats.Stdout);
        Assert.Contains("Rule    Count  Fixable  Name\nPL3001      2        0  local-target-missing\n", stats.Stdout);
        var json = CliRunner.Run(t.Root, "a.md", "--output-format", "json");
        Assert.StartsWith("{\n  \"version\": 1,", json.Stdout);
    }

    [Fact]
    public void A_dash_reads_standard_input()
    {
        using var t = AdoptionTree.Create();
        var r = CliRunner.RunWith(t.Root, Encoding.UTF8.GetBytes("# T\n\n### Deep\n"), null, "-", "--quiet", "--stdin-filename", "docs/new.md");
        Assert.Equal("docs/new.md(3,1): warning PL4001: Heading level jumps from H1 to H3; expected H2\n", r.Stdout);
        var both = CliRunner.Run(t.Root, "-", "a.md");
        Assert.Equal(2, both.ExitCode);
        Assert.StartsWith("policylint: '-' reads standard input; give no other path with it\n", both.Stderr);
    }

    [Theory]
    [InlineData("--quite", "policylint: unknown option '--quite'; did you mean '--quiet'?")]
    [InlineData("--fromat", "policylint: unknown option '--fromat'; did you mean '--format'?")]
    [InlineData("--statistic", "policylint: unknown option '--statistic'; did you mean '--statistics'?")]
    public void A_mistyped_option_gets_a_suggestion(string option, string expected)
    {
        using var t = AdoptionTree.Create();
        var r = CliRunner.Run(t.Root, option);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith(expected, r.Stderr);
        Assert.Contains("Run 'dotnet policylint --help' for usage.", r.Stderr);
    }

    [Fact]
    public void A_mistyped_option_of_a_subcommand_gets_a_suggestion_and_its_usage_hint()
    {
        using var t = new PolicyLint.Tests.TestSupport.TempTree();
        var r = CliRunner.Run(t.Root, "rules", "--formt", "json");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("policylint: unknown option '--formt'; did you mean '--format'?\n", r.Stderr);
        Assert.Contains("Run 'dotnet policylint rules --help' for usage.", r.Stderr);
    }

    [Theory]
    [InlineData("--max-warnings", "abc", "policylint: --max-warnings takes a whole number, not 'abc'")]
    [InlineData("--fail-on", "fatal", "policylint: Argument 'fatal' not recognized. Must be one of:")]
    [InlineData("--format", "xml", "policylint: Argument 'xml' not recognized. Must be one of:")]
    public void Errors_name_no_dotnet_type(string option, string value, string expected)
    {
        using var t = AdoptionTree.Create();
        var r = CliRunner.Run(t.Root, option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith(expected, r.Stderr);
        Assert.DoesNotContain("System.", r.Stderr);
        Assert.DoesNotContain("`1", r.Stderr);
    }

    [Fact]
    public void Help_is_a_command_and_usage_lines_name_the_command_typed()
    {
        using var t = new PolicyLint.Tests.TestSupport.TempTree();
        var help = CliRunner.Run(t.Root, "help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Usage:\n  dotnet policylint [<paths>...] [command] [options]\n", help.Stdout);
        Assert.Equal(CliRunner.Run(t.Root, "--help").Stdout, help.Stdout);
        var explain = CliRunner.Run(t.Root, "help", "explain");
        Assert.Contains("Usage:\n  dotnet policylint [<paths>...] explain <rule> [options]\n", explain.Stdout);
        Assert.DoesNotContain("dotnet-policylint", explain.Stdout + help.Stdout);
    }

    [Fact]
    public void Show_fixes_prints_each_fix_when_the_output_is_not_a_terminal()
    {
        using var t = AdoptionTree.Create();
        var plain = CliRunner.Run(t.Root, "a.md", "--quiet", "--select", "PL2001");
        Assert.Equal(AdoptionTree.Pl2001, plain.Stdout);
        var r = CliRunner.Run(t.Root, "a.md", "--quiet", "--select", "PL2001", "--show-fixes");
        Assert.Equal(AdoptionTree.Pl2001 + "  fix: Replace 'Ã©' with 'é'\n", r.Stdout);
    }

    [Fact]
    public void No_error_on_unmatched_pattern_warns_and_lints_the_rest()
    {
        using var t = AdoptionTree.Create();
        var strict = CliRunner.Run(t.Root, "a.md", "docs/**/*.md");
        Assert.Equal(2, strict.ExitCode);
        Assert.StartsWith("policylint: No file matches 'docs/**/*.md'", strict.Stderr);
        var lenient = CliRunner.Run(t.Root, "a.md", "docs/**/*.md", "gone.md", "--no-error-on-unmatched-pattern", "--quiet", "--select", "PL4");
        Assert.Equal(AdoptionTree.Pl4001, lenient.Stdout);
        Assert.Equal("policylint: warning: No file matches 'docs/**/*.md'\npolicylint: warning: 'gone.md' does not exist\n", lenient.Stderr);
        Assert.Equal(0, lenient.ExitCode);
    }

    [Fact]
    public void A_bad_setting_value_is_one_located_configuration_error_with_exit_code_2()
    {
        // It was PL0004 on every file with exit 1; now one error at the value, nothing linted.
        using var t = AdoptionTree.Create();
        t.Write(".policylint.yml", "root: true\nhtmlExtensionMapsToMd: maybe\n");
        t.Write("b.md", "# B\n\nSee [y](y.html).\n");
        t.Write("c.md", "# C\n\nSee [y](y.html).\n");
        var r = CliRunner.Run(t.Root, "--quiet");
        Assert.Equal((2, "", "policylint: configuration error: .policylint.yml(2,24): 'htmlExtensionMapsToMd' must be true or false, not 'maybe'\n"),
            (r.ExitCode, r.Stdout, r.Stderr));
    }

    [Fact]
    public void A_bad_rule_option_is_one_located_configuration_error_naming_the_rule()
    {
        using var t = AdoptionTree.Create();
        t.Write(".policylint.yml", "root: true\nrules:\n  PL3009:\n    severity: error\n    options:\n      maxRedirects: -3\n");
        t.Write("b.md", "# B\n\n[x](http://127.0.0.1:1/b)\n");
        var r = CliRunner.Run(t.Root, "--no-cache");
        Assert.Equal((2, "", "policylint: configuration error: .policylint.yml(6,21): Invalid options for PL3009 (dead-external-link): "
            + "Option 'maxRedirects' must be a whole number from 0 to 20, not '-3'\n"), (r.ExitCode, r.Stdout, r.Stderr));
    }
}
