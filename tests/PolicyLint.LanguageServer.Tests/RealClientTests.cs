using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace PolicyLint.LanguageServer.Tests;

/// <summary>
/// The server driven by real LSP clients as separate processes: the node suite in tests/lsp-client (VS Code's protocol
/// library), and Neovim's built-in client. Each skips with the reason when its tool is not installed (.ci/run installs them).
/// </summary>
public sealed class RealClientTests
{
    [Fact]
    public async Task NodeClientSuitePasses()
    {
        string suite = Path.Combine(Tooling.RepoRoot, "tests", "lsp-client");
        if (Tooling.Which("node") is not { } node) { Assert.Skip("node is not installed: the real-client LSP suite did not run"); return; }
        if (!Directory.Exists(Path.Combine(suite, "node_modules", "vscode-languageserver-protocol")))
        {
            Assert.Skip("tests/lsp-client has no node_modules (run 'npm ci' there): the real-client LSP suite did not run");
            return;
        }
        var (code, output) = await Tooling.RunAsync(node, ["--test", "--test-concurrency=1", "--test-reporter=tap", "test/"], suite,
            new Dictionary<string, string> { ["POLICYLINT_SERVER"] = Tooling.Server }, TimeSpan.FromMinutes(8));
        Assert.True(code == 0, "node --test failed:\n" + output);
        var pass = Regex.Match(output, @"^# pass (\d+)$", RegexOptions.Multiline);
        var fail = Regex.Match(output, @"^# fail (\d+)$", RegexOptions.Multiline);
        Assert.True(pass.Success && fail.Success, output);
        Assert.Equal("0", fail.Groups[1].Value);
        Assert.True(int.Parse(pass.Groups[1].Value) >= 18, output);
    }

    [Fact]
    public async Task NeovimWithTheReadmeConfigurationShowsTheDiagnosticsOfABrokenDocument()
    {
        if (Tooling.Which("nvim") is not { } nvim) { Assert.Skip("nvim is not installed (Debian package neovim): the Neovim end-to-end test did not run"); return; }
        if (OperatingSystem.IsWindows()) { Assert.Skip("the Neovim end-to-end test uses a shell wrapper"); return; }
        string root = Path.Combine(Path.GetTempPath(), "policylint-nvim-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        Directory.CreateDirectory(Path.Combine(root, "docs"));
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        try
        {
            // The README's block, verbatim, as init.lua; 'dotnet-policylint' on PATH is the server under test.
            File.WriteAllText(Path.Combine(root, "init.lua"), ReadmeBlock("lua"));
            string wrapper = Path.Combine(root, "bin", "dotnet-policylint");
            string server = Tooling.Server;
            File.WriteAllText(wrapper, "#!/bin/sh\nexec " + (server.EndsWith(".dll", StringComparison.Ordinal) ? "dotnet '" + server + "'" : "'" + server + "'") + " \"$@\"\n");
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.WriteAllText(Path.Combine(root, "docs", "guide.md"), "# Guide\n\n## Getting Started\n");
            File.WriteAllText(Path.Combine(root, "docs", "index.md"), "# Home\n\nRead the [guide](guide.md#getting-startd) and [this](missing.md).\n");
            string output = Path.Combine(root, "out.txt");
            string wait = Path.Combine(AppContext.BaseDirectory, "Neovim", "wait.lua");
            var (code, log) = await Tooling.RunAsync(nvim, ["--headless", "-u", Path.Combine(root, "init.lua"), "-c", "luafile " + wait, "docs/index.md"], root,
                new Dictionary<string, string>
                {
                    ["PATH"] = Path.Combine(root, "bin") + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
                    ["POLICYLINT_NVIM_OUT"] = output,
                    ["XDG_STATE_HOME"] = Path.Combine(root, "state"),
                    ["XDG_CACHE_HOME"] = Path.Combine(root, "cache"),
                    ["XDG_DATA_HOME"] = Path.Combine(root, "data"),
                }, TimeSpan.FromMinutes(2));
            Assert.True(code == 0, "nvim failed:\n" + log);
            Assert.Equal(
            [
                "3:18 1 PL3002 Anchor '#getting-startd' matches no heading or id in 'docs/guide.md'; did you mean '#getting-started'?",
                "3:47 2 PL3007 Link text 'this' does not say where the link goes; use words that name the target, such as its title",
                "3:54 1 PL3001 Link target 'missing.md' does not exist",
            ], File.ReadAllLines(output));
        }
        finally
        {
            try { Directory.Delete(root, true); } catch (IOException) { }
        }
    }

    /// <summary>The first fenced block of <paramref name="language"/> in the README's "In the editor" section.</summary>
    private static string ReadmeBlock(string language)
    {
        string readme = File.ReadAllText(Path.Combine(Tooling.RepoRoot, "README.md")).Replace("\r\n", "\n");
        int section = readme.IndexOf("### In the editor", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no 'In the editor' section");
        int start = readme.IndexOf("```" + language + "\n", section, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {language} block in the README's editor section");
        start += language.Length + 4;
        return readme.Substring(start, readme.IndexOf("```", start, StringComparison.Ordinal) - start);
    }
}
