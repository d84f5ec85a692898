using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Cli.Tests.Adoption;

/// <summary>--write-baseline, --baseline and --update-baseline, run by the built tool.</summary>
public sealed class BaselineTests
{
    private const string Doc = "# Guide\n\nSee [the plan](plan.md).\n\n## Notes\n\nAlso [the budget](budget.md).\n";
    private const string PlanMissing = "Link target 'plan.md' does not exist";
    private const string BudgetMissing = "Link target 'budget.md' does not exist";

    private static TempTree Tree()
    {
        var t = new TempTree();
        t.Write(".policylint.yml", "root: true\n");
        t.Write("docs/guide.md", Doc);
        return t;
    }

    [Fact]
    public void Write_baseline_records_every_finding_in_the_default_file_and_exits_zero()
    {
        using var t = Tree();
        var r = CliRunner.Run(t.Root, "--write-baseline");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Equal("Wrote 2 findings of 1 file to .policylint-baseline.json; runs with --baseline .policylint-baseline.json report only new findings.\n", r.Stderr);
        using var json = JsonDocument.Parse(File.ReadAllText(t.Path_(".policylint-baseline.json")));
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
        Assert.Equal([("PL3001", "docs/guide.md", BudgetMissing, 1), ("PL3001", "docs/guide.md", PlanMissing, 1)],
            findings.Select(f => (f.GetProperty("rule").GetString(), f.GetProperty("path").GetString(), f.GetProperty("message").GetString(), f.GetProperty("count").GetInt32()))
                .OrderBy(x => x.Item3, StringComparer.Ordinal).ToList());
        // An explicit file, from another folder: paths are relative to the baseline's folder.
        var other = CliRunner.Run(t.Path_("docs"), ".", "--write-baseline=../ci/baseline.json");
        Assert.Equal(0, other.ExitCode);
        Assert.Contains("\"path\": \"../docs/guide.md\"", File.ReadAllText(t.Path_("ci/baseline.json")));
    }

