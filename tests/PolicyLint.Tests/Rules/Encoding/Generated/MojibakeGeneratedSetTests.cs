using System;
using System.IO;
using System.Linq;
using Xunit;

namespace PolicyLint.Tests.Rules.Encoding.Generated;

/// <summary>
/// The generated sets of issue 13: sentences in many languages broken through every code page, 1 to 3 layers, each
/// lossy kind, mixed lines; and the negative set. Asserts the done-when thresholds and prints the table (set
/// <c>POLICYLINT_MOJIBAKE_REPORT</c> to a file path to have the table written there too; see bench/README.md).
/// </summary>
public class MojibakeGeneratedSetTests(ITestOutputHelper output)
{
    [Fact]
    public void GeneratedSetsMeetTheThresholds()
    {
        var cases = MojibakeGenerator.Cases();
        var results = cases.Select(MojibakeMetrics.Run).ToList();
        var fps = MojibakeMetrics.FalsePositives();
        int negatives = MojibakeSamples.Negatives().Count();
        string table = MojibakeMetrics.Table(results, negatives, fps.Count);
        output.WriteLine(table);
        string? path = Environment.GetEnvironmentVariable("POLICYLINT_MOJIBAKE_REPORT");
        if (!string.IsNullOrEmpty(path)) File.WriteAllText(path, table);
        string? failures = Environment.GetEnvironmentVariable("POLICYLINT_MOJIBAKE_FAILURES");
        if (!string.IsNullOrEmpty(failures))
        {
            // Every case that is not repaired exactly, or that holds a wrong repair, with the detector's findings.
            File.WriteAllLines(failures, results.Where(r => (r.Case.Repairable && !r.Exact) || r.WrongRepairs > 0).Select(r =>
                $"[{r.Case.Page} x{r.Case.Layers} {r.Case.Kind} {r.Case.Group} {r.Case.Language}] wrong={r.WrongRepairs}\n  original: {r.Case.Original}\n  broken:   {r.Case.Broken}\n  fixed:    {r.Fixed}\n" +
                string.Concat(PolicyLint.Rules.Encoding.MojibakeDetector.Find(r.Case.Broken).Select(f => "  - " + f + "\n"))));
        }
        foreach (var r in results.Where(r => r.UnexplainedChains > 0).Take(20))
            output.WriteLine($"chain does not explain [{r.Case.Page} x{r.Case.Layers} {r.Case.Kind} {r.Case.Group}]: {r.Case.Broken}\n" +
                string.Concat(PolicyLint.Rules.Encoding.MojibakeDetector.Find(r.Case.Broken).Where(f => f.Exact && MojibakeRepairTests.Rebreak(f.Repaired, f.Chain) != f.Original).Select(f => $"    {f} (rebroken: {MojibakeRepairTests.Rebreak(f.Repaired, f.Chain)})\n")));
        foreach (var fp in fps.Take(30)) output.WriteLine("false positive: " + fp);
        foreach (var r in results.Where(r => r.WrongRepairs > 0).GroupBy(r => (r.Case.Page, r.Case.Kind, r.Case.Layers)).SelectMany(g => g.Take(2)).Take(200))
            output.WriteLine($"wrong repair [{r.Case.Page} x{r.Case.Layers} {r.Case.Kind} {r.Case.Group}]: {r.Case.Original}\n    broken: {r.Case.Broken}\n    fixed:  {r.Fixed}");
        foreach (var r in results.Where(r => r.Case.Repairable && !r.Exact).Take(40))
            output.WriteLine($"not exact [{r.Case.Page} x{r.Case.Layers} {r.Case.Kind} {r.Case.Group}]: {r.Case.Original}\n    broken: {r.Case.Broken}\n    fixed:  {r.Fixed}");

        Assert.True(MojibakeSamples.Sentences.Select(s => s.Language).Distinct().Count() >= 25);
        Assert.True(negatives >= MojibakeSamples.Sentences.Length);
        Assert.Empty(fps);
        foreach (var page in LegacyPage.All)
        {
            for (int layers = 1; layers <= 3; layers++)
            {
                var t = new Tally();
                foreach (var r in results.Where(r => r.Case.Page == page.Name && r.Case.Group == "layers" && r.Case.Layers == layers && r.Case.Kind == LossyKind.None)) t.Add(r);
                // Issue 13: at least 99% for one layer, 97% for two and three.
                double need = layers == 1 ? 99.0 : 97.0;
                Assert.True(t.Cases > 0 && t.Recall >= need, $"{page.Name} x{layers}: recall {t.Recall:F1}% of {t.Cases} (need {need}%)");
            }
        }
        // Every finding with a fix names a chain that explains it: its repair broken again through the chain is the
        // text found (the detector checks this itself and reports a finding it cannot explain without a fix).
        Assert.Equal(0, results.Sum(r => r.UnexplainedChains));
        // Issue 13 asks for 97% exact repairs of the repairable cases and no wrong repair. The floors sit just under
        // today's figures (99.2% of all repairable cases, 99.7% of one layer, no case with a wrong repair), so that a
        // change that makes repairs worse fails here. Raise them as the detector improves; the table shows the misses.
        var rep = new Tally();
        foreach (var r in results.Where(r => r.Case.Repairable)) rep.Add(r);
        Assert.True(rep.ExactRate >= 99.1, $"exact repairs {rep.ExactRate:F1}% of {rep.Cases} repairable cases (floor 99.1%)");
        var oneLayer = new Tally();
        foreach (var r in results.Where(r => r.Case.Group == "layers" && r.Case.Layers == 1 && r.Case.Kind == LossyKind.None)) oneLayer.Add(r);
        Assert.True(oneLayer.ExactRate >= 99.7, $"one layer exact repairs {oneLayer.ExactRate:F1}% (floor 99.7%)");
        int wrong = results.Count(r => r.WrongRepairs > 0);
        Assert.Equal(0, wrong);
    }
}
