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
    public void ImageReferencesAreCheckedLikeLinkReferences()
    {
        var d = LintVerifier.Verify("{|PL3003:![logo][img]|} {|PL3003:![Diagram][]|} ![ok][pic] ![Pic][]\n\n[pic]: pic.png\n", rules: Rule);
        Assert.Equal("Reference '![logo][img]' has no definition; add '[img]: <url>' or fix the label", d[0].Message);
        Assert.Equal("Reference '![Diagram][]' has no definition; add '[Diagram]: <url>' or fix the label", d[1].Message);
    }

    [Fact]
    public void ABlankLabelIsNoReference() =>
        LintVerifier.Verify("See [text][ ] and [more][  ].\n\n[other]: https://example.com\n\n[x][other]\n", rules: Rule);

    [Fact]
    public void ACodeSpanLabelIsCheckedAndShownAsWritten()
    {
        var d = LintVerifier.Verify("Use {|PL3003:[`Meta`][]|} and [`Known`][] and {|PL3003:[the `x` flag][flags]|}.\n\n[`Known`]: https://example.com/known\n", rules: Rule);
        Assert.Equal("Reference '[`Meta`][]' has no definition; add '[`Meta`]: <url>' or fix the label", d[0].Message);
        Assert.Equal("Reference '[the `x` flag][flags]' has no definition; add '[flags]: <url>' or fix the label", d[1].Message);
    }

    [Fact]
    public void NumericLabelsAreCheckedWhereTheFileDefinesThem()
    {
        LintVerifier.Verify("See [the report][04] and {|PL3003:[the annex][06]|}.\n\n[04]: https://example.com/report\n", rules: Rule);
        // Without numeric definitions, [text][4] reads as a citation.
        LintVerifier.Verify("See [the report][4].\n\n[other]: https://example.com\n\n[x][other]\n", rules: Rule);
    }

    [Fact]
    public void ADefinitionLineThatIsTextIsExplained()
    {
        var d = LintVerifier.Verify("See {|PL3003:[the report][04]|}.\n\n[04]: {|PL3005:https://example.com/a report.pdf|}\n", rules: ["PL3003", "PL3005"]);
        Assert.Equal("Reference '[the report][04]' has no definition; a line that looks like its definition (line 3) is not one: its URL contains a space, " +
            "so Markdown reads the line as text; encode the space as '%20' or put the URL in '<...>'", d[0].Message);
        Assert.Equal("Reference definition target 'https://example.com/a report.pdf' contains a space, so Markdown reads the line as text, not as a definition; encode the space as '%20'", d[1].Message);
        d = LintVerifier.Verify("See {|PL3003:[the spec][spec]|}.\nMore text\n[spec]: https://example.com/spec\n", rules: ["PL3003", "PL3005"]);
        Assert.EndsWith("a line that looks like its definition (line 3) is not one: it continues the paragraph above, which a definition cannot do; leave a blank line before it", d[0].Message);
        // A quoted title after the URL is a real definition.
        LintVerifier.Verify("See [the spec][spec].\n\n[spec]: https://example.com/spec \"The spec\"\n", rules: ["PL3003", "PL3005"]);
    }

    [Fact]
    public void DeeplyNestedBracketsStayLinear()
    {
        string deep = new string('[', 5000) + "x" + new string(']', 5000) + "[y]\n";
        LintVerifier.Lint(deep);
    }
}
