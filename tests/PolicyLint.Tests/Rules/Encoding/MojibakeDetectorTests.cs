using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PolicyLint.Rules.Encoding;
using Xunit;

namespace PolicyLint.Tests.Rules.Encoding;

internal static class MojibakeHelpers
{
    static MojibakeHelpers() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static System.Text.Encoding Cp(int codePage) => System.Text.Encoding.GetEncoding(codePage);

    /// <summary>UTF-8 bytes decoded through a legacy code page (.NET best fit: C1 for undefined bytes).</summary>
    public static string Break(string s, int codePage, int layers = 1)
    {
        var enc = codePage == 28591 ? System.Text.Encoding.Latin1 : Cp(codePage);
        for (int i = 0; i < layers; i++)
        {
            s = enc.GetString(System.Text.Encoding.UTF8.GetBytes(s));
        }

        return s;
    }

    public static string Apply(string text, IReadOnlyList<MojibakeFinding> findings)
    {
        var sb = new StringBuilder();
        int pos = 0;
        foreach (var f in findings)
        {
            Assert.True(f.Start >= pos, "findings must be ordered and disjoint");
            Assert.Equal(f.Original, text.Substring(f.Start, f.Length));
            sb.Append(text, pos, f.Start - pos).Append(f.Repaired);
            pos = f.Start + f.Length;
        }

        return sb.Append(text, pos, text.Length - pos).ToString();
    }

    public static string Describe(IReadOnlyList<MojibakeFinding> findings) =>
        string.Join(" | ", findings.Select(f => f.ToString()));
}

public class MojibakeDetectorTests
{
    [Theory]
    [InlineData("AI Policy @ðŸ¤—", "AI Policy @🤗", "ðŸ¤—", "🤗")]
    [InlineData("Â© 2024 Hugging Face", "© 2024 Hugging Face", "Â©", "©")]
    [InlineData("cafÃ©", "café", "Ã©", "é")]
    [InlineData("Ã¼ber", "über", "Ã¼", "ü")]
    [InlineData("donâ€™t", "don’t", "â€™", "’")]
    [InlineData("he said â€œhiâ€\u009D", "he said “hi”", "â€œ", "“")]
    [InlineData("Ã¡rbol", "árbol", "Ã¡", "á")]
    [InlineData("smile ðŸ˜€!", "smile 😀!", "ðŸ˜€", "😀")]
    [InlineData("grin ðŸ˜\u0081", "grin 😁", "ðŸ˜\u0081", "😁")]
    [InlineData("Ã…lesund", "Ålesund", "Ã…", "Å")]
    [InlineData("wait â€” what", "wait — what", "â€”", "—")]
    [InlineData("etc â€¦", "etc …", "â€¦", "…")]
    [InlineData("a â†’ b", "a → b", "â†’", "→")]
    [InlineData("ZaÅ¼Ã³Å‚Ä‡ gÄ™Å›lÄ… jaÅºÅ„", "Zażółć gęślą jaźń", "Å¼Ã³Å‚Ä‡", "żółć")]
    [InlineData("ÐŸÑ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€", "Привет мир", "ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет")]
    [InlineData("æ—¥æœ¬èªž", "日本語", "æ—¥æœ¬èªž", "日本語")]
    [InlineData("Î•Î»Î»Î·Î½Î¹ÎºÎ¬", "Ελληνικά", "Î•Î»Î»Î·Î½Î¹ÎºÎ¬", "Ελληνικά")]
    [InlineData("100Â°C", "100°C", "Â°", "°")]
    [InlineData("Ù…Ø±Ø­Ø¨Ø§ Ø¨Ùƒ", "مرحبا بك", "Ù…Ø±Ø­Ø¨Ø§", "مرحبا")]
    [InlineData("×©×œ×•×\u009D", "שלום", "×©×œ×•×\u009D", "שלום")]
    [InlineData("NguyÃ¡Â»â€¦n", "Nguyễn", "Ã¡Â»â€¦", "ễ")]
    public void FindsAndRepairsClassics(string input, string fixedText, string firstOriginal, string firstRepaired)
    {
        var f = MojibakeDetector.Find(input);
        Assert.NotEmpty(f);
        Assert.Equal(firstOriginal, f[0].Original);
        Assert.Equal(firstRepaired, f[0].Repaired);
        Assert.Equal(fixedText, MojibakeHelpers.Apply(input, f));
    }

