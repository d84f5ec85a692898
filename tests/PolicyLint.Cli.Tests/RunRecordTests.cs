using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using PolicyLint.Tests.TestSupport;
using Xunit;

namespace PolicyLint.Cli.Tests;

/// <summary>
/// The run record (RunRecord): a second run of the same command line on an unchanged tree prints the first run's report
/// without linting, and any change to anything the run consulted makes it lint again. Every cached run here is compared
/// with a cold run (<c>--no-cache</c>) of the same tree, finding for finding; runs set POLICYLINT_DEBUG=1, so a run that
/// was not replayed says why on stderr and a replay says nothing.
/// </summary>
public sealed class RunRecordTests
{
    private const string NotUsed = "policylint: run record not used: ";
    private const string NotKept = "policylint: run record not kept: ";

    /// <summary>The environment of a recorded run: debug notes on, and (through the tests' startup hook) no 2 s window, so that a tree just written can be recorded.</summary>
    private static Dictionary<string, string?> Env(bool window = false) => new()
    {
        ["POLICYLINT_DEBUG"] = "1",
        ["DOTNET_STARTUP_HOOKS"] = typeof(RunRecordTests).Assembly.Location,
        [global::StartupHook.RacyWindowVariable] = window ? null : "0",
    };

    private static CliResult Run(TempTree tree, params string[] args) => CliRunner.RunWith(tree.Root, null, Env(), args);

    private static CliResult Cold(TempTree tree, params string[] args) => CliRunner.RunWith(tree.Root, null, Env(), [.. args, "--no-cache"]);

    private static bool Replayed(CliResult r) => !r.Stderr.Contains(NotUsed, StringComparison.Ordinal) && !r.Stderr.Contains(NotKept, StringComparison.Ordinal);

    private static string[] DebugLines(CliResult r) =>
        r.Stderr.Split('\n').Where(l => l.StartsWith("policylint: run record", StringComparison.Ordinal)).ToArray();

    /// <summary>The run's stdout, elapsed time masked, and its stderr without the debug notes.</summary>
    private static (int, string, string) Printed(CliResult r) => (r.ExitCode, CliRunner.MaskElapsed(r.Stdout),
        string.Join('\n', r.Stderr.Split('\n').Where(l => !l.StartsWith("policylint: run record", StringComparison.Ordinal))));

    private static string JUnitMasked(string s) => System.Text.RegularExpressions.Regex.Replace(s, "time=\"[0-9.]+\"", "time=\"t\"");

    /// <summary>Runs twice (the first may only record) and checks that the second is a replay that prints what a cold run prints.</summary>
    private static CliResult AssertReplaysLikeCold(TempTree tree, params string[] args)
    {
        Run(tree, args);
        var warm = Run(tree, args);
        Assert.True(Replayed(warm), "not replayed: " + string.Join(" | ", DebugLines(warm)));
        AssertSame(Cold(tree, args), warm);
        return warm;
    }

    private static void AssertSame(CliResult cold, CliResult warm)
    {
        var (ce, co, cr) = Printed(cold);
        var (we, wo, wr) = Printed(warm);
        Assert.Equal(ce, we);
        Assert.Equal(JUnitMasked(co), JUnitMasked(wo));
        Assert.Equal(cr, wr);
    }

    private static string[] Findings(CliResult r, string id) =>
        r.Stdout.Split('\n').Where(l => l.Contains(": " + id + ":", StringComparison.Ordinal) || l.Contains(" " + id + ":", StringComparison.Ordinal))
            .Select(l => l.TrimEnd('\r')).ToArray();

    private static TempTree Docs()
    {
        var tree = new TempTree();
        tree.Write(".policylint.yml", "root: true\n");
        tree.Write("docs/index.md", "# Index\n\nSee [the guide](guide.md#setup), [gone](gone.md) and ![a chart](img/chart.png).\n");
        tree.Write("docs/guide.md", "# Guide\n\n## Setup\n\nText.\n");
        return tree;
    }

