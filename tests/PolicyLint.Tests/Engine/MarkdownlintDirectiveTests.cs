using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Engine;

/// <summary>markdownlint's inline comments silence the PolicyLint rules that check the same thing, and nothing else.</summary>
public sealed class MarkdownlintDirectiveTests
{
    private static readonly string[] Scope = ["PL3007", "PL3002", "PL4001", "PL2005", "PL0002", "PL0003", "PL0008"];

    [Fact]
    public void DisableAndEnableByIdNameAndAlias()
    {
        LintVerifier.Verify(
            "# T\n\n<!-- markdownlint-disable MD059 -->\n[here](a.md)\n<!-- markdownlint-enable MD059 -->\n{|PL3007:[here](b.md)|}\n\n" +
            "<!-- markdownlint-disable descriptive-link-text -->\n[here](c.md)\n<!-- markdownlint-enable -->\n\n" +
            "<!-- markdownlint-disable no-generic-link-text -->\n[here](d.md)\n\n<!-- markdownlint-enable GH002 -->\n{|PL3007:[here](e.md)|}\n",
            rules: Scope);
    }

    [Fact]
    public void NamesAreCaseInsensitiveAndTagsWork() =>
        LintVerifier.Verify("# T\n\n<!-- markdownlint-disable md051 HEADINGS -->\n### Skips a level\n\n[x](#nowhere)\n", rules: Scope);

    [Fact]
    public void ABareDisableSilencesOnlyTheMappedRules() =>
        // PL2005 (an invisible character) has no markdownlint counterpart, so it is still reported.
        LintVerifier.Verify("<!-- markdownlint-disable -->\n# T\n\n### Deep\n\n[here](x.md) a{|PL2005:\u200B|}b\n", rules: Scope);

    [Fact]
    public void UnmappedRulesSilenceNothing() =>
        LintVerifier.Verify("# T\n\n<!-- markdownlint-disable MD013 MD033 -->\n{|PL3007:[here](x.md)|}\n", rules: Scope);

    [Fact]
    public void LineAndNextLineForms() =>
        LintVerifier.Verify(
            "# T\n\n[here](a.md) <!-- markdownlint-disable-line MD059 -->\n\n<!-- markdownlint-disable-next-line MD059 -->\n[here](b.md)\n{|PL3007:[here](c.md)|}\n",
            rules: Scope);

    [Fact]
    public void FileWideDisableAndEnableFile()
    {
        LintVerifier.Verify("# T\n\n[here](a.md)\n\n<!-- markdownlint-disable-file MD059 -->\n", rules: Scope);
        LintVerifier.Verify("# T\n\n{|PL3007:[here](a.md)|}\n\n<!-- markdownlint-disable-file MD059 -->\n<!-- markdownlint-enable-file MD059 -->\n", rules: Scope);
    }

    [Fact]
    public void CaptureAndRestore() =>
        LintVerifier.Verify(
            "# T\n\n<!-- markdownlint-disable MD059 -->\n<!-- markdownlint-capture -->\n<!-- markdownlint-enable MD059 -->\n{|PL3007:[here](a.md)|}\n" +
            "<!-- markdownlint-restore -->\n[here](b.md)\n",
            rules: Scope);

    [Fact]
    public void TheyAreNeverUnusedUnknownOrUnjustified() =>
        LintVerifier.Verify("# T\n\n<!-- markdownlint-disable MD013 no-such-rule -->\n<!-- markdownlint-disable-next-line MD059 -->\nclean\n",
            config: "requireJustification: true\n", rules: Scope);

    [Fact]
    public void AMarkdownlintEnableDoesNotEndAPolicylintDisable() =>
        LintVerifier.Verify("# T\n\n<!-- policylint-disable PL3007 -->\n<!-- markdownlint-enable MD059 -->\n[here](a.md)\n", rules: Scope);

    [Fact]
    public void CommentsInCodeAreIgnored() =>
        LintVerifier.Verify("# T\n\n```\n<!-- markdownlint-disable -->\n```\n\n{|PL3007:[here](a.md)|}\n", rules: Scope);
}
