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
