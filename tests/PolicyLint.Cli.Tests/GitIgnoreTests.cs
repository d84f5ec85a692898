using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Cli.Tests;

/// <summary>The .gitignore filter agrees with <c>git check-ignore</c>, and the tool uses it for directory walks only.</summary>
public sealed class GitIgnoreTests
{
    private static readonly string[] Paths =
    {
        "x.log", "keep.log", "d/keep.log", "build/a.md", "src/build/a.md", "build.md", "root.md", "d/root.md", "docs/gen.md",
        "docs/x/y/gen.md", "a/b", "a/x/b", "a/x/y/b", "vendor/x.md", "vendor/y.md", "#hash.md", "foo/a.md", "foo/bar/a.md",
        "sub/foo/a.md", "nested/local.md", "nested/deep/local.md", "nested/keep.log", "nested/again.md", "nested/deep/again.md",
        "excluded.md", "d/excluded.md", "trail.md", "space .md", "only/dir/file.md", "only", "UP.MD", "up.md",
        "nested/root.md", "doc/frotz/a.md", "frotz/a.md", "a/doc/frotz/a.md",
    };

    private static void Git(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
    }

    private static bool GitAvailable()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("git", "--version") { RedirectStandardOutput = true })!;
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception) { return false; }
    }

    private static TempTree MakeRepo()
    {
        var t = new TempTree();
        Git(t.Root, "init", "-q", ".");
        t.Write(".gitignore", "*.log\n!keep.log\nbuild/\n/root.md\ndocs/**/gen.md\na/**/b\nvendor\n!vendor/x.md\n\\#hash.md\nfoo/*.md\n"
                              + "trail.md   \nspace\\ .md\nonly/\n*.MD\ndoc/frotz/\n# comment\n\n");
        t.Write("nested/.gitignore", "local.md\n!keep.log\n/again.md\n");
        t.Write(".git/info/exclude", "excluded.md\n");
        return t;
    }

    [Fact]
    public void Filter_agrees_with_git_check_ignore()
    {
        if (!GitAvailable()) Assert.Skip("git is not installed");
        using var t = MakeRepo();
        var filter = new GitIgnoreFilter();
        var mismatches = Paths.Select(p =>
        {
            var psi = new ProcessStartInfo("git") { WorkingDirectory = t.Root, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-c", "core.excludesFile=", "-c", "core.ignoreCase=false", "check-ignore", "-q", "--no-index", p }) psi.ArgumentList.Add(a);
            using var proc = Process.Start(psi)!;
            proc.WaitForExit();
            bool git = proc.ExitCode == 0;
            bool ours = filter.IsIgnored(t.Path_(p));
            return (p, git, ours);
        }).Where(x => x.git != x.ours).Select(x => $"{x.p}: git={x.git} ours={x.ours}").ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void Directories_are_ignored_as_git_ignores_them()
    {
        using var t = MakeRepo();
        var filter = new GitIgnoreFilter();
        Assert.True(filter.IsIgnored(t.Path_("build") + Path.DirectorySeparatorChar));
        Assert.False(filter.IsIgnored(t.Path_("build")));          // 'build/' matches directories only
        Assert.True(filter.IsIgnored(t.Path_("only") + Path.DirectorySeparatorChar));
        Assert.False(filter.IsIgnored(t.Path_("docs") + Path.DirectorySeparatorChar));
    }

    [Fact]
    public void Outside_a_repository_nothing_is_ignored()
    {
        using var t = new TempTree();
        t.Write(".gitignore", "*.md\n");
        Assert.False(new GitIgnoreFilter().IsIgnored(t.Path_("a.md")));
    }

    [Fact]
    public void Tool_skips_ignored_files_in_walks_but_lints_named_ones_and_no_ignore_turns_it_off()
    {
        using var t = CliRunner.Fixture("basic");
        Directory.CreateDirectory(t.Path_(".git"));
        t.Write(".gitignore", "docs/\n");
        var walk = CliRunner.Run(t.Root);
        Assert.DoesNotContain("docs/", walk.Stdout);
        Assert.Contains("notes.md(3,", walk.Stdout);
        Assert.Contains("docs/fixme.md", CliRunner.Run(t.Root, "docs/fixme.md").Stdout);
        Assert.Contains("docs/fixme.md", CliRunner.Run(t.Root, "--no-ignore").Stdout);
        Assert.DoesNotContain("docs/", CliRunner.Run(t.Root, "**/*.md").Stdout);
    }
}
