using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyLint.Engine;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Headings;

/// <summary>The heading rules on real documents: the hf-blog corpus and the seed policy post.</summary>
public sealed class HeadingsRealDataTests
{
    private static LintResult LintTree(string dir) => new LintEngine().LintAsync(new LintRequest
    {
        Paths = ["."], BaseDirectory = dir, RootDirectory = dir, DiscoverConfiguration = false, LoadPlugins = false,
    }).GetAwaiter().GetResult();

    [Fact]
    public void Pl4001AgreesExactlyWithAnIndependentLineScannerOnTheCorpus()
    {
        string dir = SharedData.Require("corpus/hf-blog");
        var result = LintTree(dir);
        var engine = result.Files.SelectMany(f => f.Diagnostics).Where(d => d.Id == "PL4001")
            .Select(d => d.Location.Path.Replace('\\', '/') + ":" + d.Location.StartLine).ToHashSet(StringComparer.Ordinal);
        var independent = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(dir, "*.md", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(dir, path).Replace('\\', '/');
            foreach (int line in IndependentHeadingScanner.Jumps(File.ReadAllText(path))) independent.Add(rel + ":" + line);
        }
        var onlyEngine = engine.Except(independent).OrderBy(x => x).ToList();
        var onlyScanner = independent.Except(engine).OrderBy(x => x).ToList();
        Assert.True(onlyEngine.Count == 0 && onlyScanner.Count == 0,
            $"PL4001 reported {engine.Count}, the scanner found {independent.Count}.\nOnly PL4001:\n  {string.Join("\n  ", onlyEngine)}\nOnly scanner:\n  {string.Join("\n  ", onlyScanner)}");
        Assert.True(engine.Count > 50, "the corpus is known to hold dozens of heading jumps");
    }

    [Fact]
    public void TheSeedPolicyPostHasExactlyOneJumpAtItsFirstH4()
    {
        string path = SharedData.Require("seed/ai-action-plan.md");
        string text = File.ReadAllText(path);
        var d = LintVerifier.Lint(text, path: "ai-action-plan.md").Where(x => x.Id == "PL4001").ToList();
        var only = Assert.Single(d);
        Assert.Equal("Heading level jumps from H1 to H4; expected H2", only.Message);
        Assert.Equal(IndependentHeadingScanner.Jumps(text), [only.Location.StartLine]);
        Assert.StartsWith("#### Context", text.Substring(only.Location.Span.Start));
    }
}
