using System.Linq;
using PolicyLint.Rules.Encoding;
using Xunit;

namespace PolicyLint.Tests.Rules.Encoding;

/// <summary>Exact repairs of issue 13's harder cases: each finding's span, repair, chain and explanation.</summary>
public sealed class MojibakeRepairTests
{
    private static string Findings(string text) =>
        string.Join(" | ", MojibakeDetector.Find(text).Select(f => $"{f.Start}:{f.Original}>{f.Repaired} [{string.Join(",", f.Chain)}] {f.Explanation}{(f.Exact ? "" : " inexact")}"));

    [Fact]
    public void ACapitalBeforeABrokenLetterIsRepairedWhenThePageBrokeOtherTextButCapitalWordsStaySilent()
    {
        // "OÃ¹" alone reads like "IRMÃ”" (a capital, "Ã", a sign); "bibliothÃ¨que" proves Windows-1252 in the text.
        Assert.Equal("1:Ã¹>ù [Windows-1252] UTF-8 read as Windows-1252 | 19:Ã¨>è [Windows-1252] UTF-8 read as Windows-1252",
            Findings("OÃ¹ est la bibliothÃ¨que ? IRMÃ” disse MÃ”."));
        Assert.Equal("", Findings("OÃ¹ est IRMÃ” disse."));
    }