    [Fact]
    public void ASecondRunPrintsTheFirstRunsReportInEveryFormatWithoutLinting()
    {
        using var tree = Docs();
        foreach (var format in new[] { "text", "json", "junit" })
        {
            var first = Run(tree, "docs", "--format", format);
            Assert.Equal([NotUsed + "none kept for this command line"], DebugLines(first));
            Assert.Equal(1, first.ExitCode);
            // The result cache's files are not what a replay reads: without them, nothing is linted and nothing rewritten.
            foreach (var f in Directory.GetFiles(tree.Path_(".policylint-cache"), "*.bin").Where(f => !Path.GetFileName(f).StartsWith("run-", StringComparison.Ordinal)))
                File.Delete(f);
            var second = Run(tree, "docs", "--format", format);
            Assert.Equal([], DebugLines(second));
            Assert.Empty(Directory.GetFiles(tree.Path_(".policylint-cache"), "results-*.bin"));
            AssertSame(first, second);
            AssertSame(Cold(tree, "docs", "--format", format), second);
        }
        Assert.Equal(3, Directory.GetFiles(tree.Path_(".policylint-cache"), "run-*.bin").Length);
        // The text report's time is the replay's own, not the recorded run's.
        var text = Run(tree, "docs");
        Assert.Matches(@"2 files, 2 errors, 0 warnings in 0\.\d\d s\n$", text.Stdout);
    }

    [Fact]
    public void EveryChangeToAnInputIsSeen()
    {
        using var tree = Docs();
        string[] args = ["docs", "--no-color"];
        Assert.Equal(["docs/index.md(3,41): error PL3001: Link target 'gone.md' does not exist",
                      "docs/index.md(3,65): error PL3001: Image 'img/chart.png' does not exist"],
            Findings(AssertReplaysLikeCold(tree, args), "PL3001"));

        // A linked file added.
        tree.Write("docs/gone.md", "# Gone\n");
        var added = Run(tree, args);
        Assert.Contains(NotUsed, added.Stderr);
        Assert.Equal(["docs/index.md(3,65): error PL3001: Image 'img/chart.png' does not exist"], Findings(added, "PL3001"));
        AssertSame(Cold(tree, args), added);
        AssertReplaysLikeCold(tree, args);

        // An image added, in a folder that did not exist.
        tree.WriteBytes("docs/img/chart.png", [0x89, 0x50, 0x4E, 0x47]);
        Assert.Equal([], Findings(Run(tree, args), "PL3001"));
        AssertReplaysLikeCold(tree, args);

        // A linked file renamed.
        File.Move(tree.Path_("docs/gone.md"), tree.Path_("docs/went.md"));
        Assert.Equal(["docs/index.md(3,41): error PL3001: Link target 'gone.md' does not exist"], Findings(Run(tree, args), "PL3001"));
        AssertReplaysLikeCold(tree, args);

        // A linked file deleted.
        File.Delete(tree.Path_("docs/img/chart.png"));
        Assert.Equal(["docs/index.md(3,41): error PL3001: Link target 'gone.md' does not exist",
                      "docs/index.md(3,65): error PL3001: Image 'img/chart.png' does not exist"], Findings(Run(tree, args), "PL3001"));
        AssertReplaysLikeCold(tree, args);

        // A heading renamed in the linked file (same size: only its stamp's times tell).
        tree.Write("docs/guide.md", "# Guide\n\n## Setip\n\nText.\n");
        Assert.Equal(["docs/index.md(3,17): error PL3002: Anchor '#setup' matches no heading or id in 'docs/guide.md'; did you mean '#setip'?"],
            Findings(Run(tree, args), "PL3002"));
        AssertReplaysLikeCold(tree, args);
    }

    [Fact]
    public void ConfigurationInAParentOrAFolderAndIgnoreFilesAreInputs()
    {
        using var outer = new TempTree();
        outer.Write(".policylint.yml", "root: true\n");
        outer.Write("repo/docs/index.md", "# Index\n\nSee [gone](gone.md).\n");
        outer.Write("repo/notes/draft.md", "# Draft\n\n[x](nowhere.md)\n");
        string repo = outer.Path_("repo");
        string[] args = ["--no-color"];
        CliRunner.RunWith(repo, null, Env(), args);
        var again = CliRunner.RunWith(repo, null, Env(), args);
        Assert.True(Replayed(again), string.Join(" | ", DebugLines(again)));
        Assert.Equal(2, Findings(again, "PL3001").Length);

        // The parent folder's configuration changes a severity.
        outer.Write(".policylint.yml", "root: true\nrules:\n  PL3001: warning\n");
        var parent = CliRunner.RunWith(repo, null, Env(), args);
        Assert.False(Replayed(parent));
        Assert.Equal(["docs/index.md(3,12): warning PL3001: Link target 'gone.md' does not exist",
                      "notes/draft.md(3,5): warning PL3001: Link target 'nowhere.md' does not exist"], Findings(parent, "PL3001"));
        AssertSame(CliRunner.RunWith(repo, null, Env(), [.. args, "--no-cache"]), parent);

        // A folder's own configuration, added.
        File.WriteAllText(Path.Combine(repo, "notes", ".policylint.yml"), "rules:\n  PL3001: none\n");
        CliRunner.RunWith(repo, null, Env(), args);
        var folder = CliRunner.RunWith(repo, null, Env(), args);
        Assert.True(Replayed(folder), string.Join(" | ", DebugLines(folder)));
        Assert.Equal(["docs/index.md(3,12): warning PL3001: Link target 'gone.md' does not exist"], Findings(folder, "PL3001"));

        // An ignore file (the tree is a git repository: .gitignore applies).
        Directory.CreateDirectory(Path.Combine(repo, ".git"));
        CliRunner.RunWith(repo, null, Env(), args);
        File.WriteAllText(Path.Combine(repo, ".gitignore"), "docs/\n");
        var ignored = CliRunner.RunWith(repo, null, Env(), args);
        Assert.False(Replayed(ignored));
        Assert.Equal([], Findings(ignored, "PL3001"));
        AssertSame(CliRunner.RunWith(repo, null, Env(), [.. args, "--no-cache"]), ignored);
    }

