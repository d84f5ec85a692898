using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Cli.Tests.Adoption;

/// <summary>
/// build/release.sh, run against a temporary git repository holding a copy of the script and of this repository's
/// Directory.Build.props (so the version it reads is the real one). A local bare repository stands in as 'origin' to show
/// that nothing is pushed. No network.
/// </summary>
public sealed class ReleaseScriptTests
{
    private static readonly string Version = XDocument.Load(Path.Combine(SharedData.RepoRoot, "Directory.Build.props"))
        .Descendants("VersionPrefix").Single().Value.Trim();

    [Fact]
    public void Tags_the_version_of_Directory_Build_props_as_an_annotated_tag_on_HEAD_and_pushes_nothing()
    {
        using var repo = new ScriptRepo();
        var r = repo.Release();
        Assert.Equal((0, ""), (r.Code, r.Stderr));
        Assert.Equal($"tagged v{Version} on {repo.Short}\npublish the tag with: git push origin v{Version}\n", r.Stdout);
        Assert.Equal("tag", repo.Git("cat-file", "-t", "v" + Version).Trim());                 // annotated, not lightweight
        Assert.Equal(repo.Head, repo.Git("rev-parse", $"v{Version}^{{commit}}").Trim());
        Assert.Equal($"PolicyLint {Version}", repo.Git("tag", "-l", "--format=%(contents:subject)", "v" + Version).Trim());
        Assert.Equal("", repo.Git("ls-remote", "--tags", "origin"));                              // nothing pushed

        var again = repo.Release();                                                             // the tag exists now
        Assert.Equal(1, again.Code);
        Assert.Equal($"release: tag v{Version} exists already (at {repo.Short}); raise <VersionPrefix> in Directory.Build.props\n", again.Stderr);
    }

    [Fact]
    public void Dry_run_checks_and_says_what_it_would_do_without_tagging()
    {
        using var repo = new ScriptRepo();
        var r = repo.Release("--dry-run", "--pack");
        Assert.Equal((0, ""), (r.Code, r.Stderr));
        Assert.Equal($"would tag v{Version} (annotated) on {repo.Short}\nwould pack: VERSION={Version} build/pack-release.sh\n", r.Stdout);
        Assert.Equal("", repo.Git("tag", "-l"));
        Assert.False(Directory.Exists(Path.Combine(repo.Root, "artifacts")));
    }

    [Fact]
    public void Refuses_a_tree_with_changes_or_untracked_files()
    {
        using var repo = new ScriptRepo();
        File.AppendAllText(Path.Combine(repo.Root, "Directory.Build.props"), "\n");
        var changed = repo.Release("--dry-run");
        Assert.Equal(1, changed.Code);
        Assert.Equal("release: the working tree is not clean; commit or stash first:\n M Directory.Build.props\n", changed.Stderr);

        repo.Git("checkout", "--", "Directory.Build.props");
        File.WriteAllText(Path.Combine(repo.Root, "notes.md"), "x\n");
        var untracked = repo.Release();
        Assert.Equal(1, untracked.Code);
        Assert.Equal("release: the working tree is not clean; commit or stash first:\n?? notes.md\n", untracked.Stderr);
        Assert.Equal("", repo.Git("tag", "-l"));
    }

    [Theory]
    [InlineData("<Project><PropertyGroup><VersionPrefix>1.2</VersionPrefix></PropertyGroup></Project>",
        "release: version '1.2' in Directory.Build.props is not a release version (MAJOR.MINOR.PATCH)\n")]
    [InlineData("<Project><PropertyGroup><VersionPrefix>1.2.3-rc.1</VersionPrefix></PropertyGroup></Project>",
        "release: version '1.2.3-rc.1' in Directory.Build.props is not a release version (MAJOR.MINOR.PATCH)\n")]
    [InlineData("<Project><PropertyGroup><Version>1.2.3</Version></PropertyGroup></Project>",
        "release: Directory.Build.props has no <VersionPrefix>\n")]
    public void Refuses_a_version_that_is_not_MAJOR_MINOR_PATCH(string props, string error)
    {
        using var repo = new ScriptRepo(props);
        var r = repo.Release("--dry-run");
        Assert.Equal((1, "", error), (r.Code, r.Stdout, r.Stderr));
    }

