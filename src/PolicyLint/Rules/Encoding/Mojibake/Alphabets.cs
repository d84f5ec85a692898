using System.Collections.Generic;

namespace PolicyLint.Rules.Encoding;

/// <summary>
/// The letters beyond ASCII that the orthographies written in Latin, Greek and Cyrillic letters use, one set per
/// language (lowercase), and the other scripts as wholes. Used to judge rival readings of the same bytes: a reading whose
/// letters, with the other letters of its line, belong to no language's alphabet reads worse than one whose letters do
/// ("ÄŤ" is "č" through Windows-1250 and "ī" through ISO-8859-2; beside "ž" and "š" only the first is a language's).
/// The lists are generous on purpose (loanword letters, older spellings, romanisations): a letter wrongly missing from
/// them can only make a reading look worse than it is, so every language a reader may write is in.
/// </summary>
internal static class Alphabets
{
    private static readonly string[] Languages =
    {
        "àâæçéèêëîïôœùûüÿ",                 // French
        "äöüßéàèëïáóú",                       // German (with the French and other loanword accents)
        "áéíñóúüàèïòç",                       // Spanish, Galician, Asturian
        "áâãàçéêíóôõúüèò",                    // Portuguese
        "àèéìíîòóùúï",                        // Italian
        "àçéèíïòóúüŀ",                        // Catalan
        "áéíóúàèëïöüĳêâîôû",                  // Dutch, Afrikaans, Frisian
        "åäöéüáà",                            // Swedish
        "æøåéèêóòôüâ",                        // Norwegian
        "æøåéáíóúýüöä",                       // Danish
        "áðéíóúýþæö",                         // Icelandic
        "áðíóúýæøå",                          // Faroese
        "äöåšžüé",                            // Finnish
        "äöõüšžé",                            // Estonian
        "áčđŋšŧžâäåöæøïõ",                    // Sami
        "ąćęłńóśźżéü",                        // Polish
        "ąãéëòóôùłńżś",                       // Kashubian
        "áčďéěíňóřšťúůýžäöü",                 // Czech
        "áäčďéíĺľňóôŕšťúýžöü",                // Slovak
        "čćđšžäöüáéíóú",                      // Slovenian, Croatian, Bosnian, Serbian and Montenegrin Latin
        "čćěłńóřšźž",                         // Sorbian
        "áéíóöőúüűäë",                        // Hungarian
        "ăâîșțşţéáóöü",                       // Romanian
        "çë",                                 // Albanian
        "çğıöşüâîûé",                         // Turkish
        "çəğıöşüä",                           // Azerbaijani
        "çäňöşüýž",                           // Turkmen
        "çğıñöşüäâ",                          // Crimean Tatar, Gagauz
        "ąčęėįšųūž",                          // Lithuanian
        "āčēģīķļņšūžō",                       // Latvian, Latgalian
        "ċġħżàèìòùîâ",                        // Maltese
        "âêîôûŵŷäëïöüÿáéíóúàèìòù",            // Welsh
        "áéíóúàèìòù",                         // Irish, Scottish Gaelic
        "âêîôûùüñ",                           // Breton
        "äéëèöü",                             // Luxembourgish
        "ĉĝĥĵŝŭ",                             // Esperanto
        "çêîşû",                              // Kurdish (Kurmanji)
        "āēīōū",                              // Hawaiian, Māori and other Polynesian languages
        "āáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹ",       // Hanyu Pinyin
        "ẹọṣàáèéìíòóùúńḿ",                    // Yoruba
        "ɓɗƙƴ",                               // Hausa
        "ɛɔŋàáèéìíòóùúâêîôûãẽĩõũ",            // West African orthographies
        "ñãẽĩõũỹ",                            // Guarani
        "ꞌʼ",                                 // glottal letters
        "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ", // Vietnamese
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",  // Russian
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",  // Ukrainian
        "абвгдеёжзійклмнопрстуўфхцчшыьэюя",   // Belarusian
        "абвгдежзийклмнопрстуфхцчшщъьюяѝ",    // Bulgarian
        "абвгдђежзијклљмнњопрстћуфхцчџш",     // Serbian, Montenegrin
        "абвгдѓежзѕијклљмнњопрстќуфхцчџш",    // Macedonian
        "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя", // Kazakh
        "абвгдеёжзийклмнҥоӧпрстуӱфхцчшщъыьэюя", // Mari, Altai and kin
        "абвгдеёжзийклмноөпрстуүфхцчшщъыьэюя", // Mongolian, Kyrgyz
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяғқҳў", // Tajik, Uzbek Cyrillic
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяӕ",  // Ossetian
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәөүҗңһ", // Tatar, Bashkir
        "αβγδεζηθικλμνξοπρστυφχψωςάέήίόύώϊϋΐΰ", // Greek
    };

    private static readonly HashSet<char>[] Sets = MakeSets();

    private static HashSet<char>[] MakeSets()
    {
        var sets = new HashSet<char>[Languages.Length];
        for (int k = 0; k < Languages.Length; k++)
        {
            sets[k] = new HashSet<char>(Languages[k]);
        }

        return sets;
    }

    /// <summary>
    /// Whether the letters (lowercase, beyond ASCII) belong together: all of one language's alphabet, or all of one
    /// script that is written without such a list here (Hebrew, Arabic, the CJK scripts, Indic, Thai, Georgian, ...).
    /// </summary>
    internal static bool Fit(HashSet<char> letters)
    {
        if (letters.Count == 0)
        {
            return true;
        }

        int script = -1;
        bool listed = false;
        foreach (char c in letters)
        {
            int g = Group(c);
            if (g == 0)
            {
                listed = true;
            }
            else if (script < 0)
            {
                script = g;
            }
            else if (script != g)
            {
                return false;
            }
        }

        if (script > 0)
        {
            return !listed;
        }

        foreach (var set in Sets)
        {
            bool all = true;
            foreach (char c in letters)
            {
                if (!set.Contains(c))
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds the letters of s[start, end) beyond ASCII to <paramref name="letters"/>, lowercase.</summary>
    internal static void AddLetters(HashSet<char> letters, string s, int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            char c = s[k];
            if (c >= 0x80 && char.IsLetter(c))
            {
                char lower = char.ToLowerInvariant(c);
                if (c == '\u0130')
                {
                    continue; // "İ": Turkish capital of the ASCII "i"
                }

                letters.Add(lower);
            }
        }
    }

    /// <summary>0 for a letter of the scripts listed per language (Latin, Greek, Cyrillic); else a number per script.</summary>
    private static int Group(char c)
    {
        if (c < 0x530 || (c >= 0x1E00 && c <= 0x1FFF) || (c >= 0xA720 && c <= 0xA7FF) || (c >= 0x1C80 && c <= 0x1C8F))
        {
            return 0;
        }

        if (c < 0x590)
        {
            return 1; // Armenian
        }

        if (c < 0x600 || (c >= 0xFB1D && c <= 0xFB4F))
        {
            return 2; // Hebrew
        }

        if (c < 0x900 || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF))
        {
            return 3; // Arabic, Syriac, Thaana, ...
        }

        if (c >= 0x10A0 && c <= 0x10FF)
        {
            return 4; // Georgian
        }

        if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7FF) ||
            (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF))
        {
            return 5; // Han, Kana, Hangul and their kin
        }

        return 6 + (c >> 7); // Indic, Thai and the rest: one per block of 128
    }
}