    [Fact]
    public void AReviewDatePassingEndsTheRecord()
    {
        using var tree = new TempTree();
        tree.Write(".policylint.yml", "root: true\n");
        // A date-time some seconds ahead: due today (PL1010's notice), then passed. The margin covers three runs on a
        // loaded machine; on one too slow for that, only the part after the date is checked.
        var due = DateTimeOffset.UtcNow.AddSeconds(12);
        tree.Write("policy.md", $"---\ntitle: Policy\nreview_by: {due:yyyy-MM-ddTHH:mm:ss}Z\n---\n\n# Policy\n");
        string[] args = ["policy.md", "--no-color"];
        Run(tree, args);
        var warm = Run(tree, args);
        var cold = Cold(tree, args);
        if (DateTimeOffset.UtcNow < due)
        {
            Assert.True(Replayed(warm), "not replayed: " + string.Join(" | ", DebugLines(warm)));
            AssertSame(cold, warm);
            Assert.Equal([], Findings(warm, "PL1008"));
        }
        while (DateTimeOffset.UtcNow < due.AddMilliseconds(300)) Thread.Sleep(100);
        var after = Run(tree, args);
        Assert.Equal([NotUsed + "a review date's day count has changed since"], DebugLines(after).Take(1).ToArray());
        Assert.Single(Findings(after, "PL1008"));
        Assert.Contains("passed", Findings(after, "PL1008")[0]);
        AssertSame(Cold(tree, args), after);
    }

