// MojibakeDetector: finds runs of text that are UTF-8 bytes decoded through a legacy
// single-byte code page ("mojibake") and computes the exact repair.
//
// Design (the concepts live beside this file: CodePageTables and CodePage, MojibakeEvidence,
// LostBytes, MojibakeChain):
//  * Linear scan. Runs of ASCII are skipped in bulk; every non-ASCII position is tried
//    against the code pages in priority order. Each code page keeps its own "known bad
//    until" cursor so that no region is parsed twice by the same code page.
//  * A candidate is a maximal run of adjacent, well-formed UTF-8 sequences obtained by
//    mapping each char back to its byte through the code page's reverse table.
//  * Evidence: a run is reported only if it contains at least one strong sequence and its
//    final repair contains no control, unassigned or private-use character.
//  * Layers: the repair of a run is scanned again (up to 3 more times); every layer that
//    repairs something is added to Chain (outermost first).
//  * Lost bytes: only findings that can be repaired exactly are returned.
//  * A UTF-8 byte order mark read as Windows-1252 ("ï»¿") is reported with an empty repair.
using System;
using System.Collections.Generic;
using System.Text;

namespace PolicyLint.Rules.Encoding;

/// <summary>Detects and repairs UTF-8 text that was decoded through a legacy code page.</summary>
internal static class MojibakeDetector
{
    private const int MaxLayers = 4;

    internal const string Windows1252Name = CodePageTables.Windows1252Name;

    internal const string Latin1Name = CodePageTables.Latin1Name;

    private static readonly IReadOnlyList<MojibakeFinding> Empty = Array.Empty<MojibakeFinding>();

    /// <summary>
    /// The character Windows-1252 maps <paramref name="b"/> to, or null for its five undefined bytes
    /// (0x81, 0x8D, 0x8F, 0x90, 0x9D, which the table keeps as the C1 controls a "best fit" decoder produces).
    /// </summary>
    internal static char? Windows1252(byte b) => CodePageTables.Windows1252(b);

    /// <summary>For tests: the high half of a code page table by name.</summary>
    internal static string HighTable(string name) => CodePageTables.HighTable(name);

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
            int confirmed = Confirmed(raw);

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

    /// <summary>A bit per page of <see cref="CodePage.All"/> that some finding proves.</summary>
    private static int Confirmed(List<RawFinding> raw)
    {
        int confirmed = 0;
        foreach (var f in raw)
        {
            if (f.ExplanationOverride is null &&
                (string.Equals(f.Chain[0], Windows1252Name, StringComparison.Ordinal) ||
                 string.Equals(f.Chain[0], Latin1Name, StringComparison.Ordinal)))
            {
                confirmed |= 1; // lone Hebrew/Arabic letters become acceptable
            }

            for (int k = 1; k < CodePage.All.Length; k++)
            {
                if (string.Equals(CodePage.All[k].Name, f.Chain[0], StringComparison.Ordinal))
                {
                    confirmed |= 1 << k;
                }
            }
        }

        return confirmed;
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
        var pages = CodePage.All;
        int nPages = pages.Length;
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

            int leadMask = CodePage.LeadPages(s[i]);
            bool found = false;
            for (int k = 0; k < nPages && !found && leadMask != 0; k++)
            {
                if ((leadMask & (1 << k)) == 0 || skip[k] > i)
                {
                    continue;
                }

                CodePage page = pages[k];
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

            if (depth == 0 && LostBytes.TryLostByte(s, i, to, sb, lastEnd, lastEndsWithEmoji, ref openQuotePos, out RawFinding lf))
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

    /// <summary>What one candidate run through one code page holds, for the decision to accept it.</summary>
    private struct RunEvidence
    {
        public int SeqCount;
        public bool AnyStrong, AnyWeak, AnyPending;
        public bool HasNonLetter, CaseFlip, HasNonBox;
        public bool Has1252Only, HasLatin1C1;
        public bool OnlyPunctOrAstral;
        public int RtlLetters;
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
        int n0 = page.ParseSequence(s, i, to, out int cp0);
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
                    Chain = CodePage.Primary.SingleChain,
                    ExplanationOverride = "a UTF-8 byte order mark read as Windows-1252",
                };
            }

            return i + n0;
        }

        int end = CollectRun(s, i, to, page, depth, confirmed, n0, cp0, sb, out RunEvidence ev);
        if (ev.SeqCount == 0)
        {
            return i + n0; // the first sequence was unacceptable; skip it
        }

        if (!Accepts(page, ev, end - i, depth, confirmed, out wantsConfirmation))
        {
            return end;
        }

        string repaired = sb.ToString();
        string[] chain = page.IsPrimary && ev.HasLatin1C1 && !ev.Has1252Only ? MojibakeChain.Latin1 : page.SingleChain;

        // Deeper layers.
        if (depth + 1 < MaxLayers && CodePage.HasLeadChar(repaired))
        {
            UndoInnerLayers(s, i, end, depth, ref repaired, ref chain);
        }

        if (!MojibakeEvidence.IsCleanRepair(repaired))
        {
            return end;
        }

