using System.Collections.Generic;
using System.Linq;

namespace PolicyLint.Tests.Rules.Encoding.Generated;

/// <summary>
/// Text written for the generated mojibake sets: sentences in many languages and scripts (the positive set is these,
/// broken), and a negative set of real words, names, symbols and look-alike sequences that must stay silent.
/// </summary>
internal static class MojibakeSamples
{
    /// <summary>(language, sentence); at least 25 languages and scripts, plus typographic English.</summary>
    public static readonly (string Language, string Text)[] Sentences =
    {
        ("English", "The café’s new menu — “seasonal”, they say — costs €12…"),
        ("English", "Don’t panic: it’s only a 2 °C drop, and the ‘forecast’ says so."),
        ("English", "Prices rose 5 % — from £40 to £42 — in one year."),
        ("English", "She wrote “done”… then deleted it – twice."),
        ("French", "L’été dernier, nous sommes allés à Besançon avec François."),
        ("French", "Où est la bibliothèque ? Elle est fermée jusqu’à lundi."),
        ("French", "Ça coûte très cher, mais c’est un chef-d’œuvre."),
        ("German", "Die Größe der Straße überrascht jeden Fußgänger in München."),
        ("German", "Schöne Grüße aus Köln, wir hören uns nächste Woche."),
        ("German", "Äpfel, Öl und Übungen gehören zum Alltag."),
        ("Spanish", "El niño comió piñata en la montaña; ¿qué más quería?"),
        ("Spanish", "¡Qué día tan difícil! Mañana iré al médico en León."),
        ("Portuguese", "A situação da educação em São Paulo é preocupante."),
        ("Portuguese", "Não há razão para pânico, disse o ministro à imprensa."),
        ("Italian", "Perché la città è così bella? Forse è l’età."),
        ("Italian", "Più tardi andremo al caffè vicino all’università."),
        ("Catalan", "L’àvia va explicar una història molt bonica a la plaça."),
        ("Dutch", "Zij heeft een ideeën-café geopend in België, zeer gezellig."),
        ("Swedish", "Vi åker till Göteborg på fredag och äter räksmörgås."),
        ("Norwegian", "Blåbærsyltetøy på brødskiva er det beste jeg vet."),
        ("Danish", "Det er dejligt vejr i Århus, og søen er helt blå."),
        ("Icelandic", "Þetta er fallegur dagur í Reykjavík, sagði Guðrún."),
        ("Finnish", "Hyvää päivää, mitä kuuluu? Järvi on jäässä."),
        ("Polish", "Zażółć gęślą jaźń; w Łodzi pada śnieg od rana."),
        ("Polish", "Dziękuję bardzo, to była świetna książka o Kraków."),
        ("Czech", "Příliš žluťoučký kůň úpěl ďábelské ódy."),
        ("Czech", "Děkuji, že jste přišli na schůzi v pátek."),
        ("Slovak", "Ďakujem, že ste prišli; zajtra bude krásny deň."),
        ("Hungarian", "Árvíztűrő tükörfúrógép, mondta a mérnök Győrben."),
        ("Hungarian", "Köszönöm szépen a segítséget, nagyon hálás vagyok."),
        ("Romanian", "Știința și învățământul sunt importante în România."),
        ("Croatian", "Čovjek je šetao uz obalu, a sunce je grijalo Đakovo."),
        ("Slovenian", "Življenje je lepo, če imaš čas za prijatelje in šport."),
        ("Lithuanian", "Ąžuolas auga prie ežero, o ūkininkė skina uogas."),
        ("Latvian", "Mēs ēdām zivis un dzērām pienu pie jūras krasta."),
        ("Estonian", "Öösel sadas lund ja hommikul oli õues väga külm."),
        ("Turkish", "Çok güzel bir gün; İstanbul’da ağaçlar çiçek açtı."),
        ("Turkish", "Şöyle düşünüyorum: öğretmenler çok önemli."),
        ("Russian", "Привет, мир! Съешь же ещё этих мягких французских булок."),
        ("Russian", "Сегодня в Москве идёт снег, и на улицах очень холодно."),
        ("Ukrainian", "Слава Україні; сірий кіт їсть рибу біля річки."),
        ("Bulgarian", "Здравейте, как сте? Днес времето е хубаво в София."),
        ("Serbian", "Добар дан, ђаче; шта ћеш радити у Београду?"),
        ("Greek", "Καλημέρα κόσμε, η θάλασσα είναι ήρεμη σήμερα."),
        ("Greek", "Ευχαριστώ πολύ για τη βοήθεια, φίλε μου."),
        ("Hebrew", "שלום עולם, מה שלומך היום?"),
        ("Arabic", "مرحبا بالعالم، كيف حالك اليوم؟"),
        ("Persian", "سلام دنیا، امروز هوا خیلی خوب است."),
        ("Vietnamese", "Tiếng Việt rất đẹp, và người Việt Nam rất thân thiện."),
        ("Vietnamese", "Chúng tôi đã ăn phở ở Hà Nội hôm qua."),
        ("Chinese", "你好，世界！今天天气很好。"),
        ("Chinese", "机器学习模型需要大量的数据。"),
        ("Japanese", "こんにちは、世界。今日はいい天気ですね。"),
        ("Japanese", "東京タワーは高いです。"),
        ("Korean", "안녕하세요, 세계! 오늘 날씨가 좋네요."),
        ("Hindi", "नमस्ते दुनिया, आप कैसे हैं?"),
        ("Thai", "สวัสดีชาวโลก วันนี้อากาศดีมาก"),
        ("Georgian", "გამარჯობა, მსოფლიო! როგორ ხარ?"),
        ("Armenian", "Բարեւ աշխարհ, ինչպես ես այսօր:"),
        ("Typography", "Curly “double” and ‘single’ quotes, en – and em — dashes, and an ellipsis…"),
        ("Typography", "Non-breaking\u00A0space between 10\u00A0km and the word, a ™ and a © sign."),
        ("Typography", "A bullet • a dagger † a section § and a per-mille ‰ sign."),
        ("Emoji", "Launch day 🚀 with the team 👨‍💻 and a 🤗 hug."),
        ("Emoji", "Love it ❤️ and thumbs up 👍🏽 from the 🇫🇷 office."),
        ("Emoji", "A family 👨‍👩‍👧‍👦 at the beach 🏖️, happy 😀!"),
        ("Emoji", "Weather: ☀️ then 🌧️, so bring a ☂️ today."),
    };

