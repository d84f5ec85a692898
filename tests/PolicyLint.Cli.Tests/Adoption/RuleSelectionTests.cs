namespace PolicyLint.Cli.Tests.Adoption;

/// <summary>--select, --ignore, --extend-select and --severity, by ID, name, prefix and category, run by the built tool.</summary>
public sealed class RuleSelectionTests
{
    private static CliResult Run(params string[] args)
    {
        using var t = AdoptionTree.Create();
        return CliRunner.Run(t.Root, ["--quiet", "a.md", .. args]);
    }

    [Fact]
    public void Without_selection_every_family_reports()
    {
        var r = Run();
        Assert.Equal(AdoptionTree.Lines(AdoptionTree.Pl4001, AdoptionTree.Pl3007, AdoptionTree.Pl3001Link, AdoptionTree.Pl3008,
            AdoptionTree.Pl3001Image, AdoptionTree.Pl2001), r.Stdout);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void Select_by_family_prefix_and_ignore_by_id_most_specific_wins()
    {
        var r = Run("--select", "PL3", "--ignore", "PL3007");
        Assert.Equal(AdoptionTree.Lines(AdoptionTree.Pl3001Link, AdoptionTree.Pl3008, AdoptionTree.Pl3001Image), r.Stdout);
        // The other way round: ignore the family, bring one rule back by name.
        var back = Run("--ignore", "links", "--extend-select", "image-alt-text");
        Assert.Equal(AdoptionTree.Lines(AdoptionTree.Pl4001, AdoptionTree.Pl3008, AdoptionTree.Pl2001), back.Stdout);
    }

    [Fact]
    public void Select_by_name_and_extend_select_by_category_comma_separated()
    {
        var r = Run("--select", "heading-increment", "--extend-select", "encoding,PL3008");
        Assert.Equal(AdoptionTree.Lines(AdoptionTree.Pl4001, AdoptionTree.Pl3008, AdoptionTree.Pl2001), r.Stdout);
        Assert.Equal(1, r.ExitCode);
        var warningsOnly = Run("--select", "PL4001", "--select", "PL3008");
        Assert.Equal(AdoptionTree.Lines(AdoptionTree.Pl4001, AdoptionTree.Pl3008), warningsOnly.Stdout);
        Assert.Equal(0, warningsOnly.ExitCode);
    }

    [Fact]
    public void Severity_sets_a_rule_or_a_family_for_the_run()
    {
        var r = Run("--select", "PL4,PL3001", "--severity", "PL4001=error", "--severity", "links=info");
        Assert.Equal(AdoptionTree.Lines(AdoptionTree.Pl4001.Replace("warning PL4001", "error PL4001"),
            AdoptionTree.Pl3001Link.Replace("error PL3001", "info PL3001"), AdoptionTree.Pl3001Image.Replace("error PL3001", "info PL3001")), r.Stdout);
        Assert.Equal(1, r.ExitCode);
        var off = Run("--severity", "PL2001=none", "--select", "PL2");
        Assert.Equal("", off.Stdout);
        Assert.Equal(0, off.ExitCode);
    }

    [Fact]
    public void A_prefix_does_not_turn_on_a_rule_that_is_off_but_naming_it_does()
    {
        using var t = AdoptionTree.Create();
        // PL1009 (unknown front matter field) is off by default.
        t.Write("b.md", "---\ntitle: B\nflavour: x\n---\n\n# B\n");
        var prefix = CliRunner.Run(t.Root, "--quiet", "b.md", "--select", "PL1", "--severity", "PL1=error");
        Assert.Equal("", prefix.Stdout);
        var named = CliRunner.Run(t.Root, "--quiet", "b.md", "--select", "unknown-field");
        Assert.StartsWith("b.md(3,1): warning PL1009: ", named.Stdout);
    }

    [Fact]
    public void A_suppression_of_a_rule_the_run_left_out_is_not_reported_unused()
    {
        using var t = AdoptionTree.Create();
        t.Write("c.md", "# C\n\n<!-- policylint-disable-next-line PL3007 -- quoted -->\nRead [here](a.md).\n");
        var r = CliRunner.Run(t.Root, "--quiet", "c.md", "--ignore", "PL3007");
        Assert.Equal("", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Theory]
    [InlineData("--select", "PL3O01", "policylint: --select PL3O01: no rule matches 'PL3O01'; did you mean 'PL3001'?\n")]
    [InlineData("--ignore", "headings-increment", "policylint: --ignore headings-increment: no rule matches 'headings-increment'; did you mean 'heading-increment'?\n")]
    [InlineData("--severity", "PL4001=loud", "policylint: --severity takes RULE=LEVEL with LEVEL one of error, warning, info, none; not 'PL4001=loud'\n")]
    public void An_unknown_selector_is_a_usage_error_with_a_suggestion(string option, string value, string expected)
    {
        var r = Run(option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith(expected, r.Stderr);
        Assert.Equal("", r.Stdout);
    }
}