    [Fact]
    public void RunsThatWriteOrReadWhatALogCannotSeeAreNotRecorded()
    {
        using var tree = Docs();
        // Without the tests' window: a document whose write time is ahead of the run's start is not trusted (as one written
        // within 2 s of it; set ahead so that a slow process start cannot let the 2 s pass).
        File.SetLastWriteTimeUtc(tree.Path_("docs/index.md"), DateTime.UtcNow.AddMinutes(1));
        var racy = CliRunner.RunWith(tree.Root, null, Env(window: true), "docs");
        Assert.Contains(DebugLines(racy), l => l.StartsWith(NotKept, StringComparison.Ordinal) && l.EndsWith("changed just before the run (its stamp cannot be trusted yet)", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(tree.Path_(".policylint-cache"), "run-*.bin"));
        File.SetLastWriteTimeUtc(tree.Path_("docs/index.md"), DateTime.UtcNow.AddMinutes(-1));

        var noCache = Run(tree, "docs", "--no-cache");
        Assert.Equal([], DebugLines(noCache));
        string outFile = Path.Combine(tree.Root, "..", Path.GetFileName(tree.Root) + "-report.txt");
        try
        {
            var output = Run(tree, "docs", "--output", outFile);
            Assert.Equal([NotUsed + "none kept for this command line", NotKept + "the report goes to a file (--output)"], DebugLines(output));
        }
        finally { File.Delete(outFile); }
        Assert.Equal([NotUsed + "none kept for this command line", NotKept + "the run fixes files or prints a diff"], DebugLines(Run(tree, "docs", "--diff")));
        Assert.Equal([NotUsed + "none kept for this command line", NotKept + "the run prints timings (--stats)"], DebugLines(Run(tree, "docs", "--stats")));
        Assert.Empty(Directory.GetFiles(tree.Path_(".policylint-cache"), "run-*.bin"));

        Run(tree, "docs");
        Assert.Single(Directory.GetFiles(tree.Path_(".policylint-cache"), "run-*.bin"));
        var clean = CliRunner.Run(tree.Root, "cache", "clean");
        Assert.Equal(0, clean.ExitCode);
        Assert.False(Directory.Exists(tree.Path_(".policylint-cache")));
    }

    [Fact]
    public void AnotherToolsTaggedCacheFolderIsNotEnteredAndWritingThereKeepsTheRecord()
    {
        using var tree = Docs();
        const string Tag = "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag.\n";
        tree.Write(".tool_cache/CACHEDIR.TAG", Tag);
        tree.Write(".tool_cache/notes.md", "# Notes\n\n[x](nowhere.md)\n");
        tree.Write(".untagged/notes.md", "# Notes\n\n[x](nowhere.md)\n");
        tree.Write(".untagged/CACHEDIR.TAG", "not the signature\n");
        string[] args = ["--no-color"];
        var first = AssertReplaysLikeCold(tree, args);
        Assert.Equal([".untagged/notes.md(3,5): error PL3001: Link target 'nowhere.md' does not exist",
                      "docs/index.md(3,41): error PL3001: Link target 'gone.md' does not exist",
                      "docs/index.md(3,65): error PL3001: Image 'img/chart.png' does not exist"], Findings(first, "PL3001"));
        // The other tool rewrites its cache: the record still holds.
        tree.Write(".tool_cache/index.bin", "new");
        File.Delete(tree.Path_(".tool_cache/notes.md"));
        var again = Run(tree, args);
        Assert.True(Replayed(again), string.Join(" | ", DebugLines(again)));
        AssertSame(Cold(tree, args), again);
    }

    [Fact]
    public void ARandomSequenceOfEditsGivesWhatAColdRunGivesAtEveryStep()
    {
        int seed = int.TryParse(Environment.GetEnvironmentVariable("POLICYLINT_TEST_SEED"), out int s) ? s : Environment.TickCount;
        var random = new Random(seed);
        using var tree = new TempTree();
        tree.Write(".policylint.yml", "root: true\n");
        var names = new List<string> { "a.md", "b.md", "sub/c.md" };
        foreach (var n in names) tree.Write(n, Page(random, names, n));
        string[] args = ["--no-color", "--format", "json"];
        for (int step = 0; step < 12; step++)
        {
            string what;
            switch (random.Next(5))
            {
                case 0:
                    string added = (random.Next(2) == 0 ? "" : "sub/") + "n" + step + ".md";
                    names.Add(added);
                    tree.Write(added, Page(random, names, added));
                    what = "added " + added;
                    break;
                case 1 when names.Count > 2:
                    string gone = names[random.Next(names.Count)];
                    names.Remove(gone);
                    File.Delete(tree.Path_(gone));
                    what = "deleted " + gone;
                    break;
                case 2 when names.Count > 1:
                    string from = names[random.Next(names.Count)], to = "r" + step + ".md";
                    names[names.IndexOf(from)] = to;
                    File.Move(tree.Path_(from), tree.Path_(to));
                    what = "renamed " + from + " to " + to;
                    break;
                case 3:
                    tree.Write(".policylint.yml", random.Next(2) == 0 ? "root: true\n" : "root: true\nrules:\n  PL3002: warning\n");
                    what = "configuration";
                    break;
                default:
                    string edited = names[random.Next(names.Count)];
                    tree.Write(edited, Page(random, names, edited));
                    what = "edited " + edited;
                    break;
            }
            var warm = Run(tree, args);
            var cold = Cold(tree, args);
            Assert.True(cold.Stdout == warm.Stdout && cold.ExitCode == warm.ExitCode, $"seed {seed}, step {step} ({what}): the cached run differs from a cold run");
            var replay = Run(tree, args);
            Assert.True(Replayed(replay), $"seed {seed}, step {step}: not replayed: " + string.Join(" | ", DebugLines(replay)));
            Assert.True(cold.Stdout == replay.Stdout, $"seed {seed}, step {step} ({what}): the replay differs from a cold run");
        }
    }

    /// <summary>A page with a random heading and links to random pages and anchors (some missing).</summary>
    private static string Page(Random random, List<string> names, string self)
    {
        string[] headings = ["Setup", "Usage", "Notes"];
        var sb = new System.Text.StringBuilder("# Page\n\n## ").Append(headings[random.Next(headings.Length)]).Append("\n\n");
        for (int i = 0; i < 3; i++)
        {
            string target = random.Next(4) == 0 ? "missing" + i + ".md" : names[random.Next(names.Count)];
            string from = Path.GetDirectoryName(self) is { Length: > 0 } d ? d : ".";
            sb.Append("See [x](").Append(Path.GetRelativePath(from, target).Replace('\\', '/')).Append('#').Append(headings[random.Next(headings.Length)].ToLowerInvariant()).Append(").\n\n");
        }
        return sb.ToString();
    }
}
