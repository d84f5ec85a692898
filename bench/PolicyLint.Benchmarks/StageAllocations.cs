using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Markdig;
using PolicyLint.Documents;
using PolicyLint.Engine;
using PolicyLint.Rules.Encoding;
using PolicyLint.Rules.Headings;
using PolicyLint.Rules.Links;

namespace PolicyLint.Benchmarks;

/// <summary>
/// <c>-- --stages</c>: the bytes each shared per-document stage allocates, per document of the corpus: what the allocation
/// work of issue 19 aims at. Each stage runs on documents parsed outside the count, so it counts only its own work (a stage
/// that needs another, such as the link list needing the HTML tags, is run after it).
/// </summary>
internal static class StageAllocations
{
    public static void Print()
    {
        string corpus = Corpus.Find();
        var docs = Directory.GetFiles(corpus, "*.md", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), File.ReadAllBytes(p))).ToList();
        int n = docs.Count;
        var texts = docs.Select(d => MarkdownFile.DecodeText(d.Item2)).ToList();
        long Count(Action body)
        {
            body(); // once to warm up (JIT, static tables), on other documents' caches
            GC.Collect();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            body();
            return GC.GetTotalAllocatedBytes(precise: true) - before;
        }
        List<MarkdownFile> Parsed() => docs.Select(d => MarkdownFile.FromBytes(d.Item1, d.Item2)).ToList();
        void Row(string name, long bytes) => Console.WriteLine($"| {name} | {bytes / 1024.0 / n:F1} |");

        Console.WriteLine($"// {n} documents; KB allocated per document");
        Console.WriteLine("| stage | KB/doc |");
        Console.WriteLine("| --- | --- |");
        Row("MarkdownFile.FromBytes (all below to Markdig parse)", Count(() => { foreach (var d in docs) MarkdownFile.FromBytes(d.Item1, d.Item2); }));
        Row("  decode", Count(() => { foreach (var d in docs) MarkdownFile.DecodeText(d.Item2); }));
        Row("  line map", Count(() => { foreach (var t in texts) _ = new LineMap(t); }));
        Row("  front matter", Count(() => { foreach (var t in texts) FrontMatter.Parse(t); }));
        Row("  Markdig parse", Count(() => { foreach (var t in texts) Markdown.Parse(t, MarkdownFile.Pipeline); }));
        void Stage(string name, Action<MarkdownFile> prepare, Action<MarkdownFile> stage)
        {
            // Fresh documents each time: the stages cache per document.
            var a = Parsed(); foreach (var f in a) { prepare(f); stage(f); }
            var b = Parsed(); foreach (var f in b) prepare(f);
            GC.Collect();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            foreach (var f in b) stage(f);
            Row(name, GC.GetTotalAllocatedBytes(precise: true) - before);
        }
        Action<MarkdownFile> none = _ => { };
        Action<MarkdownFile> index = f => _ = f.Index;
        Stage("syntax index (one walk)", none, f => _ = f.Index);
        Stage("headings (anchors)", index, f => _ = f.Headings);
        Stage("character scan", index, f => CharacterScan.Get(f));
        Stage("HTML tags", index, f => DocumentHtml.GetTags(f));
        Stage("text regions", f => { _ = f.Index; DocumentHtml.GetTags(f); }, f => TextRegions.Get(f));
        Stage("mojibake scan", f => { _ = f.Index; TextRegions.Get(f); CharacterScan.Get(f); }, f => MojibakeScan.Get(f));
        Stage("links", f => { _ = f.Index; DocumentHtml.GetTags(f); }, f => LinkCollector.Get(f));
        Stage("prose text", index, f => ProseText.Get(f));
        Stage("definition lines", index, f => DefinitionLines.Get(f));
        Stage("heading outline", f => { _ = f.Index; _ = f.Headings; }, f => HeadingOutline.Get(f));
        Stage("suppression directives", f => { _ = f.Index; DocumentHtml.GetTags(f); }, f => SuppressionDirectives.Parse(f, _ => null));
    }
}