    /// <summary>Words and names in those languages, written correctly: every one must stay silent.</summary>
    public static readonly string[] Words =
    {
        "José", "Zoë", "François", "Müller", "Łukasz", "Dvořák", "Ødegaard", "Åsa", "Björk", "Renée", "Çelik", "Şahin",
        "Nguyễn", "Jürgen", "Søren", "Ángel", "Íñigo", "Ólafur", "Guðrún", "Đorđe", "Žižek", "Wałęsa", "Győr", "Ştefan",
        "Tõnu", "Jānis", "Šarūnas", "Ąžuolas", "Ķekava", "Ēriks", "Óscar", "Ñandú", "Çağlar", "Ümit", "İlkay", "Ğ",
        "Þór", "Æsir", "Œuvre", "Ÿvette", "Cañón", "Crème brûlée", "Façade", "Naïve", "Smörgåsbord", "Fjörður",
        "Brötchen", "Straße", "Mädchen", "Übermensch", "Österreich", "Ärger", "Köln", "Düsseldorf", "Göteborg", "Århus",
        "Reykjavík", "Kraków", "Łódź", "Gdańsk", "Poznań", "Wrocław", "Białystok", "Brno", "Plzeň", "České Budějovice",
        "Košice", "Bratislava", "Székesfehérvár", "Pécs", "Timișoara", "Iași", "Brașov", "Ljubljana", "Maribor", "Niš",
        "Šiauliai", "Kaunas", "Jūrmala", "Daugavpils", "Pärnu", "Tartu", "İzmir", "Eskişehir", "Muğla", "Şanlıurfa",
        "Москва", "Санкт-Петербург", "Київ", "Львів", "Їжак", "Ґанок", "Єва", "София", "Пловдив", "Београд", "Ђурђевак",
        "Αθήνα", "Θεσσαλονίκη", "Ηράκλειο", "Ελλάδα", "ΆΈΉΊΌΎΏ", "ΐΰ", "ירושלים", "תל אביב", "القاهرة", "دمشق",
        "تهران", "Hà Nội", "Huế", "Đà Nẵng", "Thành phố Hồ Chí Minh", "Phở", "北京", "上海", "東京", "大阪", "서울",
        "부산", "मुंबई", "दिल्ली", "กรุงเทพ", "თბილისი", "Երևան", "ĐẶNG", "ỨNG", "Ồ", "ẞ", "ǅ", "ǈ", "ǋ",
        "SÃO PAULO", "NÃO", "MÃE", "IRMÃ", "AÇÃO", "LIMÃO", "PÃO", "CORAÇÃO", "ÉTÉ", "ÀÉÈÙ", "ÅNGSTRÖM", "ÆØÅ",
        "ÐÞ", "ÎÏÔ", "Ã la carte", "Ðorđe", "Ðakovo", "Ýmir", "Þórshöfn", "ÓÐINN", "ÍSLAND", "ÚTSALA", "Ávila",
        "Évora", "Ñuñoa", "Ørsted", "Čapek", "Šťastný", "Ďurica", "Ľubomír", "Ňachaj", "Ťažký", "Říp", "Ůvoz",
        "Ősz", "Űr", "Ăn", "Ȋ", "Ǧ", "Ǩ", "Ŋ", "ſ", "ŀ", "ĸ", "Ŀ", "ŉ", "Ħ", "ħ", "Ĳ", "ĳ", "Œ", "œ", "Ÿ", "ƒ",
        "Ə", "ə", "azərbaycan", "Ɛ", "ɛ", "Ɔ", "ɔ", "Ŋŋ", "Ʒ", "ʒ", "ʻokina", "Hawaiʻi", "ʼ", "ˈstres", "ˌsekəndri",
    };

