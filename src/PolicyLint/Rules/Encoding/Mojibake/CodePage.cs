using System;
using System.Collections.Generic;

namespace PolicyLint.Rules.Encoding;

/// <summary>
/// A legacy single-byte code page as the detector uses it: its name, its table, and the reverse map from a char back to
/// the byte it was decoded from. <see cref="All"/> lists the pages in the order the detector tries them.
/// </summary>
internal sealed class CodePage
{
    public readonly string Name;
    public readonly string High;
    public readonly string[] SingleChain;
    public readonly IReadOnlyList<string> PublicSingleChain;
    public readonly bool IsPrimary;
    /// <summary>Box drawing is text in this page (CP437, CP850): a run of box drawing alone is not mojibake.</summary>
    public readonly bool BoxDrawingIsText;
    /// <summary>An ISO-8859 page: bytes 0x80-0x9F are the C1 controls.</summary>
    public readonly bool IsIso;

    /// <summary>A page that reads most Windows-1252 mojibake the same way (Windows-1254, ISO-8859-15).</summary>
    public readonly bool IsPrimaryTwin;

    private readonly Dictionary<char, byte> _reverse;

    /// <summary>The page's index in <see cref="All"/> (its bit in masks).</summary>
    public int Index { get; private set; }

    private CodePage(string name, string high, bool primary, bool boxDrawing = false)
    {
        Name = name;
        High = high;
        SingleChain = new[] { name };
        PublicSingleChain = Array.AsReadOnly(SingleChain);
        IsPrimary = primary;
        BoxDrawingIsText = boxDrawing;
        IsIso = high[0] == '\u0080' && high[0x1F] == '\u009F';
        IsPrimaryTwin = name == "Windows-1254" || name == "ISO-8859-15";
        _reverse = new Dictionary<char, byte>(160);
        for (int i = 0; i < 128; i++)
        {
            char c = high[i];
            if (c != CodePageTables.Undefined && !_reverse.ContainsKey(c))
            {
                _reverse.Add(c, (byte)(0x80 + i));
            }
        }

        if (primary)
        {
            // Latin-1 shares this table: U+0080-U+00FF map to the same byte, so C1
            // controls (Latin-1 decoding of 0x80-0x9F) are understood too.
            for (int c = 0x80; c < 0x100; c++)
            {
                if (!_reverse.ContainsKey((char)c))
                {
                    _reverse.Add((char)c, (byte)c);
                }
            }
        }
    }

    /// <summary>Windows-1252, which also stands for Latin-1.</summary>
    public static readonly CodePage Primary = new CodePage(CodePageTables.Windows1252Name, CodePageTables.Cp1252High, primary: true);

    /// <summary>Every page, in the order the detector tries them; the index is the page's bit in masks.</summary>
    public static readonly CodePage[] All =
    {
        Primary,
        new CodePage("Windows-1254", CodePageTables.Cp1254High, false),
        new CodePage("ISO-8859-15", CodePageTables.Iso8859_15High, false),
        new CodePage("MacRoman", CodePageTables.MacRomanHigh, false),
        new CodePage("Windows-1250", CodePageTables.Cp1250High, false),
        new CodePage("ISO-8859-2", CodePageTables.Iso8859_2High, false),
        new CodePage("Windows-1251", CodePageTables.Cp1251High, false),
        new CodePage("KOI8-R", CodePageTables.Koi8RHigh, false),
        new CodePage("Windows-1253", CodePageTables.Cp1253High, false),
        new CodePage("Windows-1257", CodePageTables.Cp1257High, false),
        new CodePage("CP437", CodePageTables.Cp437High, false, boxDrawing: true),
        new CodePage("CP850", CodePageTables.Cp850High, false, boxDrawing: true),
    };

    // For every BMP char, a bit per code page (index into All) in which the char
    // maps to a UTF-8 lead byte (0xC2-0xF4). Chars with no bit set (CJK, emoji, curly
    // quotes...) are skipped without any dictionary lookup.
    private static readonly ushort[] LeadMask = BuildLeadMask();

