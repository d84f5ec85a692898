using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Headings;

public sealed class PL4006TrailingPunctuationTests
{
    private static readonly string[] Rules = ["PL4006"];

    [Fact]
    public void ReportsTheTrailingPunctuationRun()
    {
        var d = LintVerifier.Verify("# Title{|PL4006:.|}\n\n## Note{|PL4006::|}\n\n## Wait{|PL4006:...|}  \n\n### Closed{|PL4006:!|} ###\n\nSetext{|PL4006:;|}\n------\n\n## 完成{|PL4006:。|}\n", rules: Rules);
        Assert.Equal("Heading ends with '.'; a heading is a title, not a sentence: remove it", d[0].Message);
        Assert.Equal(PolicyLint.Diagnostics.Severity.Info, d[0].Severity);
    }

    [Fact]
    public void QuestionsEntitiesEscapesAndCodeAreFine() =>
        LintVerifier.Verify("# Why?\n\n## Tom &amp;\n\n## Copyright &#169;\n\n## Literal\\.\n\n## Run `make;`\n\n## [Link.](x.md)\n\n<h2>Html.</h2>\n", rules: Rules);

    [Fact]
    public void TheCharactersAreConfigurable() =>
        LintVerifier.Verify("# Why{|PL4006:?|}\n\n## Note.\n", config: "rules:\n  PL4006:\n    options:\n      punctuation: \"?\"\n", rules: Rules);

    [Fact]
    public void TheFixIsUnsafeAndRemovesTheRun()
    {
        // Unsafe: not applied by default, so the finding stays (marked in the expected text).
        LintVerifier.VerifyFix("# Done...\n", "# Done{|PL4006:...|}\n", rules: Rules);
        LintVerifier.VerifyFix("# Done...\n\n## Next: ##\n", "# Done\n\n## Next ##\n", rules: Rules, includeUnsafe: true);
    }

    [Fact]
    public void NumberedLegalClausesKeepTheirFullStop() =>
        LintVerifier.Verify("# Terms\n\n## 4. Trademark Release.\n\n### 2.1 Licence grant.\n\n## Section 7. Termination.\n\n## 3) Warranty.\n\n" +
            "## 2024 Roadmap{|PL4006:.|}\n\n## 4. Trademark Release{|PL4006:!|}\n\n## 5. Notes{|PL4006:..|}\n", rules: Rules);

    [Fact]
    public void ASemicolonAfterGreekIsTheGreekQuestionMark() =>
        LintVerifier.Verify("# Τι σημαίνει να είσαι συντηρητής;\n\n## Γιατί **ανοιχτό**;\n\n## Πότε να δώσω πρόσβαση στα commits;\n\n### Τι σημαίνει \"ανοιχτός κώδικας\";\n\n## Τι είναι\u037E\n\n## Greek words{|PL4006:;|}\n\n## Τέλος{|PL4006:.|}\n", rules: Rules);
}
