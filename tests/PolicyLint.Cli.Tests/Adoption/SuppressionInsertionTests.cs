using System.IO;
using System.Text;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Cli.Tests.Adoption;

/// <summary>--add-suppressions -- "reason", run by the built tool.</summary>
public sealed class SuppressionInsertionTests
{
    private const string Reason = "accepted when PolicyLint was adopted";

    // Findings: PL3007 on a paragraph's first line (a comment fits), PL3001 on a paragraph's second line and in a table
    // row and in a list item's continuation (a comment would split them), PL1004-style front matter is off here.
    private const string Doc =
        "---\ntitle: Guide\n---\n\n# Guide\n\nRead it [here](guide.md).\nSecond line with [a gone page](gone.md).\n\n"
        + "| Name | Link |\n| --- | --- |\n| one | [x](x.md) |\n\n- item\n  continued [y](y.md)\n\n```md\n[z](z.md)\n```\n";

    private static TempTree Tree()
    {
        var t = new TempTree();
        t.Write(".policylint.yml", "root: true\nrequireJustification: true\n");
        t.Write("guide.md", Doc);
        return t;
    }

    [Fact]
    public void Comments_go_above_top_level_blocks_and_the_rest_goes_to_the_baseline()
    {
        using var t = Tree();
        var r = CliRunner.Run(t.Root, "guide.md", "--add-suppressions", "--", Reason);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("Added 1 suppression comment in 1 file; 3 findings where a comment would change the page went to the baseline\n", r.Stderr);
        Assert.Equal(Doc.Replace("Read it [here]", $"<!-- policylint-disable-next-line PL3007 -- {Reason} -->\nRead it [here]"),
            File.ReadAllText(t.Path_("guide.md")));
        string baseline = File.ReadAllText(t.Path_(".policylint-baseline.json"));
        foreach (var target in new[] { "gone.md", "x.md", "y.md" }) Assert.Contains($"Link target '{target}' does not exist", baseline);

        // Now clean, with the baseline; and a second run changes nothing.
        var after = CliRunner.Run(t.Root, "guide.md", "--baseline", ".policylint-baseline.json", "--quiet");
        Assert.Equal("", after.Stdout);
        Assert.Equal(0, after.ExitCode);
        byte[] before = File.ReadAllBytes(t.Path_("guide.md"));
        string beforeBaseline = File.ReadAllText(t.Path_(".policylint-baseline.json"));
        var again = CliRunner.Run(t.Root, "guide.md", "--add-suppressions", "--", Reason);
        Assert.Equal("No findings to suppress.\n", again.Stderr);
        Assert.Equal(before, File.ReadAllBytes(t.Path_("guide.md")));
        Assert.Equal(beforeBaseline, File.ReadAllText(t.Path_(".policylint-baseline.json")));
    }

    [Fact]
    public void One_comment_covers_every_finding_of_its_line_and_line_endings_and_bom_are_kept()
    {
        using var t = Tree();
        byte[] bom = [0xEF, 0xBB, 0xBF];
        t.WriteBytes("crlf.md", [.. bom, .. Encoding.UTF8.GetBytes("# T\r\n\r\nSee [here](gone.md).\r\n")]);
        // PL2007 (the BOM itself) is left out: this is about keeping bytes, not about that rule.
        var r = CliRunner.Run(t.Root, "crlf.md", "--select", "PL3", "--add-suppressions", "--", Reason);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal([.. bom, .. Encoding.UTF8.GetBytes($"# T\r\n\r\n<!-- policylint-disable-next-line PL3001 PL3007 -- {Reason} -->\r\nSee [here](gone.md).\r\n")],
            File.ReadAllBytes(t.Path_("crlf.md")));
        Assert.False(File.Exists(t.Path_(".policylint-baseline.json")));
        Assert.Equal("", CliRunner.Run(t.Root, "crlf.md", "--quiet", "--select", "PL3").Stdout);
    }

    [Fact]
    public void Diff_shows_the_change_and_writes_nothing()
    {
        using var t = Tree();
        var r = CliRunner.Run(t.Root, "guide.md", "--add-suppressions", "--diff", "--", Reason);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"+<!-- policylint-disable-next-line PL3007 -- {Reason} -->\n Read it [here](guide.md).\n", r.Stdout);
        Assert.Contains("+++ b/.policylint-baseline.json\n", r.Stdout);
        Assert.Equal(Doc, File.ReadAllText(t.Path_("guide.md")));
        Assert.False(File.Exists(t.Path_(".policylint-baseline.json")));
        Assert.EndsWith("(nothing was written).\n", r.Stderr);
    }

    [Theory]
    [InlineData(new[] { "--add-suppressions" }, "policylint: --add-suppressions needs a reason after '--': --add-suppressions -- \"why these findings are accepted\"\n")]
    [InlineData(new[] { "--add-suppressions", "--", "a --> b" }, "policylint: the reason for --add-suppressions must be one line without '-->'\n")]
    [InlineData(new[] { "--add-suppressions", "--fix", "--", "why" }, "policylint: --add-suppressions cannot be combined with --fix, --fix-unsafe or --stdin\n")]
    public void Misuse_is_a_usage_error(string[] args, string expected)
    {
        using var t = Tree();
        var r = CliRunner.Run(t.Root, ["guide.md", .. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith(expected, r.Stderr);
        Assert.Equal(Doc, File.ReadAllText(t.Path_("guide.md")));
    }
}
