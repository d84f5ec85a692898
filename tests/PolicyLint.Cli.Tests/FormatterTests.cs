using System.Linq;
using PolicyLint.Engine;
using PolicyLint.Output;

namespace PolicyLint.Cli.Tests;

/// <summary>The terminal rendering of the text format (the process tests see redirected output, so no excerpts there).</summary>
public sealed class FormatterTests
{
    private static LintResult Lint(string text) =>
        new LintEngine().LintText(text, "doc.md");

    [Fact]
    public void Excerpt_has_the_line_and_a_caret_under_the_span()
    {
        const string doc = "# T\n\nText\t<!-- policylint-disable-line -->\n";
        var result = Lint(doc);
        var text = TextFormatter.Format(result, new OutputOptions { Excerpts = true, ShowElapsed = false, SourceText = _ => doc });
        Assert.Equal(
            "doc.md(3,6): warning PL0002: 'policylint-disable-line' suppresses nothing here; remove it\n" +
            "  3 | Text    <!-- policylint-disable-line -->\n" +
            "    |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n" +
            "  help: https://github.com/policylint/policylint/blob/main/rules/PL0002.md\n" +
            "\n" +
            "1 file, 0 errors, 1 warning\n", text);
    }

    [Fact]
    public void Colours_only_when_asked()
    {
        const string doc = "# T\n\n<!-- policylint-disable-next-line -->\nText.\n";
        var result = Lint(doc);
        Assert.DoesNotContain("\u001b[", TextFormatter.Format(result, new OutputOptions { SourceText = _ => doc }));
        var colored = TextFormatter.Format(result, new OutputOptions { Color = true, Excerpts = true, SourceText = _ => doc });
        Assert.Contains("\u001b[33m\u001b[1mwarning\u001b[0m", colored);
    }

    [Fact]
    public void GitHub_commands_escape_properties_and_data()
    {
        Assert.Equal("a%3Ab%2Cc%25", GitHubFormatter.EscapeProperty("a:b,c%"));
        Assert.Equal("line1%0Aline2%0D", GitHubFormatter.EscapeData("line1\nline2\r"));
    }

    [Fact]
    public void Unified_diff_shows_line_ending_changes_and_missing_final_newline()
    {
        string diff = UnifiedDiff.Create("a\nb\r\nc", "a\nb\nc\n", "a/x.md", "b/x.md");
        // The old line keeps its \r: a CRLF-to-LF change is visible, and git apply / patch match the line.
        Assert.Equal("--- a/x.md\n+++ b/x.md\n@@ -1,3 +1,3 @@\n a\n-b\r\n-c\n\\ No newline at end of file\n+b\n+c\n", diff);
    }
}
