using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using PolicyLint.Engine;
using PolicyLint.Output;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Cli.Tests.Adoption;

/// <summary>
/// Source excerpts in a terminal: the caret line lines up under CJK text, emoji and tabs, and a line wider than the
/// terminal is cut around the finding with an ellipsis. The end-to-end tests run the built tool in a pseudo-terminal
/// (util-linux <c>script</c>), where excerpts are on; the width comes from COLUMNS or from the terminal itself.
/// </summary>
public sealed class TerminalExcerptTests
{
    private const string Help = "  help: https://github.com/policylint/policylint/blob/main/rules/PL0002.md\n";
    private const string Unused = "'policylint-disable-line' suppresses nothing here; remove it";
    private const string Comment = "<!-- policylint-disable-line -->";

    [Fact]
    public void Caret_lines_up_after_cjk_emoji_combining_marks_and_a_tab()
    {
        // 中文 (4 columns) + 🤗 (2) + 👍🏽 (2) + é as e and a combining accent (1) = 9, the tab goes to column 12.
        string doc = "# T\n\n中文\U0001F917\U0001F44D\U0001F3FDe\u0301\t" + Comment + "\n";
        Assert.Equal(
            $"doc.md(3,12): warning PL0002: {Unused}\n" +
            "  3 | 中文\U0001F917\U0001F44D\U0001F3FDe\u0301   " + Comment + "\n" +
            "    | " + new string(' ', 12) + new string('^', 32) + "\n" +
            Help +
            "\n1 file, 0 errors, 1 warning\n",
            Format(doc, terminalWidth: null));
    }

    [Fact]
    public void A_long_line_is_cut_around_the_finding_with_ellipses()
    {
        // 100 columns of words, the 32-column comment, 100 more. At 60 columns the text gets 54 after "  3 | ": 52 between
        // the two ellipses, with the comment in the middle (10 columns each side).
        string words = string.Concat(Enumerable.Repeat("word ", 20)), tail = string.Concat(Enumerable.Repeat(" tail", 20));
        string doc = "# T\n\n" + words + Comment + tail + "\n";
        Assert.Equal(
            $"doc.md(3,101): warning PL0002: {Unused}\n" +
            "  3 | \u2026word word " + Comment + " tail tail\u2026\n" +
            "    | " + new string(' ', 11) + new string('^', 32) + "\n" +
            Help +
            "\n1 file, 0 errors, 1 warning\n",
            Format(doc, terminalWidth: 60));
        // Without a width (not a terminal, or unknown) the line is shown whole.
        Assert.Contains("  3 | " + words + Comment + tail + "\n", Format(doc, terminalWidth: null));
    }

    [Fact]
    public void Built_tool_in_a_terminal_aligns_carets_and_cuts_to_COLUMNS()
    {
        using var tree = Tree();
        var (code, output) = RunInTerminal(tree.Root, "COLUMNS=60");
        Assert.Equal(1, code);
        Assert.Equal(
            "doc.md(3,11): error PL3001: Link target 'missing.md' does not exist\n" +
            "  3 | 中文\U0001F917  [链接](missing.md)\n" +
            "    | " + new string(' ', 15) + new string('^', 10) + "\n" +
            "  help: https://github.com/policylint/policylint/blob/main/rules/PL3001.md\n" +
            "doc.md(5,105): error PL3001: Link target 'gone.md' does not exist\n" +
            "  5 | \u2026rd word word word [x](gone.md) tail tail tail tail t\u2026\n" +
            "    | " + new string(' ', 23) + new string('^', 7) + "\n" +
            "  help: https://github.com/policylint/policylint/blob/main/rules/PL3001.md\n" +
            "\n1 file, 2 errors, 0 warnings in <elapsed> s\n",
            output);
    }

    [Fact]
    public void Built_tool_takes_the_width_from_the_terminal_when_COLUMNS_is_unset()
    {
        using var tree = Tree();
        var (code, output) = RunInTerminal(tree.Root, "stty cols 50;");
        Assert.Equal(1, code);
        // 44 columns after "  5 | ": 42 between the ellipses, 17 each side of the 7-column target.
        Assert.Contains(
            "  5 | \u2026rd word word [x](gone.md) tail tail tail t\u2026\n" +
            "    | " + new string(' ', 18) + new string('^', 7) + "\n", output);
    }

    private static string Format(string doc, int? terminalWidth)
    {
        var result = new LintEngine().LintText(doc, "doc.md");
        return TextFormatter.Format(result, new OutputOptions { Excerpts = true, ShowElapsed = false, SourceText = _ => doc, TerminalWidth = terminalWidth });
    }

    private static TempTree Tree() => new TempTree()
        .Write(".policylint.yml", "root: true\n")
        .Write("doc.md", "# T\n\n中文\U0001F917\t[链接](missing.md)\n\n" + string.Concat(Enumerable.Repeat("word ", 20)) + "[x](gone.md)"
            + string.Concat(Enumerable.Repeat(" tail", 20)) + "\n");

    /// <summary>Runs <c>policylint doc.md</c> under <c>script</c> (a pseudo-terminal); <paramref name="setup"/> is an env assignment or a shell command.</summary>
    private static (int Code, string Output) RunInTerminal(string dir, string setup)
    {
        if (!File.Exists("/usr/bin/script") && !File.Exists("/bin/script"))
            Assert.Skip("util-linux 'script' is not installed; the pseudo-terminal tests are skipped.");
        string command = $"{setup} dotnet '{CliRunner.CliPath}' doc.md --no-cache";
        var psi = new ProcessStartInfo("script")
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        foreach (var a in new[] { "-qec", command, "/dev/null" }) psi.ArgumentList.Add(a);
        psi.Environment["TERM"] = "dumb";           // no colours, no terminal mode sequences
        psi.Environment.Remove("COLUMNS");
        psi.Environment.Remove("NO_COLOR");
        psi.Environment.Remove("POLICYLINT_DEBUG");
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException("policylint did not finish in 120 s"); }
        p.WaitForExit();
        return (p.ExitCode, CliRunner.MaskElapsed(stdout.Result.Replace("\r\n", "\n")) + stderr.Result);
    }
}
