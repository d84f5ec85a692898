namespace PolicyLint.Rules.Encoding;

/// <summary>
/// Decides whether an invisible character is doing a legitimate job where it stands (PL2005). Each rule looks only at
/// the neighbouring code points, so the check is constant-time per character.
/// </summary>
internal static class Invisibles
{
    /// <summary>True for the characters PL2005 considers (invisible formatting characters and fillers).</summary>
    public static bool IsInvisible(int cp) => cp switch
    {
        0x00AD or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x180E or 0x200B or 0x200C or 0x200D => true,
        0x3164 or 0xFEFF or 0xFFA0 => true,
        _ => (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x206A && cp <= 0x206F) || (cp >= 0xFE00 && cp <= 0xFE0F)
             || (cp >= 0xE0000 && cp <= 0xE007F) || (cp >= 0xE0100 && cp <= 0xE01EF),
    };

    /// <summary>
    /// True when the invisible character <paramref name="cp"/> at <paramref name="i"/> has a job there: ZWJ in an emoji
    /// sequence or between letters, ZWNJ between letters, ZWSP between letters of a script written without spaces,
    /// WJ beside a hyphen or slash, a soft hyphen inside a word, a variation selector after a character, tags in an emoji
    /// flag sequence, Hangul fillers among jamo.
    /// </summary>
    public static bool IsLegitimate(string text, int i, int cp, int width)
    {
        int prev = Prev(text, i), next = Next(text, i + width);
        switch (cp)
        {
            case 0x200B: return (IsNoSpaceScript(prev) && IsNoSpaceScript(next)) || (prev == '@' && IsLetterOrDigit(next));
            case 0x200C: return IsLetterOrMark(prev) && IsLetterOrMark(next);
            case 0x200D:
                return (IsEmojiBase(prev) && IsPictographic(next))
                    || (IsLetterOrMark(prev) && IsLetterOrMark(next) && !IsCjk(prev) && !IsCjk(next));
            case 0x2060: return IsBreakAfter(prev) || IsBreakAfter(next);
            case 0x00AD: return IsLetterOrMark(prev) && IsLetterOrMark(next);
            case 0x115F: case 0x1160: return IsJamo(prev) || IsJamo(next);
            case 0x180E: return prev >= 0x1800 && prev <= 0x18AF;
        }
        if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF))
            return prev > ' ' && !(prev <= 0xFFFF && char.IsWhiteSpace((char)prev)) && !IsVariationSelector(prev) && !IsInvisible(prev);
        if (cp >= 0xE0020 && cp <= 0xE007F)
        {
            // An emoji tag sequence: U+1F3F4 WAVING BLACK FLAG, tag letters, U+E007F CANCEL TAG (flags of England, Scotland...).
            int j = i;
            while (j >= 2 && text[j - 2] == '\uDB40' && text[j - 1] >= '\uDC20' && text[j - 1] <= '\uDC7F') j -= 2;
            return Prev(text, j) == 0x1F3F4;
        }
        return false;
    }

    public static int Prev(string text, int i)
    {
        if (i <= 0) return -1;
        char c = text[i - 1];
        if (char.IsLowSurrogate(c) && i >= 2 && char.IsHighSurrogate(text[i - 2])) return char.ConvertToUtf32(text[i - 2], c);
        return c;
    }

    public static int Next(string text, int i)
    {
        if (i >= text.Length) return -1;
        char c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) return char.ConvertToUtf32(c, text[i + 1]);
        return c;
    }

    private static bool IsVariationSelector(int cp) => (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);

    private static bool IsLetterOrMark(int cp)
    {
        if (cp < 0) return false;
        if (cp > 0xFFFF) return char.IsLetter(char.ConvertFromUtf32(cp), 0);
        var cat = char.GetUnicodeCategory((char)cp);
        return char.IsLetter((char)cp) || cat is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark;
    }

    private static bool IsLetterOrDigit(int cp) => cp >= 0 && cp <= 0xFFFF && char.IsLetterOrDigit((char)cp);

    // Scripts that mark word boundaries with ZWSP because they put no spaces between words (line-break class SA).
    private static bool IsNoSpaceScript(int cp) =>
        (cp >= 0x0E00 && cp <= 0x0EFF) || (cp >= 0x1000 && cp <= 0x109F) || (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0x19E0 && cp <= 0x19FF)
        || (cp >= 0x1950 && cp <= 0x1AAF) || (cp >= 0x0F00 && cp <= 0x0FFF) || (cp >= 0xA980 && cp <= 0xAADF) || (cp >= 0x1B00 && cp <= 0x1B7F);

    private static bool IsCjk(int cp) =>
        (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);

    private static bool IsJamo(int cp) => (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xD7B0 && cp <= 0xD7FF);

    private static bool IsBreakAfter(int cp) => cp is '-' or '/' or 0x2010 or 0x2012 or 0x2013 or 0x2014 or 0x2015;

    /// <summary>What may stand before a ZWJ in an emoji ZWJ sequence: a pictograph, a skin-tone modifier, VS16, a keycap.</summary>
    private static bool IsEmojiBase(int cp) => IsPictographic(cp) || cp == 0xFE0F || cp == 0x20E3;

    /// <summary>Extended pictographics, roughly: the emoji blocks and the older symbol blocks emoji sequences use.</summary>
    internal static bool IsPictographic(int cp) =>
        (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2190 && cp <= 0x21FF) || (cp >= 0x2300 && cp <= 0x23FF)
        || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF) || (cp >= 0x2900 && cp <= 0x297F)
        || cp is 0x00A9 or 0x00AE or 0x203C or 0x2049 or 0x2122 or 0x2139 or 0x24C2 or 0x3030 or 0x303D or 0x3297 or 0x3299;
}
