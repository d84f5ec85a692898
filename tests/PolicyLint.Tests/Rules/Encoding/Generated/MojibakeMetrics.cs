using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PolicyLint.Rules.Encoding;

namespace PolicyLint.Tests.Rules.Encoding.Generated;

/// <summary>What the detector did with one generated case.</summary>
internal readonly record struct CaseResult(MojibakeCase Case, bool Detected, bool Exact, int WrongRepairs, int ReportedWithoutFix, string Fixed, int UnexplainedChains = 0);

/// <summary>Counts for one row of the table.</summary>
internal sealed class Tally
{
    public int Cases, Detected, Exact, Wrong, NoFix;

    public void Add(CaseResult r)
    {
        Cases++;
        if (r.Detected) Detected++;
        if (r.Exact) Exact++;
        if (r.WrongRepairs > 0) Wrong++;
        if (r.ReportedWithoutFix > 0) NoFix++;
    }

    public double Recall => Cases == 0 ? 100 : 100.0 * Detected / Cases;
    public double ExactRate => Cases == 0 ? 100 : 100.0 * Exact / Cases;
}

/// <summary>Runs the detector over the generated sets and builds the report table.</summary>
internal static class MojibakeMetrics
{
    /// <summary>Runs one case: every finding is judged against the pieces it covers.</summary>
    public static CaseResult Run(MojibakeCase c)
    {
        var findings = MojibakeDetector.Find(c.Broken);
        // Piece boundaries in the broken text, and the original text up to each boundary.
        var starts = new Dictionary<int, int>(); // broken offset -> piece index
        int pos = 0;
        for (int k = 0; k < c.Pieces.Count; k++) { starts[pos] = k; pos += c.Pieces[k].Broken.Length; }
        starts[pos] = c.Pieces.Count;
        int wrong = 0, noFix = 0, unexplained = 0;
        var sb = new StringBuilder();
        int at = 0;
        foreach (var f in findings)
        {
            sb.Append(c.Broken, at, f.Start - at);
            at = f.Start + f.Length;
            if (!f.Exact)
            {
                noFix++;
                sb.Append(f.Original);
                continue;
            }
            sb.Append(f.Repaired);
            // The chain named must explain the finding: its repair broken through the chain is the text found
            // (findings written as references, CESU-8 or with a flattened no-break space are broken otherwise).
            if (!f.Explanation.Contains("character references") && !f.Explanation.StartsWith("CESU-8") && !f.Explanation.Contains("became") && !f.Explanation.Contains("lost") &&
                f.Repaired.Length > 0 && MojibakeRepairTests.Rebreak(f.Repaired, f.Chain) != f.Original) unexplained++;
            bool right = starts.TryGetValue(f.Start, out int p0) && starts.TryGetValue(f.Start + f.Length, out int p1) &&
                         string.Equals(string.Concat(c.Pieces.Skip(p0).Take(p1 - p0).Select(p => p.Original)), f.Repaired, StringComparison.Ordinal);
            if (!right) wrong++;
        }
        sb.Append(c.Broken, at, c.Broken.Length - at);
        string fixedText = sb.ToString();
        return new CaseResult(c, findings.Count > 0, fixedText == c.Original, wrong, noFix, fixedText, unexplained);
    }

    /// <summary>Findings on the negative set (text that must stay silent).</summary>
    public static List<string> FalsePositives() =>
        MojibakeSamples.Negatives().SelectMany(t => MojibakeDetector.Find(t).Select(f => $"{t} => {f}")).ToList();

    public static string Pct(double v) => v.ToString("F1", CultureInfo.InvariantCulture) + "%";

