using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyLint.Rules.Encoding;
using PolicyLint.Tests.TestSupport;
using Xunit;

namespace PolicyLint.Tests.Rules.Encoding;

public class MojibakeCorpusTests(ITestOutputHelper output)
{
    private static string CorpusDir => SharedData.Require("corpus/hf-blog");

    private static readonly string[] Names =
    {
        "José", "Zoë", "François", "Müller", "Łukasz", "Dvořák", "Ødegaard", "Åsa", "Björk", "Renée",
        "Çelik", "Şahin", "Nguyễn", "Jürgen", "Søren", "Ángel", "Íñigo", "Ólafur", "Guðrún", "Đorđe",
    };

    private static readonly string[] Things =
    {
        "the café’s crème brûlée", "a naïve résumé", "the 10 µm filter", "a 25 °C room", "the €5 fee",
        "£30 tickets", "¥1000 notes", "the “smart” façade", "a piñata", "the jalapeño dip",
        "the Straße signs", "Kraków trains", "São Paulo traffic", "the Zürich office", "an emoji 🤗",
        "a 🚀 launch", "the 😀 reaction", "a ❤️ message", "the 👍🏽 button", "a 🎉 party",
        "the 日本語 docs", "Привет messages", "Ελληνικά notes", "the 中文 model", "한국어 text",
        "the ½-price deal", "the Ålesund ferry", "the “AI Policy @🤗” page", "the 👨‍💻 team", "the © notice",
    };

    private static readonly string[] Templates =
    {
        "{0} loved {1} — really.",
        "“Is that {1}?” asked {0}.",
        "{0}’s note: {1}… again.",
        "According to {0}, {1} costs ±5% more.",
        "{0} wrote: ‘{1}’ – done.",
        "Don’t forget {1}, said {0} • twice.",
    };

    /// <summary>~360 realistic sentences with emoji, curly quotes, dashes and accented letters.</summary>
    public static List<string> GeneratedSentences()
    {
        var list = new List<string>();
        int k = 0;
        for (int n = 0; n < Names.Length; n++)
        {
            for (int t = 0; t < Things.Length; t++)
            {
                if ((n * 7 + t * 3) % 5 > 1 && (n + t) % 3 != 0)
                {
                    continue;
                }

                list.Add(string.Format(Templates[k++ % Templates.Length], Names[n], Things[t]));
            }
        }

        return list;
    }

    private static IEnumerable<string> MarkdownFiles() =>
        Directory.EnumerateFiles(CorpusDir, "*.md", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal);

    private static List<string> CorpusSentences(int max)
    {
        var list = new List<string>();
        foreach (var file in MarkdownFiles())
        {
            foreach (var line in File.ReadLines(file))
            {
                string l = line.Trim();
                if (l.Length is >= 20 and <= 400 && l.Any(c => c >= 0x80))
                {
                    list.Add(l);
                    if (list.Count >= max)
                    {
                        return list;
                    }
                }
            }
        }

        return list;
    }

    private (double detected, double repaired) Mutate(IReadOnlyList<string> sentences, string label)
    {
        var modes = new (string name, int cp, int layers)[]
        {
            ("Windows-1252 x1", 1252, 1), ("Latin-1 x1", 28591, 1), ("Windows-1252 x2", 1252, 2), ("Latin-1 x2", 28591, 2),
        };
        int total = 0, detected = 0, repaired = 0;
        foreach (var (name, cp, layers) in modes)
        {
            int mTotal = 0, mDetected = 0, mRepaired = 0;
            foreach (var s in sentences)
            {
                string broken = MojibakeHelpers.Break(s, cp, layers);
                if (broken == s)
                {
                    continue;
                }

                mTotal++;
                var f = MojibakeDetector.Find(broken);
                if (f.Count > 0)
                {
                    mDetected++;
                }

                if (MojibakeHelpers.Apply(broken, f) == s)
                {
                    mRepaired++;
                }
                else if (mTotal - mRepaired <= 30)
                {
                    output.WriteLine($"  [{label} {name}] not repaired: {s}\n    got: {MojibakeHelpers.Apply(broken, f)}");
                }
            }

            output.WriteLine($"{label} {name}: {mTotal} sentences, detected {100.0 * mDetected / mTotal:F2}%, repaired exactly {100.0 * mRepaired / mTotal:F2}%");
            total += mTotal;
            detected += mDetected;
            repaired += mRepaired;
        }

        double d = 100.0 * detected / total, r = 100.0 * repaired / total;
        output.WriteLine($"{label} overall: {total} cases, detected {d:F2}%, repaired exactly {r:F2}%");
        return (d, r);
    }

