using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

namespace PolicyLint.LanguageServer.Tests;

/// <summary>Paths from the build, tools on PATH, and a process runner with a time limit.</summary>
internal static class Tooling
{
    public static string Metadata(string key) =>
        typeof(Tooling).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value!;

    public static string CliPath => Path.GetFullPath(Metadata("CliPath"));
    public static string RepoRoot => Path.GetFullPath(Metadata("RepoRoot"));

    /// <summary>The server the real-client suites start: POLICYLINT_SERVER (e.g. the native binary) or the built tool.</summary>
    public static string Server => Environment.GetEnvironmentVariable("POLICYLINT_SERVER") is { Length: > 0 } s ? s : CliPath;

    public static string? Which(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length == 0) continue;
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> args, string workingDirectory,
        IDictionary<string, string> env, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        var exited = p.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(timeout)) != exited)
        {
            p.Kill(entireProcessTree: true);
            return (-1, "timed out after " + timeout + "\n" + await stdout + await stderr);
        }
        return (p.ExitCode, await stdout + await stderr);
    }
}
