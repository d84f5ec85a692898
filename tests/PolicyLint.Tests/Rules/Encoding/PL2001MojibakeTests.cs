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

public sealed class PL2001WrittenOverTests
{
    [Fact]
    public void CharacterReferencesWrittenOverMojibakeAreReadAsShownAndRepairedToTheCharacters()
    {
        var d = LintVerifier.Verify("# T\n\nThe caf{|PL2001:&#195;&#169;|} is open, don{|PL2001:&#xE2;&#x20AC;&#x2122;|}t go, " +
                                    "na{|PL2001:&Atilde;&macr;|}ve.\n", rules: ["PL2001"]);
        Assert.Equal("'&#195;&#169;' is UTF-8 read as Windows-1252, written as HTML character references; did you mean 'é'?", d[0].Message);
        Assert.Equal("'&#xE2;&#x20AC;&#x2122;' is UTF-8 read as Windows-1252, written as HTML character references; did you mean '’'?", d[1].Message);
        LintVerifier.VerifyFix("# T\n\nThe caf&#195;&#169; is open, don&#xE2;&#x20AC;&#x2122;t go, na&Atilde;&macr;ve.\n",
            "# T\n\nThe café is open, don’t go, naïve.\n", rules: ["PL2001"]);
    }

    [Fact]
    public void ReferencesHalfWrittenAndReferencesInCodeOrToRealLettersAreHandledAsShown()
    {
        // One character literal, one written as a reference: the same broken sequence.
        LintVerifier.VerifyFix("# T\n\ncafÃ&#169; and &eacute; and &#233; stay.\n", "# T\n\ncafé and &eacute; and &#233; stay.\n", rules: ["PL2001"]);
        // In code a reference is shown as written: nothing to read back, even with checkCode.
        LintVerifier.Verify("# T\n\n`caf&#195;&#169;`\n", config: "rules:\n  PL2001:\n    options:\n      checkCode: true\n", rules: ["PL2001"]);
        // Real text written as references is silent: "Ã" alone, "São" and "ÂGE".
        LintVerifier.Verify("# T\n\n&Atilde; as a letter, S&atilde;o Paulo, &Acirc;GE, &#8220;quotes&#8221;.\n", rules: ["PL2001"]);
    }

    [Fact]
    public void Cesu8EmojiIsRepairedToTheAstralCharacter()
    {
        // U+1F917 as CESU-8 is ED A0 BE ED B4 97 (its surrogates D83E and DD17, one by one); read as Windows-1252.
        var d = LintVerifier.Verify("# T\n\nHugs {|PL2001:\u00ED\u00A0\u00BE\u00ED\u00B4\u2014|} to all.\n", rules: ["PL2001"]);
        Assert.Equal("'\u00ED\u00A0\u00BE\u00ED\u00B4\u2014' is CESU-8 (an emoji's surrogates encoded one by one) read as Windows-1252; " +
                     "did you mean '\U0001F917'?", d[0].Message);
        LintVerifier.VerifyFix("# T\n\nHugs \u00ED\u00A0\u00BE\u00ED\u00B4\u2014 to all.\n", "# T\n\nHugs \U0001F917 to all.\n", rules: ["PL2001"]);
        // A lone CESU-8 surrogate is no character: not repaired ("í" + no-break space + "¾" is also Latin-1 text).
        LintVerifier.Verify("# T\n\nHugs \u00ED\u00A0\u00BE to all.\n", rules: ["PL2001"]);
    }
}

public sealed class PL2001HtmlTests
{
    [Fact]
    public void TextOfHtmlBlocksAndAltAndTitleAttributesAreChecked()
    {
        LintVerifier.Verify("# T\n\n<div class=\"note\">\n<p>The caf{|PL2001:Ã©|} is <b>open</b>, don{|PL2001:&#226;&#128;&#153;|}t go.</p>\n</div>\n\n" +
                            "Inline <img src=\"a.png\" alt=\"r{|PL2001:Ã©|}sum{|PL2001:Ã©|}\" title=\"na{|PL2001:Ã¯|}ve\"> image.\n", rules: ["PL2001"]);
        LintVerifier.VerifyFix("# T\n\n<div>\n<p>The cafÃ© is open.</p>\n</div>\n", "# T\n\n<div>\n<p>The café is open.</p>\n</div>\n", rules: ["PL2001"]);
    }

    [Fact]
    public void CommentsCodeScriptsAndOtherAttributesInHtmlAreNotChecked() =>
        LintVerifier.Verify("# T\n\n<div data-x=\"cafÃ©\">\n<!-- cafÃ© -->\n<pre>cafÃ©</pre>\n<code>cafÃ©</code>\n" +
                            "<script>let s = \"cafÃ©\";</script>\n<p>ok</p>\n</div>\n",
            config: "rules:\n  PL2001:\n    options:\n      checkCode: true\n", rules: ["PL2001"]);
}
