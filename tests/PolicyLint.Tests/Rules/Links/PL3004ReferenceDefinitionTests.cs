using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Links;

public sealed class PL3004ReferenceDefinitionTests
{
    private static readonly string[] Rule = ["PL3004"];

    [Fact]
    public void UnusedDefinitionIsReportedAndRemovedByTheFix()
    {
        var d = LintVerifier.Verify("[used][a]\n\n[a]: https://a.example\n{|PL3004:[b]: https://b.example|}\n", rules: Rule);
        Assert.Equal("Reference definition '[b]' is never used; remove it or link to it", d[0].Message);
        LintVerifier.VerifyFix("[used][a]\n\n[a]: https://a.example\n[b]: https://b.example\n", "[used][a]\n\n[a]: https://a.example\n", rules: Rule);
    }

    [Fact]
    public void DuplicateDefinitionIsReportedWithoutFix()
    {
        var d = LintVerifier.Verify("[x]\n\n[X]: https://one.example\n{|PL3004:[x]: https://two.example|}\n", rules: Rule);
        Assert.Equal("Reference definition '[x]' is defined again; the first definition (line 3) wins, so remove or rename this one", d[0].Message);
        Assert.Null(d[0].Fix);
    }

    [Fact]
    public void CommentIdiomsAndFootnotesAreNotDefinitions()
    {
        LintVerifier.Verify("Text[^1].\n\n[//]: # (a comment)\n[comment]: <> (another)\n\n[^1]: A note.\n", rules: Rule);
    }

    [Fact]
    public void RepeatedCommentDefinitionsAreNeitherUnusedNorDuplicates() =>
        LintVerifier.Verify("# T\n\n[//]: # (first note)\n[//]: # (second note)\n\n[comment]: <> (one)\n[comment]: <> (two)\n[//]: #\n", rules: Rule);

    [Fact]
    public void ShortcutCollapsedAndImageUsesCount()
    {
        LintVerifier.Verify("[a] [b][] ![c][img]\n\n[a]: https://a.example\n[b]: https://b.example\n[img]: pic.png\n", rules: Rule);
    }
}
