using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using PolicyLint.Analysis;
using PolicyLint.Documents;
using PolicyLint.Engine;
using PolicyLint.Rules.Encoding;
using PolicyLint.Rules.FrontMatter;
using PolicyLint.Rules.Headings;
using PolicyLint.Rules.Links;

namespace PolicyLint.Benchmarks;

/// <summary>
/// Each rule family alone over the whole blog corpus (772 posts, subfolders included), single-threaded, default
/// configuration, in memory, with the corpus's other files present as empty stand-ins (from <c>hf-blog.paths.txt</c>) so
/// that link targets resolve as in a real run. One operation is the whole corpus: divide by the document count (printed
/// at set-up) for the figure per document. A family's own cost is its row minus <see cref="EngineNoRules"/>.
/// Only the engine's long-standing API is used, so that this file also builds against older commits (issue 19 measured
/// the commit before the one-walk change with it).
/// </summary>
[MemoryDiagnoser]
public class FamilyBenchmarks
{
    private readonly Families _families = new();

    [GlobalSetup]
    public void Setup() => _families.Setup();

    [GlobalCleanup]
    public void Cleanup() => _families.Cleanup();

    /// <summary>Decode, line map, front matter and Markdig parse of each document, plus its heading anchors: no engine.</summary>
    [Benchmark]
    public int ParseOnly() => _families.ParseOnly();

    /// <summary>The engine with no analyzer: read, decode, parse, suppression scan, result assembly.</summary>
    [Benchmark(Baseline = true)]
    public int EngineNoRules() => _families.Run("none");

    /// <summary>Front matter rules (PL1xxx) alone.</summary>
    [Benchmark]
    public int FrontMatter() => _families.Run("front-matter");

    /// <summary>Encoding rules (PL2xxx) alone.</summary>
    [Benchmark]
    public int Encoding() => _families.Run("encoding");

    /// <summary>Link rules (PL3xxx) alone.</summary>
    [Benchmark]
    public int Links() => _families.Run("links");

    /// <summary>Heading and structure rules (PL4xxx) alone.</summary>
    [Benchmark]
    public int Headings() => _families.Run("headings");

    /// <summary>Every built-in rule.</summary>
    [Benchmark]
    public int AllRules() => _families.Run("all");
}

/// <summary>The corpus, its site tree and one engine per family; shared by <see cref="FamilyBenchmarks"/> and the quick mode.</summary>
internal sealed class Families
{
    public static readonly string[] Names = ["parse-only", "none", "front-matter", "encoding", "links", "headings", "all"];

    private readonly Dictionary<string, LintEngine> _engines = new(StringComparer.Ordinal);
    private List<(string Path, byte[] Bytes)> _docs = new();
    private string _site = "";

    public int DocumentCount => _docs.Count;
    public long Bytes => _docs.Sum(d => (long)d.Bytes.Length);

