using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Encoding;

public sealed class PL2006ControlCharacterTests
{
    [Fact]
    public void ReportsC0OtherThanTabLfCr_DelAndC1_EverywhereIncludingCode() =>
        LintVerifier.Verify("# T\r\n\r\n\tok\r\n\r\nx{|PL2006:\u0001|}y{|PL2006:\u001B|}[0m {|PL2006:\u007F|} {|PL2006:\u0085|}\r\n\r\n```\r\n{|PL2006:\u0007|}\r\n```\r\n", rules: ["PL2006"]);

    [Fact]
    public void C1MessageNamesTheWindows1252Character()
    {
        var d = LintVerifier.Verify("# T\n\n{|PL2006:\u0093|}quoted\n", rules: ["PL2006"]);
        Assert.Equal("Control character U+0093 (C1 control) (Windows-1252 byte 0x93 is '“': text decoded as Latin-1?); remove it or write what it stands for", d[0].Message);
    }

    [Fact]
    public void EscapeMessage()
    {
        var d = LintVerifier.Verify("# T\n\n{|PL2006:\u001B|}[1m\n", rules: ["PL2006"]);
        Assert.Equal("Control character U+001B ESCAPE; remove it or write what it stands for", d[0].Message);
    }
}
