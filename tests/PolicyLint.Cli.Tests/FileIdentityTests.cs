using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Cli.Tests;

/// <summary>--fix keeps what makes a file the same file: links, owner, group, mode, read-only; it leaves no temporary files.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileIdentityTests
{
    private const string Before = "# Fixme\n\nFIXME remove this sentence. TODO and TODO.\n";
    private const string After = "# Fixme\n\nFIXME remove this sentence. DONE and DONE.\n";

    private static void SkipOnWindows() => Assert.SkipWhen(OperatingSystem.IsWindows(), "POSIX file identity (links, owner, mode) is not tested on Windows");

    [Fact]
    public void A_symlinked_file_is_fixed_through_the_link_and_stays_a_link()
    {
        SkipOnWindows();
        using var t = CliRunner.Fixture("basic");
        File.CreateSymbolicLink(t.Path_("docs/link.md"), "fixme.md");
        var r = CliRunner.Run(t.Root, "--fix");
        Assert.Equal(After, File.ReadAllText(t.Path_("docs/fixme.md")));
        Assert.Equal("fixme.md", new FileInfo(t.Path_("docs/link.md")).LinkTarget);
        Assert.DoesNotContain("not fixed", r.Stdout + r.Stderr);
    }

    [Fact]
    public void A_hard_linked_file_keeps_its_links()
    {
        SkipOnWindows();
        using var t = CliRunner.Fixture("basic");
        string other = Path.Combine(t.Root, "..", Path.GetFileName(t.Root) + "-hardlink.md");
        Link(t.Path_("docs/fixme.md"), other);
        try
        {
            CliRunner.Run(t.Root, "--fix", "docs/fixme.md");
            Assert.Equal(After, File.ReadAllText(t.Path_("docs/fixme.md")));
            Assert.Equal(After, File.ReadAllText(other));
            Assert.Equal(2u, FileIdentity.Get(t.Path_("docs/fixme.md"))!.Value.LinkCount);
        }
        finally { File.Delete(other); }
    }

    [Fact]
    public void Owner_group_and_mode_are_kept()
    {
        SkipOnWindows();
        Assert.SkipUnless(FileIdentity.RunningAsRoot, "giving a file to another owner needs root");
        using var t = CliRunner.Fixture("basic");
        string path = t.Path_("docs/fixme.md");
        Run("chown", "1234:2345", path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite);
        CliRunner.Run(t.Root, "--fix", "docs/fixme.md");
        Assert.Equal(After, File.ReadAllText(path));
        var id = FileIdentity.Get(path)!.Value;
        Assert.Equal((1234u, 2345u), (id.UserId, id.GroupId));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void A_read_only_file_is_not_rewritten_even_by_root()
    {
        SkipOnWindows();
        using var t = CliRunner.Fixture("basic");
        string path = t.Path_("docs/fixme.md");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var r = CliRunner.Run(t.Root, "--fix", "docs/fixme.md");
        Assert.Equal(Before, File.ReadAllText(path));
        Assert.Contains("docs/fixme.md: not fixed: could not write the file: the file is read-only; it was not overwritten (make it writable to fix it)\n", r.Stdout);
        Assert.DoesNotContain("Fixed", r.Stdout);
    }

    [Fact]
    public void A_leftover_temporary_file_is_replaced_and_a_planted_link_at_its_name_is_not_written_through()
    {
        SkipOnWindows();
        using var t = CliRunner.Fixture("basic");
        t.Write("victim.txt", "keep me\n");
        File.CreateSymbolicLink(t.Path_("docs/.fixme.md.policylint.tmp"), t.Path_("victim.txt"));
        t.Write("docs/.clean.md.policylint.tmp", "half written by a killed run");
        CliRunner.Run(t.Root, "--fix");
        Assert.Equal(After, File.ReadAllText(t.Path_("docs/fixme.md")));
        Assert.Equal("keep me\n", File.ReadAllText(t.Path_("victim.txt")));
        Assert.Equal(new[] { "docs/.clean.md.policylint.tmp" }, Directory.GetFiles(t.Root, "*.tmp", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(t.Root, f).Replace('\\', '/')));   // clean.md had nothing to fix: its leftover waits for its next write
    }

    [Theory]
    [InlineData("utf-16 unpaired surrogate", new byte[] { 0xFF, 0xFE })]
    [InlineData("utf-16 odd trailing byte", new byte[] { 0xFF, 0xFE })]
    [InlineData("utf-32 above U+10FFFF", new byte[] { 0xFF, 0xFE, 0, 0 })]
    public void Invalid_utf16_or_utf32_is_refused_not_written_back_with_replacement_characters(string name, byte[] bom)
    {
        using var t = CliRunner.Fixture("basic");
        bool utf32 = bom.Length == 4;
        var enc = utf32 ? (Encoding)new UTF32Encoding(false, false) : new UnicodeEncoding(false, false);
        byte[] body = enc.GetBytes("# Bad\n\nTODO here.\n");
        byte[] tail = name switch
        {
            "utf-16 unpaired surrogate" => new byte[] { 0x00, 0xD8, (byte)'x', 0 },
            "utf-16 odd trailing byte" => new byte[] { 0x41 },
            _ => new byte[] { 0x00, 0x00, 0x11, 0x00 },   // U+110000
        };
        byte[] bytes = bom.Concat(body).Concat(tail).ToArray();
        t.WriteBytes("docs/bad.md", bytes);
        // The finding stays, without a fix: none is offered or counted as fixable (the summary said "1 fixable with --fix").
        var lint = CliRunner.Run(t.Root, "docs/bad.md");
        Assert.StartsWith("docs/bad.md(3,1): warning TST1001: Replace 'TODO' with 'DONE'\n", lint.Stdout);
        Assert.DoesNotContain("fixable", lint.Stdout);
        var r = CliRunner.Run(t.Root, "--fix", "docs/bad.md");
        Assert.Equal(bytes, File.ReadAllBytes(t.Path_("docs/bad.md")));
        Assert.DoesNotContain("Fixed", r.Stdout);
        Assert.StartsWith("docs/bad.md(3,1): warning TST1001: Replace 'TODO' with 'DONE'\n", r.Stdout);
    }

    [Fact]
    public void Diff_of_a_crlf_file_applies_with_git_apply_and_patch_and_shows_line_ending_changes()
    {
        using var t = new TempTree();
        t.Write(".policylint.yml", "root: true\nextends: [./.isolate.yml]\n");
        t.Write(".isolate.yml", CliRunner.IsolationConfig().Replace("  PL2007: none\n", "  PL2007: warning\n"));
        const string crlf = "# Title\r\n\r\nOne line\r\nTwo line\n\r\nThree\r\n";
        t.Write("doc.md", crlf);
        var diff = CliRunner.Run(t.Root, "--diff");
        Assert.Equal(1, diff.ExitCode);
        Assert.Equal("--- a/doc.md\n+++ b/doc.md\n@@ -1,6 +1,6 @@\n # Title\r\n \r\n One line\r\n-Two line\n+Two line\r\n \r\n Three\r\n", diff.Stdout);

        const string expected = "# Title\r\n\r\nOne line\r\nTwo line\r\n\r\nThree\r\n";
        foreach (var (tool, args) in new[] { ("git", "apply -p1 -"), ("patch", "-p1 --quiet") })
        {
            using var copy = new TempTree();
            copy.Write("doc.md", crlf);
            var (code, output) = Run(tool, args, copy.Root, diff.Stdout);
            Assert.True(code == 0, $"{tool} {args} failed: {output}");
            Assert.Equal(expected, File.ReadAllText(copy.Path_("doc.md")));
        }
    }

    [Fact]
    public void Unified_diff_splits_on_lf_only_and_keeps_every_ending()
    {
        Assert.Equal("--- a\n+++ b\n@@ -1,2 +1,2 @@\n-x\ry\r\n+x\ry\n z\n",
            UnifiedDiff.Create("x\ry\r\nz\n", "x\ry\nz\n", "a", "b"));
        Assert.Equal("--- a\n+++ b\n@@ -1 +1 @@\n-a\r\n+a\n\\ No newline at end of file\n", UnifiedDiff.Create("a\r\n", "a", "a", "b"));
    }

    private static void Link(string existing, string newName) => Run("ln", $"\"{existing}\" \"{newName}\"");

    private static void Run(string tool, string args, string? path = null)
    {
        var (code, output) = Run(tool, path is null ? args : $"{args} \"{path}\"", null, null);
        Assert.True(code == 0, $"{tool} failed: {output}");
    }

    private static (int Code, string Output) Run(string tool, string args, string? cwd, string? stdin)
    {
        var psi = new ProcessStartInfo(tool, args)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
            WorkingDirectory = cwd ?? Environment.CurrentDirectory,
        };
        Process p;
        try { p = Process.Start(psi)!; }
        catch (System.ComponentModel.Win32Exception) { Assert.Skip($"{tool} is not installed; skipped."); throw; }
        using (p)
        {
            if (stdin is not null) { p.StandardInput.Write(stdin); }
            p.StandardInput.Close();
            string output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, output);
        }
    }
}
