using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Encoding;

public sealed class PL2005InvisibleCharacterTests
{
    [Fact]
    public void ReportsStrayInvisiblesAsRuns() =>
        LintVerifier.Verify("# T{|PL2005:\u200B|}\n\nvalues {|PL2005:\u200B\u200B|}diversity and wo{|PL2005:\u2060|}rd, {|PL2005:\u00AD|}x, {|PL2005:\uFEFF|}y, a{|PL2005:\u2062|}b\n", rules: ["PL2005"]);

    [Fact]
    public void ChecksFrontMatterLinkTextAltTextAndCode() =>
        LintVerifier.Verify("---\ntitle: \"A{|PL2005:\u200B|}\"\n---\n\n[{|PL2005:\u200B|}Link](x.md) ![a{|PL2005:\u200B|}lt](p.png) `hidden_{|PL2005:\u200B\u200B|}size`\n\n```py\n{|PL2005:\u200B|}\n```\n", rules: ["PL2005"]);

    [Fact]
    public void CheckCodeOffLeavesCodeAlone() =>
        LintVerifier.Verify("# T\n\n`a\u200Bb` {|PL2005:\u200B|}x\n\n```\n\u200B\n```\n", config: "rules:\n  PL2005:\n    options:\n      checkCode: false\n", rules: ["PL2005"]);

    [Theory]
    [InlineData("\u0E20\u0E32\u0E29\u0E32\u200B\u0E44\u0E17\u0E22")]            // ZWSP between Thai words
    [InlineData("\u1780\u17D2\u1798\u17C2\u179A\u200B\u1797\u17B6\u179F\u17B6")] // ZWSP between Khmer words
    [InlineData("@\u200Bmention")]                                               // keeps a handle from pinging
    [InlineData("GPT\u2060-\u2060Neo")]                                          // WJ holding a hyphenated name together
    [InlineData("\U0001F469\u200D\U0001F4BB \U0001F3F3\uFE0F\u200D\U0001F308")] // ZWJ emoji sequences, VS16
    [InlineData("\U0001F937\U0001F3FD\u200D\u2642\uFE0F")]                    // modifier + ZWJ + gender sign
    [InlineData("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645")]            // ZWNJ in Persian
    [InlineData("\u0915\u094D\u200D\u0937")]                                    // ZWJ in a Devanagari conjunct
    [InlineData("Auf\u200Clage")]                                                // ZWNJ suppressing a ligature
    [InlineData("\u2714\uFE0E \u2764\uFE0F \u845B\U000E0100")]                  // variation selectors after their base
    [InlineData("co\u00ADoperate")]                                              // soft hyphen inside a word
    [InlineData("\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F")] // flag of Scotland
    public void LegitimateUsesAreSilent(string text) => LintVerifier.Verify($"# T\n\n{text}\n", rules: ["PL2005"]);

    [Theory]
    [InlineData("\U0001F469\U0001F3FD{|PL2005:\u200D|}\u8FD9")]   // emoji sequence whose second half was lost
    [InlineData("\u5FE0{|PL2005:\u200B\u200B|}\u7C89")]            // machine translation left ZWSPs between Chinese characters
    [InlineData("word{|PL2005:\u200C|} next")]
    [InlineData("x {|PL2005:\uFE0F|}")]
    [InlineData("\u3164{|PL2005:|}")]
    public void StrayUsesAreReported(string markup)
    {
        if (markup.StartsWith("\u3164")) markup = "{|PL2005:\u3164|}";
        LintVerifier.Verify($"# T\n\n{markup}\n", rules: ["PL2005"]);
    }

    [Fact]
    public void TagCharactersThatSpellHiddenTextAreNamed()
    {
        var d = LintVerifier.Verify("# T\n\nok{|PL2005:\U000E0068\U000E0069|}\n", rules: ["PL2005"]);
        Assert.Equal("Invisible 2 tag characters (U+E0000 block) (the tags spell hidden text: \"hi\"); remove them", d[0].Message);
    }

    [Fact]
    public void FixRemovesAndKeepsLineEndings()
    {
        LintVerifier.VerifyFix("# T\r\n\r\nvalues \u200B\u200Bdiversity\u200B.\r\n", "# T\r\n\r\nvalues diversity.\r\n", rules: ["PL2005"]);
        // A line holding only an invisible character: removing it splits the paragraph, so that fix is unsafe.
        LintVerifier.VerifyFix("# T\n\nA\n\u200B\nB\n", "# T\n\nA\n{|PL2005:\u200B|}\nB\n", rules: ["PL2005"]);
        LintVerifier.VerifyFix("# T\n\nA\n\u200B\nB\n", "# T\n\nA\n\nB\n", rules: ["PL2005"], includeUnsafe: true);
    }

    [Fact]
    public void Message()
    {
        var d = LintVerifier.Verify("# T\n\nA{|PL2005:\u200B|}B\n", rules: ["PL2005"]);
        Assert.Equal("Invisible U+200B ZERO WIDTH SPACE; remove it", d[0].Message);
        Assert.True(d[0].Fix!.IsSafe);
    }
}
