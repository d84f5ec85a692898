using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using PolicyLint.Engine;
using PolicyLint.Rules.Encoding;

namespace PolicyLint.Benchmarks;

/// <summary>
/// The encoding family (PL2xxx) alone over the corpus. The family's own cost is <c>EncodingRules - EngineNoRules</c>:
/// both run the engine single-threaded and parse every file afresh, so the per-file caches the rules share are cold.
/// </summary>
[MemoryDiagnoser]
public class EncodingBenchmarks
{
    private List<(string Path, byte[] Bytes)> _docs = new();
    private LintEngine _engine = null!;
    private LintEngine _empty = null!;

    [GlobalSetup]
    public void Setup()
    {
        string dir = Corpus.Find();
        _docs = Directory.GetFiles(dir, "*.md", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), File.ReadAllBytes(p))).ToList();
        _engine = new LintEngine(EncodingAnalyzers.Create(), includeBuiltIns: false);
        _empty = new LintEngine(null, includeBuiltIns: false);
        Console.WriteLine($"// corpus: {_docs.Count} files, {_docs.Sum(d => d.Bytes.Length) / 1048576.0:F2} MB");
    }

    /// <summary>The engine with no analyzers: decode, parse, front matter, suppression scan.</summary>
    [Benchmark(Baseline = true)]
    public int EngineNoRules() => Run(_empty);

    /// <summary>The engine with the encoding analyzers only, single-threaded.</summary>
    [Benchmark]
    public int EncodingRules() => Run(_engine);

    private int Run(LintEngine engine)
    {
        var request = new LintRequest
        {
            Paths = Array.Empty<string>(),
            Documents = _docs.Select(d => new InMemoryDocument(d.Path, d.Bytes)).ToArray(),
            ConfigText = "",
            DiscoverConfiguration = false,
            LoadPlugins = false,
            BaseDirectory = Path.GetTempPath(),
            MaxDegreeOfParallelism = 1,
        };
        return engine.LintAsync(request).GetAwaiter().GetResult().Diagnostics.Length;
    }

    /// <summary>
    /// A quick figure without BenchmarkDotNet (<c>-- --encoding-quick</c>): the median of several runs of each method,
    /// printed as MB/s and as the family's own cost per MB.
    /// </summary>
    public static void Quick()
    {
        var b = new EncodingBenchmarks();
        b.Setup();
        double mb = b._docs.Sum(d => d.Bytes.Length) / 1048576.0;
        var baseTimes = new List<double>();
        var allTimes = new List<double>();
        for (int i = 0; i < 9; i++)
        {
            // Interleaved, so that machine noise and GC hit both alike; the first round is warm-up.
            var sw = Stopwatch.StartNew(); b.EngineNoRules(); if (i > 0) baseTimes.Add(sw.Elapsed.TotalMilliseconds);
            sw = Stopwatch.StartNew(); b.EncodingRules(); if (i > 0) allTimes.Add(sw.Elapsed.TotalMilliseconds);
        }
        double parse = baseTimes.OrderBy(t => t).ElementAt(baseTimes.Count / 2), all = allTimes.OrderBy(t => t).ElementAt(allTimes.Count / 2);
        double own = Math.Max(all - parse, 0.001);
        Console.WriteLine($"engine, no rules:       {parse,8:F1} ms  {mb / (parse / 1000),7:F1} MB/s");
        Console.WriteLine($"engine, encoding rules: {all,8:F1} ms  {mb / (all / 1000),7:F1} MB/s");
        // The shared single pass by itself, on files parsed outside the stopwatch.
        var scanTimes = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            var files = b._docs.Select(d => PolicyLint.Documents.MarkdownFile.FromBytes(d.Path, d.Bytes)).ToList();
            var sw = Stopwatch.StartNew();
            int hits = 0;
            foreach (var f in files) hits += CharacterScan.Get(f).Hits.Count;
            scanTimes.Add(sw.Elapsed.TotalMilliseconds);
        }
        double scan = scanTimes.OrderBy(t => t).ElementAt(scanTimes.Count / 2);
        // Allocation of each shared stage, per MB of text (the rules themselves allocate only their findings).
        var parsed = b._docs.Select(d => PolicyLint.Documents.MarkdownFile.FromBytes(d.Path, d.Bytes)).ToList();
        long Alloc(Action<PolicyLint.Documents.MarkdownFile> stage)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            foreach (var f in parsed) stage(f);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        long aScan = Alloc(f => CharacterScan.Get(f)), aRegions = Alloc(f => TextRegions.Get(f)), aMoji = Alloc(f => MojibakeScan.Get(f));
        Console.WriteLine($"allocated per MB: character scan {aScan / mb / 1024:F0} KB, text regions {aRegions / mb / 1024:F0} KB, mojibake scan {aMoji / mb / 1024:F0} KB");
        Console.WriteLine($"character scan only:    {scan,8:F1} ms  {mb / (scan / 1000),7:F1} MB/s");
        Console.WriteLine($"encoding rules alone:  {own,8:F1} ms  {mb / (own / 1000),7:F1} MB/s  ({own / mb:F2} ms per MB)");
    }
}
