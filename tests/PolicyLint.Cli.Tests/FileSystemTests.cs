using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Cli.Tests;

/// <summary>Only regular files are read, never more than the limit, never outside the root; a stopped run stops.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileSystemTests
{
    private static void SkipUnlessLinux() => Assert.SkipUnless(OperatingSystem.IsLinux(), "FIFOs, devices and /proc are tested on Linux");

    private static void MakeFifo(string path)
    {
        using var p = Process.Start(new ProcessStartInfo("mkfifo", $"\"{path}\"") { UseShellExecute = false })!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }

    [Fact]
    public void A_fifo_named_md_is_reported_not_opened_in_a_walk_and_when_named()
    {
        SkipUnlessLinux();
        using var t = CliRunner.Fixture("basic");
        MakeFifo(t.Path_("docs/pipe.md"));
        var walk = CliRunner.Run(t.Root, "-q", "docs");
        Assert.Contains("docs/pipe.md(1,1): error PL0001: Cannot read the file: it is a FIFO, not a regular file; only regular files are read\n", walk.Stdout);
        Assert.Contains("docs/fixme.md(3,1): error TST1002", walk.Stdout);   // the other files are still linted
        var named = CliRunner.Run(t.Root, "-q", "docs/pipe.md");
        Assert.Equal("docs/pipe.md(1,1): error PL0001: Cannot read the file: it is a FIFO, not a regular file; only regular files are read\n", named.Stdout);
        Assert.Equal(1, named.ExitCode);
    }

    [Fact]
    public void A_fifo_configuration_is_a_configuration_error()
    {
        SkipUnlessLinux();
        using var t = new TempTree();
        t.Write("a.md", "# A\n");
        MakeFifo(t.Path_(".policylint.yml"));
        var r = CliRunner.Run(t.Root, "a.md");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("policylint: configuration error: .policylint.yml: Cannot read the configuration: it is a FIFO, not a regular file; only regular files are read\n", r.Stderr);
    }

    [Fact]
    public void A_fifo_ignore_file_is_reported_not_opened_and_the_run_goes_on()
    {
        SkipUnlessLinux();
        using var t = CliRunner.Fixture("basic");
        Directory.CreateDirectory(t.Path_(".git/info"));
        MakeFifo(t.Path_("docs/.gitignore"));
        MakeFifo(t.Path_(".git/info/exclude"));
        var r = CliRunner.Run(t.Root, "-q", "docs");
        // As git does: the run goes on without the patterns, but says so (it used to pass over them silently).
        Assert.Equal("policylint: warning: .git/info/exclude: not read (it is a FIFO, not a regular file; only regular files are read); its ignore patterns were not applied\n"
            + "policylint: warning: docs/.gitignore: not read (it is a FIFO, not a regular file; only regular files are read); its ignore patterns were not applied\n", r.Stderr);
        Assert.Contains("docs/fixme.md(3,1): error TST1002", r.Stdout);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void A_device_is_never_read_and_a_file_holding_more_than_its_recorded_size_is_cut_at_the_limit()
    {
        SkipUnlessLinux();
        using var t = new TempTree();
        t.Write(".policylint.yml", "root: true\nmaxFileSize: 100\n");
        File.CreateSymbolicLink(t.Path_("zero.md"), "/dev/zero");
        File.CreateSymbolicLink(t.Path_("proc.md"), "/proc/self/status");   // stat says 0 bytes; it holds about a kilobyte
        var r = CliRunner.Run(t.Root, "-q", "--follow-links-outside-root", "zero.md", "proc.md");
        Assert.Equal(
            "proc.md(1,1): error PL0001: Cannot read the file: it holds more than the limit of 100 bytes (maxFileSize) although its size is recorded as 0; it was not linted\n" +
            "zero.md(1,1): error PL0001: Cannot read the file: it is a character device, not a regular file; only regular files are read\n", r.Stdout);
    }

    [Fact]
    public async System.Threading.Tasks.Task Standard_input_is_read_up_to_a_bound_only()
    {
        var before = LintCommand.StdinLimit;
        try
        {
            LintCommand.StdinLimit = 1000;
            using var t = new TempTree();
            t.Write(".policylint.yml", "root: true\n");
            var stdin = new EndlessStream();
            var command = new LintCommand(new StringWriter(), new StringWriter(), stdin, new MemoryStream());
            var ex = await Assert.ThrowsAsync<PolicyLint.Engine.LintInputException>(() => command.RunAsync(new LintSettings { Stdin = true }, TestContext.Current.CancellationToken));
            Assert.Equal("standard input holds more than 1,000 bytes, the most PolicyLint reads from it; it was not linted", ex.Message);
            Assert.True(stdin.Given <= 1000 + 81920, $"read {stdin.Given} bytes");
        }
        finally { LintCommand.StdinLimit = before; }

        using var small = new TempTree();
        small.Write(".policylint.yml", "root: true\nmaxFileSize: 100\n");
        var r = CliRunner.RunWith(small.Root, Encoding.ASCII.GetBytes("# A\n\n" + new string('a', 500) + "\n"), null, "--stdin", "-q");
        Assert.Equal("stdin.md(1,1): warning PL0007: The file is 506 bytes, more than the limit of 100 (maxFileSize); it was not linted\n", r.Stdout);
    }

    /// <summary>Standard input that never ends (3 GB on stdin used to be read whole).</summary>
    private sealed class EndlessStream : Stream
    {
        public long Given { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Given; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'a', offset, count);
            Given += count;
            return count;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void A_symbolic_link_out_of_the_root_is_not_read_unless_allowed()
    {
        SkipUnlessLinux();
        using var outside = new TempTree();
        outside.Write("secret.md", "# Secret\n\nTODO the secret text.\n");
        using var t = CliRunner.Fixture("basic");
        Directory.CreateDirectory(t.Path_(".git"));   // the root is the git root
        File.CreateSymbolicLink(t.Path_("docs/secret.md"), outside.Path_("secret.md"));
        File.CreateSymbolicLink(t.Path_("docs/inside.md"), "fixme.md");
        var r = CliRunner.Run(t.Root, "docs/secret.md", "docs/inside.md");
        Assert.Contains("docs/secret.md(1,1): error PL0001: Cannot read the file: it is a symbolic link to a file outside the root; it was not read (--follow-links-outside-root allows it)\n", r.Stdout);
        Assert.DoesNotContain("secret text", r.Stdout);
        Assert.Contains("docs/inside.md(3,29): warning TST1001", r.Stdout);   // a link inside the root is followed
        var allowed = CliRunner.Run(t.Root, "-q", "--follow-links-outside-root", "docs/secret.md");
        Assert.Equal("docs/secret.md(3,1): warning TST1001: Replace 'TODO' with 'DONE'\n", allowed.Stdout);
    }

    [Fact]
    public void A_folder_link_out_of_the_root_is_not_read_named_globbed_or_walked_unless_allowed()
    {
        SkipUnlessLinux();
        using var outside = new TempTree();
        outside.Write("secret.md", "# Secret\n\nTODO the secret text.\n");
        outside.Write("sub/deeper.md", "# Deeper\n\nTODO the deeper secret.\n");
        using var t = CliRunner.Fixture("basic");
        Directory.CreateDirectory(t.Path_(".git"));   // the root is the git root
        t.Write("more/inside.md", "# Inside\n\nTODO inside.\n");
        Directory.CreateSymbolicLink(t.Path_("docs/out"), outside.Root);
        Directory.CreateSymbolicLink(t.Path_("docs/in"), "../more");
        const string refusedFile = "error PL0001: Cannot read the file: it is in a folder reached through a symbolic link to a place outside the root; it was not read (--follow-links-outside-root allows it)\n";

        // Named: the files behind the link out are refused (the file itself is a regular file), one inside is read.
        var named = CliRunner.Run(t.Root, "-q", "docs/out/secret.md", "docs/out/sub/deeper.md", "docs/in/inside.md");
        Assert.Equal("docs/in/inside.md(3,1): warning TST1001: Replace 'TODO' with 'DONE'\n"
            + "docs/out/secret.md(1,1): " + refusedFile + "docs/out/sub/deeper.md(1,1): " + refusedFile, named.Stdout);
        Assert.Equal(1, named.ExitCode);

        // A glob through the link in its fixed part: refused the same way.
        var fixedPart = CliRunner.Run(t.Root, "-q", "docs/out/*.md");
        Assert.Equal("docs/out/secret.md(1,1): " + refusedFile, fixedPart.Stdout);

        // The folder named: reported once, not listed.
        var folder = CliRunner.Run(t.Root, "-q", "docs/out");
        Assert.Equal("docs/out(1,1): error PL0001: Cannot read the file: the folder is reached through a symbolic link to a place outside the root; its files were not read (--follow-links-outside-root allows it)\n", folder.Stdout);

        // A walk and '**' enter no folder link at all (wherever it leads).
        foreach (var input in new[] { ".", "docs", "**/*.md", "docs/**/*.md" })
        {
            var r = CliRunner.Run(t.Root, "-q", input);
            Assert.DoesNotContain("secret", r.Stdout);
            Assert.DoesNotContain("docs/out", r.Stdout);
            Assert.DoesNotContain("docs/in", r.Stdout);
            Assert.Contains("docs/fixme.md(3,1): error TST1002", r.Stdout);
        }

        // Allowed: read through the link.
        var allowed = CliRunner.Run(t.Root, "-q", "--follow-links-outside-root", "docs/out/secret.md", "docs/out");
        Assert.Equal("docs/out/secret.md(3,1): warning TST1001: Replace 'TODO' with 'DONE'\n"
            + "docs/out/sub/deeper.md(3,1): warning TST1001: Replace 'TODO' with 'DONE'\n", allowed.Stdout);
    }

    [Fact]
    public void A_link_whose_target_path_passes_through_a_folder_link_out_of_the_root_leads_out()
    {
        SkipUnlessLinux();
        using var outside = new TempTree();
        outside.Write("c/secret.md", "# Secret\n\nTODO the secret text.\n");
        using var t = CliRunner.Fixture("basic");
        Directory.CreateDirectory(t.Path_(".git"));
        Directory.CreateSymbolicLink(t.Path_("b"), outside.Root);
        // 'docs/a' points at 'b/c' inside the root as written; 'b' leads out.
        Directory.CreateSymbolicLink(t.Path_("docs/a"), "../b/c");
        File.CreateSymbolicLink(t.Path_("docs/f.md"), "../b/c/secret.md");
        var r = CliRunner.Run(t.Root, "-q", "docs/a/secret.md", "docs/f.md");
        Assert.Equal("docs/a/secret.md(1,1): error PL0001: Cannot read the file: it is in a folder reached through a symbolic link to a place outside the root; it was not read (--follow-links-outside-root allows it)\n"
            + "docs/f.md(1,1): error PL0001: Cannot read the file: it is a symbolic link to a file outside the root; it was not read (--follow-links-outside-root allows it)\n", r.Stdout);
    }

    [Fact]
    public void A_folder_that_cannot_be_listed_is_reported()
    {
        SkipUnlessLinux();
        using var t = CliRunner.Fixture("basic");
        // Root may list any folder whatever its mode; a path longer than the system allows cannot be listed by anyone.
        string deep = t.Path_("docs");
        var psi = new ProcessStartInfo("bash", "-c \"for i in $(seq 20); do n=$(printf 'd%.0s' $(seq 250)); mkdir $n && cd $n || exit 1; done; echo '# Deep' > deep.md\"")
        { UseShellExecute = false, WorkingDirectory = deep };
        using (var p = Process.Start(psi)!) { p.WaitForExit(); Assert.Equal(0, p.ExitCode); }
        var r = CliRunner.Run(t.Root, "-q", "docs");
        var line = Assert.Single(r.Stdout.Split('\n'), l => l.Contains("PL0001"));
        Assert.Matches(@"^docs/(d{250}/){16}d{250}\(1,1\): error PL0001: Cannot read the file: the folder cannot be listed \(.+\); its files were not linted$", line);
        Assert.Contains("docs/fixme.md(3,1): error TST1002", r.Stdout);
        Assert.Equal(1, r.ExitCode);
        using var rm = Process.Start(new ProcessStartInfo("rm", $"-rf \"{Path.Combine(deep, new string('d', 250))}\"") { UseShellExecute = false })!;
        rm.WaitForExit();
    }

    [Theory]
    [InlineData("TST-SPIN-FOREVER", "TERM", 143)]        // a rule that never returns: the watchdog ends the run
    [InlineData("TST-SPIN-UNTIL-STOPPED", "TERM", 143)]  // a rule that listens: the run winds down itself, same outcome
    [InlineData("TST-SPIN-FOREVER", "INT", 130)]
    [InlineData("TST-SPIN-UNTIL-STOPPED", "INT", 130)]
    public async System.Threading.Tasks.Task A_stop_signal_ends_the_run_with_its_exit_code_whether_or_not_the_rule_listens(string marker, string signal, int exitCode)
    {
        SkipUnlessLinux();
        using var t = CliRunner.Fixture("basic");
        t.Write("docs/spin.md", "# Spin\n\n" + marker + "\n");
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = t.Root };
        psi.ArgumentList.Add(CliRunner.CliPath);
        psi.ArgumentList.Add("docs/spin.md");
        using var p = Process.Start(psi)!;
        var ct = TestContext.Current.CancellationToken;
        var stderr = p.StandardError.ReadToEndAsync(ct);
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        Assert.False(p.WaitForExit(4000), "the run should still be spinning");
        using (var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {p.Id}") { UseShellExecute = false })!) kill.WaitForExit();
        bool stopped = p.WaitForExit(15_000);   // a hang check, not a timing: the tool allows itself half a second
        if (!stopped) p.Kill(true);
        Assert.True(stopped, $"SIG{signal} did not stop the run");
        Assert.Equal(exitCode, p.ExitCode);
        Assert.Equal("policylint: stopped\n", await stderr);
        Assert.Equal("", await stdout);
    }
}
