using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Links;

public sealed class PL3003UndefinedReferenceTests
{
    private static readonly string[] Rule = ["PL3003"];

    [Fact]
    public void FullAndCollapsedReferencesWithoutDefinition()
    {
        var d = LintVerifier.Verify("See {|PL3003:[the spec][spec]|} and {|PL3003:[Guide][]|} and [ok][def].\n\n[def]: https://example.com\n", rules: Rule);
        Assert.Equal("Reference '[the spec][spec]' has no definition; add '[spec]: <url>' or fix the label", d[0].Message);
        Assert.Equal("Reference '[Guide][]' has no definition; add '[Guide]: <url>' or fix the label", d[1].Message);
    }

    [Fact]
    public void SuggestsADefinitionThatDiffersInPunctuation()
    {
        var d = LintVerifier.Verify("{|PL3003:[x][my_ref]|}\n\n[my-ref]: https://example.com\n", rules: Rule);
        Assert.Equal("Reference '[x][my_ref]' has no definition; did you mean '[my-ref]'?", d[0].Message);
    }

    [Theory]
    [InlineData("As shown in [1] and [2][3], see [12, 13].")]
    [InlineData("> [!NOTE]\n> Careful.")]
    [InlineData("- [ ] todo\n- [x] done")]
    [InlineData("The interval [0, 1] and [a, b) and [0.5, 1][2].")]
    [InlineData("Use `a[i][j]` or a[i][j] or arr[0][] or f(x)[k][m].")]
    [InlineData("```\n[text][label]\n```")]
    [InlineData("    [text][label]")]
    [InlineData("A footnote[^1].\n\n[^1]: Note.")]
    [InlineData("Weights [x = 1][y = 2] and [\"a\"][\"b\"] and [$x$][k].")]
    [InlineData("Plain [bracketed prose] and [more prose] here.")]
    [InlineData("\\[escaped][label]")]
    [InlineData("<span>[a][b]</span> in html is still text: skip html? no")]
    public void BracketedProseIsNotAReference(string markdown)
    {
        if (markdown.StartsWith("<span>")) { LintVerifier.Verify("<span>{|PL3003:[a][b]|}</span>\n", rules: Rule); return; }
        LintVerifier.Verify(markdown + "\n", rules: Rule);
    }

    [Fact]
    public void ShortcutsOnlyBehindTheOptionAndOnlyWhenClearlyAReference()
    {
        const string doc = "See [spec-v2] and [some prose here] and [1].\n\n[other]: https://example.com\n\n[x][other]\n";
        LintVerifier.Verify(doc, rules: Rule);
        LintVerifier.Verify("See {|PL3003:[spec-v2]|} and [some prose here] and [1].\n\n[other]: https://example.com\n\n[x][other]\n",
            config: "rules:\n  PL3003:\n    options:\n      shortcuts: true\n", rules: Rule);
        // A file without any definition does not use reference style: its brackets are prose.
        LintVerifier.Verify("See [spec-v2].\n", config: "rules:\n  PL3003:\n    options:\n      shortcuts: true\n", rules: Rule);
    }

    [Fact]
    public void DeeplyNestedBracketsStayLinear()
    {
        string deep = new string('[', 5000) + "x" + new string(']', 5000) + "[y]\n";
        LintVerifier.Lint(deep);
    }
}