    public void Setup()
    {
        string corpus = Corpus.Find();
        _docs = Directory.GetFiles(corpus, "*.md", SearchOption.AllDirectories)
            .Select(p => (Path.GetRelativePath(corpus, p).Replace('\\', '/'), File.ReadAllBytes(p)))
            .OrderBy(d => d.Item1, StringComparer.Ordinal).ToList();
        // The tree the links resolve against: every non-Markdown path of the corpus as an empty file.
        _site = Path.Combine(Path.GetTempPath(), "policylint-families-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(_site);
        string paths = corpus.TrimEnd('/', '\\') + ".paths.txt";
        if (File.Exists(paths))
        {
            foreach (string line in File.ReadAllLines(paths))
            {
                if (line.Length == 0) continue;
                string full = Path.Combine(_site, line);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                if (!File.Exists(full)) File.WriteAllBytes(full, []);
            }
        }
        foreach (var (path, bytes) in _docs)
        {
            string full = Path.Combine(_site, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
        File.WriteAllText(Path.Combine(_site, ".policylint.yml"), "root: true\n");
        _engines["none"] = new LintEngine(null, includeBuiltIns: false);
        _engines["front-matter"] = new LintEngine(Family(FrontMatterAnalyzers.AddTo), includeBuiltIns: false);
        _engines["encoding"] = new LintEngine(Family(EncodingAnalyzers.AddTo), includeBuiltIns: false);
        _engines["links"] = new LintEngine(Family(LinkAnalyzers.AddTo), includeBuiltIns: false);
        _engines["headings"] = new LintEngine(Family(HeadingAnalyzers.AddTo), includeBuiltIns: false);
        _engines["all"] = new LintEngine();
        Console.WriteLine($"// corpus: {_docs.Count} files, {Bytes / 1048576.0:F2} MB; site tree {_site}");
    }

    public void Cleanup()
    {
        try { Directory.Delete(_site, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static List<MarkdownAnalyzer> Family(Action<List<MarkdownAnalyzer>> add)
    {
        var list = new List<MarkdownAnalyzer>();
        add(list);
        return list;
    }

    public int ParseOnly()
    {
        int n = 0;
        foreach (var (path, bytes) in _docs) n += MarkdownFile.FromBytes(path, bytes).Headings.Length;
        return n;
    }

    public int Run(string family)
    {
        if (family == "parse-only") return ParseOnly();
        var request = new LintRequest
        {
            Paths = Array.Empty<string>(),
            Documents = _docs.Select(d => new InMemoryDocument(d.Path, d.Bytes)).ToArray(),
            ConfigText = "",
            DiscoverConfiguration = false,
            LoadPlugins = false,
            BaseDirectory = _site,
            RootDirectory = _site,
            MaxDegreeOfParallelism = 1,
        };
        return _engines[family].LintAsync(request).GetAwaiter().GetResult().Diagnostics.Length;
    }

    /// <summary>
    /// <c>-- --families [rounds]</c>: without BenchmarkDotNet, each family's median time per document over interleaved rounds
    /// (the first is warm-up) and the bytes it allocates per document (all threads, GC.GetTotalAllocatedBytes), with the
    /// load average before and after.
    /// </summary>
    public static void Quick(int rounds)
    {
        var f = new Families();
        f.Setup();
        try
        {
            string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
            Console.WriteLine($"// load average before: {Load()}");
            var times = Names.ToDictionary(n => n, _ => new List<double>());
            var allocs = Names.ToDictionary(n => n, _ => new List<long>());
            var findings = new Dictionary<string, int>();
            for (int r = 0; r <= rounds; r++)
            {
                foreach (string name in Names)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    long a0 = GC.GetTotalAllocatedBytes(precise: true);
                    var sw = Stopwatch.StartNew();
                    findings[name] = f.Run(name);
                    sw.Stop();
                    long a1 = GC.GetTotalAllocatedBytes(precise: true);
                    if (r == 0) continue;
                    times[name].Add(sw.Elapsed.TotalMilliseconds);
                    allocs[name].Add(a1 - a0);
                }
            }
            Console.WriteLine($"// load average after: {Load()}; {rounds} rounds, medians; per document = corpus / {f.DocumentCount}");
            double Median(List<double> xs) { var s = xs.OrderBy(x => x).ToList(); return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2; }
            double noRulesTime = Median(times["none"]), noRulesAlloc = Median(allocs["none"].Select(x => (double)x).ToList());
            Console.WriteLine("| family | corpus ms | us/doc | own us/doc | KB alloc/doc | own KB/doc | findings |");
            Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
            foreach (string name in Names)
            {
                double t = Median(times[name]), a = Median(allocs[name].Select(x => (double)x).ToList());
                bool engine = name != "parse-only" && name != "none";
                Console.WriteLine($"| {name} | {t:F0} | {t * 1000 / f.DocumentCount:F0} | {(engine ? ((t - noRulesTime) * 1000 / f.DocumentCount).ToString("F0") : "-")} | " +
                    $"{a / 1024 / f.DocumentCount:F1} | {(engine ? ((a - noRulesAlloc) / 1024 / f.DocumentCount).ToString("F1") : "-")} | {findings[name]} |");
            }
        }
        finally { f.Cleanup(); }
    }
}
