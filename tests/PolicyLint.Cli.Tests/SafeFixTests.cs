using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PolicyLint.Engine;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Cli.Tests;

/// <summary>A fix is applied only when the document keeps its structure and no finding appears because of it.</summary>
public sealed class SafeFixTests
{
    private static async Task<FileFix> FixAsync(string text, bool includeUnsafe = false)
    {
        using var t = new TempTree();
        t.Write(".policylint.yml", "root: true\n");
        t.Write("doc.md", text);
        var engine = new LintEngine();
        LintRequest Make() => new() { BaseDirectory = t.Root, Paths = ["doc.md"] };
        var ct = TestContext.Current.CancellationToken;
        var result = await engine.LintAsync(Make(), null, ct);
        var fixes = await new Fixer(engine, Make, includeUnsafe).ComputeAsync(result, null, ct);
        return Assert.Single(fixes);
    }

    [Fact]
    public async Task Removing_an_invisible_character_that_keeps_a_code_fence_open_is_held_back()
    {
        // "```" + U+200B is not a closing fence, so the code block runs to the end; removing it would turn the rest into prose.
        const string text = "# Code\n\n```\nx = 1\n```\u200B\n\nText.\n";
        var fix = await FixAsync(text);
        Assert.Equal(text, fix.FixedText);
        Assert.Equal(1, fix.HeldBack);
        Assert.Equal(["PL2005"], fix.Remaining.Select(d => d.Id));
    }

    [Fact]
    public async Task Removing_an_invisible_character_that_would_make_inert_text_live_html_is_held_back_and_the_others_applied()
    {
        var fix = await FixAsync("# Html\n\nText <im\u200Bg src=x.png> here and wo\u200Brd.\n");
        Assert.Equal("# Html\n\nText <im\u200Bg src=x.png> here and word.\n", fix.FixedText);
        Assert.Equal(1, fix.HeldBack);
        Assert.Equal(1, fix.Applied);
    }

    [Fact]
    public async Task Removing_an_invisible_character_that_would_make_a_link_is_held_back()
    {
        var fix = await FixAsync("# Link\n\nSee [the page]\u200B(other.md) and wo\u200Brd.\n");
        Assert.Equal("# Link\n\nSee [the page]\u200B(other.md) and word.\n", fix.FixedText);
        Assert.Equal(1, fix.HeldBack);
    }

    [Fact]
    public async Task An_unsafe_fix_that_would_create_a_finding_is_held_back()
    {
        // PL4006 strips the '!' of the H1, which then no longer matches the title (PL1007, which has no fix).
        const string text = "---\ntitle: Hello!\n---\n\n# Hello!\n\nText.\n";
        var fix = await FixAsync(text, includeUnsafe: true);
        Assert.Equal(text, fix.FixedText);
        Assert.Equal(1, fix.HeldBack);
        Assert.Equal(["PL4006"], fix.Remaining.Select(d => d.Id));

        var plain = await FixAsync("# Hello!\n\nText.\n", includeUnsafe: true);
        Assert.Equal("# Hello\n\nText.\n", plain.FixedText);
        Assert.Equal(0, plain.HeldBack);
    }

    [Fact]
    public async Task A_link_rule_fix_that_changes_only_its_own_target_is_applied()
    {
        var fix = await FixAsync("# Getting Started\n\n[a](#Getting-Started) and wo\u200Brd.\n");
        Assert.Equal("# Getting Started\n\n[a](#getting-started) and word.\n", fix.FixedText);
        Assert.Equal(0, fix.HeldBack);
    }

    [Fact]
    public void The_held_back_fix_is_named_on_the_command_line()
    {
        using var t = new TempTree();
        t.Write(".policylint.yml", "root: true\n");
        t.Write("doc.md", "# Code\n\n```\nx = 1\n```\u200B\n\nText.\n");
        var r = CliRunner.Run(t.Root, "--fix");
        Assert.StartsWith("doc.md: held back 1 fix that would change the document's structure or add findings; fix those by hand\n", r.Stdout);
        Assert.Equal("# Code\n\n```\nx = 1\n```\u200B\n\nText.\n", File.ReadAllText(t.Path_("doc.md")));
    }
}
