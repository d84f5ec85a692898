// MojibakeDetector: finds runs of text that are UTF-8 bytes decoded through a legacy
// single-byte code page ("mojibake") and computes the exact repair.
//
// Design (see the report / tests for the reasoning):
//  * Linear scan. Runs of ASCII are skipped in bulk; every non-ASCII position is tried
//    against the code pages in priority order. Each code page keeps its own "known bad
//    until" cursor so that no region is parsed twice by the same code page.
//  * A candidate is a maximal run of adjacent, well-formed UTF-8 sequences obtained by
//    mapping each char back to its byte through the code page's reverse table.
//  * Evidence (ftfy-style): each decoded code point is classified (Bad / Pending C1 /
//    Weak / Good) and each sequence is "strong" only if the original chars look wrong in
//    context. A run is reported only if it contains at least one strong sequence and its
//    final repair contains no control, unassigned or private-use character.
//  * Layers: the repair of a run is scanned again (up to 3 more times); every layer that
//    repairs something is added to Chain (outermost first).
//  * Lost bytes: only findings that can be repaired exactly are returned. The single
//    partial case handled is "â€" whose third byte (0x81/0x8D/0x8F/0x90/0x9D, undefined in
//    Windows-1252) was dropped or replaced by U+FFFD: repaired to U+200D (ZWJ) between two
//    broken emoji, or to U+201D (”) when an unclosed broken “ precedes it in the same
//    paragraph. Otherwise it is ambiguous (U+2001/200D/200F/2010/201D) and not reported.
//    A byte replaced by '?' or ' ' is never consumed (the '?' may be a real question mark).
//    "Â" + space (a no-break space flattened to a space) after a digit, lowercase ASCII
//    letter or punctuation is repaired to U+00A0.
//  * A UTF-8 byte order mark read as Windows-1252 ("ï»¿") is reported with an empty repair.
#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PolicyLint.Rules.Encoding
{
    /// <summary>One run of mojibake and its exact repair.</summary>
    internal sealed class MojibakeFinding
    {
        internal MojibakeFinding(int start, string original, string repaired, IReadOnlyList<string> chain, string explanation)
        {
            Start = start;
            Length = original.Length;
            Original = original;
            Repaired = repaired;
            Chain = chain;
            Explanation = explanation;
        }

        /// <summary>Char offset of the broken run in the input string.</summary>
        public int Start { get; }

        /// <summary>Number of chars of the broken run.</summary>
        public int Length { get; }

        /// <summary>The broken text, e.g. "ðŸ¤—".</summary>
        public string Original { get; }

        /// <summary>The repaired text, e.g. "🤗" (empty for a stray byte order mark).</summary>
        public string Repaired { get; }

        /// <summary>Legacy encodings undone, outermost first.</summary>
        public IReadOnlyList<string> Chain { get; }

        /// <summary>Human explanation, e.g. "UTF-8 read as Windows-1252, twice".</summary>
        public string Explanation { get; }

        /// <inheritdoc />
        public override string ToString() => $"[{Start},{Start + Length}) '{Original}' -> '{Repaired}' ({Explanation})";
    }

    /// <summary>Detects and repairs UTF-8 text that was decoded through a legacy code page.</summary>
    internal static class MojibakeDetector
    {
        private const int MaxLayers = 4;
        private const char Undefined = '\uFFFF';

        // ---- code page tables (high half, 0x80-0xFF; the low half is ASCII for all) ----
        // Windows-1252 as decoded by .NET/Python "best fit": undefined bytes 0x81, 0x8D,
        // 0x8F, 0x90, 0x9D become the C1 controls U+0081 etc.
        private const string Cp1252High =
            "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
            "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178" +
            "\u00A0\u00A1\u00A2\u00A3\u00A4\u00A5\u00A6\u00A7\u00A8\u00A9\u00AA\u00AB\u00AC\u00AD\u00AE\u00AF" +
            "\u00B0\u00B1\u00B2\u00B3\u00B4\u00B5\u00B6\u00B7\u00B8\u00B9\u00BA\u00BB\u00BC\u00BD\u00BE\u00BF" +
            "\u00C0\u00C1\u00C2\u00C3\u00C4\u00C5\u00C6\u00C7\u00C8\u00C9\u00CA\u00CB\u00CC\u00CD\u00CE\u00CF" +
            "\u00D0\u00D1\u00D2\u00D3\u00D4\u00D5\u00D6\u00D7\u00D8\u00D9\u00DA\u00DB\u00DC\u00DD\u00DE\u00DF" +
            "\u00E0\u00E1\u00E2\u00E3\u00E4\u00E5\u00E6\u00E7\u00E8\u00E9\u00EA\u00EB\u00EC\u00ED\u00EE\u00EF" +
            "\u00F0\u00F1\u00F2\u00F3\u00F4\u00F5\u00F6\u00F7\u00F8\u00F9\u00FA\u00FB\u00FC\u00FD\u00FE\u00FF";

        private const string MacRomanHigh =
            "\u00C4\u00C5\u00C7\u00C9\u00D1\u00D6\u00DC\u00E1\u00E0\u00E2\u00E4\u00E3\u00E5\u00E7\u00E9\u00E8" +
            "\u00EA\u00EB\u00ED\u00EC\u00EE\u00EF\u00F1\u00F3\u00F2\u00F4\u00F6\u00F5\u00FA\u00F9\u00FB\u00FC" +
            "\u2020\u00B0\u00A2\u00A3\u00A7\u2022\u00B6\u00DF\u00AE\u00A9\u2122\u00B4\u00A8\u2260\u00C6\u00D8" +
            "\u221E\u00B1\u2264\u2265\u00A5\u00B5\u2202\u2211\u220F\u03C0\u222B\u00AA\u00BA\u2126\u00E6\u00F8" +
            "\u00BF\u00A1\u00AC\u221A\u0192\u2248\u2206\u00AB\u00BB\u2026\u00A0\u00C0\u00C3\u00D5\u0152\u0153" +
            "\u2013\u2014\u201C\u201D\u2018\u2019\u00F7\u25CA\u00FF\u0178\u2044\u20AC\u2039\u203A\uFB01\uFB02" +
            "\u2021\u00B7\u201A\u201E\u2030\u00C2\u00CA\u00C1\u00CB\u00C8\u00CD\u00CE\u00CF\u00CC\u00D3\u00D4" +
            "\uF8FF\u00D2\u00DA\u00DB\u00D9\u0131\u02C6\u02DC\u00AF\u02D8\u02D9\u02DA\u00B8\u02DD\u02DB\u02C7";

        private const string Cp437High =
            "\u00C7\u00FC\u00E9\u00E2\u00E4\u00E0\u00E5\u00E7\u00EA\u00EB\u00E8\u00EF\u00EE\u00EC\u00C4\u00C5" +
            "\u00C9\u00E6\u00C6\u00F4\u00F6\u00F2\u00FB\u00F9\u00FF\u00D6\u00DC\u00A2\u00A3\u00A5\u20A7\u0192" +
            "\u00E1\u00ED\u00F3\u00FA\u00F1\u00D1\u00AA\u00BA\u00BF\u2310\u00AC\u00BD\u00BC\u00A1\u00AB\u00BB" +
            "\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255D\u255C\u255B\u2510" +
            "\u2514\u2534\u252C\u251C\u2500\u253C\u255E\u255F\u255A\u2554\u2569\u2566\u2560\u2550\u256C\u2567" +
            "\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256B\u256A\u2518\u250C\u2588\u2584\u258C\u2590\u2580" +
            "\u03B1\u00DF\u0393\u03C0\u03A3\u03C3\u00B5\u03C4\u03A6\u0398\u03A9\u03B4\u221E\u03C6\u03B5\u2229" +
            "\u2261\u00B1\u2265\u2264\u2320\u2321\u00F7\u2248\u00B0\u2219\u00B7\u221A\u207F\u00B2\u25A0\u00A0";

        private const string Cp1250High =
            "\u20AC\u0081\u201A\u0083\u201E\u2026\u2020\u2021\u0088\u2030\u0160\u2039\u015A\u0164\u017D\u0179" +
            "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u0098\u2122\u0161\u203A\u015B\u0165\u017E\u017A" +
            "\u00A0\u02C7\u02D8\u0141\u00A4\u0104\u00A6\u00A7\u00A8\u00A9\u015E\u00AB\u00AC\u00AD\u00AE\u017B" +
            "\u00B0\u00B1\u02DB\u0142\u00B4\u00B5\u00B6\u00B7\u00B8\u0105\u015F\u00BB\u013D\u02DD\u013E\u017C" +
            "\u0154\u00C1\u00C2\u0102\u00C4\u0139\u0106\u00C7\u010C\u00C9\u0118\u00CB\u011A\u00CD\u00CE\u010E" +
            "\u0110\u0143\u0147\u00D3\u00D4\u0150\u00D6\u00D7\u0158\u016E\u00DA\u0170\u00DC\u00DD\u0162\u00DF" +
            "\u0155\u00E1\u00E2\u0103\u00E4\u013A\u0107\u00E7\u010D\u00E9\u0119\u00EB\u011B\u00ED\u00EE\u010F" +
            "\u0111\u0144\u0148\u00F3\u00F4\u0151\u00F6\u00F7\u0159\u016F\u00FA\u0171\u00FC\u00FD\u0163\u02D9";

        private const string Cp1251High =
            "\u0402\u0403\u201A\u0453\u201E\u2026\u2020\u2021\u20AC\u2030\u0409\u2039\u040A\u040C\u040B\u040F" +
            "\u0452\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u0098\u2122\u0459\u203A\u045A\u045C\u045B\u045F" +
            "\u00A0\u040E\u045E\u0408\u00A4\u0490\u00A6\u00A7\u0401\u00A9\u0404\u00AB\u00AC\u00AD\u00AE\u0407" +
            "\u00B0\u00B1\u0406\u0456\u0491\u00B5\u00B6\u00B7\u0451\u2116\u0454\u00BB\u0458\u0405\u0455\u0457" +
            "\u0410\u0411\u0412\u0413\u0414\u0415\u0416\u0417\u0418\u0419\u041A\u041B\u041C\u041D\u041E\u041F" +
            "\u0420\u0421\u0422\u0423\u0424\u0425\u0426\u0427\u0428\u0429\u042A\u042B\u042C\u042D\u042E\u042F" +
            "\u0430\u0431\u0432\u0433\u0434\u0435\u0436\u0437\u0438\u0439\u043A\u043B\u043C\u043D\u043E\u043F" +
            "\u0440\u0441\u0442\u0443\u0444\u0445\u0446\u0447\u0448\u0449\u044A\u044B\u044C\u044D\u044E\u044F";

        private const string Cp1253High =
            "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u0088\u2030\u008A\u2039\u008C\u008D\u008E\u008F" +
            "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u0098\u2122\u009A\u203A\u009C\u009D\u009E\u009F" +
            "\u00A0\u0385\u0386\u00A3\u00A4\u00A5\u00A6\u00A7\u00A8\u00A9\uFFFF\u00AB\u00AC\u00AD\u00AE\u2015" +
            "\u00B0\u00B1\u00B2\u00B3\u0384\u00B5\u00B6\u00B7\u0388\u0389\u038A\u00BB\u038C\u00BD\u038E\u038F" +
            "\u0390\u0391\u0392\u0393\u0394\u0395\u0396\u0397\u0398\u0399\u039A\u039B\u039C\u039D\u039E\u039F" +
            "\u03A0\u03A1\uFFFF\u03A3\u03A4\u03A5\u03A6\u03A7\u03A8\u03A9\u03AA\u03AB\u03AC\u03AD\u03AE\u03AF" +
            "\u03B0\u03B1\u03B2\u03B3\u03B4\u03B5\u03B6\u03B7\u03B8\u03B9\u03BA\u03BB\u03BC\u03BD\u03BE\u03BF" +
            "\u03C0\u03C1\u03C2\u03C3\u03C4\u03C5\u03C6\u03C7\u03C8\u03C9\u03CA\u03CB\u03CC\u03CD\u03CE\uFFFF";

        private const string Cp1254High =
            "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u008E\u008F" +
            "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u009E\u0178" +
            "\u00A0\u00A1\u00A2\u00A3\u00A4\u00A5\u00A6\u00A7\u00A8\u00A9\u00AA\u00AB\u00AC\u00AD\u00AE\u00AF" +
            "\u00B0\u00B1\u00B2\u00B3\u00B4\u00B5\u00B6\u00B7\u00B8\u00B9\u00BA\u00BB\u00BC\u00BD\u00BE\u00BF" +
            "\u00C0\u00C1\u00C2\u00C3\u00C4\u00C5\u00C6\u00C7\u00C8\u00C9\u00CA\u00CB\u00CC\u00CD\u00CE\u00CF" +
            "\u011E\u00D1\u00D2\u00D3\u00D4\u00D5\u00D6\u00D7\u00D8\u00D9\u00DA\u00DB\u00DC\u0130\u015E\u00DF" +
            "\u00E0\u00E1\u00E2\u00E3\u00E4\u00E5\u00E6\u00E7\u00E8\u00E9\u00EA\u00EB\u00EC\u00ED\u00EE\u00EF" +
            "\u011F\u00F1\u00F2\u00F3\u00F4\u00F5\u00F6\u00F7\u00F8\u00F9\u00FA\u00FB\u00FC\u0131\u015F\u00FF";

        private const string Cp1257High =
            "\u20AC\u0081\u201A\u0083\u201E\u2026\u2020\u2021\u0088\u2030\u008A\u2039\u008C\u00A8\u02C7\u00B8" +
            "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u0098\u2122\u009A\u203A\u009C\u00AF\u02DB\u009F" +
            "\u00A0\uFFFF\u00A2\u00A3\u00A4\uFFFF\u00A6\u00A7\u00D8\u00A9\u0156\u00AB\u00AC\u00AD\u00AE\u00C6" +
            "\u00B0\u00B1\u00B2\u00B3\u00B4\u00B5\u00B6\u00B7\u00F8\u00B9\u0157\u00BB\u00BC\u00BD\u00BE\u00E6" +
            "\u0104\u012E\u0100\u0106\u00C4\u00C5\u0118\u0112\u010C\u00C9\u0179\u0116\u0122\u0136\u012A\u013B" +
            "\u0160\u0143\u0145\u00D3\u014C\u00D5\u00D6\u00D7\u0172\u0141\u015A\u016A\u00DC\u017B\u017D\u00DF" +
            "\u0105\u012F\u0101\u0107\u00E4\u00E5\u0119\u0113\u010D\u00E9\u017A\u0117\u0123\u0137\u012B\u013C" +
            "\u0161\u0144\u0146\u00F3\u014D\u00F5\u00F6\u00F7\u0173\u0142\u015B\u016B\u00FC\u017C\u017E\u02D9";

        internal const string Windows1252Name = "Windows-1252";

        /// <summary>
        /// The character Windows-1252 maps <paramref name="b"/> to, or null for its five undefined bytes
        /// (0x81, 0x8D, 0x8F, 0x90, 0x9D, which the table keeps as the C1 controls a "best fit" decoder produces).
        /// </summary>
        internal static char? Windows1252(byte b)
        {
            if (b < 0x80) return (char)b;
            char c = Cp1252High[b - 0x80];
            return c < '\u00A0' && c == (char)b ? null : c;
        }

        /// <summary>For tests: the high half of a code page table by name.</summary>
        internal static string HighTable(string name)
        {
            switch (name)
            {
                case "Windows-1252": return Cp1252High;
                case "MacRoman": return MacRomanHigh;
                case "CP437": return Cp437High;
                case "Windows-1250": return Cp1250High;
                case "Windows-1251": return Cp1251High;
                case "Windows-1253": return Cp1253High;
                case "Windows-1254": return Cp1254High;
                case "Windows-1257": return Cp1257High;
                default: throw new ArgumentException("unknown code page", nameof(name));
            }
        }
        internal const string Latin1Name = "ISO-8859-1";

        /// <summary>A legacy code page: reverse table char -> byte for the high half.</summary>
        private sealed class CodePage
        {
            public readonly string Name;
            public readonly string High;
            public readonly string[] SingleChain;
            public readonly IReadOnlyList<string> PublicSingleChain;
            public readonly bool IsPrimary;
            public readonly bool IsCp437;
            private readonly Dictionary<char, byte> _reverse;

            public CodePage(string name, string high, bool primary, bool cp437 = false)
            {
                Name = name;
                High = high;
                SingleChain = new[] { name };
                PublicSingleChain = Array.AsReadOnly(SingleChain);
                IsPrimary = primary;
                IsCp437 = cp437;
                _reverse = new Dictionary<char, byte>(160);
                for (int i = 0; i < 128; i++)
                {
                    char c = high[i];
                    if (c != Undefined && !_reverse.ContainsKey(c))
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

            public bool TryGetByte(char c, out byte b)
            {
                if (c < 0x80)
                {
                    b = (byte)c;
                    return true;
                }

                return _reverse.TryGetValue(c, out b);
            }
        }

        private static readonly CodePage Primary = new CodePage(Windows1252Name, Cp1252High, primary: true);

        private static readonly CodePage[] CodePages =
        {
            Primary,
            new CodePage("Windows-1254", Cp1254High, false),
            new CodePage("MacRoman", MacRomanHigh, false),
            new CodePage("Windows-1250", Cp1250High, false),
            new CodePage("Windows-1251", Cp1251High, false),
            new CodePage("Windows-1253", Cp1253High, false),
            new CodePage("Windows-1257", Cp1257High, false),
            new CodePage("CP437", Cp437High, false, cp437: true),
        };

        private static readonly IReadOnlyList<MojibakeFinding> Empty = Array.Empty<MojibakeFinding>();

        private static readonly string[] Latin1Chain = { Latin1Name };
        private static readonly IReadOnlyList<string> PublicLatin1Chain = Array.AsReadOnly(Latin1Chain);

        private static IReadOnlyList<string> PublicChain(string[] chain)
        {
            if (chain.Length == 1)
            {
                if (ReferenceEquals(chain, Latin1Chain))
                {
                    return PublicLatin1Chain;
                }

                foreach (var page in CodePages)
                {
                    if (ReferenceEquals(chain, page.SingleChain))
                    {
                        return page.PublicSingleChain;
                    }
                }
            }

            return Array.AsReadOnly((string[])chain.Clone());
        }

        // For every BMP char, a bit per code page (index into CodePages) in which the char
        // maps to a UTF-8 lead byte (0xC2-0xF4). Chars with no bit set (CJK, emoji, curly
        // quotes...) are skipped without any dictionary lookup.
        private static readonly byte[] LeadMask = BuildLeadMask();

        private static byte[] BuildLeadMask()
        {
            var mask = new byte[65536];
            for (int k = 0; k < CodePages.Length; k++)
            {
                string table = CodePages[k].High;
                for (int b = 0xC2; b <= 0xF4; b++)
                {
                    char c = table[b - 0x80];
                    if (c != Undefined)
                    {
                        mask[c] |= (byte)(1 << k);
                    }
                }
            }

            for (int c = 0xC2; c <= 0xF4; c++)
            {
                mask[c] |= 1; // Latin-1 through the primary page
            }

            return mask;
        }

        /// <summary>Finds mojibake in the whole string.</summary>
        public static IReadOnlyList<MojibakeFinding> Find(string text)
        {
            ThrowIfNull(text);
            return Find(text, 0, text.Length);
        }

        /// <summary>Finds mojibake in text[start, start+length); offsets in results are absolute.</summary>
        public static IReadOnlyList<MojibakeFinding> Find(string text, int start, int length)
        {
            ThrowIfNull(text);
            if (start < 0 || length < 0 || start > text.Length - length)
            {
                throw new ArgumentOutOfRangeException(nameof(start));
            }

            int wants = 0;
            var raw = Scan(text, start, start + length, 0, 0, ref wants);
            if (raw is not null)
            {
                // Document-level evidence: once a secondary code page is proven by a run of
                // several sequences, single sequences through that code page are accepted too;
                // once Windows-1252 is proven, so are lone Hebrew/Arabic letters.
                int confirmed = 0;
                foreach (var f in raw)
                {
                    if (f.ExplanationOverride is null &&
                        (string.Equals(f.Chain[0], Windows1252Name, StringComparison.Ordinal) ||
                         string.Equals(f.Chain[0], Latin1Name, StringComparison.Ordinal)))
                    {
                        confirmed |= 1; // lone Hebrew/Arabic letters become acceptable
                    }

                    for (int k = 1; k < CodePages.Length; k++)
                    {
                        if (string.Equals(CodePages[k].Name, f.Chain[0], StringComparison.Ordinal))
                        {
                            confirmed |= 1 << k;
                        }
                    }
                }

                // Rescan only if the first pass rejected something that the evidence unlocks.
                if ((confirmed & wants) != 0)
                {
                    raw = Scan(text, start, start + length, 0, confirmed, ref wants);
                }
            }

            if (raw is null)
            {
                return Empty;
            }

            return Merge(text, raw);
        }

        private static void ThrowIfNull(string text)
        {
#if NET
            ArgumentNullException.ThrowIfNull(text);
#else
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }
#endif
        }

        // ------------------------------------------------------------------ scanning

        private struct RawFinding
        {
            public int Start;
            public int End;
            public string Repaired;
            public string[] Chain;
            public string? ExplanationOverride;
        }

        private enum CpClass
        {
            Bad,
            Pending, // a C1 control: acceptable only if a deeper layer consumes it
            Weak,
            Good,
        }

        private static int SkipAscii(string s, int i, int end)
        {
#if NET
            int k = s.AsSpan(i, end - i).IndexOfAnyExceptInRange('\0', '\u007F');
            return k < 0 ? end : i + k;
#else
            while (i < end && s[i] < 0x80)
            {
                i++;
            }

            return i;
#endif
        }

        private static List<RawFinding>? Scan(string s, int from, int to, int depth, int confirmed, ref int wants)
        {
            List<RawFinding>? results = null;
            int nPages = CodePages.Length;
            // Per code page: no accepted run for this page starts before this index.
            int[] skip = new int[nPages];
            for (int k = 0; k < nPages; k++)
            {
                skip[k] = from;
            }

            var sb = new StringBuilder();
            int lastEnd = -1;
            bool lastEndsWithEmoji = false;
            int openQuotePos = -1; // position of an unclosed repaired “

            int i = from;
            while (i < to)
            {
                i = SkipAscii(s, i, to);
                if (i >= to)
                {
                    break;
                }

                int leadMask = LeadMask[s[i]];
                bool found = false;
                for (int k = 0; k < nPages && !found && leadMask != 0; k++)
                {
                    if ((leadMask & (1 << k)) == 0 || skip[k] > i)
                    {
                        continue;
                    }

                    CodePage page = CodePages[k];
                    int runEnd = TryRun(s, i, to, page, depth, (confirmed & (1 << k)) != 0, sb, out RawFinding f, out bool wantsConfirmation);
                    if (wantsConfirmation)
                    {
                        wants |= 1 << k;
                    }

                    if (runEnd > i && f.Repaired is not null)
                    {
                        results ??= new List<RawFinding>();
                        results.Add(f);
                        found = true;
                        UpdateState(f, ref lastEnd, ref lastEndsWithEmoji, ref openQuotePos);
                        i = f.End;
                    }
                    else if (runEnd > i)
                    {
                        skip[k] = runEnd;
                    }
                }

                if (found)
                {
                    continue;
                }

                if (depth == 0 && TryLostByte(s, i, to, sb, lastEnd, lastEndsWithEmoji, ref openQuotePos, out RawFinding lf))
                {
                    results ??= new List<RawFinding>();
                    results.Add(lf);
                    UpdateState(lf, ref lastEnd, ref lastEndsWithEmoji, ref openQuotePos);
                    i = lf.End;
                    continue;
                }

                i++;
            }

            return results;
        }

        private static void UpdateState(RawFinding f, ref int lastEnd, ref bool lastEndsWithEmoji, ref int openQuotePos)
        {
            lastEnd = f.End;
            string r = f.Repaired;
            lastEndsWithEmoji = r.Length >= 2 && char.IsLowSurrogate(r[r.Length - 1]);
            int open = r.LastIndexOf('\u201C');
            int close = r.LastIndexOf('\u201D');
            if (open > close)
            {
                openQuotePos = f.Start;
            }
            else if (close >= 0)
            {
                openQuotePos = -1;
            }
        }

        /// <summary>
        /// Parses one UTF-8 sequence starting at p through the code page.
        /// Returns its length in chars (2-4) or 0.
        /// </summary>
        private static int ParseSequence(string s, int p, int end, CodePage page, out int codePoint)
        {
            codePoint = 0;
            if (!page.TryGetByte(s[p], out byte b0) || b0 < 0xC2 || b0 > 0xF4)
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
                if (c < 0x80 || !page.TryGetByte(c, out byte b) || (b & 0xC0) != 0x80)
                {
                    return 0;
                }

                if (k == 1)
                {
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
        /// Tries to build an accepted run at position i. Returns the end of the candidate
        /// run (i if there is none). <paramref name="finding"/>.Repaired is null when the
        /// candidate was rejected.
        /// </summary>
        private static int TryRun(string s, int i, int to, CodePage page, int depth, bool confirmed, StringBuilder sb,
            out RawFinding finding, out bool wantsConfirmation)
        {
            finding = default;
            wantsConfirmation = false;
            int n0 = ParseSequence(s, i, to, page, out int cp0);
            if (n0 == 0)
            {
                return i;
            }

            // A byte order mark on its own.
            if (cp0 == 0xFEFF)
            {
                if (page.IsPrimary)
                {
                    finding = new RawFinding
                    {
                        Start = i,
                        End = i + n0,
                        Repaired = string.Empty,
                        Chain = Primary.SingleChain,
                        ExplanationOverride = "a UTF-8 byte order mark read as Windows-1252",
                    };
                }

                return i + n0;
            }

            sb.Clear();
            int p = i;
            int seqCount = 0;
            bool anyStrong = false, anyWeak = false, anyPending = false;
            bool hasNonLetter = false, caseFlip = false, hasNonBox = false;
            bool has1252Only = false, hasLatin1C1 = false;
            bool onlyPunctOrAstral = true;
            int rtlLetters = 0;
            int n = n0, cp = cp0;
            while (true)
            {
                if (n == 0 || cp == 0xFEFF)
                {
                    break;
                }

                CpClass cls = Classify(cp);
                if (cls == CpClass.Bad)
                {
                    break;
                }

                if (cls == CpClass.Weak && depth > 0)
                {
                    cls = CpClass.Good; // inside a proven layer, rare letters (IPA...) are fine
                }
                else if (cls == CpClass.Weak && n == 2 && cp < 0x370 && IsMidWord(s, p, to))
                {
                    // Rare Latin letters and marks (ə ɔ ɛ ʋ, combining accents) in the middle
                    // of a word: "azÉ™rbaycan" can only be "azərbaycan".
                    cls = CpClass.Good;
                }

                bool strong = cls == CpClass.Good && IsStrong(s, p, n, page);
                if (strong && n == 2 && cp >= 0x590 && cp < 0x800 && depth == 0 && !confirmed)
                {
                    // Hebrew/Arabic letters: "Ø" and "×" are also symbols ("Ø±0.1 mm"), and
                    // one letter alone is no word in these scripts; need a companion.
                    strong = false;
                    rtlLetters++;
                }

                for (int k = p; k < p + n; k++)
                {
                    char c = s[k];
                    if (c >= 0x80 && c <= 0x9F)
                    {
                        if (c != '\u0081' && c != '\u008D' && c != '\u008F' && c != '\u0090' && c != '\u009D')
                        {
                            hasLatin1C1 = true;
                        }

                        if (cls != CpClass.Bad)
                        {
                            strong = true; // C1 controls in text are evidence on their own
                        }
                    }
                    else if (c > 0xFF)
                    {
                        has1252Only = true;
                    }

                    if (!char.IsLetter(c))
                    {
                        hasNonLetter = true;
                    }
                    else if (k > i && char.IsUpper(c) && char.IsLower(s[k - 1]))
                    {
                        caseFlip = true;
                    }

                    if (c < 0x2500 || c > 0x259F)
                    {
                        hasNonBox = true;
                    }
                }

                if (cls == CpClass.Pending)
                {
                    anyPending = true;
                    strong = false;
                }
                else if (cls == CpClass.Weak)
                {
                    anyWeak = true;
                }

                if (!(cp >= 0x10000 || (cp >= 0x2000 && cp <= 0x206F)))
                {
                    onlyPunctOrAstral = false;
                }

                anyStrong |= strong;
                AppendCodePoint(sb, cp);
                seqCount++;
                p += n;
                if (p >= to)
                {
                    break;
                }

                n = ParseSequence(s, p, to, page, out cp);
            }

            int end = p;
            if (seqCount == 0)
            {
                return i + n0; // the first sequence was unacceptable; skip it
            }

            bool accept = anyStrong || rtlLetters >= 2;
            if (!accept && rtlLetters > 0 && depth == 0)
            {
                wantsConfirmation = true;
            }

            if (accept && !page.IsPrimary)
            {
                // Secondary code pages need more: no weak or pending code points, and
                // either several sequences with mixed classes of characters, or one
                // multi-byte punctuation/emoji sequence.
                bool severalMixed = seqCount >= 2 && (hasNonLetter || caseFlip);
                bool singlePunctuation = seqCount == 1 && onlyPunctOrAstral && end - i >= 3 && hasNonLetter;
                accept = !anyWeak && !anyPending && (severalMixed || singlePunctuation || confirmed);
                wantsConfirmation = !anyWeak && !anyPending && !severalMixed && !singlePunctuation && depth == 0;
                if (accept && page.IsCp437 && !hasNonBox)
                {
                    accept = false;
                }
            }

            if (!accept)
            {
                return end;
            }

            string repaired = sb.ToString();
            string[] chain = page.IsPrimary && hasLatin1C1 && !has1252Only ? Latin1Chain : page.SingleChain;
            string label = chain[0];

            // Deeper layers.
            if (depth + 1 < MaxLayers && HasLeadChar(repaired))
            {
                // The inner layer is judged with the outer run's neighbours as context.
                string ctx = (i > 0 ? s[i - 1] : ' ') + repaired + (end < s.Length ? s[end] : ' ');
                int ignored = 0;
                var inner = Scan(ctx, 1, 1 + repaired.Length, depth + 1, 0, ref ignored);
                if (inner is not null && inner.Count > 0)
                {
                    string[] innerChain = inner[0].Chain;
                    for (int k = 1; k < inner.Count; k++)
                    {
                        if (inner[k].Chain.Length > innerChain.Length)
                        {
                            innerChain = inner[k].Chain;
                        }
                    }

                    string applied = Apply(ctx, inner);
                    repaired = applied.Substring(1, applied.Length - 2);
                    chain = new string[innerChain.Length + 1];
                    chain[0] = label;
                    Array.Copy(innerChain, 0, chain, 1, innerChain.Length);
                }
            }

            if (!IsCleanRepair(repaired))
            {
                return end;
            }

            finding = new RawFinding { Start = i, End = end, Repaired = repaired, Chain = chain };
            return end;
        }

        /// <summary>Whether one sequence at p (n chars) looks wrong in its context.</summary>
        private static bool IsStrong(string s, int p, int n, CodePage page)
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

        private static bool IsMidWord(string s, int p, int to)
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

        private static CpClass Classify(int cp)
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

        private static bool HasLeadChar(string r)
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

        private static bool IsCleanRepair(string r)
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

        private static void AppendCodePoint(StringBuilder sb, int cp)
        {
            if (cp < 0x10000)
            {
                sb.Append((char)cp);
            }
            else
            {
                cp -= 0x10000;
                sb.Append((char)(0xD800 + (cp >> 10)));
                sb.Append((char)(0xDC00 + (cp & 0x3FF)));
            }
        }

        // ------------------------------------------------------------------ lost bytes

        /// <summary>
        /// "â€" whose third byte (undefined in Windows-1252) was lost or replaced by U+FFFD.
        /// Repaired only with unambiguous evidence (see the file header).
        /// </summary>
        private static bool TryLostByte(string s, int i, int to, StringBuilder sb, int lastEnd, bool lastEndsWithEmoji,
            ref int openQuotePos, out RawFinding finding)
        {
            finding = default;
            char c = s[i];
            if (c == '\u00C2' && i + 1 < to && s[i + 1] == ' ' && i > 0 && i + 2 < to)
            {
                // "Â" + space: a no-break space (C2 A0) whose second byte became a space.
                char prev = s[i - 1];
                char after = s[i + 2];
                bool prevOk = (prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9') ||
                              prev == '.' || prev == ',' || prev == ';' || prev == ':' || prev == '!' ||
                              prev == '?' || prev == ')';
                if (prevOk && !char.IsWhiteSpace(after))
                {
                    finding = new RawFinding
                    {
                        Start = i,
                        End = i + 2,
                        Repaired = "\u00A0",
                        Chain = Primary.SingleChain,
                        ExplanationOverride = "UTF-8 read as Windows-1252 (its no-break space then became a space)",
                    };
                    return true;
                }

                return false;
            }

            if (c != '\u00E2' || i + 1 >= to || s[i + 1] != '\u20AC')
            {
                return false;
            }

            int end = i + 2;
            if (end < to && s[end] == '\uFFFD')
            {
                end++;
            }

            string? repaired = null;
            if (lastEnd == i && lastEndsWithEmoji && end < to && StartsEmojiMojibake(s, end, to))
            {
                repaired = "\u200D";
            }
            else if (openQuotePos >= 0)
            {
                if (!HasBlankLine(s, openQuotePos, i))
                {
                    repaired = "\u201D";
                }
                else
                {
                    openQuotePos = -1;
                }
            }

            if (repaired is null)
            {
                return false;
            }

            finding = new RawFinding
            {
                Start = i,
                End = end,
                Repaired = repaired,
                Chain = Primary.SingleChain,
                ExplanationOverride = "UTF-8 read as Windows-1252, with an undefined byte lost",
            };
            return true;
        }

        private static bool HasBlankLine(string s, int from, int to)
        {
            int k = s.IndexOf('\n', from, to - from);
            while (k >= 0)
            {
                int j = k + 1;
                while (j < to && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
                {
                    j++;
                }

                if (j < to && s[j] == '\n')
                {
                    return true;
                }

                k = j < to ? s.IndexOf('\n', j, to - j) : -1;
            }

            return false;
        }

        private static bool StartsEmojiMojibake(string s, int p, int to)
        {
            int n = ParseSequence(s, p, to, Primary, out int cp);
            return (n == 4 && cp >= 0x1F000) || (n == 3 && cp >= 0x2600 && cp <= 0x27BF);
        }

        // ------------------------------------------------------------------ results

        private static string Apply(string s, List<RawFinding> findings)
        {
            var sb = new StringBuilder(s.Length);
            int pos = 0;
            foreach (var f in findings)
            {
                sb.Append(s, pos, f.Start - pos);
                sb.Append(f.Repaired);
                pos = f.End;
            }

            sb.Append(s, pos, s.Length - pos);
            return sb.ToString();
        }

        private static List<MojibakeFinding> Merge(string text, List<RawFinding> raw)
        {
            var list = new List<MojibakeFinding>(raw.Count);
            int k = 0;
            while (k < raw.Count)
            {
                RawFinding f = raw[k];
                int end = f.End;
                string repaired = f.Repaired;
                string? explanation = f.ExplanationOverride;
                bool lostByte = explanation is not null && f.Repaired.Length > 0;
                int m = k + 1;
                // Adjacent runs with the same chain (e.g. emoji split by a lost ZWJ byte)
                // are reported as one finding.
                while (m < raw.Count && raw[m].Start == end && SameChain(raw[m].Chain, f.Chain) &&
                       raw[m].Repaired.Length > 0 && f.Repaired.Length > 0)
                {
                    if (raw[m].ExplanationOverride is not null)
                    {
                        explanation = raw[m].ExplanationOverride;
                        lostByte = true;
                    }

                    repaired += raw[m].Repaired;
                    end = raw[m].End;
                    m++;
                }

                if (lostByte)
                {
                    explanation ??= Explain(f.Chain);
                }

                list.Add(new MojibakeFinding(
                    f.Start,
                    text.Substring(f.Start, end - f.Start),
                    repaired,
                    PublicChain(f.Chain),
                    explanation ?? Explain(f.Chain)));
                k = m;
            }

            return list;
        }

        private static bool SameChain(string[] a, string[] b)
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

        private static string Explain(string[] chain)
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
}
