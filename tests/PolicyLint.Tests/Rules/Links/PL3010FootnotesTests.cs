using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Links;

public sealed class PL3010FootnotesTests
{
    private static readonly string[] Rule = ["PL3010"];

    [Fact]
    public void AnUnreferencedFootnoteIsReportedAtItsLabel()
    {
        var d = LintVerifier.Verify("Text with a note.[^used]\n\n[^used]: Shown.\n{|PL3010:[^orphan]|}: Never shown.\n", rules: Rule);
        Assert.Equal("Footnote '[^orphan]' is never referenced, so GitHub does not show it; reference it with '[^orphan]' in the text or remove it", d[0].Message);
    }

    [Fact]
    public void AReferenceWithoutAFootnoteIsReported()
    {
        var d = LintVerifier.Verify("Claim one.[^1] Claim two.{|PL3010:[^2]|}\n\n[^1]: Source one.\n", rules: Rule);
        Assert.Equal("Footnote reference '[^2]' has no footnote, so it shows as text; add '[^2]: ...' or remove it", d[0].Message);
    }

    [Fact]
    public void LabelsMatchWithoutCaseAndCodeIsNotAReference() =>
        LintVerifier.Verify("A note.[^Note] Code `x[^y]` and\n\n```\n[^z]\n```\n\n[^note]: The note.\n", rules: Rule);

    [Fact]
    public void ReferencesAndDefinitionsMarkdigCannotSeeStillCount() =>
        // MkDocs content tabs indent their content, which CommonMark reads as code.
        LintVerifier.Verify("=== \"Tab\"\n\n    Text in a tab.[^tab]\n\nText.[^def]\n\n[^tab]: Note.\n\n=== \"Other\"\n\n    [^def]: Defined in a tab.\n", rules: Rule);

    [Fact]
    public void FootnotesAreNotReportedByTheReferenceRules() =>
        LintVerifier.Verify("A note.[^a] Missing.{|PL3010:[^b]|}\n\n[^a]: Note.\n{|PL3010:[^c]|}: Unused.\n", rules: ["PL3003", "PL3004", "PL3010"]);
}
