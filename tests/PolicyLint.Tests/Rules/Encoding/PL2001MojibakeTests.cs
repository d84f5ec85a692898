using System.IO;
using System.Linq;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Encoding;

public sealed class PL2001MojibakeTests
{
    [Fact]
    public void SeedPolicyPostTitleAndHeadingAreFoundExplainedAndRepairedExactly()
    {
        string seedPath = SharedData.Require("seed/ai-action-plan.md");
        string cleanPath = SharedData.Require("corpus/hf-blog/ai-action-wh-2025.md");
        byte[] seed = File.ReadAllBytes(seedPath);
        var diags = EncodingLint.Lint(seed).Where(d => d.Id == "PL2001").ToList();
        Assert.Equal(2, diags.Count);
        Assert.All(diags, d => Assert.Equal("'ðŸ¤—' is UTF-8 read as Windows-1252; did you mean '🤗'?", d.Message));
        Assert.All(diags, d => Assert.True(d.Fix!.IsSafe));
        string fixedText = new System.Text.UTF8Encoding(false).GetString(EncodingLint.Fix(seed, includeUnsafe: false));
        var clean = File.ReadAllLines(cleanPath);
        foreach (var d in diags)
        {
            string line = fixedText.Split('\n')[d.Location.StartLine - 1].TrimEnd('\r');
            Assert.Contains(line, clean);
            Assert.Contains("AI Policy @🤗", line);
        }
        Assert.Empty(EncodingLint.Lint(EncodingLint.Fix(seed, includeUnsafe: false)).Where(d => d.Id == "PL2001"));
    }

    [Fact]
    public void ChecksProseHeadingsLinkTextAltTextAndFrontMatter() =>
        LintVerifier.Verify("---\ntitle: \"AI Policy @{|PL2001:ðŸ¤—|}\"\ntags: [caf{|PL2001:Ã©|}]\n---\n\n# AI Policy @{|PL2001:ðŸ¤—|}\n\n" +
                            "don{|PL2001:â€™|}t, [na{|PL2001:Ã¯|}ve](x.md) ![r{|PL2001:Ã©|}sum{|PL2001:Ã©|}](r.png)\n", rules: ["PL2001"]);

    [Fact]
    public void CodeOnlyWithCheckCode()
    {
        const string markup = "# T\n\n`don{|PL2001:â€™|}t`\n\n```\ncaf{|PL2001:Ã©|}\n```\n";
        LintVerifier.Verify(markup.Replace("{|PL2001:", "").Replace("|}", ""), rules: ["PL2001"]);
        LintVerifier.Verify(markup, config: "rules:\n  PL2001:\n    options:\n      checkCode: true\n", rules: ["PL2001"]);
    }

    [Theory]
    [InlineData("Footnotes †† and §§ sections.")]
    [InlineData("Ã as a letter, ÂGE in capitals.")]
    [InlineData("São Paulo, Zürich, naïve résumé, “quotes”, 🤗, €5, ©")]
    [InlineData("Привет мир 日本語 Ελληνικά")]
    public void LegitimateTextIsSilent(string text) => LintVerifier.Verify($"# T\n\n{text}\n", rules: ["PL2001"]);

    [Fact]
    public void FixReplacesExactlyTheSpanAndIsIdempotent()
    {
        LintVerifier.VerifyFix("# T\n\nThe cafÃ©â€™s ðŸ¤— menu.\n", "# T\n\nThe café’s 🤗 menu.\n", rules: ["PL2001"]);
        LintVerifier.VerifyFix("# T\n\nThe café’s 🤗 menu.\n", "# T\n\nThe café’s 🤗 menu.\n", rules: ["PL2001"]);
    }

    [Fact]
    public void C1CharactersInsideARepairAreLeftToPL2001()
    {
        // '”' (E2 80 9D) read as Windows-1252 keeps 0x9D as U+009D.
        const string text = "# T\n\nhe said â€œhiâ€\u009D.\n";
        var diags = LintVerifier.Lint(text).Where(d => d.Id.StartsWith("PL200")).Select(d => d.Id).ToList();
        Assert.Equal(new[] { "PL2001", "PL2001" }, diags);
        // With PL2001 off, the C1 control is PL2006's again.
        var off = LintVerifier.Lint(text, config: "rules:\n  PL2001: none\n").Where(d => d.Id.StartsWith("PL200")).Select(d => d.Id).ToList();
        Assert.Equal(new[] { "PL2006" }, off);
    }
}

public sealed class PL2001MessageTests
{
    [Fact]
    public void ControlCharactersInTheBrokenTextAreShownAsEscapes()
    {
        // U+0081 is what an undefined Windows-1252 byte (from F0 9F 93 81, a folder emoji) leaves behind.
        var d = PolicyLint.Tests.TestSupport.LintVerifier.Verify("Files {|PL2001:\u00f0\u0178\u201c\u0081|} here\n", rules: ["PL2001"]);
        Assert.Equal("'\u00f0\u0178\u201c\\u0081' is UTF-8 read as Windows-1252; did you mean '\U0001F4C1'?", d[0].Message);
    }
}
