using System.Globalization;

namespace PolicyLint.Rules.Encoding;

/// <summary>How a decoded code point counts as evidence of mojibake.</summary>
internal enum CpClass
{
    Bad,
    Pending, // a C1 control: acceptable only if a deeper layer consumes it
    Weak,
    Good,
}

/// <summary>
/// Evidence (ftfy-style): each decoded code point is classified (Bad / Pending C1 / Weak / Good) and each sequence is
/// "strong" only if the original chars look wrong in context.
/// </summary>
internal static class MojibakeEvidence
{
    /// <summary>Whether one sequence at p (n chars) looks wrong in its context.</summary>
    internal static bool IsStrong(string s, int p, int n, CodePage page)
    {
        page.TryGetByte(s[p], out byte lead);
        if (n >= 4)
        {
            return true; // an astral character (four bytes, or six as a CESU-8 surrogate pair)
        }

        char c1 = s[p + 1];
        if (n == 3)
        {
            if (lead == 0xE2)
            {
                return true; // U+2000-U+2FFF: punctuation, arrows, symbols
            }

            // An accented lowercase letter followed by two marks that can legitimately
            // follow a word, at least one of them punctuation (e.g. "café…”",
            // "Nestlé®…"), is not evidence; two superscripts/signs ("æ²¹") are.
            // Such marks are not followed by a letter, though: "Nguyá»…n" is evidence.
            char c2 = s[p + 2];
            char after = p + 3 < s.Length ? s[p + 3] : ' ';
            return char.IsLetterOrDigit(after) ||
                   !(IsLetterFollower(c1) && IsLetterFollower(c2) &&
                     (IsPunctuationFollower(c1) || IsPunctuationFollower(c2)));
        }

        // n == 2: an uppercase accented letter closing a capitalised word and followed
        // by ordinary punctuation (e.g. Portuguese "IRMÃ”") is not evidence. "Â" never
        // ends a word, so "AIÂ\u00A0" (a no-break space after "AI") stays evidence.
        if (lead == 0xC2)
        {
            return true;
        }

        char prev = p > 0 ? s[p - 1] : ' ';
        char next = p + 2 < s.Length ? s[p + 2] : ' ';
        if (char.IsUpper(prev) && IsLetterFollower(c1) && !char.IsLetterOrDigit(next))
        {
            return false;
        }

        return true;
    }

    internal static bool IsMidWord(string s, int p, int to)
    {
        if (p == 0 || p + 2 >= to)
        {
            return false;
        }

        char prev = s[p - 1];
        char next = s[p + 2];
        return (char.IsLetter(prev) || (prev >= 0x80 && !char.IsWhiteSpace(prev))) &&
               (char.IsLetter(next) || (next >= 0x80 && !char.IsWhiteSpace(next)));
    }

    private static bool IsLetterFollower(char c) => IsPunctuationFollower(c) || IsSignFollower(c);

    private static bool IsPunctuationFollower(char c)
    {
        switch (c)
        {
            case '\u2026': // …
            case '\u201D': // ”
            case '\u201C': // “
            case '\u2019': // ’
            case '\u2018': // ‘
            case '\u00BB': // »
            case '\u00AB': // «
            case '\u2014': // —
            case '\u2013': // –
            case '\u00A0': // no-break space
            case '\u00AD': // soft hyphen
                return true;
            default:
                return false;
        }
    }

    private static bool IsSignFollower(char c)
    {
        switch (c)
        {
            case '\u2122': // ™
            case '\u00AE': // ®
            case '\u00A9': // ©
            case '\u00B0': // °
            case '\u00B2': // ²
            case '\u00B3': // ³
            case '\u00B9': // ¹
            case '\u00B7': // ·
            case '\u2020': // †
            case '\u2021': // ‡
                return true;
            default:
                return false;
        }
    }

