using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PolicyLint.Tests.TestSupport;
using Xunit;

namespace PolicyLint.Cli.Tests;

/// <summary>
/// Issue 18's closing check: the whole blog corpus goes through <c>--fix</c> byte-exactly. Every byte that <c>--fix</c>
/// changes is one of the safe edits the JSON report offered for that file (applied whole, or left out when held back), the
/// BOM and line endings stay, files with no safe fix stay byte-identical, and a second <c>--fix</c> changes nothing.
/// </summary>
public sealed class CorpusFixRoundTripTests
{
    private readonly ITestOutputHelper _out;
    public CorpusFixRoundTripTests(ITestOutputHelper output) => _out = output;

    private sealed record Edit(int Offset, int Length, string NewText);

    /// <summary>The blog corpus in a temporary folder: its posts, an empty stand-in for every other file of the tree, and its site root.</summary>
    private static TempTree CorpusTree()
    {
        string corpus = SharedData.Require("corpus/hf-blog");
        string pathsFile = SharedData.Require("corpus/hf-blog.paths.txt");
        var tree = new TempTree();
        foreach (var md in Directory.EnumerateFiles(corpus, "*.md", SearchOption.AllDirectories))
            tree.WriteBytes(Path.GetRelativePath(corpus, md), File.ReadAllBytes(md));
        foreach (var line in File.ReadAllLines(pathsFile))
            if (line.Trim().Length > 0 && !File.Exists(tree.Path_(line.Trim()))) tree.WriteBytes(line.Trim(), []);
        tree.Write(".policylint.yml", "siteRoots:\n  /blog/: .\n");
        return tree;
    }

    [Fact]
    public void TheBlogCorpusRoundTripsThroughFixByteExactly()
    {
        using var tree = CorpusTree();

        var report = CliRunner.Run(tree.Root, "--no-cache", "--format", "json", ".");
        Assert.Equal(1, report.ExitCode);
        var edits = new Dictionary<string, List<Edit>>(StringComparer.Ordinal);
        using (var json = JsonDocument.Parse(report.Stdout))
            foreach (var d in json.RootElement.GetProperty("diagnostics").EnumerateArray())
            {
                if (d.GetProperty("fix").ValueKind != JsonValueKind.Object || !d.GetProperty("fix").GetProperty("safe").GetBoolean()) continue;
                string path = Path.GetFullPath(Path.Combine(tree.Root, d.GetProperty("path").GetString()!));
                if (!edits.TryGetValue(path, out var list)) edits[path] = list = [];
                foreach (var e in d.GetProperty("fix").GetProperty("edits").EnumerateArray())
                    list.Add(new Edit(e.GetProperty("offset").GetInt32(), e.GetProperty("length").GetInt32(), e.GetProperty("newText").GetString()!));
            }

        var before = Snapshot(tree.Root);
        var fix = CliRunner.Run(tree.Root, "--no-cache", "--fix", ".");
        _out.WriteLine(string.Join("\n", fix.Stderr.Split('\n').Where(l => !l.Contains("): "))));
        var after = Snapshot(tree.Root);
        Assert.Equal(before.Keys.OrderBy(k => k), after.Keys.OrderBy(k => k));

        var changed = before.Keys.Where(k => !before[k].AsSpan().SequenceEqual(after[k])).ToList();
        _out.WriteLine($"{edits.Count} files offered safe fixes; {changed.Count} changed");
        Assert.NotEmpty(changed);
        foreach (var path in changed)
        {
            Assert.True(edits.ContainsKey(path), $"{path} changed but was offered no safe fix");
            byte[] a = before[path], b = after[path];
            bool bomA = a.Length >= 3 && a[0] == 0xEF && a[1] == 0xBB && a[2] == 0xBF, bomB = b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF;
            Assert.True(bomA == bomB, $"{path}: the BOM changed");
            string ta = Encoding.UTF8.GetString(a, bomA ? 3 : 0, a.Length - (bomA ? 3 : 0));
            string tb = Encoding.UTF8.GetString(b, bomB ? 3 : 0, b.Length - (bomB ? 3 : 0));
            Assert.True(ExplainedBy(ta, tb, edits[path]), $"{path}: a change that is not one of the offered safe edits");
            Assert.Equal(ta.Contains("\r\n"), tb.Contains("\r\n"));
        }
        foreach (var path in before.Keys.Except(changed))
            Assert.Equal(before[path], after[path]);
        Assert.Contains($"in {changed.Count} files.", fix.Stderr + fix.Stdout);

        // Idempotent: a second --fix writes nothing.
        var again = CliRunner.Run(tree.Root, "--no-cache", "--fix", ".");
        var third = Snapshot(tree.Root);
        Assert.All(after.Keys, k => Assert.True(after[k].AsSpan().SequenceEqual(third[k]), $"{k} changed on the second --fix"));
        Assert.DoesNotContain("Fixed ", again.Stderr + again.Stdout);
    }