    [Fact]
    public void An_unknown_argument_is_a_usage_error()
    {
        using var repo = new ScriptRepo();
        var r = repo.Release("--push");
        Assert.Equal((2, "release: unknown argument '--push' (expected --dry-run, --pack)\n"), (r.Code, r.Stderr));
    }

    [Fact]
    public void The_readme_pre_commit_rev_is_a_commit_or_a_release_tag_of_the_script()
    {
        string readme = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "README.md")).Replace("\r\n", "\n");
        int section = readme.IndexOf("### pre-commit", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no pre-commit section");
        var rev = Regex.Match(readme.Substring(section), @"^\s+rev: (\S+)", RegexOptions.Multiline);
        Assert.True(rev.Success, "the pre-commit snippet has no rev:");
        string pin = rev.Groups[1].Value;
        Assert.Matches(@"^([0-9a-f]{40}|v\d+\.\d+\.\d+)$", pin);
        Assert.Contains("build/release.sh", readme.Substring(section, 2000));
        // A pinned commit must exist here and carry the hook manifest (a shallow clone may not have it: then unchecked).
        if (pin.StartsWith('v') || GitIn(SharedData.RepoRoot, "rev-parse", "--is-shallow-repository").Trim() != "false") return;
        Assert.Contains("id: policylint", GitIn(SharedData.RepoRoot, "show", pin + ":.pre-commit-hooks.yaml"));
    }

    private static string GitIn(string dir, params string[] args) => Exec(dir, "git", args).Stdout;

    private static Run Exec(string dir, string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        // Isolated from the machine's git configuration (signing, hooks, default branch) and with an identity for the tag.
        var env = new Dictionary<string, string>
        {
            ["GIT_CONFIG_GLOBAL"] = "/dev/null", ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_AUTHOR_NAME"] = "Release Test", ["GIT_AUTHOR_EMAIL"] = "release@test.invalid",
            ["GIT_COMMITTER_NAME"] = "Release Test", ["GIT_COMMITTER_EMAIL"] = "release@test.invalid",
        };
        foreach (var kv in env) psi.Environment[kv.Key] = kv.Value;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000)) { p.Kill(true); throw new TimeoutException($"{file} did not finish in 60 s"); }
        p.WaitForExit();
        return new Run(p.ExitCode, stdout.Result, stderr.Result);
    }

    private sealed record Run(int Code, string Stdout, string Stderr);

    /// <summary>A git repository with build/release.sh and a Directory.Build.props, committed, and a bare 'origin'.</summary>
    private sealed class ScriptRepo : IDisposable
    {
        private readonly TempTree _tree = new();
        private readonly TempTree _origin = new();

        public ScriptRepo(string? props = null)
        {
            if (!Tool("git") || !Tool("bash")) Assert.Skip("git or bash is not installed; the release script tests are skipped.");
            _tree.WriteBytes("build/release.sh", File.ReadAllBytes(Path.Combine(SharedData.RepoRoot, "build", "release.sh")));
            _tree.Write("Directory.Build.props", props ?? File.ReadAllText(Path.Combine(SharedData.RepoRoot, "Directory.Build.props")).Replace("\r\n", "\n"));
            Git("init", "-q", "-b", "main");
            Git("add", "-A");
            Git("commit", "-q", "-m", "init");
            Exec(_origin.Root, "git", "init", "-q", "--bare");
            Git("remote", "add", "origin", _origin.Root);
            Head = Git("rev-parse", "HEAD").Trim();
            Short = Git("rev-parse", "--short", "HEAD").Trim();
        }

        public string Root => _tree.Root;
        public string Head { get; }
        public string Short { get; }

        public Run Release(params string[] args) => Exec(Root, "bash", new[] { "build/release.sh" }.Concat(args).ToArray());

        public string Git(params string[] args)
        {
            var r = Exec(Root, "git", args);
            if (r.Code != 0) throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {r.Stderr}");
            return r.Stdout;
        }

        public void Dispose() { _tree.Dispose(); _origin.Dispose(); }

        private static bool Tool(string name) =>
            (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => d.Length > 0 && File.Exists(Path.Combine(d, name)));
    }
}
