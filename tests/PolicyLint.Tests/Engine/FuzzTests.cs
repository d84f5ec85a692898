using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using PolicyLint.Engine;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Engine;

/// <summary>
/// A bounded mutation fuzzer over the blog corpus: posts cut, spliced, bit-flipped and seeded with the tokens Markdown
/// parsers find hardest, linted with every rule in one run. No analyzer may fail (PL0005) and the run must finish. CI runs
/// a fixed seed and 150 mutants; <c>bench/fuzz/run.sh</c> runs as many as asked with other seeds (POLICYLINT_FUZZ_SEED,
/// POLICYLINT_FUZZ_MUTANTS). A failure names the seed and the mutant: rerun with them to reproduce, then turn the
/// mutant into a regression test.
/// </summary>
public sealed class FuzzTests
{
    private static readonly string[] Tokens =
    [
        "[", "]", "(", ")", "![", "](", "[^", "]:", "*", "**", "_", "~~", "`", "```", "~~~", "<!--", "-->", "</", "<a href=\"",
        "<img src=", "|", "| --- |", "\n", "\r\n", "\r", "\n\n", "> ", "- ", "1. ", "# ", "###### ", "---\n", "+++\n", "\\", "&#x202E;",
        "&amp;", "\u200B", "\u202E", "\uFEFF", "\uD800", "{#id}", "<details>", "$$", ":::", "{%", "%}", "{{", "}}", "\t", "    ",
        "[x]: <", "https://", "#", "%00", "%", "\u00C3\u00A9",
    ];

    private static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out int v) && v > 0 ? v : fallback;

    /// <summary>One mutant of <paramref name="source"/>, chosen by <paramref name="random"/>.</summary>
    internal static byte[] Mutate(byte[] source, byte[] other, Random random)
    {
        var bytes = new List<byte>(source);
        int steps = 1 + random.Next(8);
        for (int s = 0; s < steps; s++)
        {
            int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: // insert tokens
                    var token = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Tokens[random.Next(Tokens.Length)], 1 + random.Next(random.Next(2) == 0 ? 3 : 300))));
                    bytes.InsertRange(at, token);
                    break;
                case 1: // delete a range
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(200)));
                    break;
                case 2: // flip bits
                    for (int k = 0; k < 1 + random.Next(4) && bytes.Count > 0; k++) bytes[random.Next(bytes.Count)] ^= (byte)(1 << random.Next(8));
                    break;
                case 3: // duplicate a range
                    int len = Math.Min(bytes.Count - at, random.Next(400));
                    var copy = bytes.GetRange(at, len);
                    for (int k = 0; k < 1 + random.Next(4); k++) bytes.InsertRange(at, copy);
                    break;
                case 4: // splice in part of another post
                    int from = other.Length == 0 ? 0 : random.Next(other.Length);
                    bytes.InsertRange(at, other.Skip(from).Take(random.Next(2000)));
                    break;
                default: // truncate
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }
        return bytes.ToArray();
    }

    [Fact]
    public async Task MutatedCorpusPostsNeverMakeAnAnalyzerFail()
    {
        string corpus = SharedData.Require("corpus/hf-blog");
        int seed = EnvInt("POLICYLINT_FUZZ_SEED", 18);
        int mutants = EnvInt("POLICYLINT_FUZZ_MUTANTS", 150);
        var posts = Directory.EnumerateFiles(corpus, "*.md", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal).ToArray();
        var random = new Random(seed);
        using var t = new TempTree();
        t.Write(".policylint.yml", "root: true\n");
        for (int i = 0; i < mutants; i++)
        {
            var a = File.ReadAllBytes(posts[random.Next(posts.Length)]);
            var b = File.ReadAllBytes(posts[random.Next(posts.Length)]);
            t.WriteBytes($"m{i:D5}.md", Mutate(a, b, random));
        }
        var r = await new LintEngine().LintAsync(new LintRequest { BaseDirectory = t.Root, Paths = ["."] }, cancellationToken: TestContext.Current.CancellationToken);
        var failures = r.Diagnostics.Where(d => d.Id == "PL0005").Select(d => d.ToString()).ToArray();
        Assert.True(failures.Length == 0, $"seed {seed}: {string.Join("\n", failures)}");
        Assert.Equal(mutants, r.Files.Length);
    }
}