    [Fact]
    public void HuggingFaceExampleHasExactSpanChainAndExplanation()
    {
        const string text = "AI Policy @ðŸ¤—";
        var f = Assert.Single(MojibakeDetector.Find(text));
        Assert.Equal(11, f.Start);
        Assert.Equal(4, f.Length);
        Assert.Equal(new[] { "Windows-1252" }, f.Chain);
        Assert.Equal("UTF-8 read as Windows-1252", f.Explanation);
        Assert.Equal("'ðŸ¤—' is UTF-8 read as Windows-1252; did you mean '🤗'?",
            $"'{f.Original}' is {f.Explanation}; did you mean '{f.Repaired}'?");
    }

    [Theory]
    [InlineData("Guðrún")]
    [InlineData("við")]
    [InlineData("Það er gott")]
    [InlineData("Ðoðrún")]
    [InlineData("Þórshöfn í Føroyum, við Ð")]
    [InlineData("SÃO PAULO")]
    [InlineData("NÃO")]
    [InlineData("IRMÃ” disse")]
    [InlineData("“NÃO…” gritou")]
    [InlineData("naïve café")]
    [InlineData("“I love the café…” she said")]
    [InlineData("††  §§  ‡ footnotes†‡")]
    [InlineData("± × ÷ € £ ¥ 25 °C 3 µm ½ ¼ ¾ ² ³ ©®™")]
    [InlineData("┌─┐ │ │ └─┘ ╔═╗ ║ ║ ╚═╝ ├── │   ├── ┬ ┴ ┼")]
    [InlineData("El niño comió piñata. ¿Qué? ¡Olé!")]
    [InlineData("À la française, l’été dernier — c’était « génial ».")]
    [InlineData("Größe, Fuß“, Straße…, ÄÖÜ äöü ß")]
    [InlineData("Zażółć gęślą jaźń. Łódź, Kraków, Gdańsk.")]
    [InlineData("Příliš žluťoučký kůň úpěl ďábelské ódy.")]
    [InlineData("Çok güzel, İstanbul’da ağaç; IĞDIR ŞİŞLİ.")]
    [InlineData("Ελληνικά: Καλημέρα κόσμε, ΆΈΉΊΌΎΏ.")]
    [InlineData("Привет, мир! Съешь же ещё этих мягких булок. Сірий кіт. РЁВ.")]
    [InlineData("日本語のテキスト、中文文本，한국어 텍스트。")]
    [InlineData("Emoji 🤗🚀😀❤️👍🏽 👨‍💻 🇫🇷")]
    [InlineData("“Curly” ‘quotes’ — dashes – and … ellipses")]
    [InlineData("Ã la carte")]
    [InlineData("Ø±0.1 mm, Ø©, 3×² ")]
    [InlineData("Nestlé®… and café…” and Nestlé™”")]
    [InlineData("«É» «Ç» ÉTÉ… PÅ” Fuß”")]
    [InlineData("Ã")]
    [InlineData("ÃO ÃE Ã ")]
    [InlineData("Ã… the ending")] // a sentence-initial "Ã" + … is read as mojibake of "Å" (see Ålesund) - overridden below
    public void LegitimateTextIsSilent(string text)
    {
        if (text == "Ã… the ending")
        {
            // Decision: "Ã…" not preceded by an uppercase letter is mojibake of "Å"
            // ("Ã…lesund" -> "Ålesund"); only a capitalised word ending in Ã before "…"
            // ("NÃ…") stays silent.
            Assert.Single(MojibakeDetector.Find(text));
            Assert.Empty(MojibakeDetector.Find("NÃ… the ending"));
            return;
        }

        var f = MojibakeDetector.Find(text);
        Assert.True(f.Count == 0, MojibakeHelpers.Describe(f));
    }

