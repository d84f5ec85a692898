using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Markdig;
using Markdig.Syntax;
using PolicyLint.Documents;

namespace PolicyLint.Benchmarks;

/// <summary>
/// <c>-- --pipeline</c>: what each Markdig extension of <see cref="MarkdownFile.Pipeline"/> costs on the corpus, and whether the
/// corpus needs it: the pipeline without one extension at a time, its parse time (median of 5 rounds) and bytes per document,
/// and how many documents then get another syntax tree (node types and spans compared in document order). An extension
/// whose removal changes no tree is one a run could leave out without changing a finding (issue 19, "parse only what is
/// used"); one that changes trees needs every rule that reads those nodes to be off.
/// </summary>
internal static class PipelineCosts
{
    public static void Print()
    {
        string corpus = Corpus.Find();
        var texts = Directory.GetFiles(corpus, "*.md", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => MarkdownFile.DecodeText(File.ReadAllBytes(p))).ToList();
        var variants = new List<(string Name, MarkdownPipeline Pipeline)>
        {
            ("full (MarkdownFile.Pipeline)", Build(null)),
            ("without pipe tables", Build("tables")),
            ("without autolinks", Build("autolinks")),
            ("without task lists", Build("tasks")),
            ("without emphasis extras", Build("emphasis")),
            ("without footnotes", Build("footnotes")),
            ("without alert blocks", Build("alerts")),
        };
        var reference = texts.Select(t => Shape(Markdown.Parse(t, variants[0].Pipeline))).ToList();
        // Warm-up: every variant a few times, so that no row pays for the JIT's tiering of Markdig.
        for (int w = 0; w < 3; w++) foreach (var (_, p) in variants) foreach (var t in texts) Markdown.Parse(t, p);
        Console.WriteLine($"// {texts.Count} documents; load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Substring(0, 14) : "n/a")}");
        Console.WriteLine("| pipeline | parse ms (corpus) | KB/doc | documents with another tree |");
        Console.WriteLine("| --- | --- | --- | --- |");
        foreach (var (name, pipeline) in variants)
        {
            var times = new List<double>();
            long bytes = 0;
            for (int r = 0; r <= 5; r++)
            {
                GC.Collect();
                long a0 = GC.GetTotalAllocatedBytes(precise: true);
                var sw = Stopwatch.StartNew();
                foreach (var t in texts) Markdown.Parse(t, pipeline);
                sw.Stop();
                if (r == 0) continue;
                times.Add(sw.Elapsed.TotalMilliseconds);
                bytes = GC.GetTotalAllocatedBytes(precise: true) - a0;
            }
            int changed = 0;
            for (int i = 0; i < texts.Count; i++) if (Shape(Markdown.Parse(texts[i], pipeline)) != reference[i]) changed++;
            Console.WriteLine($"| {name} | {times.OrderBy(x => x).ElementAt(times.Count / 2):F0} | {bytes / 1024.0 / texts.Count:F1} | {changed} |");
        }
    }

    // The same extensions as MarkdownFile's pipeline, in the same order, with one left out.
    private static MarkdownPipeline Build(string? without)
    {
        var b = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePreciseSourceLocation();
        if (without != "tables") b.UsePipeTables();
        if (without != "autolinks") b.UseAutoLinks();
        if (without != "tasks") b.UseTaskLists();
        if (without != "emphasis") b.UseEmphasisExtras();
        if (without != "footnotes") b.UseFootnotes();
        if (without != "alerts") b.UseAlertBlocks();
        return b.Build();
    }

    private static string Shape(MarkdownDocument doc)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var node in SyntaxWalker.Descendants(doc))
            sb.Append(node.GetType().Name).Append(' ').Append(node.Span.Start).Append('-').Append(node.Span.End).Append(';');
        return sb.ToString();
    }
}
