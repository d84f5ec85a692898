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

    private static readonly string[] YamlTokens =
    [
        "{", "}", "[", "]", ": ", ":", "- ", "? ", "&a ", "*a", "<<: *a\n", "!!str ", "!!map ", "'", "\"", "# ", "~", "null", "|\n", ">\n",
        "\t", "\n", "\n  ", "\n    ", "1e308", "-3", "0", "1000000", "0x10", ".inf", "-.inf", ".nan", "true", "maybe", "{a: [b, {c: d}]}",
        "documentTypes: 7\n", "options:\n", "severity: ", "error", "none", "PL4007", "PL3009", "files: ", "**/*.md", "\uFEFF", "%",
    ];

    /// <summary>A configuration that sets many keys, rules and options: the seed the configuration fuzzer mutates beside the packs.</summary>
    private const string RichConfiguration =
        "root: true\nrequireJustification: true\nmaxFileSize: 100000\nslugStyle: github\nindexFiles: [README.md, index.md]\n" +
        "siteRoots:\n  /blog/: posts\nlinks:\n  ignoreTargets: ['^/api/']\n  external: [/ext/]\nfrontMatterTitleIsH1: true\n" +
        "documentTypes:\n  policy:\n    match: { field: type, value: policy }\n    sections: [\"## Purpose\", { heading: Scope, level: 2, occurs: optional }]\n" +
        "rules:\n  PL1003:\n    severity: error\n    options:\n      fields: [title, date]\n  PL4003:\n    options:\n      level: 1\n" +
        "  PL4004:\n    options:\n      scope: document\n  PL2005:\n    options:\n      checkCode: false\n" +
        "  PL3009:\n    severity: error\n    options:\n      timeoutSeconds: 1\n      retries: 0\n      maxRedirects: 2\n      concurrencyPerHost: 2\n" +
        "overrides:\n  - files: ['policies/**']\n    rules:\n      PL4001: none\n";

    private static string MutateText(string source, Random random)
    {
        var sb = new StringBuilder(source);
        int steps = 1 + random.Next(4);
        for (int s = 0; s < steps; s++)
        {
            int at = sb.Length == 0 ? 0 : random.Next(sb.Length);
            switch (random.Next(4))
            {
                case 0: sb.Insert(at, string.Concat(Enumerable.Repeat(YamlTokens[random.Next(YamlTokens.Length)], 1 + random.Next(random.Next(4) == 0 ? 200 : 3)))); break;
                case 1: sb.Remove(at, Math.Min(sb.Length - at, random.Next(40))); break;
                case 2: { int len = Math.Min(sb.Length - at, random.Next(120)); sb.Insert(at, sb.ToString(at, len)); break; }
                default: if (sb.Length > 0) sb[at] = YamlTokens[random.Next(YamlTokens.Length)][0]; break;
            }
        }
        return sb.ToString();
    }

    [Fact]
    public void MutatedConfigurationsAreReadOrRefusedWithALocatedErrorNeverACrash()
    {
        // Configuration reaches every option reader: a mutant must lint or stop on a ConfigurationException with its place,
        // never throw anything else (InvalidCastException, OverflowException, a stack overflow) nor make an analyzer fail.
        int seed = EnvInt("POLICYLINT_FUZZ_SEED", 18);
        int mutants = EnvInt("POLICYLINT_FUZZ_CONFIGS", 400);
        var seeds = PolicyLint.Configuration.Packs.Names.Select(n => PolicyLint.Configuration.Packs.GetText(n)!).Append(RichConfiguration).ToArray();
        var random = new Random(seed);
        const string doc = "---\ntitle: T\ntype: policy\ndate: 2026-01-01\n---\n# T\n\n## Purpose\n\nSee [x](http://127.0.0.1:1/x), [y](#purpose) and [z](missing.md).\n";
        var engine = new LintEngine();
        for (int i = 0; i < mutants; i++)
        {
            string config = MutateText(seeds[random.Next(seeds.Length)], random);
            try
            {
                var r = engine.LintText(doc, configText: config, baseDirectory: TestSupport.LintVerifier.NeutralDirectory);
                var failures = r.Diagnostics.Where(d => d.Id == "PL0005").Select(d => d.ToString()).ToArray();
                Assert.True(failures.Length == 0, $"seed {seed}, config mutant {i}: {string.Join("\n", failures)}\n--- config:\n{config}");
            }
            catch (PolicyLint.Configuration.ConfigurationException ex)
            {
                Assert.True(ex.FilePath == "<configuration>" && ex.Reason.Length > 0, $"seed {seed}, config mutant {i}: unlocated error '{ex.Message}'\n--- config:\n{config}");
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"seed {seed}, config mutant {i}: {ex.GetType().Name}: {ex.Message}\n--- config:\n{config}");
            }
        }
    }
}
