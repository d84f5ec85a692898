using System.Linq;
using TextEncoding = System.Text.Encoding;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Encoding;

public sealed class PL2007LineEndingsTests
{
    [Theory]
    [InlineData("# T\n\nText.\n")]
    [InlineData("# T\r\n\r\nText.\r\n")]
    [InlineData("# T")]
    public void ConsistentLineEndingsAreSilent(string text) => LintVerifier.Verify(text, rules: ["PL2007"]);

    [Fact]
    public void EachMinorityLineEndingIsReported()
    {
        var d = LintVerifier.Verify("# T{|PL2007:\r\n|}\nA\nB{|PL2007:\r|}C\n", rules: ["PL2007"]);
        Assert.Equal("Line ends with CRLF but the file mostly uses LF (1 CRLF, 3 LF, 1 CR); use LF", d[0].Message);
    }

    [Fact]
    public void FixConvertsToTheDominantEnding()
    {
        LintVerifier.VerifyFix("# T\r\n\r\nA\nB\r\n", "# T\r\n\r\nA\r\nB\r\n", rules: ["PL2007"]);
        LintVerifier.VerifyFix("# T\n\nA\r\nB\rC\n", "# T\n\nA\nB\nC\n", rules: ["PL2007"]);
    }

    [Fact]
    public void Utf8BomIsReportedAtTheStartWithoutFix()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(TextEncoding.UTF8.GetBytes("# T\n")).ToArray();
        var d = Assert.Single(EncodingLint.Lint(bytes));
        Assert.Equal("PL2007", d.Id);
        Assert.Equal((1, 1, 0), (d.Location.StartLine, d.Location.StartColumn, d.Location.Span.Length));
        Assert.Null(d.Fix);
    }
}
