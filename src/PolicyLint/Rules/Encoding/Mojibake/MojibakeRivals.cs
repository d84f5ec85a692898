using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PolicyLint.Rules.Encoding;

/// <summary>
/// Rival readings: the same bytes read through another page at one layer of a finding's chain ("Ăą" is "ù" through
/// Windows-1250 and "ñ" through ISO-8859-2; "Ã€" is "À" through Windows-1252 and "ä" through ISO-8859-15). A finding is a
/// safe fix only when its reading is the one that reads best, or, where readings read equally well, the one the rest of
/// the text supports: the findings without a rival vote for every page that reads them as they read. A tie that nothing
/// in the text decides is reported without a fix.
/// </summary>
internal static class MojibakeRivals
{
    /// <summary>"the same bytes read as 'ä' through ISO-8859-15, and nothing in the text decides which was written"</summary>
    internal static string UndecidedReason(string rival, string page) =>
        "the same bytes read as '" + rival + "' through " + page + ", and nothing in the text decides which was written";

    internal const string SupportedWhy = "the reading the rest of the text supports";

    private struct Reading
    {
        public int Layer;      // the first layer whose page was replaced (-1: the finding's own chain)
        public int Page;       // the page put there
        public int[] Pages;    // the whole chain, outermost first
        public string Text;
        public int Penalty;
    }