    /// <summary>The report: per code page (layers, mixed cases), per lossy kind, and the negative set.</summary>
    public static string Table(IReadOnlyList<CaseResult> results, int negatives, int falsePositives)
    {
        var sb = new StringBuilder();
        sb.AppendLine("Per code page, exact breakage (recall / exact repairs; wrong repairs):");
        sb.AppendLine("| code page | 1 layer | 2 layers | 3 layers | then Windows-1252 | part of the line | two pages in a line | re-encoded once more |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|");
        string Cell(IEnumerable<CaseResult> rs)
        {
            var t = new Tally();
            foreach (var r in rs) t.Add(r);
            return t.Cases == 0 ? "-" : $"{t.Detected}/{t.Cases} {Pct(t.Recall)} / {Pct(t.ExactRate)}" + (t.Wrong > 0 ? $"; {t.Wrong} wrong" : "");
        }
        foreach (var page in LegacyPage.All)
        {
            var mine = results.Where(r => r.Case.Page == page.Name && r.Case.Kind == LossyKind.None).ToList();
            sb.Append("| ").Append(page.Name);
            for (int l = 1; l <= 3; l++) sb.Append(" | ").Append(Cell(mine.Where(r => r.Case.Group == "layers" && r.Case.Layers == l)));
            foreach (var g in new[] { "then Windows-1252", "part of the line", "two pages in a line", "re-encoded once more" })
                sb.Append(" | ").Append(Cell(mine.Where(r => r.Case.Group == g)));
            sb.AppendLine(" |");
        }

        sb.AppendLine();
        sb.AppendLine("Per lossy kind, all pages and layers (cases, recall, exact repairs, reported without a fix, cases with a wrong repair):");
        sb.AppendLine("| kind | repairable | cases | recall | exact repairs | without fix | wrong repairs |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (LossyKind kind in Enum.GetValues(typeof(LossyKind)))
        {
            var t = new Tally();
            foreach (var r in results.Where(r => r.Case.Kind == kind)) t.Add(r);
            bool repairable = kind is LossyKind.None or LossyKind.Cesu8 or LossyKind.Entities;
            sb.AppendLine($"| {kind} | {(repairable ? "yes" : "no")} | {t.Cases} | {Pct(t.Recall)} | {Pct(t.ExactRate)} | {t.NoFix} | {t.Wrong} |");
        }

        sb.AppendLine();
        sb.AppendLine("Per lossy kind and code page (recall / exact repairs):");
        var lossyKinds = new[] { LossyKind.Dropped, LossyKind.Question, LossyKind.Replacement, LossyKind.NbspToSpace, LossyKind.Cesu8, LossyKind.Entities };
        sb.AppendLine("| code page | " + string.Join(" | ", lossyKinds) + " |");
        sb.AppendLine("|---|" + string.Concat(lossyKinds.Select(_ => "---|")));
        foreach (var page in LegacyPage.All)
        {
            sb.Append("| ").Append(page.Name);
            foreach (var kind in lossyKinds) sb.Append(" | ").Append(Cell(results.Where(r => r.Case.Page == page.Name && r.Case.Kind == kind)));
            sb.AppendLine(" |");
        }

        var rep = new Tally();
        foreach (var r in results.Where(r => r.Case.Repairable)) rep.Add(r);
        sb.AppendLine();
        var one = new Tally();
        foreach (var r in results.Where(r => r.Case.Group == "layers" && r.Case.Layers == 1 && r.Case.Kind == LossyKind.None)) one.Add(r);
        sb.AppendLine($"One layer, exact breakage: {one.Cases} cases, recall {Pct(one.Recall)}, exact repairs {one.Exact} ({Pct(one.ExactRate)})");
        sb.AppendLine($"Repairable cases: {rep.Cases}, exact repairs {rep.Exact} ({Pct(rep.ExactRate)}); cases with a wrong repair, all kinds: {results.Count(r => r.WrongRepairs > 0)}");
        sb.AppendLine($"Findings whose chain does not explain them (repair broken through the chain is not the text found): {results.Sum(r => r.UnexplainedChains)}");
        sb.AppendLine($"Negative set: {negatives} texts, {falsePositives} false positives");
        return sb.ToString();
    }
}
