using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using PolicyLint.Engine;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Cli.Tests;

/// <summary>--fix, --fix-unsafe and --diff: what is written, what is kept (encoding, BOM, line endings), what is never touched.</summary>
public sealed class FixTests
{
    private static readonly DateTime Past = new(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public void Fix_applies_safe_fixes_keeps_crlf_and_bom_and_leaves_clean_files_untouched()
    {
        using var t = CliRunner.Fixture("basic");
        byte[] bom = { 0xEF, 0xBB, 0xBF };
        t.WriteBytes("docs/crlf.md", bom.Concat(Encoding.UTF8.GetBytes("# Crlf\r\n\r\nTODO \u00e9t\u00e9 FIXME\r\n")).ToArray());
        File.SetLastWriteTimeUtc(t.Path_("docs/clean.md"), Past);
        File.SetLastWriteTimeUtc(t.Path_("notes.md"), Past);

        var r = CliRunner.Run(t.Root, "--fix");
        Assert.Equal(1, r.ExitCode);   // FIXME (error) is left: its fix is unsafe
        Assert.Contains("Fixed 4 problems in 3 files.\n", r.Stdout);
        Assert.Contains("docs/crlf.md(3,10): error TST1002", r.Stdout);
        Assert.DoesNotContain("TST1001", r.Stdout);

        Assert.Equal(bom.Concat(Encoding.UTF8.GetBytes("# Crlf\r\n\r\nDONE \u00e9t\u00e9 FIXME\r\n")), File.ReadAllBytes(t.Path_("docs/crlf.md")));
        Assert.Equal("# Fixme\n\nFIXME remove this sentence. DONE and DONE.\n", File.ReadAllText(t.Path_("docs/fixme.md")));
        Assert.Equal(Past, File.GetLastWriteTimeUtc(t.Path_("docs/clean.md")));
        Assert.Equal(Past, File.GetLastWriteTimeUtc(t.Path_("notes.md")));   // findings but no fix: not written
        Assert.Empty(Directory.GetFiles(t.Root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Fix_twice_changes_nothing_the_second_time()
    {
        using var t = CliRunner.Fixture("basic");
        CliRunner.Run(t.Root, "--fix");
        var snapshot = Directory.GetFiles(t.Root, "*.md", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);
        foreach (var f in snapshot.Keys) File.SetLastWriteTimeUtc(f, Past);

        var second = CliRunner.Run(t.Root, "--fix");
        Assert.DoesNotContain("Fixed", second.Stdout);
        foreach (var (f, bytes) in snapshot)
        {
            Assert.Equal(bytes, File.ReadAllBytes(f));
            Assert.Equal(Past, File.GetLastWriteTimeUtc(f));
        }
        Assert.Equal(CliRunner.MaskElapsed(CliRunner.Run(t.Root).Stdout), CliRunner.MaskElapsed(second.Stdout));
    }

    [Fact]
    public void Fix_unsafe_applies_unsafe_fixes_too()
    {
        using var t = CliRunner.Fixture("basic");
        var r = CliRunner.Run(t.Root, "--fix-unsafe", "docs/fixme.md");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("# Fixme\n\nremove this sentence. DONE and DONE.\n", File.ReadAllText(t.Path_("docs/fixme.md")));
        Assert.Contains("Fixed 3 problems in 1 file.", r.Stdout);
    }

    [Fact]
    public void Diff_prints_a_unified_diff_and_writes_nothing()
    {
        using var t = CliRunner.Fixture("basic");
        var before = Directory.GetFiles(t.Root, "*.md", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);
        var r = CliRunner.Run(t.Root, "--diff");
        Assert.Equal(1, r.ExitCode);
        Approvals.Verify(r.Stdout, "basic.diff");
        Assert.Equal("Would fix 3 problems in 2 files (nothing was written).\n", r.Stderr);
        foreach (var (f, bytes) in before) Assert.Equal(bytes, File.ReadAllBytes(f));

        using var clean = CliRunner.Fixture("clean");
        var none = CliRunner.Run(clean.Root, "--diff");
        Assert.Equal(0, none.ExitCode);
        Assert.Equal("", none.Stdout);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_file_changed_on_disk_during_the_run_is_not_overwritten()
    {
        using var t = CliRunner.Fixture("basic");
        var engine = new LintEngine();
        LintRequest Make() => new() { BaseDirectory = t.Root, Paths = ["docs/fixme.md"] };
        var result = await engine.LintAsync(Make(), null, TestContext.Current.CancellationToken);
        var fixes = await new Fixer(engine, Make, includeUnsafe: false).ComputeAsync(result, null, TestContext.Current.CancellationToken);
        Assert.True(Assert.Single(fixes).Changed);

        File.WriteAllText(t.Path_("docs/fixme.md"), "# Edited meanwhile TODO\n");   // someone saves the file
        Fixer.Write(fixes);
        Assert.Equal("# Edited meanwhile TODO\n", File.ReadAllText(t.Path_("docs/fixme.md")));
        Assert.Contains("changed on disk", fixes[0].Refused);
    }

    [Fact]
    public async System.Threading.Tasks.Task Same_length_edit_with_the_same_time_stamp_is_still_detected()
    {
        using var t = CliRunner.Fixture("basic");
        string path = t.Path_("docs/fixme.md");
        var stamp = File.GetLastWriteTimeUtc(path);
        var engine = new LintEngine();
        LintRequest Make() => new() { BaseDirectory = t.Root, Paths = ["docs/fixme.md"] };
        var result = await engine.LintAsync(Make(), null, TestContext.Current.CancellationToken);
        var fixes = await new Fixer(engine, Make, includeUnsafe: false).ComputeAsync(result, null, TestContext.Current.CancellationToken);
        string text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("sentence", "SENTENCE"));
        File.SetLastWriteTimeUtc(path, stamp);
        Fixer.Write(fixes);
        Assert.Contains("SENTENCE", File.ReadAllText(path));
        Assert.NotNull(fixes[0].Refused);
    }

    [Fact]
    public void Atomic_write_replaces_the_file_and_keeps_its_mode()
    {
        using var t = new TempTree();
        t.Write("a.md", "old");
        string path = t.Path_("a.md");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Fixer.WriteAtomically(path, Encoding.UTF8.GetBytes("new"));
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(t.Root));
        if (!OperatingSystem.IsWindows()) Assert.True((File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0);
    }
}

public sealed class FixDataLossTests
{
    [Fact]
    public void Fix_refuses_to_rewrite_a_file_whose_invalid_bytes_would_become_replacement_characters()
    {
        using var t = CliRunner.Fixture("basic");
        byte[] bytes = Encoding.UTF8.GetBytes("# Bad bytes\n\nTODO here \u00e9 and ").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes(" there\n")).ToArray();
        t.WriteBytes("docs/invalid.md", bytes);
        var r = CliRunner.Run(t.Root, "--fix", "docs/invalid.md");
        Assert.Equal(bytes, File.ReadAllBytes(t.Path_("docs/invalid.md")));
        Assert.Contains("invalid UTF-8 bytes that rewriting would replace with U+FFFD", r.Stdout + r.Stderr);
    }
}