    internal static CpClass Classify(int cp)
    {
        if (cp < 0x80)
        {
            return CpClass.Bad; // impossible for well-formed multi-byte sequences
        }

        if (cp <= 0x9F)
        {
            return CpClass.Pending;
        }

        if (cp >= 0x10000)
        {
            if (cp >= 0xF0000 || (cp & 0xFFFE) == 0xFFFE)
            {
                return CpClass.Bad; // private use planes, noncharacters
            }

            if (cp >= 0xE0000)
            {
                return cp <= 0xE007F || (cp >= 0xE0100 && cp <= 0xE01EF) ? CpClass.Weak : CpClass.Bad;
            }

            if (cp >= 0x40000)
            {
                return CpClass.Bad;
            }
#if NET
            UnicodeCategory astral = CharUnicodeInfo.GetUnicodeCategory(cp);
            return astral == UnicodeCategory.OtherNotAssigned || astral == UnicodeCategory.PrivateUse
                ? CpClass.Bad
                : CpClass.Good;
#else
            return CpClass.Good;
#endif
        }

        if ((cp >= 0xFDD0 && cp <= 0xFDEF) || cp >= 0xFFFE)
        {
            return CpClass.Bad;
        }

        if (IsBestFitPrivateUse(cp))
        {
            return CpClass.Pending; // what Windows-1253 and 1257 show for an undefined byte: a deeper layer may consume it
        }

        char ch = (char)cp;
        UnicodeCategory cat = CharUnicodeInfo.GetUnicodeCategory(ch);
        switch (cat)
        {
            case UnicodeCategory.OtherNotAssigned:
            case UnicodeCategory.Control:
            case UnicodeCategory.Surrogate:
            case UnicodeCategory.PrivateUse:
                return CpClass.Bad;
            case UnicodeCategory.Format:
                // Three-byte format characters (ZWSP, ZWJ, bidi controls) are real text
                // that was there before the damage: "â€‹" is a broken U+200B.
                return cp >= 0x800 || cp == 0xAD ? CpClass.Good : CpClass.Weak;
        }

        if (cp >= 0x800)
        {
            return CpClass.Good;
        }

        if (cp <= 0x17F)
        {
            return CpClass.Good; // Latin-1 supplement, Latin Extended-A
        }

        if (cp <= 0x24F)
        {
            // Latin Extended-B: only letters used by living orthographies.
            return cp == 0x192 || (cp >= 0x1A0 && cp <= 0x1A1) || (cp >= 0x1AF && cp <= 0x1B0) ||
                   (cp >= 0x1CD && cp <= 0x1DC) || (cp >= 0x218 && cp <= 0x21B)
                ? CpClass.Good
                : CpClass.Weak;
        }

        if (cp < 0x370)
        {
            return CpClass.Weak; // IPA, spacing modifiers, combining marks
        }

        if (cp < 0x530)
        {
            // Greek, Cyrillic (not the supplement)
            return cp < 0x500 && char.IsLetter(ch) ? CpClass.Good : CpClass.Weak;
        }

        if (cp < 0x590)
        {
            return char.IsLetter(ch) ? CpClass.Good : CpClass.Weak; // Armenian
        }

        if (cp < 0x600)
        {
            return cp >= 0x5D0 && cp <= 0x5F2 ? CpClass.Good : CpClass.Weak; // Hebrew letters
        }

        if (cp < 0x700)
        {
            return char.IsLetterOrDigit(ch) || char.IsPunctuation(ch) ? CpClass.Good : CpClass.Weak; // Arabic
        }

        return CpClass.Weak; // Syriac, Thaana, NKo, ...
    }