    /// <summary>Re-reads each finding of <paramref name="raw"/> against its rivals (in place).</summary>
    public static void Resolve(string s, List<RawFinding> raw)
    {
        int n = CodePage.All.Length + 1; // and Latin-1, apart from Windows-1252 here
        List<Reading>?[] readings = new List<Reading>?[raw.Count];
        bool[] ambiguous = new bool[raw.Count];
        // votes[0][k]: chars of findings without a rival that page k reads as they read in the outer layer; votes[1][k]: in an inner layer.
        int[][] votes = { new int[n], new int[n] };
        // Per finding without a rival: the pages that read it as it reads (a bit per page, outer layer and inner layers), and its length.
        var evidence = new List<(int Outer, int Inner, int Weight)>();
        bool anyAmbiguous = false;
        for (int f = 0; f < raw.Count; f++)
        {
            RawFinding r = raw[f];
            if (r.ExplanationOverride is not null || r.Inexact || r.Repaired is null || r.Repaired.Length == 0)
            {
                continue;
            }

            int[]? chain = Pages(r.Chain);
            if (chain is null)
            {
                continue;
            }

            string? own = ReadChain(s, r.Start, r.End, chain);
            if (own is null || !string.Equals(own, r.Repaired, StringComparison.Ordinal))
            {
                // The scan read some layer through Windows-1252 leniently (a C1 control it never shows: "Ä‚Ë\u0098" is
                // "â" through Windows-1250 twice, not through Windows-1252 outside): a chain of as many layers that reads
                // each layer whole to the same repair is the one named; none, and the finding is not judged here.
                int[]? named = SameRepair(s, r.Start, r.End, chain, r.Repaired);
                if (named is null)
                {
                    continue;
                }

                chain = named;
                own = r.Repaired;
                var names = new string[chain.Length];
                for (int k = 0; k < chain.Length; k++)
                {
                    names[k] = Name(chain[k]);
                }

                r.Chain = names.Length == 1 ? (chain[0] == Latin1 ? MojibakeChain.Latin1 : CodePage.All[chain[0]].SingleChain) : names;
                raw[f] = r;
            }

            var list = new List<Reading> { new Reading { Layer = -1, Page = -1, Pages = (int[])chain.Clone(), Text = own, Penalty = Penalty(s, r.Start, r.End, own) } };
            // Every other chain of as many layers, each layer read whole ("ÄšĹž" is "ž" through ISO-8859-2 twice and
            // "Ş" through Windows-1250 inside ISO-8859-2: the rival may differ in more than one layer).
            Rivals(s, r.Start, r.End, chain, new int[chain.Length], 0, null, list);
            Deeper(s, r.Start, r.End, list);
            readings[f] = list;
            int min = int.MaxValue;
            foreach (var x in list)
            {
                min = Math.Min(min, x.Penalty);
            }

            string? best = null;
            bool tie = false;
            foreach (var x in list)
            {
                if (x.Penalty != min)
                {
                    continue;
                }

                if (best is null)
                {
                    best = x.Text;
                }
                else if (!string.Equals(best, x.Text, StringComparison.Ordinal))
                {
                    tie = true;
                }
            }

            // Windows-1252 is by far the likeliest page: another page that only reads better does not replace it
            // unless the rest of the text supports that page too ("xÃ€y" is "xÀy" or "xäy").
            if (!tie && !string.Equals(best, own, StringComparison.Ordinal) && IsPrimary(chain))
            {
                tie = true;
            }

            if (tie)
            {
                ambiguous[f] = true;
                anyAmbiguous = true;
                continue;
            }

            // One reading reads best: it votes for every page that reads it so, and it is the repair.
            Vote(votes, list, chain, best!, r.End - r.Start);
            evidence.Add((ClassMask(list, chain, best!, outer: true), ClassMask(list, chain, best!, outer: false), r.End - r.Start));
            if (!string.Equals(best, own, StringComparison.Ordinal))
            {
                Replace(raw, f, list, chain, best!, votes: null);
            }
        }

        if (!anyAmbiguous)
        {
            return;
        }

        ByAlphabet(s, raw, readings, ambiguous, votes, evidence);
        for (int f = 0; f < raw.Count; f++)
        {
            if (!ambiguous[f])
            {
                continue;
            }

            var list = readings[f]!;
            int[] chain = Pages(raw[f].Chain)!;
            int min = int.MaxValue;
            foreach (var x in list)
            {
                min = Math.Min(min, x.Penalty);
            }

            // The readings in the contest: those that read best, and Windows-1252's own reading (the likeliest page).
            // One of those that read best wins only when the rest of the text supports it and none of the others: some
            // finding without a rival is read so by its pages and by no page of another reading. Where the text holds
            // findings only one page explains and findings only another page explains, two pages broke it ("two pages in a
            // line"), and what a page explains elsewhere says nothing of these bytes: no fix.
            bool primary = IsPrimary(chain);
            var texts = new List<string>();
            foreach (var x in list)
            {
                if ((x.Penalty == min || (primary && x.Layer < 0)) && !texts.Contains(x.Text))
                {
                    texts.Add(x.Text);
                }
            }

            // Support for a reading: findings that its pages read so and no page of another reading does (at the layer
            // where they differ). A reading wins only when it has support and no other reading has any. Its own support
            // is counted with Windows-1252 and Latin-1 as one page: a text read as Latin-1 in one place and as
            // Windows-1252 in another is common, so what Latin-1 explains ("â\u0080¢") supports no reading against
            // Windows-1252's ("â€°" is "‰" through Windows-1252, "⤰" through ISO-8859-15).
            string? chosen = null;
            bool chosenOk = false;
            int supported = 0;
            for (int t = 0; t < texts.Count; t++)
            {
                int any = Support(evidence, list, chain, texts, t, family: false);
                if (any == 0)
                {
                    continue;
                }

                bool readsBest = false;
                foreach (var x in list)
                {
                    readsBest |= x.Penalty == min && string.Equals(x.Text, texts[t], StringComparison.Ordinal);
                }

                supported++;
                chosen = texts[t];
                chosenOk = readsBest && Support(evidence, list, chain, texts, t, family: true) > 0;
            }

            bool unique = supported == 1 && chosenOk;
            if (chosen is null || !unique)
            {
                RawFinding r = raw[f];
                Reading rival = default;
                foreach (var x in list)
                {
                    if (x.Layer >= 0 && !string.Equals(x.Text, r.Repaired, StringComparison.Ordinal) && (rival.Text is null || x.Penalty < rival.Penalty))
                    {
                        rival = x;
                    }
                }

                r.Inexact = true;
                r.NoFixReason = UndecidedReason(rival.Text ?? r.Repaired, Name(rival.Layer >= 0 ? rival.Page : chain[0]));
                raw[f] = r;
                continue;
            }

            if (!string.Equals(chosen, raw[f].Repaired, StringComparison.Ordinal))
            {
                Replace(raw, f, list, chain, chosen, votes);
            }
        }
    }

