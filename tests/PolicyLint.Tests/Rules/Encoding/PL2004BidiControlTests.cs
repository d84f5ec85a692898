using System.Linq;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Encoding;

public sealed class PL2004BidiControlTests
{
    [Theory]
    [InlineData('\u202A')]
    [InlineData('\u202B')]
    [InlineData('\u202C')]
    [InlineData('\u202D')]
    [InlineData('\u202E')]
    [InlineData('\u2066')]
    [InlineData('\u2067')]
    [InlineData('\u2068')]
    [InlineData('\u2069')]
    public void ReportsEveryEmbeddingOverrideAndIsolate(char c) =>
        LintVerifier.Verify($"# T\n\nx {{|PL2004:{c}|}} y\n", rules: ["PL2004"]);

    [Fact]
    public void ReportsTrojanSourceInsideCodeBlocks()
    {
        var d = LintVerifier.Verify("# T\n\n```js\nif (role != \"user{|PL2004:\u202E|} {|PL2004:\u2066|}// admin{|PL2004:\u2069|} \") {}\n```\n", rules: ["PL2004"]);
        Assert.Equal("Bidirectional control character U+202E RIGHT-TO-LEFT OVERRIDE in code can make text display in another order than it is stored (Trojan Source); remove it", d[0].Message);
        Assert.False(d[0].Fix!.IsSafe);
    }

    [Fact]
    public void LeavesMarksThatRightToLeftTextNeeds() =>
        LintVerifier.Verify("# T\n\n\u05E9\u05DC\u05D5\u05DD\u200E (1) \u200F \u0627\u061C\n", rules: ["PL2004"]);

    [Fact]
    public void UnsafeFixRemovesTheCharacter() =>
        LintVerifier.VerifyFix("# T\n\nabc\u202Edef\n", "# T\n\nabcdef\n", rules: ["PL2004"], includeUnsafe: true);

    private static string RefMessage(string name, string written) =>
        $"Bidirectional control character {name} (written as the character reference '{written}') can make text display in another order than it is stored (Trojan Source); remove it";

    [Theory]
    [InlineData("&#x202E;", "U+202E RIGHT-TO-LEFT OVERRIDE")]
    [InlineData("&#8238;", "U+202E RIGHT-TO-LEFT OVERRIDE")]
    [InlineData("&#X2066;", "U+2066 LEFT-TO-RIGHT ISOLATE")]
    [InlineData("&#x0202a;", "U+202A LEFT-TO-RIGHT EMBEDDING")]
    [InlineData("&#0008297;", "U+2069 POP DIRECTIONAL ISOLATE")]
    public void ReportsBidiControlsWrittenAsCharacterReferencesInProse(string reference, string name)
    {
        var d = LintVerifier.Verify($"# T\n\nab {{|PL2004:{reference}|}} cd\n", rules: ["PL2004"]);
        Assert.Equal(("PL2004", 3, 4, 3, 4 + reference.Length), (d[0].Id, d[0].Location.StartLine, d[0].Location.StartColumn, d[0].Location.EndLine, d[0].Location.EndColumn));
        Assert.Equal(RefMessage(name, reference), d[0].Message);
        Assert.False(d[0].Fix!.IsSafe);
    }

    [Fact]
    public void ReportsReferencesInHeadingsLinkTextAndLinkDestinations()
    {
        var d = LintVerifier.Verify("# T{|PL2004:&#x202E;|}\n\n[a{|PL2004:&#x2067;|}b](https://example.com/x{|PL2004:&#8238;|}y) and [r]\n\n[r]: /docs/{|PL2004:&#x202D;|}.md\n",
            rules: ["PL2004"]);
        Assert.Equal(RefMessage("U+202E RIGHT-TO-LEFT OVERRIDE", "&#8238;"), d[2].Message);
    }

    [Fact]
    public void ReportsReferencesInHtmlTextAndAttributesAsABrowserDecodesThem()
    {
        // A browser decodes a numeric reference without its ';' too; the span is what it reads.
        var d = LintVerifier.Verify("# T\n\n<p title=\"x{|PL2004:&#x202E;|}\">see {|PL2004:&#8238|} here</p>\n\n<pre>if (a{|PL2004:&#x2066;|}) {}</pre>\n\nInline <span title='{|PL2004:&#x202B;|}'>x</span>.\n",
            rules: ["PL2004"]);
        Assert.Equal(["3:12-3:20", "3:26-3:32", "5:11-5:19", "7:21-7:29"],
            d.Select(x => $"{x.Location.StartLine}:{x.Location.StartColumn}-{x.Location.EndLine}:{x.Location.EndColumn}").ToArray());
        Assert.Equal(RefMessage("U+202E RIGHT-TO-LEFT OVERRIDE", "&#8238"), d[1].Message);
    }

    [Fact]
    public void LeavesReferencesThatAreShownAsWritten() =>
        // Code spans, code blocks, escaped references, HTML comments, script and style show the reference itself.
        LintVerifier.Verify("# T\n\nUse `&#x202E;` or \\&#x202E; as text.\n\n```html\n<b>&#8238;</b>\n```\n\n    &#x2066; indented\n\n" +
            "<!-- &#x202E; -->\n\n<script>var s = \"&#x202E;\";</script>\n\n<style>p::after { content: \"&#x202E;\" }</style>\n", rules: ["PL2004"]);

    [Fact]
    public void LeavesMarksWrittenAsReferencesAsItLeavesTheMarks() =>
        LintVerifier.Verify("# T\n\n\u05E9\u05DC\u05D5\u05DD&rlm; (1) &lrm; &#x200F; &#1564; <b title=\"&#x200E;\">x</b>\n", rules: ["PL2004"]);

    [Fact]
    public void UnsafeFixRemovesTheReference() =>
        LintVerifier.VerifyFix("# T\n\nabc&#x202E;def <i title=\"&#8238;\">x</i>\n", "# T\n\nabcdef <i title=\"\">x</i>\n", rules: ["PL2004"], includeUnsafe: true);
}