    private static ushort[] BuildLeadMask()
    {
        var mask = new ushort[65536];
        for (int k = 0; k < All.Length; k++)
        {
            All[k].Index = k; // built once, right after All
            string table = All[k].High;
            for (int b = 0xC2; b <= 0xF4; b++)
            {
                char c = table[b - 0x80];
                if (c != CodePageTables.Undefined)
                {
                    mask[c] |= (ushort)(1 << k);
                }
            }
        }

        for (int c = 0xC2; c <= 0xF4; c++)
        {
            mask[c] |= 1; // Latin-1 through the primary page
        }

        return mask;
    }

    /// <summary>A bit per page of <see cref="All"/> in which <paramref name="c"/> decodes from a UTF-8 lead byte.</summary>
    public static int LeadPages(char c) => LeadMask[c];

    /// <summary>Whether any char of <paramref name="r"/> is a UTF-8 lead byte in some page (a deeper layer is possible).</summary>
    public static bool HasLeadChar(string r)
    {
        for (int k = 0; k < r.Length; k++)
        {
            if (LeadMask[r[k]] != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether decoding through this page yields the C1 control <paramref name="c"/> (a best-fit leftover of an undefined byte, or any byte 0x80-0x9F of an ISO page).</summary>
    public bool ProducesC1(char c) => High.IndexOf(c) >= 0;

    public bool TryGetByte(char c, out byte b)
    {
        if (c < 0x80)
        {
            b = (byte)c;
            return true;
        }

        return _reverse.TryGetValue(c, out b);
    }

    /// <summary>
    /// Parses one UTF-8 sequence starting at p through this code page.
    /// Returns its length in chars (2-4) or 0.
    /// </summary>
    public int ParseSequence(string s, int p, int end, out int codePoint)
    {
        codePoint = 0;
        if (!TryGetByte(s[p], out byte b0) || b0 < 0xC2 || b0 > 0xF4)
        {
            return 0;
        }

        int n = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
        if (p + n > end)
        {
            return 0;
        }

        int cp = b0 & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
        for (int k = 1; k < n; k++)
        {
            char c = s[p + k];
            if (c < 0x80 || !TryGetByte(c, out byte b) || (b & 0xC0) != 0x80)
            {
                return 0;
            }

            if (k == 1)
            {
                if (b0 == 0xED && b >= 0xA0 && b <= 0xAF)
                {
                    return ParseCesu8Pair(s, p, end, b, out codePoint);
                }

                if ((b0 == 0xE0 && b < 0xA0) || (b0 == 0xED && b > 0x9F) ||
                    (b0 == 0xF0 && b < 0x90) || (b0 == 0xF4 && b > 0x8F))
                {
                    return 0;
                }
            }

            cp = (cp << 6) | (b & 0x3F);
        }

        codePoint = cp;
        return n;
    }

    /// <summary>
    /// CESU-8 (as Java's "modified UTF-8" and some databases write it): an astral character as its two UTF-16
    /// surrogates, each encoded on its own (ED A0-AF xx, then ED B0-BF xx). s[p] is the first ED and
    /// <paramref name="b1"/> its second byte. Returns 6 (chars) and the astral code point, or 0.
    /// </summary>
    private int ParseCesu8Pair(string s, int p, int end, byte b1, out int codePoint)
    {
        codePoint = 0;
        if (p + 6 > end)
        {
            return 0;
        }

        var b = new byte[6];
        for (int k = 0; k < 6; k++)
        {
            char c = s[p + k];
            if ((k > 0 && c < 0x80) || !TryGetByte(c, out b[k]))
            {
                return 0;
            }
        }

        if (b[1] != b1 || (b[2] & 0xC0) != 0x80 || b[3] != 0xED || b[4] < 0xB0 || b[4] > 0xBF || (b[5] & 0xC0) != 0x80)
        {
            return 0;
        }

        int high = 0xD000 | ((b[1] & 0x3F) << 6) | (b[2] & 0x3F);
        int low = 0xD000 | ((b[4] & 0x3F) << 6) | (b[5] & 0x3F);
        codePoint = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
        return 6;
    }
}
