using System.Globalization;
using System.Net;
using System.Text;

namespace PolicyLint.Rules.Encoding;

/// <summary>
/// HTML character references written over mojibake ("caf&amp;#195;&amp;#169;" shows "cafÃ©"): Markdown renders a
/// reference as its character, so the detector reads the text as it is shown. Only references to non-ASCII characters
/// are decoded (an ASCII one cannot be part of a broken sequence); every decoded char keeps the offset of the
/// reference it came from, so that findings map back to the text as written.
/// </summary>
internal static class CharacterReferences
{
    /// <summary>The longest reference read: "&amp;#x10FFFF;" and the longest common names fit.</summary>
    private const int MaxLength = 34;

    /// <summary>
    /// Decodes the references to non-ASCII characters in s[start, end). Returns false when there are none.
    /// <paramref name="map"/>[k] is the offset in s of decoded char k; map[decoded.Length] is <paramref name="end"/>.
    /// </summary>
    public static bool TryDecode(string s, int start, int end, out string decoded, out int[] map)
    {
        decoded = string.Empty;
        map = System.Array.Empty<int>();
        StringBuilder? sb = null;
        System.Collections.Generic.List<int>? offsets = null;
        int copied = start;
        int i = s.IndexOf('&', start, end - start);
        while (i >= 0)
        {
            int len = Parse(s, i, end, out int cp);
            if (len > 0 && cp >= 0x80)
            {
                sb ??= new StringBuilder(end - start);
                offsets ??= new System.Collections.Generic.List<int>(end - start + 1);
                for (int k = copied; k < i; k++)
                {
                    sb.Append(s[k]);
                    offsets.Add(k);
                }

                if (cp >= 0x10000)
                {
                    sb.Append(char.ConvertFromUtf32(cp));
                    offsets.Add(i);
                    offsets.Add(i); // no finding ends between the two halves of a pair
                }
                else
                {
                    sb.Append((char)cp);
                    offsets.Add(i);
                }

                copied = i + len;
                i = copied;
            }
            else
            {
                i++;
            }

            i = i < end ? s.IndexOf('&', i, end - i) : -1;
        }

        if (sb is null || offsets is null)
        {
            return false;
        }

        for (int k = copied; k < end; k++)
        {
            sb.Append(s[k]);
            offsets.Add(k);
        }

        offsets.Add(end);
        decoded = sb.ToString();
        map = offsets.ToArray();
        return true;
    }

    /// <summary>The length of the reference at s[i] ('&amp;') and its code point, or 0 when there is none.</summary>
    private static int Parse(string s, int i, int end, out int cp)
    {
        cp = 0;
        int limit = System.Math.Min(end, i + MaxLength);
        int semi = s.IndexOf(';', i + 1, limit - i - 1 > 0 ? limit - i - 1 : 0);
        if (semi < 0 || semi == i + 1)
        {
            return 0;
        }

        if (s[i + 1] == '#')
        {
            bool hex = semi > i + 2 && (s[i + 2] == 'x' || s[i + 2] == 'X');
            int digits = hex ? i + 3 : i + 2;
            // CommonMark: 1 to 7 decimal digits or 1 to 6 hexadecimal ones.
            if (semi == digits || semi - digits > (hex ? 6 : 7) ||
                !int.TryParse(s.Substring(digits, semi - digits), hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None,
                    CultureInfo.InvariantCulture, out cp))
            {
                return 0;
            }

            if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            {
                return 0; // shown as U+FFFD: nothing to read back
            }

            return semi + 1 - i;
        }

        for (int k = i + 1; k < semi; k++)
        {
            char c = s[k];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            {
                return 0;
            }
        }

        string name = s.Substring(i, semi + 1 - i);
        string value = WebUtility.HtmlDecode(name);
        if (value == name || value.Length == 0 || value.Length > 2 || (value.Length == 2 && !char.IsSurrogatePair(value, 0)))
        {
            return 0;
        }

        cp = char.ConvertToUtf32(value, 0);
        return semi + 1 - i;
    }
}