    /// <summary>Symbols and look-alike sequences that are not mojibake (the ones the issue names, and their kin).</summary>
    public static readonly string[] LookAlikes =
    {
        "“NÃO…” gritou", "IRMÃ” disse", "IRMÃ” and “NÃO…” with café’s", "MÃ” e NÃ”, “IRMÃ””", "«É» «Ç» ÉTÉ… PÅ” Fuß”", "Ã ", "ÃO ÃE Ã ", "Ã", "É\u00A0!", "À\u00A0la",
        "ÉCOLE\u00A0»", "« ÉTÉ\u00A0»", "ÂGE", "L’ÂME", "MÊME", "FORÊT…", "CÔTÉ”", "ÎLE—", "ÜBER–", "ÖL…", "ÄRGER”",
        "Ø±0.1 mm", "Ø©", "3×²", "± × ÷ € £ ¥ 25 °C 3 µm ½ ¼ ¾ ² ³ ©®™", "§ 12 ¶ 3", "¿Qué? ¡Olé!", "¬p ∧ q",
        "Nestlé®… and café…” and Nestlé™”", "†  §§  ‡ footnotes†‡", "ª º", "x² + y³", "1º 2ª", "°F ÷ 2",
        "∀x ∈ ℝ: x² ≥ 0", "∑ᵢ aᵢ ≤ ∞", "∫₀¹ f(x) dx ≈ π", "√2 ≠ 1.41", "α β γ δ ε ζ η θ", "ΔG = ΔH − TΔS",
        "ʃ ʒ ŋ ɲ ɾ ʔ ɪ ʊ ə ɑ ɔ ɛ æ", "/ˈfəʊnɪm/", "[ˌɪntərˈnæʃənəl]", "ʰ ʲ ʷ ˠ ˤ", "ˆ ˜ ¨ ´ ¸",
        "┌─┐ │ │ └─┘ ╔═╗ ║ ║ ╚═╝", "├── src │   └── main", "┌┐Start ╠╣3 [╔╗] x├┤ ┬┐y", "║a╔╗b║ ├┤1", "░▒▓█ ▀▄", "■ □ ▪ ▫ ▲ △", "♠ ♣ ♥ ♦", "→ ← ↑ ↓ ⇒ ⇔",
        "— – ‒ ― ‐", "‘’ ‚ “” „ ‹› «»", "… ⋯ ‥", "• ‣ ◦ ⁃", "€ ₹ ₽ ₺ ₩ ₪ ₫", "© ® ™ ℠", "№ ℃ ℉ Ω ℮",
        "Ω µ Å K", "ﬁ ﬂ", "Ⅰ Ⅱ Ⅲ Ⅳ", "① ② ③", "½ ⅓ ¼ ⅛", "‰ ‱", "¢ ¤ ¦", "ð Ð þ Þ", "¹²³", "ºª",
        "Ωmega Ärger", "Ñ and ñ", "Ç and ç", "ÿ", "Ÿ", "ı İ", "Ğ ğ Ş ş", "Ł ł", "Đ đ", "Ħ ħ", "ŉ",
        "СССР", "РФ", "США", "ЁЖ", "Ѓ", "Ђ", "ђ", "Ѐ ѐ", "Її", "Ґґ", "Єє", "Ўў", "Јј",
        "ΆΈΉΊ ΌΎΏ", "ΐ", "ΰ", "ϊϋ", "Ϊ", "Ϋ", "άέήί", "όύώ",
        "Tiếng Việt", "Nguyễn Văn A", "Trường", "Phường", "Quận", "Đường",
        "한국어", "日本語", "中文", "ภาษาไทย", "हिन्दी", "עברית", "العربية",
        "🤗", "👨‍💻", "❤️", "👍🏽", "🇫🇷", "🏳️‍🌈", "☀️", "✔️", "#️⃣", "©️", "🧑🏾‍🤝‍🧑🏻",
    };

    /// <summary>The whole negative set for the detector: the clean sentences, words, names, symbols and look-alikes.</summary>
    public static IEnumerable<string> Negatives() => Sentences.Select(s => s.Text).Concat(Words).Concat(LookAlikes);
}