    [Fact]
    public void FixUnsafeOnTheBlogCorpusCreatesNoFinding()
    {
        // Issue 18: --fix-unsafe created 19 PL1007 findings (PL4006 stripped the '!' of an H1 that matched the title).
        using var tree = CorpusTree();

        var before = Counts(CliRunner.Run(tree.Root, "--no-cache", "--format", "json", "."));
        var fix = CliRunner.Run(tree.Root, "--no-cache", "--fix-unsafe", ".");
        Assert.Contains("Fixed ", fix.Stdout);
        var after = Counts(CliRunner.Run(tree.Root, "--no-cache", "--format", "json", "."));
        var grown = after.Where(kv => kv.Value > before.GetValueOrDefault(kv.Key))
            .Select(kv => $"{kv.Key.Path} {kv.Key.Rule}: {before.GetValueOrDefault(kv.Key)} -> {kv.Value}").OrderBy(x => x, StringComparer.Ordinal).ToList();
        _out.WriteLine(string.Join("\n", grown));
        Assert.Empty(grown);
    }

    private static Dictionary<(string Path, string Rule), int> Counts(CliResult report)
    {
        var counts = new Dictionary<(string, string), int>();
        using var json = JsonDocument.Parse(report.Stdout);
        foreach (var d in json.RootElement.GetProperty("diagnostics").EnumerateArray())
        {
            var key = (d.GetProperty("path").GetString()!, d.GetProperty("ruleId").GetString()!);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    /// <summary>
    /// True when <paramref name="fixedText"/> is <paramref name="original"/> with some of <paramref name="edits"/> applied
    /// (each whole or not at all) and nothing else changed.
    /// </summary>
    private static bool ExplainedBy(string original, string fixedText, List<Edit> edits)
    {
        var ordered = edits.Distinct().OrderBy(e => e.Offset).ThenBy(e => e.Length).ToList();
        // (position in the original, position in the fixed text) pairs still possible, after each edit.
        var states = new HashSet<(int, int)> { (0, 0) };
        foreach (var e in ordered)
        {
            var next = new HashSet<(int, int)>();
            foreach (var (i, j) in states)
            {
                if (e.Offset < i) { next.Add((i, j)); continue; }   // overlaps an edit already taken: this one was not
                int keep = e.Offset - i;
                if (j + keep > fixedText.Length || string.CompareOrdinal(original, i, fixedText, j, keep) != 0) continue;
                int jj = j + keep;
                // Applied.
                if (jj + e.NewText.Length <= fixedText.Length && string.CompareOrdinal(fixedText, jj, e.NewText, 0, e.NewText.Length) == 0)
                    next.Add((e.Offset + e.Length, jj + e.NewText.Length));
                // Not applied: the original stays up to the edit's start.
                next.Add((e.Offset, jj));
            }
            if (next.Count == 0) return false;
            states = next;
        }
        return states.Any(s => original.Length - s.Item1 == fixedText.Length - s.Item2
            && string.CompareOrdinal(original, s.Item1, fixedText, s.Item2, original.Length - s.Item1) == 0);
    }

    private static Dictionary<string, byte[]> Snapshot(string root) =>
        Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + ".policylint-cache"))
            .ToDictionary(p => p, File.ReadAllBytes, StringComparer.Ordinal);
}
