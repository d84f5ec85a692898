using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using PolicyLint.Documents;
using PolicyLint.Engine;

namespace PolicyLint.Benchmarks;

/// <summary>
/// Parse and analysis cost over the shared blog corpus (772 real posts), per document and per MB.
/// Compare the ratios within one run; the machine is shared and noisy.
/// </summary>
[MemoryDiagnoser]
public class CorpusBenchmarks
{
    private List<(string Path, byte[] Bytes)> _docs = new();
    private LintEngine _engine = null!;
    private string _config = "";

    [GlobalSetup]
    public void Setup()
    {
        string dir = Corpus.Find();
        _docs = Directory.GetFiles(dir, "*.md").OrderBy(p => p, StringComparer.Ordinal).Select(p => (Path.GetFileName(p), File.ReadAllBytes(p))).ToList();
        _engine = new LintEngine();
        Console.WriteLine($"// corpus: {_docs.Count} files, {_docs.Sum(d => d.Bytes.Length) / 1048576.0:F2} MB");
    }

    /// <summary>Decode + Markdig parse + front matter, the shared work every rule reuses.</summary>
    [Benchmark(Baseline = true)]
    public int ParseOnly()
    {
        int n = 0;
        foreach (var (path, bytes) in _docs) n += MarkdownFile.FromBytes(path, bytes).Headings.Length;
        return n;
    }

    /// <summary>The whole engine with every default rule, single-threaded, in memory.</summary>
    [Benchmark]
    public int LintAllRulesSequential() => Lint(1);

    /// <summary>The whole engine with every default rule, on all cores.</summary>
    [Benchmark]
    public int LintAllRulesParallel() => Lint(Environment.ProcessorCount);

    private int Lint(int parallelism)
    {
        var request = new LintRequest
        {
            Paths = Array.Empty<string>(),
            Documents = _docs.Select(d => new InMemoryDocument(d.Path, d.Bytes)).ToArray(),
            ConfigText = _config,
            DiscoverConfiguration = false,
            LoadPlugins = false,
            BaseDirectory = Path.GetTempPath(),
            MaxDegreeOfParallelism = parallelism,
        };
        return _engine.LintAsync(request).GetAwaiter().GetResult().Diagnostics.Length;
    }
}

internal static class Corpus
{
    public static string Find()
    {
        string? env = Environment.GetEnvironmentVariable("POLICYLINT_CORPUS");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            string p = Path.Combine(d.FullName, "shared", "corpus", "hf-blog");
            if (Directory.Exists(p)) return p;
        }
        throw new DirectoryNotFoundException("The corpus ../shared/corpus/hf-blog was not found; set POLICYLINT_CORPUS.");
    }
}