    [Fact]
    public void ARunBesideAByteTheLegacyPageCouldNotShowGetsNoRepairButAQuestionMarkAfterAWordIsPunctuation()
    {
        // "€" through Latin-1 twice, one byte shown as '?': 'Â¬' alone would read as '¬', which is not what was written.
        Assert.Equal("0:Ã¢>â [Windows-1252] UTF-8 read as Windows-1252 inexact | 4:Â¬>¬ [Windows-1252] UTF-8 read as Windows-1252 inexact",
            Findings("Ã¢Â?Â¬12 and more"));
        // Nothing lost: the '?' ends a question.
        Assert.Equal("9:Ã©>é [Windows-1252] UTF-8 read as Windows-1252", Findings("Is it cafÃ©? Yes."));
        // Further along the same broken run ("è" then a character whose second byte was lost).
        Assert.Equal("11:Ã¨>è [Windows-1252] UTF-8 read as Windows-1252 inexact", Findings("la bibliothÃ¨Ã\uFFFDque"));
        // U+FFFD beside a run: the same.
        Assert.Equal("4:Ã©>é [Windows-1252] UTF-8 read as Windows-1252 inexact", Findings("caf\uFFFDÃ© ok"));
        var d = PolicyLint.Tests.TestSupport.LintVerifier.Verify("# T\n\n{|PL2001:Ã¢|}Â?{|PL2001:Â¬|}12\n", rules: ["PL2001"]);
        Assert.All(d, x => Assert.Null(x.Fix));
        Assert.EndsWith("; bytes were lost, so it cannot be repaired exactly (no fix)", d[1].Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void APieceOfABrokenRunThatTheRestOfTheRunDoesNotExplainGetsNoRepair()
    {
        // "ä" through ISO-8859-2 three times, a C1 byte dropped: 'Â¤' alone reads as '¤', but 'ĂÂĂ' beside it reads as
        // nothing, so the piece is not what was written.
        Assert.Equal("8:Â¤>¤ [Windows-1252] UTF-8 read as Windows-1252 inexact", Findings("wir n\u0102\u00C2\u0102\u00C2\u00A4chste Woche"));
        // "“" through Windows-1251 three times, its no-break spaces flattened: the spaces inside the run join its pieces.
        Assert.Equal("12:Р†>І [Windows-1251] UTF-8 read as Windows-1251 (the same page broke other text here) inexact | " +
            "16:вЂљРЎС™>‚Сљ [Windows-1251] UTF-8 read as Windows-1251 (several broken sequences in a row) inexact", Findings("She wrote \u0420 \u0420\u2020\u0420 \u0432\u0402\u0459\u0420\u040E\u0421\u2122done."));
        // A real space between a word the page did not break and one it broke stays a space: the repair is safe.
        Assert.Equal("5:п╪я▐пЁп╨п╦я┘>мягких [KOI8-R] UTF-8 read as KOI8-R (several broken sequences in a row)", Findings("\u044D\u0442\u0438\u0445 \u043F\u256A\u044F\u2590\u043F\u0401\u043F\u2568\u043F\u2566\u044F\u2518 ok"));
        var d = PolicyLint.Tests.TestSupport.LintVerifier.Verify("# T\n\nwir n\u0102\u00C2\u0102{|PL2001:\u00C2\u00A4|}chste\n", rules: ["PL2001"]);
        Assert.Null(Assert.Single(d).Fix);
        Assert.Equal("'Â¤' is UTF-8 read as Windows-1252; the broken text it stands in reads back only in part, so this piece may not be what was written (no fix)", d[0].Message);
    }

    [Fact]
    public void BytesTwoPagesReadEquallyWellAreRepairedOnlyWhenTheRestOfTheTextDecides()
    {
        // "Ăą" is "ù" through Windows-1250 and "ñ" through ISO-8859-2; "mĂŠdico" reads well only through ISO-8859-2
        // ("mÊdico" through Windows-1250), so the text was broken through ISO-8859-2.
        Assert.Equal("5:Ăą>ñ [ISO-8859-2] UTF-8 read as ISO-8859-2 (the reading the rest of the text supports) | " +
            "17:ĂŠ>é [ISO-8859-2] UTF-8 read as ISO-8859-2 (the same page broke other text here)",
            Findings("El ni\u0102\u0105o fue al m\u0102\u0160dico."));
        // Alone, nothing decides.
        Assert.Equal("5:Ăą>ù [Windows-1250] UTF-8 read as Windows-1250 (the same page broke other text here) inexact", Findings("El ni\u0102\u0105o fue."));
        // Windows-1252 keeps a reading another page only reads better ("xäy" through ISO-8859-15) unless the text supports
        // that page; with nothing to decide there is no fix.
        var d = PolicyLint.Tests.TestSupport.LintVerifier.Verify("# T\n\nx{|PL2001:\u00C3\u20AC|}y\n", rules: ["PL2001"]);
        Assert.Null(Assert.Single(d).Fix);
        Assert.Equal("'Ã€' is UTF-8 read as Windows-1252; the same bytes read as 'ä' through ISO-8859-15, and nothing in the text decides which was written (no fix)", d[0].Message);
    }

    [Fact]
    public void ARunIsReadWholeThroughThePageThatReadsOnAndAReadingTakenOnThePagesWordMustReadWell()
    {
        // "Ä‚Ĺ›" is "Ü" through Windows-1250 twice: Windows-1252 reads only "Ä‚" ("Ă"), which left "Ĺ›" to another page.
        Assert.Equal("14:Ä‚Ĺ›>Ü [Windows-1250,Windows-1250] UTF-8 read as Windows-1250, twice (several broken sequences in a row) | " +
            "28:Ä‚Â¶>ö [Windows-1252,Windows-1250] UTF-8 read as Windows-1250, then as Windows-1252",
            Findings("Äpfel, Öl und Ä‚Ĺ›bungen gehÄ‚Â¶ren zum Alltag."));
        // MacRoman broke "Besan√ßon", not "L’été": "’é" is no Armenian "Վ" after an "L".
        Assert.Equal("13:√ß>ç [MacRoman] UTF-8 read as MacRoman (the same page broke other text here)", Findings("L’été à Besan√ßon"));
        // What lost bytes left of a word is no pair of rare letters through CP850 ("FuǶǶg").
        Assert.Equal("27:Ã¢>â [Windows-1252] UTF-8 read as Windows-1252 inexact | 30:Â¬>¬ [Windows-1252] UTF-8 read as Windows-1252 inexact",
            Findings("Die StraÃÂÃÂe der FuÃÂÃÂgÃÂÃ¢ÂÂ¬nger"));
    }

    [Fact]
    public void WhereTwoPagesBrokeTheTextWhatOnePageExplainsElsewhereDecidesNothing()
    {
        // "Größe der Straße überrascht" through ISO-8859-15 (the C1 controls: no Windows-1252), "Fußgänger" through
        // Windows-1252 ("Ã¤" is no ISO-8859-15). Each page explains findings the other cannot, so what a page explains
        // elsewhere does not decide the bytes both read ("ÃŸ": "ß" or "þ", "ÃŒ": "ü" or "Ì"); the letters do: "öß",
        // "ä" and "ü" are German, "Ì" and "þ" are no letters of a language beside them.
        Assert.Equal("6:Ã¶Ã\u009F>öß [ISO-8859-1] UTF-8 read as ISO-8859-1 | 20:Ã\u009F>ß [ISO-8859-1] UTF-8 read as ISO-8859-1 | " +
            "24:ÃŒ>ü [ISO-8859-15] UTF-8 read as ISO-8859-15 (the only reading whose letters belong to one alphabet with the rest of the line) | " +
            "44:ÃŸ>ß [Windows-1252] UTF-8 read as Windows-1252 | " +
            "47:Ã¤>ä [Windows-1252] UTF-8 read as Windows-1252",
            Findings("Die GrÃ¶Ã\u009Fe der StraÃ\u009Fe ÃŒberrascht jeden FuÃŸgÃ¤nger"));
        // What Latin-1 explains ("â\u0080¢", a C1 control) is no evidence against Windows-1252: "â€°" is "‰" through
        // Windows-1252 and "⤰" through ISO-8859-15, and a text read as Latin-1 here and as Windows-1252 there is common.
        // "⤰" is an arrow prose does not hold: it reads worse, and "‰" is the repair (it got no fix).
        Assert.Equal("9:â\u0080¢>• [ISO-8859-1] UTF-8 read as ISO-8859-1 | 33:Â§>§ [Windows-1252] UTF-8 read as Windows-1252 | " +
            "52:â€°>‰ [Windows-1252] UTF-8 read as Windows-1252",
            Findings("A bullet â\u0080¢ a dagger, a section Â§ and a per-mille â€° sign."));
        // A capital alone as a word after a small letter reads worse than a small letter: "Forse Ú" is "Forse è".
        Assert.Equal("6:Ãš>è [ISO-8859-15] UTF-8 read as ISO-8859-15 (the same page broke other text here) | " +
            "10:â\u0080\u0099>’ [ISO-8859-1] UTF-8 read as ISO-8859-1 | 15:Ã\u00A0>à [Windows-1252] UTF-8 read as Windows-1252",
            Findings("Forse Ãš lâ\u0080\u0099etÃ\u00A0."));
        // "Ãš" is "Ú" through Windows-1252 and "è" through ISO-8859-15; Italian writes both, so the letters do not decide.
        var d = PolicyLint.Tests.TestSupport.LintVerifier.Verify("# T\n\nForse {|PL2001:Ãš|} così, {|PL2001:Ã¨|} l’età.\n", rules: ["PL2001"]);
        Assert.Equal("'Ãš' is UTF-8 read as Windows-1252; the same bytes read as 'è' through ISO-8859-15, " +
            "and nothing in the text decides which was written (no fix)", d[0].Message);
        Assert.Null(d[0].Fix);
        Assert.NotNull(d[1].Fix);
    }

    [Fact]
    public void TheLettersOfTheLineDecideBetweenReadingsThatReadEquallyWell()
    {
        // Slovene through Windows-1250: "ÄŤ" is "č" there and "ī" through ISO-8859-2, "Ĺˇ" is "š" or "ŷ" (both got no fix).
        // Beside "Ž", "ŷ" belongs to no alphabet: "Ĺˇ" is "š", which only Windows-1250 reads so; that page then decides "ÄŤ"
        // ("ī" beside "Ž" and "š" would be Latvian).
        string original = "Življenje je lepo, če imaš čas za prijatelje in šport.";
        string broken = MojibakeHelpers.Break(original, 1250);
        var findings = MojibakeDetector.Find(broken);
        Assert.Equal(original, MojibakeHelpers.Apply(broken, findings));
        Assert.All(findings, f => Assert.True(f.Exact));
        Assert.Contains("20:ÄŤ>č [Windows-1250] UTF-8 read as Windows-1250 (the same page broke other text here) | 27:Ĺˇ>š [Windows-1250] UTF-8 read as Windows-1250 (the only reading whose letters belong to one alphabet with the rest of the line)", Findings(broken));

        // Two pages in a line, ISO-8859-15 then Windows-1252: "ÄŸ" is "ğ" through Windows-1252 and "ľ" through ISO-8859-15,
        // "ÅŸ" is "ş" through Windows-1252 and "ž" through ISO-8859-15. The letters of the line tell them apart (both were
        // wrong safe fixes: "aľaçlar", "şe ste prišli").
        foreach (var (a, b) in new[] { ("Çok güzel bir gün; İstanbul’da", " ağaçlar çiçek açtı."), ("Ďakujem, že ste prišli;", " zajtra bude krásny deň.") })
        {
            string two = MojibakeHelpers.Break(a, 28605) + MojibakeHelpers.Break(b, 1252);
            var found = MojibakeDetector.Find(two);
            Assert.Equal(a + b, MojibakeHelpers.Apply(two, found));
            Assert.All(found, f => Assert.True(f.Exact));
        }

        // "Ãš" is "è" through ISO-8859-15 and "Ú" through Windows-1252; Italian writes both: no fix (it was repaired to "Ú",
        // a capital alone as a word after "città").
        string italian = MojibakeHelpers.Break("Perché la città è così bella?", 28605) + MojibakeHelpers.Break(" Forse è l’età.", 1252);
        var it = MojibakeDetector.Find(italian);
        var capital = Assert.Single(it, f => f.Original == "Ãš");
        Assert.False(capital.Exact);
        Assert.All(it.Where(f => f.Original != "Ãš"), f => Assert.True(f.Exact));
        Assert.Equal("Perché la città Ãš così bella? Forse è l’età.", MojibakeHelpers.Apply(italian, it.Where(f => f.Exact).ToList()));
    }

    [Fact]
    public void ACapitalInsideASmallWordLosesToAReadingWithoutItWhenBothFitTheLine()
    {
        // Through ISO-8859-15 "ä" is "Ã€", which Windows-1252 reads as "À"; German writes "à" too ("à la"), so the letters
        // alone do not decide "nÃ€chste", but "nÀchste" puts a capital inside a small word (it got no fix).
        Assert.Equal("28:Ã¶>ö [Windows-1252] UTF-8 read as Windows-1252 | " +
            "39:Ã€>ä [ISO-8859-15] UTF-8 read as ISO-8859-15 (the only reading whose letters belong to one alphabet with the rest of the line)",
            Findings("Schöne Grüße aus Köln, wir hÃ¶ren uns nÃ€chste Woche."));
        // With no other letters on the line, nothing decides ("xÃ€y" above); nor where the capital starts a word.
        Assert.EndsWith("inexact", Findings("Schöne Grüße, Ã€rger"));
    }

    [Theory]
    // An emoji through MacRoman twice: the outer layer reads "Ô£ø" as the Apple logo (U+F8FF, MacRoman's 0xF0, the lead
    // byte of every emoji), which the inner layer undoes (only what followed it was repaired).
    [InlineData("Launch day 🚀 with the team 👨‍💻 and a 🤗 hug.", 10000, 2)]
    [InlineData("A family 👨‍👩‍👧‍👦 at the beach 🏖️, happy 😀!", 10000, 3)]
    // Georgian through CP437: CP850 reads the same bytes as archaic letters ("რჾგჾრ" for "როგორ"), which read worse.
    [InlineData("გამარჯობა, მსოფლიო! როგორ ხარ?", 437, 1)]
    [InlineData("გამარჯობა, მსოფლიო! როგორ ხარ?", 437, 3)]
    // "…" through ISO-8859-15 is "â\u0080Š"; through ISO-8859-2 the same bytes are a paragraph separator (U+2029).
    [InlineData("She wrote “done”… then deleted it – twice.", 28605, 1)]
    // "â" through Windows-1250 twice is "Ä‚Ë\u0098" (0x98 is undefined there): the scan reads the outer layer as
    // Windows-1252 with a C1 control it never shows, and the chain that reads every layer whole is named instead
    // (it got no fix).
    [InlineData("Não há razão para pânico, disse o ministro à imprensa.", 1250, 2)]
    [InlineData("Știința și învățământul sunt importante în România.", 1250, 2)]
    public void ReadingsProseDoesNotHoldLoseAndAnInnerLayerMayUndoTheAppleLogo(string original, int codePage, int layers)
    {
        string broken = MojibakeHelpers.Break(original, codePage, layers);
        var findings = MojibakeDetector.Find(broken);
        Assert.Equal(original, MojibakeHelpers.Apply(broken, findings));
        Assert.All(findings, f => Assert.True(f.Exact, f.ToString()));
    }

    [Fact]
    public void AWordThatStartsASentenceStartsWithACapitalWhenTheLettersDoNotDecide()
    {
        // "Þ" through Windows-1252 is "Ãž", which ISO-8859-15 reads as "ø"; through Windows-1250 "Ăž", which ISO-8859-2 reads
        // as "þ". Beside "í", "ð" and "ú" both fit (Faroese writes "ø"); a sentence starts with a capital (it got no fix).
        foreach (int page in new[] { 1252, 1250 })
        {
            string original = "Þetta er fallegur dagur í Reykjavík, sagði Guðrún.";
            string broken = MojibakeHelpers.Break(original, page);
            var findings = MojibakeDetector.Find(broken);
            Assert.Equal(original, MojibakeHelpers.Apply(broken, findings));
            Assert.All(findings, f => Assert.True(f.Exact, f.ToString()));
            Assert.Equal(original, MojibakeHelpers.Apply("# T\n\n" + broken, MojibakeDetector.Find("# T\n\n" + broken)).Substring(5));
            // Inside a sentence nothing decides.
            string inside = MojibakeHelpers.Break("Guðrún sagði þetta í dag.", page).Replace(MojibakeHelpers.Break("þ", page), MojibakeHelpers.Break("Þ", page));
            Assert.Contains(MojibakeDetector.Find(inside), f => !f.Exact);
        }
    }

    [Fact]
    public void RivalReadingsMayDifferInEveryLayer()
    {
        // "ÄšĹž" is "ž" through ISO-8859-2 twice and "Ş" through Windows-1250 inside ISO-8859-2 (and a combining mark
        // through Windows-1250 twice): readings two layers apart are rivals too. Bytes were dropped around it, nothing
        // decides: no fix (it was repaired to "Ş").
        Assert.Equal("9:ÄšĹž>\u032A [Windows-1250,Windows-1250] UTF-8 read as Windows-1250, twice (several broken sequences in a row) inexact | " +
            "21:Äš>Ě [Windows-1252] UTF-8 read as Windows-1252 inexact | 25:Äš>Ě [Windows-1252] UTF-8 read as Windows-1252 inexact | " +
            "37:ÄšĹť>ů [ISO-8859-2,Windows-1250] UTF-8 read as Windows-1250, then as ISO-8859-2 (several broken sequences in a row)",
            Findings("D\u0102\u00C2kuji, \u00C4\u0161\u0139\u017Ee jste p\u00C4\u0161\u00C2i\u00C4\u0161\u00C4li na sch\u00C4\u0161\u0139\u0165zi v p\u00C4\u00C4tek."));
        // A rival that still reads whole as UTF-8 is read one layer deeper: "ÄšÄ\u0084" is "ĨĄ" through ISO-8859-15, "ĹĄ"
        // through ISO-8859-2, and that is "š" through ISO-8859-2 again or "ť" through Windows-1250 (it was repaired to "ĹĄ",
        // then given no fix).
        // Beside "Č" and "Đ", only "š" is a letter of one alphabet with them: the letters decide.
        Assert.Equal("13:ÄšÄ\u0084>š [ISO-8859-2,ISO-8859-2] UTF-8 read as ISO-8859-2, twice (the only reading whose letters belong to one alphabet with the rest of the line)",
            Findings("\u0102\u0084\u00C2\u008Covjek je \u00C4\u0161\u00C4\u0084etao uz obalu, a sunce je grijalo \u00C4\u0090akovo.").Split(" | ")[1]);
        var d = PolicyLint.Tests.TestSupport.LintVerifier.Verify("# T\n\n{|PL2001:\u00C4\u0161\u0139\u017E|}e\n", rules: ["PL2001"]);
        Assert.Null(Assert.Single(d).Fix);
    }

    [Fact]
    public void ACesu8EmojiIsReadThroughEveryRivalPageToo()
    {
        // "👍" as CESU-8 (ED A0 BD, ED B1 8D) read as ISO-8859-15 is "í\u00A0œí±\u008D"; through Windows-1252 the same
        // characters are ED A0 9C ED B1 8D, a Tangut character. "❤️" beside it reads only through ISO-8859-15.
        string broken = "Love it " + MojibakeHelpers.Break("❤️", 28605) + " and thumbs up " +
            MojibakeHelpers.Cp(28605).GetString(new byte[] { 0xED, 0xA0, 0xBD, 0xED, 0xB1, 0x8D }) + " ok";
        var findings = MojibakeDetector.Find(broken);
        Assert.Equal("Love it ❤️ and thumbs up 👍 ok", MojibakeHelpers.Apply(broken, findings));
        Assert.All(findings, f => Assert.True(f.Exact));
        Assert.Equal("CESU-8 (an emoji's surrogates encoded one by one) read as ISO-8859-15 (the reading the rest of the text supports)", findings[1].Explanation);
    }

    [Fact]
    public void ARareCharacterInAnOuterLayerIsTakenWhenADeeperLayerUndoesIt()
    {
        // "š" through Windows-1250 twice is "ÄąË‡": the outer layer reads "Ĺˇ", a spacing mark ("ˇ") that the inner layer
        // undoes. The run was cut short before it ("Äą" alone read as "ı" through ISO-8859-2, with no fix).
        string original = "Příliš žluťoučký kůň úpěl ďábelské ódy.";
        string broken = MojibakeHelpers.Break(original, 1250, layers: 2);
        var findings = MojibakeDetector.Find(broken);
        Assert.Equal(original, MojibakeHelpers.Apply(broken, findings));
        Assert.All(findings, f => Assert.True(f.Exact));
        Assert.Contains("12:ÄąË‡>š [Windows-1250,Windows-1250] UTF-8 read as Windows-1250, twice (the only reading whose letters belong to one alphabet with the rest of the line) |", Findings(broken));
    }

    [Fact]
    public void BoxDrawingAloneIsRepairedInsideWordsAndBesideDigitsWhenCP437BrokeTheText()
    {
        string broken = MojibakeHelpers.Break("Schöne Grüße aus Köln, 2 °C, Съешь же", 437);
        Assert.Equal("Sch├╢ne Gr├╝├ƒe aus K├╢ln, 2 ┬░C, ╨í╤è╨╡╤ê╤î ╨╢╨╡", broken);
        Assert.Equal("Schöne Grüße aus Köln, 2 °C, Съешь же", MojibakeHelpers.Apply(broken, MojibakeDetector.Find(broken)));
        Assert.Contains("10:├╝├ƒ>üß [CP437] UTF-8 read as CP437 (several broken sequences in a row)", Findings(broken));
        Assert.Contains("29:┬░>° [CP437] UTF-8 read as CP437 (the same page broke other text here)", Findings(broken));
        // A drawing stays silent, also beside text the same page broke.
        Assert.Equal("", Findings("┌┐Start ╠╣3 [╔╗] ├── src"));
        Assert.DoesNotContain("┌┐", Findings("┌┐ Gr├╝├ƒe"));
    }

    /// <summary>The repair broken again through the finding's chain (innermost layer first), as the chain claims.</summary>
    internal static string Rebreak(string repaired, System.Collections.Generic.IReadOnlyList<string> chain)
    {
        string s = repaired;
        for (int k = chain.Count - 1; k >= 0; k--) s = MojibakeHelpers.Break(s, CodePageOf(chain[k]));
        return s;
    }

    internal static int CodePageOf(string name) => name switch
    {
        "Windows-1252" => 1252, "ISO-8859-1" => 28591, "Windows-1254" => 1254, "ISO-8859-15" => 28605, "MacRoman" => 10000,
        "Windows-1250" => 1250, "ISO-8859-2" => 28592, "Windows-1251" => 1251, "KOI8-R" => 20866, "Windows-1253" => 1253,
        "Windows-1257" => 1257, "CP437" => 437, "CP850" => 850, _ => throw new System.ArgumentException(name),
    };

    [Theory]
    [InlineData("Où est la bibliothèque, Schöne Grüße, El niño comió piñata; ¿qué más quería?", 28592, "ISO-8859-2,ISO-8859-2")]
    [InlineData("El niño comió piñata en la montaña; ¿qué más quería? ¡Qué día!", 1257, "Windows-1257,Windows-1257")]
    [InlineData("Où est la bibliothèque ? Elle est fermée jusqu’à lundi, très cher.", 28605, "ISO-8859-15,ISO-8859-15")]
    [InlineData("Prices rose 5 % — from £40 to £42 — in one year.", 1257, "Windows-1257,Windows-1257")]
    public void TwoLayersThroughOnePageAreUndoneExactlyAndNamed(string original, int codePage, string chain)
    {
        string broken = MojibakeHelpers.Break(original, codePage, layers: 2);
        var findings = MojibakeDetector.Find(broken);
        Assert.Equal(original, MojibakeHelpers.Apply(broken, findings));
        Assert.All(findings, f => Assert.True(f.Exact));
        // Each finding names a chain of two layers that explains it: the repair broken through it is the text found.
        Assert.All(findings, f => Assert.Equal(2, f.Chain.Count));
        Assert.All(findings, f => Assert.Equal(f.Original, Rebreak(f.Repaired, f.Chain)));
        // Where the pages read the bytes differently the page that broke the text is named (where they do not, as
        // ISO-8859-1 and ISO-8859-2 for C1 controls, either name explains the bytes).
        string page = chain.Split(',')[0];
        Assert.Contains(findings, f => f.Chain.Contains(page));
    }

    [Fact]
    public void ThroughCP437ThenWindows1252TheInnerBoxDrawingIsUndoneToo()
    {
        string broken = MojibakeHelpers.Break(MojibakeHelpers.Break("Don’t panic: it’s only a 2 °C drop, où est", 437), 1252);
        var findings = MojibakeDetector.Find(broken);
        Assert.Equal("Don’t panic: it’s only a 2 °C drop, où est", MojibakeHelpers.Apply(broken, findings));
        Assert.All(findings, f => Assert.Equal("UTF-8 read as CP437, then as Windows-1252", f.Explanation.Split(" (")[0]));
    }
}