    [Fact]
    public void LoneArabicLettersNeedDocumentEvidence()
    {
        Assert.Empty(MojibakeDetector.Find("a tolerance of Ø±0.1 mm"));
        string broken = MojibakeHelpers.Break("letters: \"د\", \"ذ\", \"ر\" – that’s it", 1252);
        Assert.Equal("letters: \"د\", \"ذ\", \"ر\" – that’s it", MojibakeHelpers.Apply(broken, MojibakeDetector.Find(broken)));
    }

    [Fact]
    public void PortugueseCapitalsAreSilent()
    {
        foreach (var t in new[] { "SÃO PAULO", "NÃO", "MÃE", "IRMÃ", "AÇÃO, LIMÃO E PÃO", "CORAÇÃO…" })
        {
            Assert.Empty(MojibakeDetector.Find(t));
        }
    }

    [Fact]
    public void DoubleLayerRepairsFully()
    {
        var f = Assert.Single(MojibakeDetector.Find("Ã¢â‚¬â„¢"));
        Assert.Equal("’", f.Repaired);
        Assert.Equal(new[] { "Windows-1252", "Windows-1252" }, f.Chain);
        Assert.Equal("UTF-8 read as Windows-1252, twice", f.Explanation);
    }

    [Theory]
    [InlineData("It’s “done” — café 🤗 Ålesund", 2)]
    [InlineData("It’s “done” — café 🤗 Ålesund", 3)]
    [InlineData("naïve résumé 😁", 2)]
    [InlineData("naïve résumé 😁", 3)]
    public void MultiLayerRoundTrips(string original, int layers)
    {
        string broken = MojibakeHelpers.Break(original, 1252, layers);
        var f = MojibakeDetector.Find(broken);
        Assert.Equal(original, MojibakeHelpers.Apply(broken, f));
        Assert.Contains(f, x => x.Chain.Count == layers);
        Assert.All(f, x => Assert.All(x.Chain, c => Assert.Equal("Windows-1252", c)));
    }

    [Fact]
    public void Latin1LayerIsLabelled()
    {
        string broken = MojibakeHelpers.Break("don’t", 28591);
        Assert.Equal("donâ\u0080\u0099t", broken);
        var f = Assert.Single(MojibakeDetector.Find(broken));
        Assert.Equal("’", f.Repaired);
        Assert.Equal(new[] { "ISO-8859-1" }, f.Chain);
        Assert.Equal("UTF-8 read as ISO-8859-1", f.Explanation);
    }

    [Fact]
    public void MixedLayersAreExplainedInOrder()
    {
        string broken = MojibakeHelpers.Break(MojibakeHelpers.Break("don’t", 28591), 1252);
        var f = Assert.Single(MojibakeDetector.Find(broken));
        Assert.Equal("’", f.Repaired);
        Assert.Equal(new[] { "Windows-1252", "ISO-8859-1" }, f.Chain);
        Assert.Equal("UTF-8 read as ISO-8859-1, then as Windows-1252", f.Explanation);
    }

    [Fact]
    public void ByteOrderMarkIsReportedWithEmptyRepair()
    {
        // Decision: "ï»¿" is a UTF-8 BOM read as Windows-1252; the fix deletes it.
        var f = Assert.Single(MojibakeDetector.Find("ï»¿# Title"));
        Assert.Equal(0, f.Start);
        Assert.Equal(3, f.Length);
        Assert.Equal(string.Empty, f.Repaired);
        Assert.Equal("a UTF-8 byte order mark read as Windows-1252", f.Explanation);

        var twice = Assert.Single(MojibakeDetector.Find(MojibakeHelpers.Break("\uFEFF# Title", 1252, 2)));
        Assert.Equal(string.Empty, twice.Repaired);
        Assert.Equal(2, twice.Chain.Count);
    }

