using System.Globalization;
using System.Text;

namespace PolicyLint.Rules.Encoding;

/// <summary>Names of the characters the encoding rules report, and Windows-1252 lookups (the detector's table; no code-page provider needed).</summary>
internal static class CharInfo
{
    /// <summary>The character Windows-1252 maps <paramref name="b"/> to, or null for the five undefined bytes.</summary>
    public static char? FromWindows1252(byte b) => MojibakeDetector.Windows1252(b);

    /// <summary>"U+200B ZERO WIDTH SPACE" (the name is omitted when this table does not know it).</summary>
    public static string Describe(int cp)
    {
        string u = "U+" + cp.ToString("X4", CultureInfo.InvariantCulture);
        string? name = Name(cp);
        return name is null ? u : u + " " + name;
    }

    /// <summary>Describes a run of characters: "U+200B ZERO WIDTH SPACE" or "U+200B ZERO WIDTH SPACE x2" or a list.</summary>
    public static string DescribeRun(string text, int start, int end)
    {
        var sb = new StringBuilder();
        int prev = -1, count = 0;
        for (int i = start; i < end; i++)
        {
            int cp = char.IsHighSurrogate(text[i]) && i + 1 < end ? char.ConvertToUtf32(text[i], text[++i]) : text[i];
            if (cp == prev || (IsTag(cp) && IsTag(prev))) { count++; prev = cp; continue; }
            Flush(sb, prev, count);
            prev = cp; count = 1;
        }
        Flush(sb, prev, count);
        return sb.ToString();
    }

    private static void Flush(StringBuilder sb, int cp, int count)
    {
        if (count == 0) return;
        if (sb.Length > 0) sb.Append(", ");
        if (IsTag(cp) && count > 1) { sb.Append(count.ToString(CultureInfo.InvariantCulture)).Append(" tag characters (U+E0000 block)"); return; }
        sb.Append(Describe(cp));
        if (count > 1) sb.Append(" x").Append(count.ToString(CultureInfo.InvariantCulture));
    }

    private static bool IsTag(int cp) => cp >= 0xE0000 && cp <= 0xE007F;

    private static string? Name(int cp)
    {
        switch (cp)
        {
            case 0x00: return "NULL";
            case 0x07: return "BELL";
            case 0x08: return "BACKSPACE";
            case 0x0B: return "LINE TABULATION";
            case 0x0C: return "FORM FEED";
            case 0x1B: return "ESCAPE";
            case 0x7F: return "DELETE";
            case 0xAD: return "SOFT HYPHEN";
            case 0x115F: return "HANGUL CHOSEONG FILLER";
            case 0x1160: return "HANGUL JUNGSEONG FILLER";
            case 0x17B4: return "KHMER VOWEL INHERENT AQ";
            case 0x17B5: return "KHMER VOWEL INHERENT AA";
            case 0x180E: return "MONGOLIAN VOWEL SEPARATOR";
            case 0x200B: return "ZERO WIDTH SPACE";
            case 0x200C: return "ZERO WIDTH NON-JOINER";
            case 0x200D: return "ZERO WIDTH JOINER";
            case 0x202A: return "LEFT-TO-RIGHT EMBEDDING";
            case 0x202B: return "RIGHT-TO-LEFT EMBEDDING";
            case 0x202C: return "POP DIRECTIONAL FORMATTING";
            case 0x202D: return "LEFT-TO-RIGHT OVERRIDE";
            case 0x202E: return "RIGHT-TO-LEFT OVERRIDE";
            case 0x2060: return "WORD JOINER";
            case 0x2061: return "FUNCTION APPLICATION";
            case 0x2062: return "INVISIBLE TIMES";
            case 0x2063: return "INVISIBLE SEPARATOR";
            case 0x2064: return "INVISIBLE PLUS";
            case 0x2066: return "LEFT-TO-RIGHT ISOLATE";
            case 0x2067: return "RIGHT-TO-LEFT ISOLATE";
            case 0x2068: return "FIRST STRONG ISOLATE";
            case 0x2069: return "POP DIRECTIONAL ISOLATE";
            case 0x3164: return "HANGUL FILLER";
            case 0xFEFF: return "ZERO WIDTH NO-BREAK SPACE (byte-order mark)";
            case 0xFFA0: return "HALFWIDTH HANGUL FILLER";
            case 0xFFFD: return "REPLACEMENT CHARACTER";
        }
        if (cp >= 0x80 && cp < 0xA0) return "(C1 control)";
        if (cp < 0x20) return "(C0 control)";
        if (cp >= 0xFE00 && cp <= 0xFE0F) return "VARIATION SELECTOR-" + (cp - 0xFE00 + 1).ToString(CultureInfo.InvariantCulture);
        if (cp >= 0xE0000 && cp <= 0xE007F) return "(tag character)";
        if (cp >= 0xE0100 && cp <= 0xE01EF) return "VARIATION SELECTOR-" + (cp - 0xE0100 + 17).ToString(CultureInfo.InvariantCulture);
        if (cp >= 0x206A && cp <= 0x206F) return "(deprecated format character)";
        return null;
    }
}
