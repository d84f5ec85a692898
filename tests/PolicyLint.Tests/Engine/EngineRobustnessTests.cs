using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Markdig.Syntax;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Engine;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Engine;

public sealed class EngineRobustnessTests
{
    [MarkdownAnalyzer]
    public sealed class ThrowingAnalyzer : MarkdownAnalyzer
    {
        public static readonly RuleDescriptor Rule = RuleDescriptor.Create("TST2001", "throws", "Throws", "never", RuleCategory.Custom, Severity.Error);
        public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];
        public override void Initialize(AnalysisContext context) =>
            context.RegisterNodeAction<HeadingBlock>(_ => throw new InvalidOperationException("boom"));
    }

    [MarkdownAnalyzer]
    public sealed class HeadingCounter : MarkdownAnalyzer
    {
        public static readonly RuleDescriptor Rule = RuleDescriptor.Create("TST2002", "heading-seen", "Headings", "Heading {0}", RuleCategory.Custom, Severity.Info);
        public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];
        public override void Initialize(AnalysisContext context) =>
            context.RegisterNodeAction<HeadingBlock>(c => c.Report(Rule, c.Node, c.Node.Level));
    }

    [Fact]
    public void AnalyzerExceptionBecomesADiagnosticAndTheRunGoesOn()
    {
        var d = LintVerifier.Lint("# A\n\n## B\n", analyzers: [new ThrowingAnalyzer(), new HeadingCounter()]);
        var crash = Assert.Single(d, x => x.Id == "PL0005");
        Assert.Equal("Analyzer 'ThrowingAnalyzer' failed on this file with InvalidOperationException: boom", crash.Message);
        Assert.Equal(2, d.Count(x => x.Id == "TST2002"));
    }

    [Fact]
    public async Task UnreadableBinaryAndTooLargeFilesAreDiagnosticsNotCrashes()
    {
        using var t = new TempTree();
        t.Write("ok.md", "# Fine\n");
        t.WriteBytes("bin.md", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D]);
        t.Write("big.md", new string('a', 2000));
        t.Write(".policylint.yml", "root: true\nmaxFileSize: 1000\n");
        var r = await new LintEngine([new HeadingCounter()]).LintAsync(new LintRequest { BaseDirectory = t.Root });
        Assert.Equal(["big.md(1,1): warning PL0007: The file is 2,000 bytes, more than the limit of 1,000 (maxFileSize); it was not linted",
                      "bin.md(1,1): warning PL0006: The file looks binary (it contains NUL bytes) and was not linted",
                      "ok.md(1,1): info TST2002: Heading 1"],
            r.Diagnostics.Select(d => d.ToString()).ToArray());
    }

    [Fact]
    public async Task UnreadableFileIsPL0001()
    {
        if (Environment.UserName == "root") Assert.Skip("chmod 000 does not stop root from reading");
        if (OperatingSystem.IsWindows()) return;
        using var t = new TempTree();
        t.Write("locked.md", "# x\n");
        File.SetUnixFileMode(t.Path_("locked.md"), UnixFileMode.None);
        var r = await new LintEngine().LintAsync(new LintRequest { BaseDirectory = t.Root, DiscoverConfiguration = false });
        Assert.Equal("PL0001", Assert.Single(r.Diagnostics).Id);
    }

    [Fact]
    public void DeeplyNestedDocumentsDoNotOverflowTheStack()
    {
        string quotes = new string('>', 20000) + " deep\n";
        string lists = string.Concat(Enumerable.Range(0, 3000).Select(i => new string(' ', i * 2) + "- item\n"));
        string brackets = new string('[', 50000) + "x" + new string(']', 50000) + "\n";
        var outcomes = new[] { quotes, lists, brackets }.Select(doc =>
        {
            var d = LintVerifier.Lint("# Title\n\n" + doc, analyzers: [new HeadingCounter()]);
            Assert.DoesNotContain(d, x => x.Id == "PL0005");
            return d.Any(x => x.Id == "TST2002") ? "linted" : d.Single(x => x.Id == "PL0001").Message;
        }).ToArray();
        // Markdig refuses such block nesting (after quadratic work): it becomes a clear diagnostic up front, not a crash or a hang.
        Assert.Equal(["Cannot read the file: block quotes or lists are too deeply nested (about 20000 levels; Markdown parsers accept at most 250)",
                      "Cannot read the file: block quotes or lists are too deeply nested (about 3000 levels; Markdown parsers accept at most 250)",
                      "Cannot read the file: a line nests brackets about 50000 levels deep, more than the 2000 PolicyLint parses (parsing time grows with the square of the depth)"],
            outcomes);
        var deepButParsable = LintVerifier.Lint("# T\n\n" + new string('[', 1500) + "x" + new string(']', 1500) + "\n", analyzers: [new HeadingCounter()]);
        Assert.Contains(deepButParsable, x => x.Id == "TST2002");
        var moderate = LintVerifier.Lint("# T\n\n" + string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', i * 2) + "- item\n")),
            analyzers: [new HeadingCounter()]);
        Assert.Equal("Cannot read the file: the document could not be parsed as Markdown (Markdown elements in the input are too deeply nested - depth limit exceeded. Input is most likely not sensible or is a very large table)",
            moderate.Single(x => x.Id == "PL0001").Message);
    }

    [Fact]
    public async Task OutputIsTheSameWhateverTheParallelism()
    {
        using var t = new TempTree();
        for (int i = 0; i < 40; i++) t.Write($"d{i % 7}/f{i}.md", $"# T{i}\n\n## S\n\n### U{i}\n");
        var engine = new LintEngine([new HeadingCounter()]);
        var one = await engine.LintAsync(new LintRequest { BaseDirectory = t.Root, MaxDegreeOfParallelism = 1 });
        var many = await engine.LintAsync(new LintRequest { BaseDirectory = t.Root, MaxDegreeOfParallelism = 8 });
        Assert.Equal(120, one.Diagnostics.Count(d => d.Id == "TST2002"));
        Assert.Equal(one.Diagnostics.Select(d => d.ToString()), many.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public async Task MissingPathIsAnInputError()
    {
        using var t = new TempTree();
        var ex = await Assert.ThrowsAsync<LintInputException>(() => new LintEngine().LintAsync(new LintRequest { BaseDirectory = t.Root, Paths = ["nope.md"] }));
        Assert.Equal("'nope.md' does not exist", ex.Message);
    }

    [Fact]
    public async Task DirectorySymlinkLoopsAreNotFollowed()
    {
        if (OperatingSystem.IsWindows()) Assert.Skip("symlinks need privileges on Windows");
        using var t = new TempTree();
        t.Write("a/doc.md", "# A\n");
        Directory.CreateSymbolicLink(t.Path_("a/loop"), t.Path_("a"));
        var r = await new LintEngine([new HeadingCounter()]).LintAsync(new LintRequest { BaseDirectory = t.Root });
        Assert.Single(r.Files);
    }

    [Fact]
    public async Task CancellationStopsTheRun()
    {
        using var t = new TempTree();
        for (int i = 0; i < 50; i++) t.Write($"f{i}.md", "# T\n");
        using var cts = new System.Threading.CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new LintEngine().LintAsync(new LintRequest { BaseDirectory = t.Root }, null, cts.Token));
    }

    [Fact]
    public async Task ProgressIsReportedForEveryFile()
    {
        using var t = new TempTree();
        for (int i = 0; i < 5; i++) t.Write($"f{i}.md", "# T\n");
        int count = 0;
        var progress = new SyncProgress(p => System.Threading.Interlocked.Increment(ref count));
        await new LintEngine().LintAsync(new LintRequest { BaseDirectory = t.Root }, progress);
        Assert.Equal(5, count);
    }

    private sealed class SyncProgress(Action<LintProgress> action) : IProgress<LintProgress>
    {
        public void Report(LintProgress value) => action(value);
    }
}
