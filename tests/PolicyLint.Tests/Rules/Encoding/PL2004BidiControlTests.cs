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
}