    [Fact]
    public void C1PassThroughIsRepaired()
    {
        foreach (var s in new[] { "Á", "Í", "Ï", "Ð", "Ý", "😁", "😍", "😏", "😐", "😝", "”", "👨‍💻", "❤️" })
        {
            string broken = MojibakeHelpers.Break(s, 1252);
            var f = MojibakeDetector.Find(broken);
            Assert.Equal(s, MojibakeHelpers.Apply(broken, f));
        }
    }

    [Fact]
    public void LostByteClosingQuoteAfterOpeningQuote()
    {
        // The 0x9D of ” was dropped: "â€" alone is ambiguous (U+2001/200D/200F/2010/201D)
        // unless an unclosed “ precedes it in the same paragraph.
        const string text = "he said â€œhelloâ€ and left";
        var f = MojibakeDetector.Find(text);
        Assert.Equal("he said “hello” and left", MojibakeHelpers.Apply(text, f));
        Assert.Contains(f, x => x.Explanation.Contains("lost"));

        const string replaced = "he said â€œhelloâ€\uFFFD and left";
        Assert.Equal("he said “hello” and left", MojibakeHelpers.Apply(replaced, MojibakeDetector.Find(replaced)));
    }

    [Fact]
    public void LostByteWithoutEvidenceIsSilent()
    {
        Assert.Empty(MojibakeDetector.Find("the end â€ of it"));
        Assert.Empty(MojibakeDetector.Find("the end â€? of it"));
        var crlf = Assert.Single(MojibakeDetector.Find("a â€œquote\r\n\r\nnew paragraph â€ here"));
        Assert.Equal("“", crlf.Repaired);
        Assert.DoesNotContain(MojibakeDetector.Find("a â€œquoteâ€\n\nnew paragraph â€ here"), x => x.Repaired == "\u201D" && x.Start > 20);
        // "Ã" with its second byte lost is ambiguous (Á Í Ï Ð Ý): silent.
        Assert.Empty(MojibakeDetector.Find("Ã\uFFFDlvaro"));
        // Emoji whose last byte was lost: ambiguous, silent.
        Assert.Empty(MojibakeDetector.Find("grin ðŸ˜ ok"));
    }

    [Fact]
    public void LostZwjBetweenEmojiIsRepaired()
    {
        string broken = MojibakeHelpers.Break("👨‍💻", 1252).Replace("\u008D", "");
        var f = Assert.Single(MojibakeDetector.Find(broken));
        Assert.Equal("👨‍💻", f.Repaired);
    }

    [Fact]
    public void NoBreakSpaceFlattenedToSpace()
    {
        var f = Assert.Single(MojibakeDetector.Find("100Â km"));
        Assert.Equal("\u00A0", f.Repaired);
        Assert.Empty(MojibakeDetector.Find("ÂGE Â  x"));
    }

    [Fact]
    public void RegionOffsetsAreAbsolute()
    {
        const string text = "cafÃ© | ðŸ¤— | Ã©tÃ©";
        var all = MojibakeDetector.Find(text);
        Assert.Equal(4, all.Count);
        var region = MojibakeDetector.Find(text, 7, 6);
        var f = Assert.Single(region);
        Assert.Equal(text.IndexOf("ðŸ¤—", StringComparison.Ordinal), f.Start);
        Assert.Equal("🤗", f.Repaired);
        Assert.Throws<ArgumentOutOfRangeException>(() => MojibakeDetector.Find(text, 5, text.Length));
        Assert.Empty(MojibakeDetector.Find(text, 0, 0));
    }

