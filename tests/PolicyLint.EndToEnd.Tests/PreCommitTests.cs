using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PolicyLint.EndToEnd.Tests;

/// <summary>
/// The hook in <c>.pre-commit-hooks.yaml</c> with Debian's pre-commit (3.x; .ci/run installs it): a commit of a broken
/// Markdown file is blocked, a clean one goes through, and only staged files are linted.
/// </summary>
public sealed class PreCommitTests
{
    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    [Fact]
    public void AHookBlocksABrokenCommitAndLetsACleanOneThrough()
    {
        if (FindOnPath("pre-commit") is null)
            Assert.Skip("pre-commit is not installed (apt-get install pre-commit; .ci/run does it); skipped.");
        string root = Path.Combine(Path.GetTempPath(), "policylint-precommit-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        try
        {
            string hookRepo = CopyWorkingTree(Path.Combine(root, "hook-repo"));
            string sha = Git(hookRepo, "rev-parse", "HEAD").Output.Trim();

            string consumer = Path.Combine(root, "consumer");
            Directory.CreateDirectory(consumer);
            Git(consumer, "init", "-q", "-b", "main");
            File.WriteAllText(Path.Combine(consumer, ".pre-commit-config.yaml"),
                $"repos:\n  - repo: {hookRepo}\n    rev: {sha}\n    hooks:\n      - id: policylint\n");
            File.WriteAllText(Path.Combine(consumer, ".policylint.yml"), "root: true\n");
            Git(consumer, "add", ".");
            Git(consumer, "commit", "-q", "-m", "config", "--no-verify");
            var env = Env(root);
            var install = ProcessRunner.Run("pre-commit", ["install"], consumer, env);
            Assert.True(install.ExitCode == 0, install.ToString());

            File.WriteAllText(Path.Combine(consumer, "broken.md"), "# Guide\n\nSee [the missing page](missing.md).\n");
            Git(consumer, "add", "broken.md");
            var blocked = ProcessRunner.Run("git", ["commit", "-m", "broken doc"], consumer, env, timeoutSeconds: 1200);
            Assert.True(blocked.ExitCode != 0, "the commit of a broken document must be blocked:\n" + blocked);
            Assert.Contains("broken.md(3,", blocked.All);
            Assert.Contains("PL3001", blocked.All);

            // The hook runs the executable that pre-commit installed, and on a machine that can compile Native AOT that is the
            // native binary of the platform package (what 'dotnet pack' of the hook repository made), not a .NET host.
            string hook = Directory.GetFiles(env["PRE_COMMIT_HOME"]!, "dotnet-policylint", SearchOption.AllDirectories)
                .Single(p => p.Replace('\\', '/').Contains("/bin/", StringComparison.Ordinal));
            if (OperatingSystem.IsLinux() && HasLinker)
            {
                var info = new FileInfo(hook);
                Assert.NotNull(info.LinkTarget);
                string target = info.ResolveLinkTarget(returnFinalTarget: true)!.FullName;
                Assert.Contains("/policylint.tool.linux-", target, StringComparison.Ordinal);
                byte[] head = File.ReadAllBytes(target).Take(4).ToArray();
                Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, head);
            }

            // Only staged files are linted: a broken file that is not staged does not block a clean commit.
            File.WriteAllText(Path.Combine(consumer, "broken.md"), "# Guide\n\n## Section\n\nFixed.\n");
            File.WriteAllText(Path.Combine(consumer, "unstaged.md"), "# Draft\n\nSee [nothing](nothing.md).\n");
            Git(consumer, "add", "broken.md");
            var passed = ProcessRunner.Run("git", ["commit", "-m", "clean doc"], consumer, env, timeoutSeconds: 600);
            Assert.True(passed.ExitCode == 0, "a clean commit must go through:\n" + passed);
        }
        finally
        {
            try { Directory.Delete(root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The rule of src/PolicyLint.Cli's project: a default pack compiles Native AOT when gcc or clang is there.</summary>
    private static bool HasLinker =>
        new[] { "/usr/bin/clang", "/usr/bin/gcc", "/usr/local/bin/clang", "/usr/local/bin/gcc" }.Any(File.Exists);

    private static Dictionary<string, string?> Env(string root) => new()
    {
        ["PRE_COMMIT_HOME"] = Path.Combine(root, "pre-commit-cache"),
        ["GIT_AUTHOR_NAME"] = "PolicyLint Tests", ["GIT_AUTHOR_EMAIL"] = "tests@example.invalid",
        ["GIT_COMMITTER_NAME"] = "PolicyLint Tests", ["GIT_COMMITTER_EMAIL"] = "tests@example.invalid",
    };

    private static ProcessResult Git(string dir, params string[] args)
    {
        var r = ProcessRunner.Run("git", args, dir, Env(Path.GetTempPath()));
        if (r.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(" ", args)} failed:\n{r}");
        return r;
    }

    /// <summary>The repository as it is on disk (tracked and untracked, not ignored), committed into a fresh git repository.</summary>
    private static string CopyWorkingTree(string target)
    {
        string repo = new PackagesFixtureLocator().RepoRoot;
        var files = ProcessRunner.Run("git", ["ls-files", "-co", "--exclude-standard", "-z"], repo).Output
            .Split('\0', StringSplitOptions.RemoveEmptyEntries);
        foreach (var f in files)
        {
            string src = Path.Combine(repo, f);
            if (!File.Exists(src)) continue;
            string dst = Path.Combine(target, f);
            Directory.CreateDirectory(Path.GetDirectoryName(dst)!);
            File.Copy(src, dst);
        }
        Git(target, "init", "-q", "-b", "main");
        Git(target, "add", "-A");
        Git(target, "commit", "-q", "-m", "hook repository snapshot");
        return target;
    }

    private sealed class PackagesFixtureLocator
    {
        public string RepoRoot { get; } = Find();
        private static string Find()
        {
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "PolicyLint.sln"))) return d.FullName;
            throw new InvalidOperationException("Cannot find PolicyLint.sln above the test binaries");
        }
    }
}
