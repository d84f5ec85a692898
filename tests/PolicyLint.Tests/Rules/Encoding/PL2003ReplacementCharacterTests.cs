using System.Linq;
using TextEncoding = System.Text.Encoding;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Encoding;

public sealed class PL2003ReplacementCharacterTests
{
    [Fact]
    public void ReportsProseHeadingsLinkTextAndFrontMatter() =>
        LintVerifier.Verify("---\ntitle: Caf{|PL2003:\uFFFD|}\n---\n\n# R{|PL2003:\uFFFD|}sum\n\n[na{|PL2003:\uFFFD\uFFFD|}ve](x.md) text\n", rules: ["PL2003"]);

    [Fact]
    public void IgnoresCodeSpansAndCodeBlocks() =>
        LintVerifier.Verify("# T\n\n`'\uFFFD'` and\n\n```\n\uFFFD\n```\n\n    \uFFFD indented\n", rules: ["PL2003"]);

    [Fact]
    public void MessageSaysDataWasLost()
    {
        var d = LintVerifier.Verify("# T\n\nA {|PL2003:\uFFFD|} B\n", rules: ["PL2003"]);
        Assert.Equal("U+FFFD REPLACEMENT CHARACTER: the text already lost a character here when it was decoded; restore it from the source", d[0].Message);
    }

    [Fact]
    public void InvalidBytesArePL2002sNotPL2003s()
    {
        byte[] bytes = TextEncoding.UTF8.GetBytes("# T\n\nA ").Concat(new byte[] { 0xFF }).Concat(TextEncoding.UTF8.GetBytes("\uFFFD B\n")).ToArray();
        var diags = EncodingLint.Lint(bytes);
        Assert.Equal(new[] { "PL2002", "PL2003" }, diags.Select(d => d.Id).ToArray());
        Assert.Equal(8, diags[1].Location.Span.Start); // the literal U+FFFD after the placeholder, alone
        Assert.Equal(1, diags[1].Location.Span.Length);
    }
}