    [Fact]
    public void MutationGeneratedSentences()
    {
        var sentences = GeneratedSentences();
        Assert.True(sentences.Count >= 300, sentences.Count.ToString());
        foreach (var s in sentences)
        {
            Assert.Empty(MojibakeDetector.Find(s)); // the clean sentences themselves are silent
        }

        var (d, r) = Mutate(sentences, "generated");
        Assert.True(d >= 99.0, $"detected {d:F2}%");
        Assert.True(r >= 99.0, $"repaired {r:F2}%");
    }

    [Fact]
    public void MutationCorpusSentences()
    {
        _ = CorpusDir; // skips when the shared corpus is absent
        var sentences = CorpusSentences(3000);
        Assert.NotEmpty(sentences);
        var (d, r) = Mutate(sentences, "hf-blog");
        Assert.True(d >= 99.0, $"detected {d:F2}%");
        Assert.True(r >= 99.0, $"repaired {r:F2}%");
    }

    [Fact]
    public void CorpusHasNoFalsePositives()
    {
        _ = CorpusDir; // skips when the shared corpus is absent
        int files = 0;
        var hits = new List<string>();
        foreach (var file in MarkdownFiles())
        {
            files++;
            string text = File.ReadAllText(file);
            foreach (var f in MojibakeDetector.Find(text))
            {
                hits.Add($"{Path.GetFileName(file)}: {f}");
            }
        }

        output.WriteLine($"{files} files, {hits.Count} findings");
        foreach (var h in hits.Take(50))
        {
            output.WriteLine(h);
        }

        Assert.True(hits.Count == 0, string.Join("\n", hits.Take(20)));
    }

    [Fact]
    public void SitesHaveNoFalsePositives()
    {
        // The real sites of ../shared/corpus/sites/ (Jekyll, Hugo, Docusaurus, MkDocs) hold no mojibake either: every
        // finding in their Markdown (code included) is a false positive.
        string sites = SharedData.Require("corpus/sites");
        int files = 0;
        var hits = new List<string>();
        foreach (var site in Directory.GetDirectories(sites).OrderBy(p => p, StringComparer.Ordinal))
        {
            foreach (var file in Directory.EnumerateFiles(site, "*.md*", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
            {
                files++;
                foreach (var f in MojibakeDetector.Find(File.ReadAllText(file)))
                {
                    hits.Add($"{Path.GetRelativePath(sites, file)}: {f}");
                }
            }
        }

        output.WriteLine($"{files} files, {hits.Count} findings");
        Assert.True(files > 100, $"expected the four sites, found {files} Markdown files");
        Assert.True(hits.Count == 0, string.Join("\n", hits.Take(20)));
    }

    [Fact]
    public void SeedPolicyPostTitleIsFound()
    {
        string seed = SharedData.Require("seed/ai-action-plan.md");
        string text = File.ReadAllText(seed);
        var f = MojibakeDetector.Find(text);
        Assert.Equal(2, f.Count);
        Assert.All(f, x =>
        {
            Assert.Equal("ðŸ¤—", x.Original);
            Assert.Equal("🤗", x.Repaired);
            Assert.Equal("'ðŸ¤—' is UTF-8 read as Windows-1252; did you mean '🤗'?", $"'{x.Original}' is {x.Explanation}; did you mean '{x.Repaired}'?");
        });
    }

    [Fact]
    public void FindingsScaleExactlyWithDoubledInputs()
    {
        // Dense non-ASCII text that is not mojibake, and dense mojibake: twice the text, exactly twice the findings.
        // (Speed is measured by the benchmark, not here.)
        foreach (string unit in new[] { "Привет мир 日本語 Ελληνικά ┌─┐ ±×÷ ÃO ", MojibakeHelpers.Break("naïve “quoted” 🤗 ", 1252), "ÃÃÃÃâ€â€â€ ÉÉÉ»»»" })
        {
            string small = string.Concat(Enumerable.Repeat(unit, 2000));
            Assert.Equal(2 * MojibakeDetector.Find(small).Count, MojibakeDetector.Find(small + small).Count);
        }
    }
}
