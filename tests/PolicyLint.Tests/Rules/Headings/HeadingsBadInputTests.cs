using System.Linq;
using System.Text;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Headings;

/// <summary>Large and deep inputs: results must be right (and arrive: nothing here may be quadratic or recurse per level).</summary>
public sealed class HeadingsBadInputTests
{
    [Fact]
    public void TenThousandHeadings()
    {
        var sb = new StringBuilder("# Title\n\n");
        for (int i = 0; i < 10_000; i++) sb.Append(i % 2 == 0 ? "## Same\n\n" : "#### Deep " + i + "\n\n");
        var d = LintVerifier.Lint(sb.ToString());
        Assert.Equal(5_000, d.Count(x => x.Id == "PL4001"));
        Assert.Equal(4_999, d.Count(x => x.Id == "PL4004"));
        Assert.Equal(0, d.Count(x => x.Id == "PL4002"));
    }

    [Fact]
    public void TenThousandHeadingsAgainstATemplate()
    {
        var sb = new StringBuilder("---\ntype: policy\n---\n# P\n\n");
        for (int i = 0; i < 10_000; i++) sb.Append("## Purpose\n\n");
        var d = LintVerifier.Lint(sb.ToString(), config: "rules:\n  PL4007:\n    options:\n      documentTypes:\n        policy:\n          sections: [\"## Purpose\", \"## Scope\"]\n");
        Assert.Equal(9_999, d.Count(x => x.Id == "PL4007" && x.Message.Contains("appears again")));
        Assert.Single(d, x => x.Id == "PL4007" && x.Message.Contains("'## Scope' is missing"));
    }

    [Fact]
    public void AHundredKilobyteHeading()
    {
        string text = new string('a', 50_000) + " " + new string('b', 50_000);
        var d = LintVerifier.Lint("# " + text + ".\n\n# " + text + ".\n\n<h1>" + text + "</h1>\n");
        Assert.Equal(2, d.Count(x => x.Id == "PL4002"));
        Assert.Equal(1, d.Count(x => x.Id == "PL4004")); // the HTML one lacks the final '.'
        Assert.Equal(2, d.Count(x => x.Id == "PL4006"));
        Assert.Contains("'# aaaa", d.First(x => x.Id == "PL4002").Message);
    }

    [Fact]
    public void HeadingsInsideDeeplyNestedBlockQuotes()
    {
        string quotes = string.Concat(Enumerable.Repeat("> ", 100));
        var d = LintVerifier.Lint("# Title\n\n" + quotes + "#### Deep\n" + quotes + "\n" + quotes + "<h6>html</h6>\n");
        Assert.Single(d, x => x.Id == "PL4001" && x.Message == "Heading level jumps from H1 to H4; expected H2");
        Assert.Single(d, x => x.Id == "PL4001" && x.Message == "Heading level jumps from H4 to H6; expected H5");
    }

    [Fact]
    public void FiveHundredNestedBlockQuotesBecomeADiagnosticNotACrash()
    {
        // Markdig refuses nesting this deep ("depth limit exceeded"); the run must go on with a clear PL0001.
        string quotes = string.Concat(Enumerable.Repeat("> ", 500));
        var d = LintVerifier.Lint("# Title\n\n" + quotes + "#### Deep\n");
        Assert.Single(d, x => x.Id == "PL0001" && x.Message.Contains("too deeply nested"));
    }

    [Fact]
    public void HeadingsInsideDeeplyNestedLists()
    {
        var sb = new StringBuilder("# Title\n\n");
        for (int i = 0; i < 50; i++) sb.Append(new string(' ', 2 * i)).Append("- item\n");
        sb.Append(new string(' ', 100)).Append("### Deep in the list\n");
        var d = LintVerifier.Lint(sb.ToString());
        Assert.Single(d, x => x.Id == "PL4001" && x.Message == "Heading level jumps from H1 to H3; expected H2");
    }

    [Fact]
    public void FiveHundredNestedListsBecomeADiagnosticNotACrash()
    {
        var sb = new StringBuilder("# Title\n\n");
        for (int i = 0; i < 500; i++) sb.Append(new string(' ', 2 * i)).Append("- item\n");
        sb.Append(new string(' ', 1000)).Append("### Deep in the list\n");
        var d = LintVerifier.Lint(sb.ToString());
        Assert.DoesNotContain(d, x => x.Id == "PL0005");
        Assert.Single(d, x => x.Id == "PL0001" && x.Message.Contains("too deeply nested"));
    }
}
