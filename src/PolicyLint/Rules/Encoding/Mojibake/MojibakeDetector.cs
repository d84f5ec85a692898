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

    private const string ConfirmedWhy = "the same page broke other text here";

    /// <summary>What the outer layer's page weighs in a tie of an inner layer: more than any document's votes.</summary>
    private const int OuterPageVote = 1 << 24;

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

    /// <summary>
    /// Finds mojibake in text[start, start+length); offsets in results are absolute. With
    /// <paramref name="references"/>, HTML character references are read as the characters they show (text outside
    /// code): a finding then covers the references as written, and its repair is the characters themselves.
    /// </summary>
    public static IReadOnlyList<MojibakeFinding> Find(string text, int start, int length, bool references = true)
    {
        ThrowIfNull(text);
        if (start < 0 || length < 0 || start > text.Length - length)
        {
            throw new ArgumentOutOfRangeException(nameof(start));
        }

        if (references && text.IndexOf('&', start, length) >= 0 &&
            CharacterReferences.TryDecode(text, start, start + length, out string shown, out int[] map))
        {
            var found = FindCore(shown, 0, shown.Length);
            if (found.Count == 0)
            {
                return found;
            }

            var mapped = new List<MojibakeFinding>(found.Count);
            foreach (var f in found)
            {
                int a = map[f.Start], b = map[f.Start + f.Length];
                bool written = b - a != f.Length;
                mapped.Add(new MojibakeFinding(a, text.Substring(a, b - a), f.Repaired, f.Chain,
                    written ? f.Explanation + ", written as HTML character references" : f.Explanation, f.Exact, f.NoFixReason));
            }

            return mapped;
        }

        return FindCore(text, start, length);
    }

    private static IReadOnlyList<MojibakeFinding> FindCore(string text, int start, int length)
    {
        int wants = 0;
        bool contested = false;
        var raw = Scan(text, start, start + length, 0, 0, ref wants, null, ref contested);
        if (raw is not null && (contested || AnySecondary(raw)))
        {
            // Some bytes read as mojibake through more than one page: read them again, preferring the page the
            // rest of the text was broken through.
            raw = Scan(text, start, start + length, 0, 0, ref wants, Votes(raw), ref contested);
        }

        if (raw is not null)
        {
            // Document-level evidence: once a secondary code page is proven by a run of
            // several sequences, single sequences through that code page are accepted too;
            // once Windows-1252 is proven, so are lone Hebrew/Arabic letters.
            int confirmed = Confirmed(raw);

            // Rescan only if the first pass rejected something that the evidence unlocks.
            if ((confirmed & wants) != 0)
            {
                raw = Scan(text, start, start + length, 0, confirmed, ref wants, contested ? Votes(raw) : null, ref contested);
            }
        }

        if (raw is null)
        {
            return Empty;
        }

        MojibakeRivals.Resolve(text, raw);
        return Merge(text, raw);
    }

    /// <summary>
    /// Per page of <see cref="CodePage.All"/>, how many chars of the findings it explains: [k] as outermost layer,
    /// [All.Length + k] as an inner layer. Latin-1 counts for no page: its C1 controls are evidence for the ISO
    /// pages as much as for Windows-1252.
    /// </summary>
    private static int[] Votes(List<RawFinding> raw)
    {
        int n = CodePage.All.Length;
        var votes = new int[2 * n];
        foreach (var f in raw)
        {
            for (int layer = 0; layer < f.Chain.Length; layer++)
            {
                int k = PageIndex(f.Chain[layer]);
                if (k >= 0)
                {
                    votes[(layer == 0 ? 0 : n) + k] += f.End - f.Start;
                }
            }
        }

        return votes;
    }

    private static int PageIndex(string name)
    {
        for (int k = 0; k < CodePage.All.Length; k++)
        {
            if (string.Equals(CodePage.All[k].Name, name, StringComparison.Ordinal))
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>
    /// Whether a finding is explained by a page other than Windows-1252 or Latin-1: Windows-1252 then no longer wins
    /// every tie unread, and the text is read again with the pages' votes.
    /// </summary>
    private static bool AnySecondary(List<RawFinding> raw)
    {
        foreach (var f in raw)
        {
            foreach (string name in f.Chain)
            {
                if (!string.Equals(name, Windows1252Name, StringComparison.Ordinal) && !string.Equals(name, Latin1Name, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
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

            // Every layer of the chain proves its page ("CP437, then Windows-1252" proves CP437 for inner layers).
            foreach (string name in f.Chain)
            {
                for (int k = 1; k < CodePage.All.Length; k++)
                {
                    if (string.Equals(CodePage.All[k].Name, name, StringComparison.Ordinal))
                    {
                        confirmed |= 1 << k;
                    }
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

    private static List<RawFinding>? Scan(string s, int from, int to, int depth, int confirmed, ref int wants, int[]? votes, ref bool contested)
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
        int[]? c1State = null; // per page: 0 not known yet, 1 the text holds C1 controls the page cannot produce, 2 not
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
            RawFinding best = default;
            CodePage bestPage = CodePage.Primary;
            int bestK = 0;
            int bestPenalty = int.MaxValue;
            for (int k = 0; k < nPages && leadMask != 0; k++)
            {
                if ((leadMask & (1 << k)) == 0 || skip[k] > i)
                {
                    continue;
                }

                CodePage page = pages[k];
                int runEnd = TryRun(s, i, from, to, page, depth, confirmed, votes, sb, ref wants, out RawFinding f, out bool wantsConfirmation);
                if (wantsConfirmation)
                {
                    wants |= 1 << k;
                }

                if (runEnd > i && f.Repaired is not null)
                {
                    // Several pages may explain the same bytes ("ÃŒ" is "Ì" through Windows-1252, "ü" through
                    // ISO-8859-15): keep the repair that reads best in its context, then the longer, then the first.
                    int penalty = MojibakeEvidence.Implausibility(s, f.Start, f.End, f.Repaired);
                    bool better = !found || (f.End > best.End && penalty <= bestPenalty);
                    if (found)
                    {
                        contested = true;
                    }

                    if (found && f.End == best.End && string.Equals(f.Repaired, best.Repaired, StringComparison.Ordinal))
                    {
                        better = false; // the same repair: keep the likelier page's name
                    }
                    else if (found && f.End == best.End)
                    {
                        int vote = votes is null ? 0 : votes[k], bestVote = votes is null ? 0 : votes[bestK];
                        // Same bytes, another reading. Windows-1252 is by far the likeliest page: another page replaces
                        // it only when the rest of the text was broken through that page, or (its ISO twin) when C1
                        // controls show an ISO-8859 decoder at work. Between other pages: the better reading, then an ISO
                        // page when C1 controls that the Windows page cannot produce show an ISO decoder, then the page
                        // the rest of the text was broken through.
                        bool c1 = page.IsIso && !bestPage.IsIso && C1Evidence(s, from, to, bestPage, ref c1State);
                        // In an inner layer, a twin (ISO-8859-15, Windows-1254) that reads strictly better replaces it too:
                        // the two differ in a few letters only, and the letters decide ("Ãš" in "bibliothÃšque" is "è",
                        // not "Ú"). Not in the outermost layer, where Windows-1252 is far likelier ("xÃ€y" is "xÀy").
                        bool allowed = !bestPage.IsPrimary || vote > bestVote || (page.IsPrimaryTwin && (c1 || (depth > 0 && penalty < bestPenalty)));
                        better = allowed && (penalty < bestPenalty || (penalty == bestPenalty && (c1 || vote > bestVote)));
                    }

                    if (better)
                    {
                        bestPage = page;
                        bestK = k;
                        best = f;
                        bestPenalty = penalty;
                        found = true;
                    }

                    // The common case: Windows-1252 reads well, no other page is tried. Not when more non-ASCII text
                    // follows the run: another page may read the run and what follows as one ("Ä‚Ĺ›" is "Ü" through
                    // Windows-1250 twice, where Windows-1252 reads only "Ä‚").
                    if (penalty == 0 && page.IsPrimary && (f.End >= to || s[f.End] < 0x80) && !OtherPageLikelier(s, from, to, votes, ref c1State))
                    {
                        break;
                    }
                }
                else if (runEnd > i)
                {
                    skip[k] = runEnd;
                }
            }

            if (found)
            {
                results ??= new List<RawFinding>();
                results.Add(best);
                UpdateState(best, ref lastEnd, ref lastEndsWithEmoji, ref openQuotePos);
                i = best.End;
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

    /// <summary>Whether the text shows another page than Windows-1252 at work: C1 controls, or more text broken through it.</summary>
    private static bool OtherPageLikelier(string s, int from, int to, int[]? votes, ref int[]? c1State)
    {
        if (votes is not null)
        {
            for (int k = 1; k < CodePage.All.Length; k++)
            {
                if (votes[k] > votes[0])
                {
                    return true;
                }
            }
        }

        return C1Evidence(s, from, to, CodePage.Primary, ref c1State);
    }

    /// <summary>Whether s[from, to) holds a C1 control that <paramref name="page"/> cannot produce (memoised per page).</summary>
    private static bool C1Evidence(string s, int from, int to, CodePage page, ref int[]? state)
    {
        state ??= new int[CodePage.All.Length];
        int k = Array.IndexOf(CodePage.All, page);
        if (state[k] == 0)
        {
            state[k] = 2;
            for (int j = from; j < to; j++)
            {
                char c = s[j];
                if (c >= '\u0080' && c <= '\u009F' && !page.ProducesC1(c))
                {
                    state[k] = 1;
                    break;
                }
            }
        }

        return state[k] == 1;
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
        public bool AllGood;
        public bool Cesu8;
        public bool WantsProof; // a sequence would be evidence if the page were proven elsewhere in the text
        public bool RareLetter; // a rare letter was taken as a letter because it stands inside a word
    }

    /// <summary>
    /// Tries to build an accepted run at position i. Returns the end of the candidate
    /// run (i if there is none). <paramref name="finding"/>.Repaired is null when the
    /// candidate was rejected.
    /// </summary>
    private static int TryRun(string s, int i, int from, int to, CodePage page, int depth, int proven, int[]? votes, StringBuilder sb,
        ref int wants, out RawFinding finding, out bool wantsConfirmation)
    {
        bool confirmed = (proven & (1 << page.Index)) != 0;
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

        string repaired = sb.ToString();
        string? why = null;
        // Box drawing alone stands in text when a letter or digit is beside it, or when it reads as whole words
        // of Latin, Greek or Cyrillic letters ("╨╢╨╡" is "же") between spaces; never beside other box drawing
        // ("┌┐" would be an Arabic letter).
        int box = page.BoxDrawingIsText && !ev.HasNonBox ? BoxRunContext(s, i, end) : -1;
        bool boxInText = box > 0 || (box == 0 && AllLetters(repaired) && MojibakeEvidence.IsCommonReading(repaired));
        bool accepted = Accepts(page, ev, end - i, depth, confirmed, boxInText, out wantsConfirmation, out why);
        if (accepted && ReferenceEquals(why, ConfirmedWhy) && MojibakeEvidence.Implausibility(s, i, end, repaired) > 0)
        {
            // A run taken on the word of other text the page broke must read well: "’à" is no Armenian "Ո" after "L",
            // in an inner layer or in text beside a MacRoman breakage.
            accepted = false;
        }

        if (!accepted &&
            !AcceptsInContext(s, i, end, from, to, page, ev, depth, repaired, out why))
        {
            return end;
        }

        string[] chain = page.IsPrimary && ev.HasLatin1C1 && !ev.Has1252Only ? MojibakeChain.Latin1 : page.SingleChain;

        // Deeper layers.
        if (depth + 1 < MaxLayers && CodePage.HasLeadChar(repaired))
        {
            UndoInnerLayers(s, i, end, depth, page, proven, votes, ref wants, ref repaired, ref chain, ref ev.Cesu8);
        }

        if (!MojibakeEvidence.IsCleanRepair(repaired))
        {
            return end;
        }

        if ((ev.RareLetter || ev.AnyWeak) && !page.IsPrimary && MojibakeEvidence.HasRareCodePoint(repaired))
        {
            // Through another page than Windows-1252, a rare letter inside a word is taken only as a layer a deeper one
            // undoes: a repair that keeps it ("FuÃÂÃÂg" is no "FuǶǶg" through CP850) is no reading.
            return end;
        }

        // A repair that still holds the start of a broken sequence lost bytes on the way ("â€" of a "’" whose
        // last byte was dropped in an outer layer): it is mojibake, but no exact repair is known.
        bool inexact = (chain.Length > 1 && MojibakeEvidence.HasTruncatedSequence(repaired, chain)) ||
                       (depth == 0 && (LostNeighbour(s, i - 1, from, to, page) || LostNeighbour(s, end, from, to, page)));
        finding = new RawFinding { Start = i, End = end, Repaired = repaired, Chain = chain, Inexact = inexact, Why = why, Cesu8 = ev.Cesu8 };
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
        ev = new RunEvidence { OnlyPunctOrAstral = true, AllGood = true };
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
                ev.RareLetter = true;
            }

            bool strong = cls == CpClass.Good && MojibakeEvidence.IsStrong(s, p, n, page);
            if (!strong && cls == CpClass.Good && n == 2 && char.IsLower((char)cp) && p > 0 && char.IsUpper(s[p - 1]) &&
                (p < 2 || !char.IsLetter(s[p - 2])))
            {
                ev.WantsProof |= !confirmed;
                // "OÃ¹ est": a capital letter alone before an "Ã" and a sign reads like "IRMÃ”", but in a text the page
                // broke elsewhere a lowercase repair after the capital that starts a word is the likelier reading.
                strong = confirmed;
            }

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

            if (cls != CpClass.Good)
            {
                ev.AllGood = false;
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
            ev.Cesu8 |= n == 6;
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
    private static bool Accepts(CodePage page, RunEvidence ev, int length, int depth, bool confirmed, bool boxInText, out bool wantsConfirmation, out string? why)
    {
        wantsConfirmation = false;
        why = null;
        bool accept = ev.AnyStrong || ev.RtlLetters >= 2;
        if (!accept && ((ev.RtlLetters > 0 && depth == 0) || ev.WantsProof))
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
            // A C1 control is acceptable when a deeper layer may consume it: the final repair must hold none.
            bool pendingOk = !ev.AnyPending || depth + 1 < MaxLayers;
            // So is a rare character (a spacing mark: "˘" of "â" through Windows-1250 twice) in a run of several.
            bool weakOk = !ev.AnyWeak || (depth + 1 < MaxLayers && ev.SeqCount >= 2);
            accept = weakOk && pendingOk && (severalMixed || singlePunctuation || confirmed);
            wantsConfirmation = weakOk && pendingOk && !severalMixed && !singlePunctuation;
            if (accept && page.BoxDrawingIsText && !ev.HasNonBox && !(confirmed && boxInText))
            {
                // Box drawing is text in this page: a run of it alone is mojibake only inside text (a letter or
                // digit beside it, no box drawing) in a document the same page broke elsewhere.
                accept = false;
                wantsConfirmation |= boxInText;
            }

            why = severalMixed ? "several broken sequences in a row" : singlePunctuation ? "a broken punctuation mark or emoji" : ConfirmedWhy;
        }

        return accept;
    }

    private static bool AllLetters(string r)
    {
        foreach (char c in r)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return r.Length > 0;
    }

    /// <summary>
    /// Where a run of box drawing alone (s[i, end)) stands: -1 next to other box drawing (a drawing), 0 with no
    /// letter or digit beside it, 1 with a letter or digit on one side, 2 between two letters (inside a word: "K├╢ln").
    /// </summary>
    private static int BoxRunContext(string s, int i, int end)
    {
        // The neighbours may lie outside the scanned range: an inner layer is scanned with the outer run's neighbours.
        char prev = i > 0 ? s[i - 1] : ' ';
        char next = end < s.Length ? s[end] : ' ';
        if ((prev >= '\u2500' && prev <= '\u259F') || (next >= '\u2500' && next <= '\u259F'))
        {
            return -1;
        }

        if (char.IsLetter(prev) && char.IsLetter(next))
        {
            return 2;
        }

        return char.IsLetterOrDigit(prev) || char.IsLetterOrDigit(next) ? 1 : 0;
    }

    /// <summary>
    /// Whether the char at <paramref name="k"/> shows that bytes were lost beside a run: a U+FFFD, or a UTF-8
    /// lead byte through the page that starts no valid sequence. The run may then be misaligned bytes: no exact repair.
    /// </summary>
    private static bool LostNeighbour(string s, int k, int from, int to, CodePage page)
    {
        if (k < from || k >= to)
        {
            return false;
        }

        char c = s[k];
        if (c == '\uFFFD')
        {
            return true;
        }

        return c >= 0x80 && page.TryGetByte(c, out byte b) && b >= 0xC2 && b <= 0xF4 && page.ParseSequence(s, k, to, out _) == 0;
    }

    /// <summary>
    /// More evidence for a run through a secondary page that <see cref="Accepts"/> found too short to judge alone: its
    /// neighbours. Accepted when the run has no weak or pending code point and either another sequence through the
    /// same page lies in the same stretch of text (no character between them that the page cannot explain), or its
    /// context shows it (<see cref="MojibakeEvidence.ReadsAsWordInContext"/>).
    /// </summary>
    private static bool AcceptsInContext(string s, int i, int end, int from, int to, CodePage page, RunEvidence ev, int depth, string repaired, out string? why)
    {
        why = null;
        if (page.IsPrimary || !ev.AnyStrong || ev.AnyWeak || ev.AnyPending || ev.SeqCount == 0 || !ev.AllGood)
        {
            return false;
        }

        if (page.BoxDrawingIsText && !ev.HasNonBox && BoxRunContext(s, i, end) < 2)
        {
            return false; // box drawing alone is judged by its word only when letters stand on both sides ("K├╢ln")
        }

        if (MojibakeEvidence.Implausibility(s, i, end, repaired) > 0)
        {
            return false; // "’é" is no Armenian "Վ" inside a French word
        }

        int companions = Companions(s, i, end, from, to, page, out bool orphanFree);
        if (companions > 0 || (depth > 0 && orphanFree && MojibakeEvidence.IsCommonReading(repaired)))
        {
            // Inside a proven layer, a run that is all of its text in common letters is enough.
            why = companions > 0 ? "other text nearby broken the same way" : "all of an inner layer";
            return true;
        }

        why = MojibakeEvidence.ReadsAsWordInContext(s, i, end, from, to, repaired);
        return why is not null;
    }

    /// <summary>
    /// Other UTF-8 sequences through <paramref name="page"/> in the stretch around s[i, end): the text up to the
    /// nearest non-ASCII character on each side that is not part of such a sequence (at most one is counted per side).
    /// </summary>
    private static int Companions(string s, int i, int end, int from, int to, CodePage page, out bool orphanFree)
    {
        int count = 0;
        orphanFree = true;
        // Right.
        int j = end;
        while (j < to)
        {
            j = SkipAscii(s, j, to);
            if (j >= to)
            {
                break;
            }

            int n = page.ParseSequence(s, j, to, out int cp);
            if (n > 0 && MojibakeEvidence.Classify(cp) == CpClass.Good)
            {
                count++;
                break;
            }

            orphanFree = false;
            break;
        }

        // Left.
        j = i - 1;
        while (j >= from && s[j] < 0x80)
        {
            j--;
        }

        if (j >= from)
        {
            bool seq = false;
            for (int n = 2; n <= 4 && j - n + 1 >= from; n++)
            {
                if (page.ParseSequence(s, j - n + 1, to, out int cp) == n && MojibakeEvidence.Classify(cp) == CpClass.Good)
                {
                    seq = true;
                    break;
                }
            }

            if (seq)
            {
                count++;
            }
            else
            {
                orphanFree = false;
            }
        }

        return count;
    }

    /// <summary>
    /// Scans the repair of the run s[i, end) again: every deeper layer found is undone in <paramref name="repaired"/>
    /// and added to <paramref name="chain"/> (outermost first).
    /// </summary>
    private static void UndoInnerLayers(string s, int i, int end, int depth, CodePage outer, int proven, int[]? docVotes, ref int wants, ref string repaired,
        ref string[] chain, ref bool cesu8)
    {
        string label = chain[0];
        // The inner layer is judged with the outer run's neighbours as context. The pages the document proves and
        // the outer layer's page count as proven for it. A tie between pages that read the bytes equally well goes
        // to the page that explains the document's other inner layers, then to the outer layer's page (text broken
        // twice is most often broken twice the same way: "Ăš" is "ù" through ISO-8859-2 twice, "Ú" through
        // Windows-1250 inside ISO-8859-2).
        string ctx = (i > 0 ? s[i - 1] : ' ') + repaired + (end < s.Length ? s[end] : ' ');
        bool innerContested = false;
        int n = CodePage.All.Length;
        int[] votes = new int[2 * n];
        if (docVotes is not null)
        {
            for (int k = 0; k < n; k++)
            {
                votes[k] = docVotes[n + k];
                votes[n + k] = docVotes[n + k];
            }
        }

        votes[outer.Index] += OuterPageVote;
        var inner = Scan(ctx, 1, 1 + repaired.Length, depth + 1, proven | (outer.IsPrimary ? 0 : 1 << outer.Index), ref wants, votes, ref innerContested);
        if (inner is null || inner.Count == 0)
        {
            return;
        }

        string[] innerChain = inner[0].Chain;
        for (int k = 0; k < inner.Count; k++)
        {
            cesu8 |= inner[k].Cesu8;
        }

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
            bool inexact = f.Inexact;
            string? reason = f.NoFixReason;
            bool cesu8 = f.Cesu8;
            string? why = f.Why;
            int m = k + 1;
            // Adjacent runs with the same chain (e.g. emoji split by a lost ZWJ byte)
            // are reported as one finding.
            while (m < raw.Count && raw[m].Start == end && MojibakeChain.Same(raw[m].Chain, f.Chain) &&
                   raw[m].Repaired.Length > 0 && f.Repaired.Length > 0)
            {
                if (raw[m].Inexact && !inexact)
                {
                    reason = raw[m].NoFixReason;
                }

                inexact |= raw[m].Inexact;
                cesu8 |= raw[m].Cesu8;
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

            explanation ??= MojibakeChain.Explain(f.Chain) + (why is null || f.Chain[0] == Windows1252Name || f.Chain[0] == Latin1Name ? "" : " (" + why + ")");
            if (cesu8)
            {
                explanation = MojibakeChain.Cesu8(explanation);
            }

            string original = text.Substring(f.Start, end - f.Start);
            string[] chain = f.Chain;
            if (!inexact && f.ExplanationOverride is null && !MojibakeChain.Explains(chain, repaired, original, cesu8))
            {
                // Windows-1252 and Latin-1 read the same bytes but 0x80-0x9F: name the one that explains the text.
                string[]? named = MojibakeChain.Rename(chain, repaired, original, cesu8);
                if (named is null)
                {
                    inexact = true;
                    reason = null;
                }
                else
                {
                    chain = named;
                    if (explanation is null || string.Equals(explanation, MojibakeChain.Explain(f.Chain), StringComparison.Ordinal))
                    {
                        explanation = MojibakeChain.Explain(chain);
                    }
                }
            }

            if (!inexact && TouchesLostByte(text, f.Start, end))
            {
                // A byte the legacy page could not show sits right beside the run: the run is a piece of a lossy breakage,
                // and what it reads as alone need not be what was written (no safe repair).
                inexact = true;
                reason = null;
            }

            list.Add(new MojibakeFinding(
                f.Start,
                original,
                repaired,
                MojibakeChain.ToPublic(chain),
                explanation,
                exact: !inexact,
                noFixReason: reason));
            k = m;
        }

        MarkUnexplainedNeighbours(text, list);
        return list;
    }

    internal const string UnexplainedNeighbourReason = "the broken text it stands in reads back only in part, so this piece may not be what was written";

    /// <summary>
    /// A finding is a safe fix only when it explains all of the broken text it stands in. Its stretch is the unbroken
    /// run of non-ASCII characters around it, other findings included, and a space that was a no-break space before it was
    /// flattened (the characters no finding explains before it read, through the finding's page, as whole UTF-8 sequences
    /// once it is one again). When that stretch holds a non-ASCII character no finding explains (bytes dropped or misread on
    /// the way), or a finding without a fix, every finding in it is reported without a fix: what a piece reads as alone
    /// need not be what was written.
    /// </summary>
    private static void MarkUnexplainedNeighbours(string text, List<MojibakeFinding> list)
    {
        int n = list.Count;
        int k = 0;
        while (k < n)
        {
            // The stretch: findings k..m-1 joined by gaps of non-ASCII characters (or flattened no-break spaces).
            int before = k == 0 ? 0 : list[k - 1].Start + list[k - 1].Length;
            bool residue = !list[k].Exact || ResidueBefore(text, list[k], before);
            int m = k + 1;
            while (m < n && Joined(text, list[m - 1], list[m], ref residue))
            {
                residue |= !list[m].Exact;
                m++;
            }

            int after = list[m - 1].Start + list[m - 1].Length;
            residue |= after < text.Length && text[after] > 0x7F;
            if (residue)
            {
                for (int j = k; j < m; j++)
                {
                    if (list[j].Exact && list[j].Repaired.Length > 0)
                    {
                        list[j] = list[j].WithoutFix(UnexplainedNeighbourReason);
                    }
                }
            }

            k = m;
        }
    }

    /// <summary>Whether findings a and b (in order) stand in one stretch; sets residue when the gap holds characters neither explains.</summary>
    private static bool Joined(string text, MojibakeFinding a, MojibakeFinding b, ref bool residue)
    {
        int gapStart = a.Start + a.Length, gapEnd = b.Start;
        if (gapEnd - gapStart > 32)
        {
            return false;
        }

        int run = gapStart;
        for (int i = gapStart; i < gapEnd; i++)
        {
            char c = text[i];
            if (c > 0x7F)
            {
                continue;
            }

            if (c != ' ' || !FlattenedNoBreakSpace(text, run, i, a))
            {
                return false;
            }

            run = i + 1;
        }

        if (gapEnd > gapStart)
        {
            residue = true;
        }

        return true;
    }

    /// <summary>Whether non-ASCII characters no finding explains stand right before f (after <paramref name="lowerBound"/>), or a flattened no-break space after them.</summary>
    private static bool ResidueBefore(string text, MojibakeFinding f, int lowerBound)
    {
        int i = f.Start - 1;
        if (i < lowerBound)
        {
            return false;
        }

        if (text[i] > 0x7F)
        {
            return true;
        }

        if (text[i] != ' ')
        {
            return false;
        }

        int run = i;
        while (run > lowerBound && i - run < 32 && text[run - 1] > 0x7F)
        {
            run--;
        }

        return FlattenedNoBreakSpace(text, run, i, f);
    }

    /// <summary>
    /// Whether the space text[i], after the characters text[run, i) that no finding explains, was a no-break space of the
    /// page of <paramref name="f"/> (its outermost layer): with it one again, text[run, ...) reads through the page as
    /// whole UTF-8 sequences up to and across it.
    /// </summary>
    private static bool FlattenedNoBreakSpace(string text, int run, int i, MojibakeFinding f)
    {
        if (run >= i || i + 1 >= text.Length || text[i + 1] <= 0x7F || f.Chain.Count == 0)
        {
            return false;
        }

        int k = PageIndex(f.Chain[0]);
        CodePage page = k < 0 ? CodePage.Primary : CodePage.All[k];
        if (!page.TryGetByte('\u00A0', out _))
        {
            return false;
        }

        int to = Math.Min(text.Length, i + 4);
        string window = text.Substring(run, i - run) + "\u00A0" + text.Substring(i + 1, to - i - 1);
        int p = 0;
        while (p <= i - run)
        {
            int len = page.ParseSequence(window, p, window.Length, out _);
            if (len == 0)
            {
                return false;
            }

            p += len;
        }

        return true;
    }

    /// <summary>
    /// True when U+FFFD, or a '?' between two non-ASCII characters (where a decoder put it for a byte it could not show),
    /// stands in the unbroken run of non-ASCII characters around text[start, end) (at most 32 characters either side). A '?'
    /// after a broken word and before a space or the end ("cafÃ©?") is punctuation.
    /// </summary>
    private static bool TouchesLostByte(string text, int start, int end)
    {
        bool Lost(int i) => text[i] == '\uFFFD' || (text[i] == '?' && i > 0 && i + 1 < text.Length && text[i - 1] > 0x7F && text[i + 1] > 0x7F);
        for (int i = start - 1, n = 0; i >= 0 && n < 32 && (text[i] > 0x7F || text[i] == '?'); i--, n++)
            if (Lost(i)) return true;
        for (int i = end, n = 0; i < text.Length && n < 32 && (text[i] > 0x7F || text[i] == '?'); i++, n++)
            if (Lost(i)) return true;
        return false;
    }
}
