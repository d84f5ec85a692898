using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyLint.Engine;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.FrontMatter;

/// <summary>The blog-post pack over the real Hugging Face blog corpus, in a site tree with empty stand-ins for its other files.</summary>
public sealed class HfBlogCorpusTests
{
    [Fact]
    public async System.Threading.Tasks.Task BlogPostPackOverTheCorpusFindsOnlyRealProblems()
    {
        string corpus = SharedData.Require("corpus/hf-blog");
        string pathsList = SharedData.Require("corpus/hf-blog.paths.txt");
        using var tree = new TempTree();
        var mdFiles = Directory.GetFiles(corpus, "*.md", SearchOption.AllDirectories)
            .Select(f => ConfigurationRelative(corpus, f)).ToList();
        foreach (var rel in mdFiles)
        {
            string to = tree.Path_(rel);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(Path.Combine(corpus, rel), to);
        }
        var others = File.ReadAllLines(pathsList).Where(l => l.Length > 0).ToList();
        foreach (var rel in others)
        {
            string to = tree.Path_(rel);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            if (!File.Exists(to)) File.WriteAllBytes(to, []);
        }
        tree.Write(".policylint.yml", "extends: blog-post\nsiteRoots: { \"/blog/\": \".\" }\n");

        var result = await new LintEngine().LintAsync(
            new LintRequest { Paths = ["."], BaseDirectory = tree.Root, RootDirectory = tree.Root, Clock = () => LintVerifier.FixedNow },
            cancellationToken: TestContext.Current.CancellationToken);
        var fm = result.Diagnostics.Where(d => d.Id.StartsWith("PL1", StringComparison.Ordinal) || d.Id.StartsWith("PL0", StringComparison.Ordinal)).ToList();
        var output = TestContext.Current.TestOutputHelper;
        foreach (var g in fm.GroupBy(d => d.Id).OrderBy(g => g.Key))
            output?.WriteLine($"{g.Key}: {g.Count()} in {g.Select(d => d.Location.Path).Distinct().Count()} files");
        foreach (var d in fm.Where(d => d.Id == "PL1007")) output?.WriteLine(d.ToString());
        foreach (var d in fm.Where(d => d.Id != "PL1007")) output?.WriteLine(d.ToString());

        Assert.DoesNotContain(fm, d => d.Id is "PL0004" or "PL0005" or "PL0001");

        // Every PL1006 names a thumbnail that is neither a post nor in the paths list, computed here without the rule.
        var existing = new HashSet<string>(mdFiles.Concat(others), StringComparer.Ordinal);
        var expectedMissing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var rel in mdFiles)
        {
            string? thumb = ReadField(File.ReadAllLines(Path.Combine(corpus, rel)), "thumbnail");
            if (string.IsNullOrEmpty(thumb) || thumb!.Contains("://")) continue;
            string dir = rel.Contains('/') ? rel.Substring(0, rel.LastIndexOf('/') + 1) : "";
            string target = thumb.StartsWith("/blog/", StringComparison.Ordinal) ? thumb.Substring("/blog/".Length).TrimStart('/')
                : dir + (thumb.StartsWith("./", StringComparison.Ordinal) ? thumb.Substring(2) : thumb);
            if (!existing.Contains(Uri.UnescapeDataString(target))) expectedMissing.Add(rel + " -> " + thumb);
        }
        var actualMissing = new SortedSet<string>(fm.Where(d => d.Id == "PL1006")
            .Select(d => d.Location.Path + " -> " + d.Message.Split('\'')[3]), StringComparer.Ordinal);
        Assert.True(expectedMissing.SetEquals(actualMissing),
            "expected only: " + string.Join("; ", expectedMissing.Except(actualMissing)) + "\nactual only: " + string.Join("; ", actualMissing.Except(expectedMissing)));

        // Every PL1003 names a field that the file's front matter really lacks.
        foreach (var d in fm.Where(d => d.Id == "PL1003"))
        {
            string field = d.Message.Split('\'')[1];
            Assert.Null(ReadField(File.ReadAllLines(tree.Path_(d.Location.Path)), field));
        }
        // PL1001 only on files without front matter (templates and asset notes, not posts); PL1002 only where it starts late.
        Assert.All(fm.Where(d => d.Id == "PL1001"), d => Assert.NotEqual("---", File.ReadLines(tree.Path_(d.Location.Path)).FirstOrDefault()?.TrimEnd()));
        Assert.Equal(["gradient_accumulation.md", "image-preferences.md", "ml-web-games.md"],
            fm.Where(d => d.Id == "PL1002").Select(d => d.Location.Path).OrderBy(p => p, StringComparer.Ordinal));
        Assert.All(fm.Where(d => d.Id == "PL1002"), d => Assert.Equal("", File.ReadLines(tree.Path_(d.Location.Path)).First().Trim()));
    }

    private static string ConfigurationRelative(string root, string full) =>
        PolicyLint.Configuration.ConfigurationResolver.GetRelativePath(root, full);

    /// <summary>A top-level field of a simple front matter block, read line by line (null when absent).</summary>
    private static string? ReadField(string[] lines, string field)
    {
        const int start = 0;
        if (lines.Length == 0 || lines[0].TrimEnd() != "---") return null;
        for (int i = start + 1; i < lines.Length && lines[i].TrimEnd() != "---"; i++)
            if (lines[i].StartsWith(field + ":", StringComparison.Ordinal))
                return lines[i].Substring(field.Length + 1).Trim().Trim('"', '\'');
        return null;
    }
}