        finding = new RawFinding { Start = i, End = end, Repaired = repaired, Chain = chain };
        return end;
    }

    /// <summary>
    /// Reads the maximal run of UTF-8 sequences through <paramref name="page"/> that starts with the sequence already
    /// parsed at i (n0 chars, code point cp0), appending the decoded text to <paramref name="sb"/>. Returns its end.
    /// </summary>
    private static int CollectRun(string s, int i, int to, CodePage page, int depth, bool confirmed, int n0, int cp0,
        StringBuilder sb, out RunEvidence ev)
    {
        sb.Clear();
        ev = new RunEvidence { OnlyPunctOrAstral = true };
        int p = i;
        int n = n0, cp = cp0;
        while (true)
        {
            if (n == 0 || cp == 0xFEFF)
            {
                break;
            }

            CpClass cls = MojibakeEvidence.Classify(cp);
            if (cls == CpClass.Bad)
            {
                break;
            }

            if (cls == CpClass.Weak && depth > 0)
            {
                cls = CpClass.Good; // inside a proven layer, rare letters (IPA...) are fine
            }
            else if (cls == CpClass.Weak && n == 2 && cp < 0x370 && MojibakeEvidence.IsMidWord(s, p, to))
            {
                // Rare Latin letters and marks (ə ɔ ɛ ʋ, combining accents) in the middle
                // of a word: "azÉ™rbaycan" can only be "azərbaycan".
                cls = CpClass.Good;
            }

            bool strong = cls == CpClass.Good && MojibakeEvidence.IsStrong(s, p, n, page);
            if (strong && n == 2 && cp >= 0x590 && cp < 0x800 && depth == 0 && !confirmed)
            {
                // Hebrew/Arabic letters: "Ø" and "×" are also symbols ("Ø±0.1 mm"), and
                // one letter alone is no word in these scripts; need a companion.
                strong = false;
                ev.RtlLetters++;
            }

            for (int k = p; k < p + n; k++)
            {
                char c = s[k];
                if (c >= 0x80 && c <= 0x9F)
                {
                    if (c != '\u0081' && c != '\u008D' && c != '\u008F' && c != '\u0090' && c != '\u009D')
                    {
                        ev.HasLatin1C1 = true;
                    }

                    if (cls != CpClass.Bad)
                    {
                        strong = true; // C1 controls in text are evidence on their own
                    }
                }
                else if (c > 0xFF)
                {
                    ev.Has1252Only = true;
                }

                if (!char.IsLetter(c))
                {
                    ev.HasNonLetter = true;
                }
                else if (k > i && char.IsUpper(c) && char.IsLower(s[k - 1]))
                {
                    ev.CaseFlip = true;
                }

                if (c < 0x2500 || c > 0x259F)
                {
                    ev.HasNonBox = true;
                }
            }

            if (cls == CpClass.Pending)
            {
                ev.AnyPending = true;
                strong = false;
            }
            else if (cls == CpClass.Weak)
            {
                ev.AnyWeak = true;
            }

            if (!(cp >= 0x10000 || (cp >= 0x2000 && cp <= 0x206F)))
            {
                ev.OnlyPunctOrAstral = false;
            }

            ev.AnyStrong |= strong;
            AppendCodePoint(sb, cp);
            ev.SeqCount++;
            p += n;
            if (p >= to)
            {
                break;
            }

            n = page.ParseSequence(s, p, to, out cp);
        }

        return p;
    }

    /// <summary>Whether a run of <paramref name="length"/> chars with this evidence is mojibake through the page.</summary>
    private static bool Accepts(CodePage page, RunEvidence ev, int length, int depth, bool confirmed, out bool wantsConfirmation)
    {
        wantsConfirmation = false;
        bool accept = ev.AnyStrong || ev.RtlLetters >= 2;
        if (!accept && ev.RtlLetters > 0 && depth == 0)
        {
            wantsConfirmation = true;
        }

        if (accept && !page.IsPrimary)
        {
            // Secondary code pages need more: no weak or pending code points, and
            // either several sequences with mixed classes of characters, or one
            // multi-byte punctuation/emoji sequence.
            bool severalMixed = ev.SeqCount >= 2 && (ev.HasNonLetter || ev.CaseFlip);
            bool singlePunctuation = ev.SeqCount == 1 && ev.OnlyPunctOrAstral && length >= 3 && ev.HasNonLetter;
            accept = !ev.AnyWeak && !ev.AnyPending && (severalMixed || singlePunctuation || confirmed);
            wantsConfirmation = !ev.AnyWeak && !ev.AnyPending && !severalMixed && !singlePunctuation && depth == 0;
            if (accept && page.IsCp437 && !ev.HasNonBox)
            {
                accept = false;
            }
        }

        return accept;
    }

    /// <summary>
    /// Scans the repair of the run s[i, end) again: every deeper layer found is undone in <paramref name="repaired"/>
    /// and added to <paramref name="chain"/> (outermost first).
    /// </summary>
    private static void UndoInnerLayers(string s, int i, int end, int depth, ref string repaired, ref string[] chain)
    {
        string label = chain[0];
        // The inner layer is judged with the outer run's neighbours as context.
        string ctx = (i > 0 ? s[i - 1] : ' ') + repaired + (end < s.Length ? s[end] : ' ');
        int ignored = 0;
        var inner = Scan(ctx, 1, 1 + repaired.Length, depth + 1, 0, ref ignored);
        if (inner is null || inner.Count == 0)
        {
            return;
        }

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
            while (m < raw.Count && raw[m].Start == end && MojibakeChain.Same(raw[m].Chain, f.Chain) &&
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
                explanation ??= MojibakeChain.Explain(f.Chain);
            }

            list.Add(new MojibakeFinding(
                f.Start,
                text.Substring(f.Start, end - f.Start),
                repaired,
                MojibakeChain.ToPublic(f.Chain),
                explanation ?? MojibakeChain.Explain(f.Chain)));
            k = m;
        }

        return list;
    }
}
