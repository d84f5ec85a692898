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
        if (n == 4)
        {
            return true;
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

    internal static bool IsCleanRepair(string r)
    {
        for (int k = 0; k < r.Length; k++)
        {
            char c = r[k];
            if ((c >= 0x80 && c <= 0x9F) || c == '\uFEFF')
            {
                return false;
            }
        }

        return true;
    }
}