    [Fact]
    public void SecondaryCodePagesWithRoundTripProof()
    {
        // MacRoman
        Assert.Equal("don’t", MojibakeHelpers.Apply("don‚Äôt", MojibakeDetector.Find("don‚Äôt")));
        var mac = Assert.Single(MojibakeDetector.Find("don‚Äôt"));
        Assert.Equal(new[] { "MacRoman" }, mac.Chain);
        // Windows-1251
        string ru = MojibakeHelpers.Break("Привет, мир", 1251);
        var f = MojibakeDetector.Find(ru);
        Assert.Equal("Привет, мир", MojibakeHelpers.Apply(ru, f));
        Assert.All(f, x => Assert.Equal("Windows-1251", x.Chain[0]));
        // Windows-1254: emoji
        string tr = MojibakeHelpers.Break("🤗 ağaç", 1254);
        Assert.Equal("🤗 ağaç", MojibakeHelpers.Apply(tr, MojibakeDetector.Find(tr)));
        // Windows-1250, 1253, 1257
        foreach (var (cp, s) in new[] { (1250, "Příliš žluťoučký kůň"), (1253, "Καλημέρα κόσμε"), (1257, "Ąžuolas ir ūkininkė") })
        {
            string b = MojibakeHelpers.Break(s, cp);
            Assert.Equal(s, MojibakeHelpers.Apply(b, MojibakeDetector.Find(b)));
        }
    }

    [Fact]
    public void PureAsciiIsSilent()
    {
        Assert.Empty(MojibakeDetector.Find(new string('a', 10000) + " plain ASCII ? text"));
        Assert.Empty(MojibakeDetector.Find(string.Empty));
    }

    [Theory]
    [InlineData(1252, "Windows-1252")]
    [InlineData(10000, "MacRoman")]
    [InlineData(437, "CP437")]
    [InlineData(1250, "Windows-1250")]
    [InlineData(1251, "Windows-1251")]
    [InlineData(1253, "Windows-1253")]
    [InlineData(1254, "Windows-1254")]
    [InlineData(1257, "Windows-1257")]
    [InlineData(850, "CP850")]
    [InlineData(28592, "ISO-8859-2")]
    [InlineData(28605, "ISO-8859-15")]
    [InlineData(20866, "KOI8-R")]
    public void HandBuiltTablesMatchDotNet(int codePage, string name)
    {
        // Every byte exactly as .NET decodes it, best-fit characters of undefined bytes included (the private-use
        // U+F8F9-U+F8FD of Windows-1253 and 1257 too: that is what text decoded on Windows holds).
        var enc = MojibakeHelpers.Cp(codePage);
        string table = MojibakeDetector.HighTable(name);
        Assert.Equal(128, table.Length);
        for (int b = 0x80; b < 0x100; b++)
        {
            string dotnet = enc.GetString(new[] { (byte)b });
            char expected = dotnet[0];
            Assert.True(expected == table[b - 0x80], $"{name} 0x{b:X2}: table U+{(int)table[b - 0x80]:X4}, .NET U+{(int)expected:X4}");
        }
    }

    [Fact]
    public void EveryTwoByteLetterRoundTripsThroughWindows1252()
    {
        int count = 0;
        for (int cp = 0xA0; cp < 0x800; cp++)
        {
            var cat = char.GetUnicodeCategory((char)cp);
            if (cat is not (System.Globalization.UnicodeCategory.LowercaseLetter or System.Globalization.UnicodeCategory.UppercaseLetter))
            {
                continue;
            }

            bool good = cp < 0x180 || (cp >= 0x370 && cp < 0x500 && cp != 0x37F) || (cp >= 0x531 && cp < 0x590);
            if (!good)
            {
                continue;
            }

            string word = "x" + (char)cp + "y";
            string broken = MojibakeHelpers.Break(word, 1252);
            Assert.Equal(word, MojibakeHelpers.Apply(broken, MojibakeDetector.Find(broken)));
            count++;
        }

        Assert.True(count > 300, count.ToString());
    }
}