    [Fact]
    public void With_the_baseline_only_new_findings_are_reported_and_moved_lines_still_match()
    {
        using var t = Tree();
        CliRunner.Run(t.Root, "--write-baseline");
        var same = CliRunner.Run(t.Root, "--baseline", ".policylint-baseline.json");
        Assert.Equal(0, same.ExitCode);
        Assert.Matches(@"^1 file, no problems in \d+\.\d\d s\n2 findings are recorded in the baseline .policylint-baseline.json and not shown.\n$", same.Stdout);

        // Lines inserted above move both findings; an edit on the finding's line, away from it, changes nothing either;
        // a second identical finding in the same file is new.
        t.Write("docs/guide.md", "# Guide\n\nA new paragraph.\n\nAnother one.\n\nPlease see [the plan](plan.md).\n\n## Notes\n\nAlso [the budget](budget.md).\n\nAgain [the plan](plan.md).\n");
        var r = CliRunner.Run(t.Root, "--baseline", ".policylint-baseline.json", "--quiet");
        Assert.Equal($"docs/guide.md(13,18): error PL3001: {PlanMissing}\n", r.Stdout);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void Gone_entries_are_reported_and_update_baseline_prunes_them_without_adding()
    {
        using var t = Tree();
        CliRunner.Run(t.Root, "--write-baseline");
        t.Write("docs/guide.md", "# Guide\n\nSee [the plan](plan.md).\n\n## Notes\n\nAlso [the schedule](schedule.md).\n");
        var r = CliRunner.Run(t.Root, "--baseline", ".policylint-baseline.json", "--quiet");
        Assert.Equal("docs/guide.md(7,21): error PL3001: Link target 'schedule.md' does not exist\n"
                     + "1 baseline entry no longer occurs (run with --update-baseline to remove them):\n"
                     + $"  docs/guide.md: PL3001: {BudgetMissing}\n", r.Stdout);
        string before = File.ReadAllText(t.Path_(".policylint-baseline.json"));
        Assert.Contains(BudgetMissing, before);

        var update = CliRunner.Run(t.Root, "--update-baseline", "--quiet");
        Assert.Equal(1, update.ExitCode);
        Assert.Contains("Removed 1 entry that no longer occur", update.Stdout);
        string after = File.ReadAllText(t.Path_(".policylint-baseline.json"));
        Assert.DoesNotContain(BudgetMissing, after);
        Assert.Contains(PlanMissing, after);
        Assert.DoesNotContain("schedule.md", after); // never adds silently
        var again = CliRunner.Run(t.Root, "--baseline", ".policylint-baseline.json", "--quiet");
        Assert.Equal("docs/guide.md(7,21): error PL3001: Link target 'schedule.md' does not exist\n", again.Stdout);
    }

    [Fact]
    public void Entries_of_files_outside_the_run_are_not_gone()
    {
        using var t = Tree();
        t.Write("other.md", "# Other\n\n[x](x.md)\n");
        CliRunner.Run(t.Root, "--write-baseline");
        var r = CliRunner.Run(t.Root, "docs/guide.md", "--baseline", ".policylint-baseline.json", "--update-baseline", "--quiet");
        Assert.Equal("", r.Stdout);
        Assert.Contains("other.md", File.ReadAllText(t.Path_(".policylint-baseline.json")));
    }

    [Theory]
    [InlineData(new[] { "--baseline", "nope.json" }, "policylint: --baseline nope.json: the file does not exist (create it with --write-baseline)\n")]
    [InlineData(new[] { "--write-baseline", "docs" }, "policylint: --write-baseline docs: that is a path to lint, not a baseline file; write '--write-baseline=.policylint-baseline.json' or give the paths first\n")]
    [InlineData(new[] { "--update-baseline" }, "policylint: --update-baseline needs --baseline FILE (there is no .policylint-baseline.json here)\n")]
    public void Misuse_is_a_usage_error(string[] args, string expected)
    {
        using var t = Tree();
        var r = CliRunner.Run(t.Root, args);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith(expected, r.Stderr);
    }

    [Fact]
    public void A_file_that_is_not_a_baseline_is_a_clear_error()
    {
        using var t = Tree();
        t.Write("b.json", "{\"findings\": 3}");
        var r = CliRunner.Run(t.Root, "--baseline", "b.json");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("policylint: configuration error: b.json: Not a PolicyLint baseline: \"version\" must be 1\n", r.Stderr);
    }

    /// <summary>
    /// The issue's acceptance test, on a copy of the real blog: baseline today's findings, edit 50 files elsewhere and insert
    /// lines that move their findings (0 new), then introduce 5 new defects (exactly those 5 are reported).
    /// </summary>
    [Fact]
    public void The_blog_corpus_baseline_survives_edits_and_reports_exactly_the_new_defects()
    {
        string corpus = SharedData.Require("corpus/hf-blog");
        string pathsFile = SharedData.Require("corpus/hf-blog.paths.txt");
        using var t = new TempTree();
        foreach (var md in Directory.EnumerateFiles(corpus, "*.md", SearchOption.AllDirectories))
            t.WriteBytes(Path.GetRelativePath(corpus, md), File.ReadAllBytes(md));
        foreach (var line in File.ReadAllLines(pathsFile))
            if (line.Trim().Length > 0 && !File.Exists(t.Path_(line.Trim()))) t.WriteBytes(line.Trim(), []);
        t.Write(".policylint.yml", "root: true\nsiteRoots:\n  /blog/: .\n");

        var write = CliRunner.Run(t.Root, "--write-baseline");
        Assert.Equal(0, write.ExitCode);
        var first = CliRunner.Run(t.Root, "--quiet");
        var firstLines = first.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(firstLines.Length > 1000, $"expected the corpus to have many findings, got {firstLines.Length}");

        // 50 posts with front matter and findings: a paragraph right after the front matter moves every finding below it
        // down by two lines, and another one goes at the end.
        var withFindings = firstLines.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^(.+?\.md)\(\d+,\d+\): ")).Where(m => m.Success)
            .Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList();
        var edited = new List<string>();
        foreach (var rel in withFindings)
        {
            if (edited.Count == 50) break;
            string text = File.ReadAllText(t.Path_(rel));
            string nl = text.Contains("\r\n") ? "\r\n" : "\n";
            if (!text.StartsWith("---" + nl, StringComparison.Ordinal)) continue;
            int close = text.IndexOf(nl + "---" + nl, 3, StringComparison.Ordinal);
            if (close < 0) continue;
            int at = close + nl.Length + 3 + nl.Length;
            text = text.Substring(0, at) + nl + "This paragraph was added in an unrelated edit." + nl + text.Substring(at) + nl + "A closing note, also added." + nl;
            t.WriteBytes(rel, new UTF8Encoding(false).GetBytes(text));
            edited.Add(rel);
        }
        Assert.Equal(50, edited.Count);
        var moved = CliRunner.Run(t.Root, "--quiet");
        Assert.Equal(firstLines.Length, moved.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.NotEqual(first.Stdout, moved.Stdout); // the findings did move

        var afterEdits = CliRunner.Run(t.Root, "--baseline", ".policylint-baseline.json", "--quiet");
        Assert.Equal("", afterEdits.Stdout);
        Assert.Equal(0, afterEdits.ExitCode);

        // Five new defects in five other posts: a link to a page that does not exist.
        var victims = withFindings.Except(edited).Take(5).ToList();
        var expected = new List<string>();
        for (int i = 0; i < victims.Count; i++)
        {
            string text = File.ReadAllText(t.Path_(victims[i]));
            string nl = text.Contains("\r\n") ? "\r\n" : "\n";
            if (!text.EndsWith(nl, StringComparison.Ordinal)) text += nl;
            int line = text.Split(nl).Length + 1;
            text += nl + $"See [the new page](new-page-{i}.md)." + nl;
            t.WriteBytes(victims[i], new UTF8Encoding(false).GetBytes(text));
            expected.Add($"{victims[i]}({line},20): error PL3001: Link target 'new-page-{i}.md' does not exist");
        }
        var withDefects = CliRunner.Run(t.Root, "--baseline", ".policylint-baseline.json", "--quiet");
        Assert.Equal(expected.OrderBy(x => x, StringComparer.Ordinal), withDefects.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(1, withDefects.ExitCode);
    }
}