    internal const string AlphabetWhy = "the only reading whose letters belong to one alphabet with the rest of the line";

    /// <summary>
    /// Decides the ties that the letters decide: where, of the readings in the contest, only one gives letters that belong
    /// to one language's alphabet together with the other letters of the line (the text outside the findings, and the
    /// repairs of the findings already decided), that reading is the repair; it then counts as a finding without a rival
    /// (its letters join the line's, its pages support the readings that they give), and the rest are judged again.
    /// </summary>
    private static void ByAlphabet(string s, List<RawFinding> raw, List<Reading>?[] readings, bool[] ambiguous, int[][] votes,
        List<(int Outer, int Inner, int Weight)> evidence)
    {
        var letters = new HashSet<char>();
        var texts = new List<string>();
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int f = 0; f < raw.Count; f++)
            {
                if (!ambiguous[f])
                {
                    continue;
                }

                var list = readings[f]!;
                int[] chain = Pages(raw[f].Chain)!;
                Contest(list, chain, texts);
                // Letters alone decide nothing ("xÄ¸y" is "xĸy" through Windows-1252, "xďy" through Windows-1257): the
                // line must hold others, and they must belong together.
                if (!LineLetters(s, raw, ambiguous, f, letters) || letters.Count == 0 || !Alphabets.Fit(letters))
                {
                    continue;
                }

                int fits = -1, count = 0, plain = -1, plainCount = 0, capital = -1, capitals = 0;
                bool ownInner = false;
                var mine = new HashSet<char>();
                for (int t = 0; t < texts.Count; t++)
                {
                    mine.Clear();
                    mine.UnionWith(letters);
                    Alphabets.AddLetters(mine, texts[t], 0, texts[t].Length);
                    if (!Alphabets.Fit(mine))
                    {
                        continue;
                    }

                    fits = t;
                    count++;
                    if (char.IsUpper(texts[t][0]))
                    {
                        capital = t;
                        capitals++;
                    }

                    if (!InnerCapital(s, raw[f].Start, raw[f].End, texts[t]))
                    {
                        plain = t;
                        plainCount++;
                    }
                    else if (string.Equals(texts[t], list[0].Text, StringComparison.Ordinal))
                    {
                        ownInner = true;
                    }
                }

                // Both fit, but Windows-1252's own reading puts a capital inside a small word ("nÀchste", "HyvÀÀ") and
                // exactly one other reading does not ("nächste" through ISO-8859-15): that one.
                if (count > 1 && ownInner && plainCount == 1 && IsPrimary(chain))
                {
                    fits = plain;
                    count = 1;
                }

                // Both fit, and the word starts a paragraph or a sentence: the only reading that starts it with a capital
                // ("Ãžetta" is "Þetta" through Windows-1252, "øetta" through ISO-8859-15).
                if (count > 1 && capitals == 1 && SentenceStart(s, raw[f].Start) && char.IsLetter(texts[capital][0]))
                {
                    fits = capital;
                    count = 1;
                }

                if (count != 1)
                {
                    continue;
                }

                string chosen = texts[fits];
                ambiguous[f] = false;
                changed = true;
                Vote(votes, list, chain, chosen, raw[f].End - raw[f].Start);
                evidence.Add((ClassMask(list, chain, chosen, outer: true), ClassMask(list, chain, chosen, outer: false), raw[f].End - raw[f].Start));
                if (!string.Equals(chosen, raw[f].Repaired, StringComparison.Ordinal))
                {
                    Replace(raw, f, list, chain, chosen, votes);
                }

                RawFinding r = raw[f];
                r.Why = AlphabetWhy;
                raw[f] = r;
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="text"/>, read in place of s[start, end), puts a capital beyond ASCII right after a small
    /// letter, or between a letter and a small letter ("nÀchste", "JÀrvi", "mitÀ").
    /// </summary>
    private static bool InnerCapital(string s, int start, int end, string text)
    {
        for (int k = 0; k < text.Length; k++)
        {
            char c = text[k];
            if (c < 0x80 || !char.IsUpper(c))
            {
                continue;
            }

            char prev = k > 0 ? text[k - 1] : start > 0 ? s[start - 1] : ' ';
            char next = k + 1 < text.Length ? text[k + 1] : end < s.Length ? s[end] : ' ';
            if (char.IsLower(prev) || (char.IsLetter(prev) && char.IsLower(next)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether position p starts a paragraph (the text's start, or a line after a blank one or a heading's marks) or a
    /// sentence (after ". ", "! " or "? ").
    /// </summary>
    private static bool SentenceStart(string s, int p)
    {
        int j = p - 1;
        if (j < 0)
        {
            return true;
        }

        if (s[j] == '\n')
        {
            return j == 0 || s[j - 1] == '\n' || (s[j - 1] == '\r' && (j == 1 || s[j - 2] == '\n'));
        }

        if (s[j] != ' ' || j == 0)
        {
            return false;
        }

        if (s[j - 1] is '.' or '!' or '?')
        {
            return true;
        }

        int k = j - 1;
        while (k >= 0 && s[k] == '#')
        {
            k--;
        }

        return k < j - 1 && (k < 0 || s[k] == '\n');
    }

    /// <summary>The readings in the contest of a tie: those that read best, and a Windows-1252 chain's own reading.</summary>
    private static void Contest(List<Reading> list, int[] chain, List<string> texts)
    {
        texts.Clear();
        int min = int.MaxValue;
        foreach (var x in list)
        {
            min = Math.Min(min, x.Penalty);
        }

        bool primary = IsPrimary(chain);
        foreach (var x in list)
        {
            if ((x.Penalty == min || (primary && x.Layer < 0)) && !texts.Contains(x.Text))
            {
                texts.Add(x.Text);
            }
        }
    }

    /// <summary>
    /// The letters beyond ASCII of the line of finding f, outside the findings still undecided, with the repairs of the
    /// others in place of their text; false when the line's letters cannot be trusted: it holds a finding without an
    /// exact repair (bytes lost, what is left of them may read as letters: "GrÃ¶Ãe"), or, outside the findings, a
    /// capital right after a small letter ("StraÃe") or U+FFFD.
    /// </summary>
    private static bool LineLetters(string s, List<RawFinding> raw, bool[] ambiguous, int f, HashSet<char> letters)
    {
        letters.Clear();
        int from = raw[f].Start, to = raw[f].End;
        while (from > 0 && s[from - 1] != '\n')
        {
            from--;
        }

        while (to < s.Length && s[to] != '\n')
        {
            to++;
        }

        int at = from;
        for (int g = 0; g < raw.Count; g++)
        {
            RawFinding r = raw[g];
            if (r.End <= from || r.Start >= to || r.Start < at)
            {
                continue;
            }

            if (r.Inexact || !Clean(s, at, r.Start))
            {
                return false;
            }

            Alphabets.AddLetters(letters, s, at, r.Start);
            if (g != f && !ambiguous[g] && r.Repaired is not null)
            {
                Alphabets.AddLetters(letters, r.Repaired, 0, r.Repaired.Length);
            }

            at = r.End;
        }

        if (!Clean(s, at, to))
        {
            return false;
        }

        Alphabets.AddLetters(letters, s, at, to);
        return true;
    }

    /// <summary>Whether s[start, end) holds no U+FFFD and no capital beyond ASCII right after a small letter.</summary>
    private static bool Clean(string s, int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            char c = s[k];
            if (c == '\uFFFD' || (c >= 0x80 && char.IsUpper(c) && k > 0 && char.IsLower(s[k - 1])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A chain of chain.Length layers, each read whole, that reads s[start, end) as <paramref name="repaired"/>; null if none.</summary>
    private static int[]? SameRepair(string s, int start, int end, int[] chain, string repaired)
    {
        var list = new List<Reading>();
        Rivals(s, start, end, chain, new int[chain.Length], 0, null, list);
        int[]? best = null;
        int penalty = int.MaxValue;
        foreach (var x in list)
        {
            if (string.Equals(x.Text, repaired, StringComparison.Ordinal) && x.Penalty < penalty)
            {
                best = x.Pages;
                penalty = x.Penalty;
            }
        }

        return best;
    }

    /// <summary>Adds to <paramref name="list"/> the readings of s[start, end) through every chain of chain.Length layers but the own one.</summary>
    private static void Rivals(string s, int start, int end, int[] chain, int[] pages, int layer, string? text, List<Reading> list)
    {
        int n = CodePage.All.Length + 1;
        for (int k = 0; k < n; k++)
        {
            string? read = layer == 0 ? Read(s, start, end, k) : Read(text!, 0, text!.Length, k);
            if (read is null)
            {
                continue;
            }

            pages[layer] = k;
            if (layer + 1 < chain.Length)
            {
                Rivals(s, start, end, chain, pages, layer + 1, read, list);
                continue;
            }

            int first = -1;
            for (int j = 0; j < chain.Length && first < 0; j++)
            {
                if (pages[j] != chain[j])
                {
                    first = j;
                }
            }

            if (first >= 0 && MojibakeEvidence.IsCleanRepair(read))
            {
                list.Add(new Reading { Layer = first, Page = pages[first], Pages = (int[])pages.Clone(), Text = read, Penalty = Penalty(s, start, end, read) });
            }
        }
    }

    /// <summary>
    /// A reading that still reads whole as UTF-8 through some page is itself mojibake ("ÄšÄ\u0084" is "ĹĄ" through
    /// ISO-8859-2, which is "š" through ISO-8859-2 again): the chain with that layer added is a reading too.
    /// </summary>
    private static void Deeper(string s, int start, int end, List<Reading> list)
    {
        int n = CodePage.All.Length + 1;
        int count = list.Count;
        for (int i = 0; i < count; i++)
        {
            Reading x = list[i];
            if (x.Pages.Length >= 4)
            {
                continue;
            }

            for (int k = 0; k < n; k++)
            {
                string? read = Read(x.Text, 0, x.Text.Length, k);
                if (read is null || !MojibakeEvidence.IsCleanRepair(read))
                {
                    continue;
                }

                var pages = new int[x.Pages.Length + 1];
                Array.Copy(x.Pages, pages, x.Pages.Length);
                pages[x.Pages.Length] = k;
                list.Add(new Reading { Layer = x.Layer < 0 ? x.Pages.Length : x.Layer, Page = x.Layer < 0 ? k : x.Page, Pages = pages, Text = read, Penalty = Penalty(s, start, end, read) });
            }
        }
    }

    /// <summary>Whether the chain is Windows-1252 (or Latin-1) at every layer.</summary>
    private static bool IsPrimary(int[] chain)
    {
        foreach (int page in chain)
        {
            if (page != 0 && page != Latin1)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Puts reading <paramref name="text"/> in place of finding f's repair, naming the page (of those that read it so) with the most votes.</summary>
    private static void Replace(List<RawFinding> raw, int f, List<Reading> list, int[] chain, string text, int[][]? votes)
    {
        Reading pick = default;
        int pickVotes = -1;
        foreach (var x in list)
        {
            if (x.Layer < 0 || !string.Equals(x.Text, text, StringComparison.Ordinal))
            {
                continue;
            }

            int v = 0;
            for (int k = 0; votes is not null && k < chain.Length; k++)
            {
                v = Math.Max(v, votes[k == 0 ? 0 : 1][x.Pages[k]]);
            }

            if (v > pickVotes)
            {
                pick = x;
                pickVotes = v;
            }
        }

        if (pickVotes < 0)
        {
            return;
        }

        RawFinding r = raw[f];
        int[] picked = pick.Pages!;
        var names = new string[picked.Length];
        for (int k = 0; k < picked.Length; k++)
        {
            names[k] = Name(picked[k]);
        }

        r.Chain = names.Length == 1 ? (picked[0] == Latin1 ? MojibakeChain.Latin1 : CodePage.All[picked[0]].SingleChain) : names;
        r.Repaired = text;
        r.Why = votes is null ? null : SupportedWhy;
        raw[f] = r;
    }

    private static void Vote(int[][] votes, List<Reading> list, int[] chain, string text, int weight)
    {
        bool ownReads = string.Equals(list[0].Text, text, StringComparison.Ordinal);
        for (int layer = 0; layer < chain.Length; layer++)
        {
            int c = layer == 0 ? 0 : 1;
            if (ownReads)
            {
                votes[c][chain[layer]] += weight;
            }

            foreach (var x in list)
            {
                if (x.Layer >= 0 && string.Equals(x.Text, text, StringComparison.Ordinal))
                {
                    votes[c][x.Pages[layer]] += weight;
                }
            }
        }
    }

    /// <summary>A bit per page that gives <paramref name="text"/> in the outer layer (or in an inner one) of a chain that reads it so.</summary>
    private static int ClassMask(List<Reading> list, int[] chain, string text, bool outer)
    {
        int mask = 0;
        for (int layer = outer ? 0 : 1; layer < (outer ? 1 : chain.Length); layer++)
        {
            mask |= LayerMask(list, chain, text, layer);
        }

        return mask;
    }

    /// <summary>
    /// Chars of the findings without a rival that support reading <paramref name="t"/> of <paramref name="texts"/>: at some
    /// layer, a page that gives this reading there reads them as they read, and no page that gives another reading does
    /// (with <paramref name="family"/>, Windows-1252 and Latin-1 count as one page).
    /// </summary>
    private static int Support(List<(int Outer, int Inner, int Weight)> evidence, List<Reading> list, int[] chain, List<string> texts, int t, bool family)
    {
        int best = 0;
        for (int layer = 0; layer < chain.Length; layer++)
        {
            int mine = LayerMask(list, chain, texts[t], layer), others = 0;
            for (int u = 0; u < texts.Count; u++)
            {
                if (u != t)
                {
                    others |= LayerMask(list, chain, texts[u], layer);
                }
            }

            if (family)
            {
                mine = Family(mine);
                others = Family(others);
            }

            int sum = 0;
            foreach (var g in evidence)
            {
                int pages = layer == 0 ? g.Outer : g.Inner;
                if ((pages & mine) != 0 && (pages & others) == 0)
                {
                    sum += g.Weight;
                }
            }

            best = Math.Max(best, sum);
        }

        return best;
    }

    /// <summary>The mask with Windows-1252 and Latin-1 both set when either is.</summary>
    private static int Family(int mask) => (mask & (1 | (1 << Latin1))) != 0 ? mask | 1 | (1 << Latin1) : mask;

    /// <summary>A bit per page that gives <paramref name="text"/> at <paramref name="layer"/> of a chain that reads it so.</summary>
    private static int LayerMask(List<Reading> list, int[] chain, string text, int layer)
    {
        int mask = 0;
        foreach (var x in list)
        {
            if (string.Equals(x.Text, text, StringComparison.Ordinal))
            {
                mask |= 1 << x.Pages[layer];
            }
        }

        return mask;
    }

    private static bool IsSymbol(char c)
    {
        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.MathSymbol or UnicodeCategory.OtherSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol;
    }

    private static int[]? Pages(string[] chain)
    {
        var pages = new int[chain.Length];
        for (int k = 0; k < chain.Length; k++)
        {
            int found = string.Equals(chain[k], CodePageTables.Latin1Name, StringComparison.Ordinal) ? Latin1 : -1;
            for (int j = 0; j < CodePage.All.Length && found < 0; j++)
            {
                if (string.Equals(CodePage.All[j].Name, chain[k], StringComparison.Ordinal))
                {
                    found = j;
                }
            }

            if (found < 0)
            {
                return null;
            }

            pages[k] = found;
        }

        return pages;
    }

    /// <summary>
    /// How badly a reading reads: the detector's implausibility; one more for each rare code point (IPA, combining
    /// marks...), each symbol right after a letter ("h÷", "kr÷sny"), and each capital between a capital and a small letter
    /// ("MÌnchen").
    /// </summary>
    private static int Penalty(string s, int start, int end, string text)
    {
        int p = MojibakeEvidence.Implausibility(s, start, end, text);
        for (int k = 0; k < text.Length; k++)
        {
            char prev = k > 0 ? text[k - 1] : start > 0 ? s[start - 1] : ' ';
            char next = k + 1 < text.Length ? text[k + 1] : end < s.Length ? s[end] : ' ';
            if (char.IsLetter(prev) && IsSymbol(text[k]))
            {
                p++;
            }
            else if (char.IsUpper(text[k]) && char.IsUpper(prev) && char.IsLower(next))
            {
                p++;
            }
            else if (char.IsUpper(text[k]) && !char.IsLetter(prev) && !char.IsLetter(next) && prev == ' ' && start + k >= 2 &&
                     k == 0 && AfterSmallWord(s, start - 1))
            {
                p++; // a capital alone as a word after a lowercase one ("la città Ú così" is "è")
            }


            int cp = text[k];
            if (char.IsHighSurrogate(text[k]) && k + 1 < text.Length)
            {
                cp = char.ConvertToUtf32(text[k], text[k + 1]);
                k++;
            }

            if (MojibakeEvidence.Classify(cp) == CpClass.Weak || (cp >= 0x27C0 && cp <= 0x27FF) || (cp >= 0x2900 && cp <= 0x2AFF) ||
                (cp >= 0x10F1 && cp <= 0x10FF) || cp == 0x2028 || cp == 0x2029)
            {
                // and what prose does not hold: arrows and mathematical signs ("⤰" for "‰", "⤢" for "•"), the archaic
                // Georgian letters ("რჾგჾრ" for "როგორ"), the line and paragraph separators
                p++;
            }
        }

        return p;
    }

    /// <summary>
    /// Whether the word that ends before the space at <paramref name="space"/> holds a small letter and ends in no mark
    /// that closes a sentence or a clause (the word may itself be broken: "cittÃ\u00A0 Ãš").
    /// </summary>
    private static bool AfterSmallWord(string s, int space)
    {
        int j = space - 1;
        if (j < 0 || s[j] is '.' or '!' or '?' or ':' or ';' or ' ' or '\n')
        {
            return false;
        }

        for (; j >= 0 && s[j] != ' ' && s[j] != '\n'; j--)
        {
            if (char.IsLower(s[j]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The virtual page index of Latin-1 (ISO-8859-1), which the detector reads as part of Windows-1252.</summary>
    private static int Latin1 => CodePage.All.Length;

    private static string Name(int page) => page == Latin1 ? CodePageTables.Latin1Name : CodePage.All[page].Name;

    /// <summary>s[start, end) read through the pages of <paramref name="chain"/> (outermost first), each layer whole; null where a layer does not read.</summary>
    private static string? ReadChain(string s, int start, int end, int[] chain)
    {
        string? text = Read(s, start, end, chain[0]);
        for (int k = 1; k < chain.Length && text is not null; k++)
        {
            text = Read(text, 0, text.Length, chain[k]);
        }

        return text;
    }

    /// <summary>The byte page <paramref name="page"/> decodes to c: Windows-1252 strictly (the C1 controls only for its five undefined bytes), Latin-1 as itself.</summary>
    private static bool TryByte(int page, char c, out byte b)
    {
        if (page == Latin1)
        {
            b = (byte)c;
            return c <= 0xFF;
        }

        if (page == 0 && c >= 0x80 && c <= 0x9F && c != '\u0081' && c != '\u008D' && c != '\u008F' && c != '\u0090' && c != '\u009D')
        {
            b = 0;
            return false; // a C1 control Windows-1252 never shows: an ISO page was at work
        }

        return CodePage.All[page].TryGetByte(c, out b);
    }

    /// <summary>s[start, end) read through <paramref name="page"/> as UTF-8, every character part of a well-formed sequence; null otherwise.</summary>
    /// <summary>Whether s[p, p+6) reads through the page as a CESU-8 surrogate pair (ED A0-AF xx ED B0-BF xx), and the astral code point.</summary>
    private static bool Cesu8(string s, int p, int end, int page, out int astral)
    {
        astral = 0;
        if (p + 6 > end)
        {
            return false;
        }

        var b = new byte[6];
        for (int k = 0; k < 6; k++)
        {
            if (s[p + k] < 0x80 || !TryByte(page, s[p + k], out b[k]))
            {
                return false;
            }
        }

        if (b[0] != 0xED || b[1] < 0xA0 || b[1] > 0xAF || (b[2] & 0xC0) != 0x80 || b[3] != 0xED || b[4] < 0xB0 || b[4] > 0xBF || (b[5] & 0xC0) != 0x80)
        {
            return false;
        }

        int high = 0xD000 | ((b[1] & 0x3F) << 6) | (b[2] & 0x3F);
        int low = 0xD000 | ((b[4] & 0x3F) << 6) | (b[5] & 0x3F);
        astral = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
        return MojibakeEvidence.Classify(astral) != CpClass.Bad;
    }

    private static string? Read(string s, int start, int end, int page)
    {
        var sb = new StringBuilder(end - start);
        int p = start;
        while (p < end)
        {
            if (s[p] < 0x80 || !TryByte(page, s[p], out byte b0) || b0 < 0xC2 || b0 > 0xF4)
            {
                return null;
            }

            int len = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
            if (p + len > end)
            {
                return null;
            }

            if (b0 == 0xED && Cesu8(s, p, end, page, out int astral))
            {
                // An astral character written as CESU-8 (its two surrogates encoded one by one), as the detector reads it.
                sb.Append((char)(0xD800 + ((astral - 0x10000) >> 10))).Append((char)(0xDC00 + ((astral - 0x10000) & 0x3FF)));
                p += 6;
                continue;
            }

            int cp = b0 & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
            for (int k = 1; k < len; k++)
            {
                char c = s[p + k];
                if (c < 0x80 || !TryByte(page, c, out byte b) || (b & 0xC0) != 0x80)
                {
                    return null;
                }

                if (k == 1 && ((b0 == 0xE0 && b < 0xA0) || (b0 == 0xED && b > 0x9F) || (b0 == 0xF0 && b < 0x90) || (b0 == 0xF4 && b > 0x8F)))
                {
                    return null;
                }

                cp = (cp << 6) | (b & 0x3F);
            }

            if (MojibakeEvidence.Classify(cp) == CpClass.Bad)
            {
                return null;
            }

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

            p += len;
        }

        return sb.Length > 0 ? sb.ToString() : null;
    }
}
