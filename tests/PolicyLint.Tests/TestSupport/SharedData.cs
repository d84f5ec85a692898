using System;
using System.IO;

namespace PolicyLint.Tests.TestSupport;

/// <summary>
/// Finds the team's shared data (<c>../shared</c> beside the repository). A user's fresh clone does not have it:
/// tests that need it call <see cref="Require"/> and are skipped, saying so.
/// </summary>
public static class SharedData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string? Root
    {
        get
        {
            string? env = Environment.GetEnvironmentVariable("POLICYLINT_SHARED");
            if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
            string p = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
            return Directory.Exists(p) ? p : null;
        }
    }

    /// <summary>The full path of <paramref name="relative"/> under the shared folder, or skips the test when it is absent.</summary>
    public static string Require(string relative)
    {
        var root = Root;
        string? p = root is null ? null : Path.Combine(root, relative);
        if (p is null || (!File.Exists(p) && !Directory.Exists(p)))
            Assert.Skip($"Shared data '{relative}' is not available (expected beside the repository in ../shared, or set POLICYLINT_SHARED); skipped.");
        return p!;
    }

    private static string FindRepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "PolicyLint.sln"))) return d.FullName;
        throw new InvalidOperationException("Cannot find PolicyLint.sln above the test binaries");
    }
}
