using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PolicyLint.Rules.Encoding;

/// <summary>One accepted run before adjacent runs are merged into a <see cref="MojibakeFinding"/>.</summary>
internal struct RawFinding
{
    public int Start;
    public int End;
    public string Repaired;

    /// <summary>Legacy encodings undone, outermost first.</summary>
    public string[] Chain;

    /// <summary>An explanation other than the chain's own (a byte order mark, a lost byte).</summary>
    public string? ExplanationOverride;

    /// <summary>Why a run through a page other than Windows-1252 is trusted, for the explanation.</summary>
    public string? Why;

    /// <summary>Bytes were lost: reported without a safe fix.</summary>
    public bool Inexact;

    /// <summary>Why there is no safe fix when it is not that bytes were lost (null then).</summary>
    public string? NoFixReason;

    /// <summary>An astral character was written as CESU-8 (two surrogates of three bytes each) before the break.</summary>
    public bool Cesu8;
}

/// <summary>Code page chains: the names of the layers a finding undoes, and how they are explained.</summary>
internal static class MojibakeChain
{
    public static readonly string[] Latin1 = { CodePageTables.Latin1Name };
    private static readonly IReadOnlyList<string> PublicLatin1 = Array.AsReadOnly(Latin1);

    /// <summary>A read-only chain for a finding; the single-page chains are shared instances.</summary>
    public static IReadOnlyList<string> ToPublic(string[] chain)
    {
        if (chain.Length == 1)
        {
            if (ReferenceEquals(chain, Latin1))
            {
                return PublicLatin1;
            }

            foreach (var page in CodePage.All)
            {
                if (ReferenceEquals(chain, page.SingleChain))
                {
                    return page.PublicSingleChain;
                }
            }
        }

        return Array.AsReadOnly((string[])chain.Clone());
    }

    public static bool Same(string[] a, string[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int k = 0; k < a.Length; k++)
        {
            if (!string.Equals(a[k], b[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether the chain explains the finding: <paramref name="repaired"/> encoded as UTF-8 (the innermost layer as
    /// CESU-8 when <paramref name="cesu8"/>) and decoded through each page of the chain, innermost first, gives back
    /// <paramref name="original"/>. A repair that does not is no exact undoing of the layers it names (an inner layer
    /// that covered part of the run, a misaligned run beside lost bytes): it is reported without a fix.
    /// </summary>
    public static bool Explains(string[] chain, string repaired, string original, bool cesu8)
    {
        string s = repaired;
        var sb = new StringBuilder(original.Length);
        for (int k = chain.Length - 1; k >= 0; k--)
        {
            bool latin1 = string.Equals(chain[k], CodePageTables.Latin1Name, StringComparison.Ordinal);
            CodePage? page = latin1 ? CodePage.Primary : null;
            foreach (var p in CodePage.All)
            {
                if (page is null && string.Equals(p.Name, chain[k], StringComparison.Ordinal))
                {
                    page = p;
                }
            }

            if (page is null)
            {
                return false;
            }

            sb.Clear();
            for (int i = 0; i < s.Length && sb.Length <= original.Length; i++)
            {
                int cp = s[i];
                if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    if (cesu8 && k == chain.Length - 1)
                    {
                        AppendEncoded(sb, s[i], page, latin1);
                        AppendEncoded(sb, s[i + 1], page, latin1);
                        i++;
                        continue;
                    }

                    cp = char.ConvertToUtf32(s[i], s[i + 1]);
                    i++;
                }

                AppendEncoded(sb, cp, page, latin1);
            }

            s = sb.ToString();
            if (s.Length > original.Length)
            {
                return false;
            }
        }

        return string.Equals(s, original, StringComparison.Ordinal);
    }

    /// <summary>
    /// The chain with Windows-1252 and ISO-8859-1 swapped in some layers so that it explains the finding, or null when
    /// no such chain does.
    /// </summary>
    public static string[]? Rename(string[] chain, string repaired, string original, bool cesu8)
    {
        int swappable = 0;
        for (int k = 0; k < chain.Length; k++)
        {
            if (IsPrimaryName(chain[k]))
            {
                swappable |= 1 << k;
            }
        }

        // Every non-empty subset of the swappable layers.
        for (int mask = swappable; mask != 0; mask = (mask - 1) & swappable)
        {
            var renamed = (string[])chain.Clone();
            for (int k = 0; k < chain.Length; k++)
            {
                if ((mask & (1 << k)) != 0)
                {
                    renamed[k] = string.Equals(chain[k], CodePageTables.Latin1Name, StringComparison.Ordinal)
                        ? CodePageTables.Windows1252Name
                        : CodePageTables.Latin1Name;
                }
            }

            if (Explains(renamed, repaired, original, cesu8))
            {
                return renamed.Length == 1 && renamed[0] == CodePageTables.Latin1Name ? Latin1 : renamed;
            }
        }

        return null;
    }

    private static bool IsPrimaryName(string name) =>
        string.Equals(name, CodePageTables.Windows1252Name, StringComparison.Ordinal) ||
        string.Equals(name, CodePageTables.Latin1Name, StringComparison.Ordinal);

    /// <summary>Appends the UTF-8 bytes of <paramref name="cp"/> (a lone surrogate as CESU-8 does) decoded through the page.</summary>
    private static void AppendEncoded(StringBuilder sb, int cp, CodePage page, bool latin1)
    {
        if (cp < 0x80)
        {
            sb.Append((char)cp);
            return;
        }

        int n = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        int lead = n == 2 ? 0xC0 : n == 3 ? 0xE0 : 0xF0;
        for (int k = 0; k < n; k++)
        {
            int shift = 6 * (n - 1 - k);
            int b = k == 0 ? lead | (cp >> shift) : 0x80 | ((cp >> shift) & 0x3F);
            sb.Append(latin1 ? (char)b : page.High[b - 0x80]);
        }
    }

    /// <summary>The explanation of a finding whose innermost text was CESU-8: "CESU-8 (...) read as Windows-1252".</summary>
    public static string Cesu8(string explanation) =>
        explanation.StartsWith("UTF-8 ", StringComparison.Ordinal)
            ? "CESU-8 (an emoji's surrogates encoded one by one)" + explanation.Substring(5)
            : explanation;

    /// <summary>"UTF-8 read as Windows-1252, twice", "UTF-8 read as ISO-8859-1, then as Windows-1252".</summary>
    public static string Explain(string[] chain)
    {
        bool same = true;
        for (int k = 1; k < chain.Length; k++)
        {
            same &= string.Equals(chain[k], chain[0], StringComparison.Ordinal);
        }

        if (same)
        {
            switch (chain.Length)
            {
                case 1:
                    return "UTF-8 read as " + chain[0];
                case 2:
                    return "UTF-8 read as " + chain[0] + ", twice";
                case 3:
                    return "UTF-8 read as " + chain[0] + ", three times";
                default:
                    return "UTF-8 read as " + chain[0] + ", " + chain.Length.ToString(CultureInfo.InvariantCulture) + " times";
            }
        }

        // Chain is outermost first; explain in the order the damage happened.
        var sb = new StringBuilder("UTF-8 read as ");
        for (int k = chain.Length - 1; k >= 0; k--)
        {
            sb.Append(chain[k]);
            if (k > 0)
            {
                sb.Append(", then as ");
            }
        }

        return sb.ToString();
    }
}
