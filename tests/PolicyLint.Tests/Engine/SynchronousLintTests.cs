using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PolicyLint.Configuration;
using PolicyLint.Engine;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Engine;

public sealed class SynchronousLintTests
{
    private static string[] Lines(LintResult r) =>
        r.Diagnostics.Select(d => $"{d.Location.Path}({d.Location.StartLine},{d.Location.StartColumn}): {d.Id}").ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task LintGivesTheSameResultAsLintAsync(int parallelism)
    {
        using var t = new TempTree();
        t.Write("a.md", "# A\n\n### Jump\n");
        t.Write("docs/b.md", "## B\n\n## B\n");
        t.Write("docs/c.md", "# C\n\n## C1\n");
        var request = new LintRequest { BaseDirectory = t.Root, MaxDegreeOfParallelism = parallelism };
        var engine = new LintEngine();
        var sync = engine.Lint(request);
        var async = await engine.LintAsync(request);
        Assert.Equal(3, sync.Files.Length);
        Assert.NotEmpty(sync.Diagnostics);
        Assert.Equal(Lines(async), Lines(sync));
    }

    [Fact]
    public void OneFileRunsOnTheCallingThread()
    {
        using var t = new TempTree();
        t.Write("a.md", "# A\n\n### Jump\n");
        int caller = Environment.CurrentManagedThreadId;
        var seen = new System.Collections.Concurrent.ConcurrentBag<int>();
        var r = new LintEngine().Lint(new LintRequest { Paths = ["a.md"], BaseDirectory = t.Root },
            new SyncProgress(_ => seen.Add(Environment.CurrentManagedThreadId)));
        Assert.Equal(["a.md(3,1): PL4001"], Lines(r));
        Assert.Equal([caller], seen.ToArray());
    }

    [Fact]
    public void AConfigurationErrorIsNotWrappedWhenFilesAreLintedInParallel()
    {
        using var t = new TempTree();
        t.Write("a.md", "# A\n");
        t.Write("b.md", "# B\n");
        t.Write("sub/.policylint.yml", "rules:\n  NOPE1234: error\n");
        t.Write("sub/c.md", "# C\n");
        var ex = Assert.Throws<ConfigurationException>(() =>
            new LintEngine().Lint(new LintRequest { Paths = ["a.md", "b.md", "sub/c.md"], BaseDirectory = t.Root, MaxDegreeOfParallelism = 4 }));
        Assert.Contains("Unknown rule 'NOPE1234'", ex.Message);
    }

    [Fact]
    public void LintHonoursAnAlreadyCancelledToken()
    {
        using var t = new TempTree();
        t.Write("a.md", "# A\n");
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => new LintEngine().Lint(new LintRequest { BaseDirectory = t.Root }, null, cts.Token));
    }

    private sealed class SyncProgress(System.Action<LintProgress> report) : System.IProgress<LintProgress>
    {
        public void Report(LintProgress value) => report(value);
    }
}