    /// <summary>Whether <paramref name="r"/> holds a code point of the <see cref="CpClass.Weak"/> class (IPA, rare Latin letters, marks...).</summary>
    internal static bool HasRareCodePoint(string r)
    {
        for (int k = 0; k < r.Length; k++)
        {
            int cp = r[k];
            if (char.IsHighSurrogate(r[k]) && k + 1 < r.Length && char.IsLowSurrogate(r[k + 1]))
            {
                cp = char.ConvertToUtf32(r[k], r[k + 1]);
                k++;
            }

            if (Classify(cp) == CpClass.Weak)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// U+F8F9-U+F8FD: the private-use characters .NET's Windows-1253 and 1257 decode undefined bytes to; and U+F8FF, the
    /// Apple logo MacRoman shows for 0xF0 (the lead byte of every emoji), which a second layer reads as "Ô£ø".
    /// </summary>
    internal static bool IsBestFitPrivateUse(int cp) => (cp >= 0xF8F9 && cp <= 0xF8FD) || cp == 0xF8FF;

    internal static bool IsCleanRepair(string r)
    {
        for (int k = 0; k < r.Length; k++)
        {
            char c = r[k];
            if ((c >= 0x80 && c <= 0x9F) || c == '\uFEFF' || IsBestFitPrivateUse(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The script of a letter, coarsely: 1 Latin, 2 Greek, 3 Cyrillic, 4 Armenian, 5 Hebrew, 6 Arabic, 7 any other
    /// letter; 0 for what is not a letter.
    /// </summary>
    internal static int Script(char c)
    {
        if (c < 0x80)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? 1 : 0;
        }

        if (!char.IsLetter(c))
        {
            return 0;
        }

        if (c <= 0x24F || (c >= 0x1E00 && c <= 0x1EFF))
        {
            return 1;
        }

        if ((c >= 0x370 && c <= 0x3FF) || (c >= 0x1F00 && c <= 0x1FFF))
        {
            return 2;
        }

        if (c >= 0x400 && c <= 0x52F)
        {
            return 3;
        }

        if (c >= 0x530 && c <= 0x58F)
        {
            return 4;
        }

        if (c >= 0x590 && c <= 0x5FF)
        {
            return 5;
        }

        return c >= 0x600 && c <= 0x6FF ? 6 : 7;
    }

    /// <summary>
    /// How badly a repair reads in its context: an uppercase letter right after a lowercase one, a letter of another
    /// script than the letter before it, a control or private-use character. Used to choose between code pages that
    /// explain the same bytes.
    /// </summary>
    internal static int Implausibility(string s, int start, int end, string repaired)
    {
        int penalty = 0;
        char before = start > 0 ? s[start - 1] : ' ';
        for (int k = 0; k < repaired.Length; k++)
        {
            char c = repaired[k];
            if (char.IsLetter(c))
            {
                if (char.IsUpper(c) && char.IsLower(before))
                {
                    penalty++;
                }

                int a = Script(before), b = Script(c);
                if (a != 0 && b != 0 && a != b)
                {
                    penalty++;
                }
            }
            else if ((c >= 0x80 && c <= 0x9F) || (c >= 0xE000 && c <= 0xF8FF))
            {
                penalty += 2;
            }

            before = c;
        }

        char after = end < s.Length ? s[end] : ' ';
        int x = Script(before), y = Script(after);
        if (x != 0 && y != 0 && x != y)
        {
            penalty++;
        }

        return penalty;
    }

    /// <summary>
    /// Whether a short run (too short to judge by itself) is shown to be mojibake by the word it sits in: the repair is
    /// letters only, and the run touches a letter and holds a symbol (box drawing, a math sign, ©), or letters of
    /// another script than its neighbours while the repair has theirs ("fГјr"), or starts with an uppercase letter
    /// after a lowercase one while the repair is lowercase ("fĂźr").
    /// </summary>
    internal static string? ReadsAsWordInContext(string s, int i, int end, int from, int to, string repaired)
    {
        char prev = i > from ? s[i - 1] : ' ';
        char next = end < to ? s[end] : ' ';
        if (!char.IsLetter(prev) && !char.IsLetter(next))
        {
            return null;
        }

        // The repair must be letters of the script of the word around it.
        int context = Script(char.IsLetter(prev) ? prev : next);
        if (context == 0)
        {
            return null;
        }

        bool allLower = true;
        for (int k = 0; k < repaired.Length; k++)
        {
            if (!char.IsLetter(repaired[k]) || Script(repaired[k]) != context)
            {
                return null;
            }

            allLower &= char.IsLower(repaired[k]);
        }

        bool symbol = false, otherScript = false;
        for (int k = i; k < end; k++)
        {
            char c = s[k];
            if (!char.IsLetter(c))
            {
                // Symbols (box drawing, math, ©, ¼), not punctuation: "L’é" is a quote before a word.
                switch (char.GetUnicodeCategory(c))
                {
                    case UnicodeCategory.MathSymbol:
                    case UnicodeCategory.OtherSymbol:
                    case UnicodeCategory.CurrencySymbol:
                    case UnicodeCategory.ModifierSymbol:
                    case UnicodeCategory.OtherNumber:
                        symbol = true;
                        break;
                }
            }
            else if (Script(c) != 0 && Script(c) != context)
            {
                otherScript = true;
            }
        }

        if (symbol)
        {
            return "a symbol inside a word";
        }

        if (otherScript)
        {
            return "a letter of another script inside a word";
        }

        return char.IsLower(prev) && char.IsUpper(s[i]) && allLower ? "a capital inside a lowercase word" : null;
    }

    /// <summary>
    /// Whether <paramref name="repaired"/> still holds the start of a UTF-8 sequence cut short, as read through a page
    /// of the chain: a lead byte (0xC2, 0xC3, 0xE2, 0xF0) followed by at least one continuation byte but not by all.
    /// </summary>
    internal static bool HasTruncatedSequence(string repaired, string[] chain)
    {
        foreach (var name in chain)
        {
            CodePage? page = null;
            foreach (var p in CodePage.All)
            {
                if (p.Name == name || (p.IsPrimary && name == CodePageTables.Latin1Name))
                {
                    page = p;
                }
            }

            if (page is null)
            {
                continue;
            }

            for (int k = 0; k + 1 < repaired.Length; k++)
            {
                if (!page.TryGetByte(repaired[k], out byte lead) || (lead != 0xC2 && lead != 0xC3 && lead != 0xE2 && lead != 0xF0))
                {
                    continue;
                }

                int need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
                int have = 0;
                while (have < need && k + 1 + have < repaired.Length && repaired[k + 1 + have] >= 0x80 &&
                       page.TryGetByte(repaired[k + 1 + have], out byte b) && (b & 0xC0) == 0x80)
                {
                    have++;
                }

                if (have > 0 && have < need)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether a repair holds only common letters and signs (Latin-1, Latin Extended-A, Greek, Cyrillic, U+0800 up).</summary>
    internal static bool IsCommonReading(string repaired)
    {
        foreach (char c in repaired)
        {
            if (!(c < 0x180 || (c >= 0x370 && c < 0x500) || c >= 0x800))
            {
                return false;
            }
        }

        return true;
    }
}
