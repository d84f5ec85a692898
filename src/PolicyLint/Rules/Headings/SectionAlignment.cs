using System.Collections.Generic;

namespace PolicyLint.Rules.Headings;

/// <summary>What is wrong with one section of a typed document.</summary>
internal enum SectionProblem
{
    Missing,
    OutOfOrder,
    Repeated,
    Unexpected,
}

/// <summary>One finding of the template check; <see cref="Heading"/> is null for a missing section.</summary>
internal sealed record SectionFinding(SectionProblem Problem, SectionEntry? Entry, OutlineHeading? Heading, string Placement, OutlineHeading? First);

/// <summary>
/// Aligns a document's headings with a section template, as an edit distance: template entries expand to tokens
/// (one, optional, repeated), and dynamic programming over (heading, token) finds the fewest missing and misplaced
/// sections. O(headings x tokens) time and memory, no backtracking search.
/// </summary>
internal static class SectionAlignment
{
    private enum Kind : byte { Required, Optional, Star }
    private const byte SkipToken = 1, MatchSingle = 2, MatchStar = 3, DeleteHeading = 4;

    public static List<SectionFinding> Align(IReadOnlyList<OutlineHeading> all, DocumentType type)
    {
        var entries = type.Sections;
        bool anyLevel = false;
        var levels = new bool[7];
        foreach (var e in entries) { if (e.Level == 0) anyLevel = true; else levels[e.Level] = true; }

        // Headings in scope, and which named entries each one matches.
        var headings = new List<OutlineHeading>();
        var claims = new List<bool[]>();
        var isOther = new List<bool>();
        foreach (var h in all)
        {
            if (!anyLevel && !levels[h.Level]) continue;
            string key = SectionEntry.Key(h.Text);
            var c = new bool[entries.Count];
            bool named = false, wildcardFits = false;
            for (int e = 0; e < entries.Count; e++)
            {
                if (!entries[e].LevelMatches(h.Level)) continue;
                if (entries[e].IsWildcard) wildcardFits = true;
                else if (entries[e].TextMatches(key)) { c[e] = true; named = true; }
            }
            if (!named && type.AllowOtherSections && !wildcardFits) continue; // free to skip and can match nothing
            headings.Add(h); claims.Add(c); isOther.Add(!named);
        }

        var tokens = new List<(int Entry, Kind Kind)>();
        for (int e = 0; e < entries.Count; e++)
        {
            switch (entries[e].Occurs)
            {
                case Occurs.ExactlyOne: tokens.Add((e, Kind.Required)); break;
                case Occurs.Optional: tokens.Add((e, Kind.Optional)); break;
                case Occurs.ZeroOrMore: tokens.Add((e, Kind.Star)); break;
                case Occurs.OneOrMore: tokens.Add((e, Kind.Required)); tokens.Add((e, Kind.Star)); break;
            }
        }

        int n = headings.Count, t = tokens.Count, w = t + 1;
        var cost = new int[(n + 1) * w];
        var move = new byte[(n + 1) * w];
        for (int k = 0; k < cost.Length; k++) cost[k] = int.MaxValue;
        cost[0] = 0;
        bool Fits(int i, int j)
        {
            var entry = entries[tokens[j].Entry];
            return entry.IsWildcard ? isOther[i] && entry.LevelMatches(headings[i].Level) : claims[i][tokens[j].Entry];
        }
        void Relax(int target, int value, byte how)
        {
            if (value < cost[target]) { cost[target] = value; move[target] = how; }
        }
        for (int i = 0; i <= n; i++)
        {
            for (int j = 0; j <= t; j++)
            {
                int c = cost[i * w + j];
                if (c == int.MaxValue) continue;
                if (i < n && j < t && Fits(i, j))
                {
                    if (tokens[j].Kind == Kind.Star) Relax((i + 1) * w + j, c, MatchStar);
                    else Relax((i + 1) * w + j + 1, c, MatchSingle);
                }
                if (i < n) Relax((i + 1) * w + j, c + (isOther[i] && type.AllowOtherSections ? 0 : 1), DeleteHeading);
                if (j < t) Relax(i * w + j + 1, c + (tokens[j].Kind == Kind.Required ? 1 : 0), SkipToken);
            }
        }

        // Walk back: which heading went to which token, which tokens were skipped, which headings were left over.
        var tokenHeadings = new List<int>[t];
        for (int j = 0; j < t; j++) tokenHeadings[j] = new List<int>();
        var skipped = new List<int>();
        var deleted = new List<int>();
        for (int i = n, j = t; i > 0 || j > 0;)
        {
            switch (move[i * w + j])
            {
                case SkipToken: j--; if (tokens[j].Kind == Kind.Required) skipped.Add(j); break;
                case MatchSingle: i--; j--; tokenHeadings[j].Add(i); break;
                case MatchStar: i--; tokenHeadings[j].Insert(0, i); break;
                default: i--; deleted.Add(i); break;
            }
        }
        skipped.Reverse();
        deleted.Reverse();

        string Placement(int entry)
        {
            for (int j = tokens.Count - 1; j >= 0; j--)
                if (tokens[j].Entry < entry && tokenHeadings[j].Count > 0)
                {
                    var h = headings[tokenHeadings[j][tokenHeadings[j].Count - 1]];
                    return $"after {h.Display} (line {h.Line})";
                }
            for (int j = 0; j < tokens.Count; j++)
                if (tokens[j].Entry > entry && tokenHeadings[j].Count > 0)
                {
                    var h = headings[tokenHeadings[j][0]];
                    return $"before {h.Display} (line {h.Line})";
                }
            return entries[entry].Level > 0 ? $"as an H{entries[entry].Level} section" : "as a section";
        }
        OutlineHeading? FirstMatched(int entry)
        {
            for (int j = 0; j < t; j++)
                if (tokens[j].Entry == entry && tokenHeadings[j].Count > 0) return headings[tokenHeadings[j][0]];
            return null;
        }

        var findings = new List<SectionFinding>();
        var used = new HashSet<int>();
        foreach (int j in skipped)
        {
            int e = tokens[j].Entry;
            int moved = -1;
            if (!entries[e].IsWildcard)
                foreach (int d in deleted)
                    if (!used.Contains(d) && claims[d][e]) { moved = d; break; }
            if (moved >= 0)
            {
                used.Add(moved);
                findings.Add(new SectionFinding(SectionProblem.OutOfOrder, entries[e], headings[moved], Placement(e), null));
            }
            else findings.Add(new SectionFinding(SectionProblem.Missing, entries[e], null, Placement(e), null));
        }
        foreach (int d in deleted)
        {
            if (used.Contains(d)) continue;
            int e = System.Array.IndexOf(claims[d], true);
            if (e < 0)
            {
                if (!type.AllowOtherSections) findings.Add(new SectionFinding(SectionProblem.Unexpected, null, headings[d], "", null));
                continue;
            }
            var first = FirstMatched(e);
            findings.Add(entries[e].IsSingle && first is not null
                ? new SectionFinding(SectionProblem.Repeated, entries[e], headings[d], "", first)
                : new SectionFinding(SectionProblem.OutOfOrder, entries[e], headings[d], Placement(e), null));
        }
        return findings;
    }
}
