using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Markdig.Syntax;
using PolicyLint.Analysis;
using PolicyLint.Configuration;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;
using PolicyLint.Engine;
using PolicyLint.Rules;
using PolicyLint.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Tests.Catalog;

/// <summary>Keeps the rule catalog honest: IDs, names, pages, and the examples on each page.</summary>
public sealed class RuleCatalogTests
{
    private static readonly LintEngine Engine = new();
    private static string RulesDir => Path.Combine(SharedData.RepoRoot, "rules");

    public static TheoryData<string> RuleIds() => new(Engine.Rules.Select(r => r.Id));

    [Fact]
    public void IdsAreUniqueWellFormedAndInTheirCategoryRange()
    {
        Assert.Equal(Engine.Rules.Length, Engine.Rules.Select(r => r.Id).Distinct().Count());
        Assert.Equal(Engine.Rules.Length, Engine.Rules.Select(r => r.Name).Distinct().Count());
        foreach (var r in Engine.Rules)
        {
            Assert.Matches("^PL[0-4][0-9]{3}$", r.Id);
            Assert.Equal((int)r.Category, r.Id[2] - '0');
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", r.Name);
            Assert.Equal(RuleDescriptor.BuiltInHelpLinkBase + r.Id + ".md", r.HelpLink);
        }
    }

    [Fact]
    public void EveryAnalyzerClassIsInTheBuiltInList()
    {
        var declared = typeof(LintEngine).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<MarkdownAnalyzerAttribute>() is not null && !t.IsAbstract)
            .Select(t => t.FullName).OrderBy(n => n).ToList();
        var listed = BuiltInAnalyzers.Create().Select(a => a.GetType().FullName).OrderBy(n => n).ToList();
        Assert.Equal(declared, listed);
        var unmarked = typeof(LintEngine).Assembly.GetTypes()
            .Where(t => typeof(MarkdownAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<MarkdownAnalyzerAttribute>() is null);
        Assert.Empty(unmarked);
    }

    [Fact]
    public void EveryPageHasADescriptorAndEveryDescriptorAPage()
    {
        var pages = Directory.GetFiles(RulesDir, "PL*.md").Select(p => Path.GetFileNameWithoutExtension(p)).OrderBy(x => x).ToList();
        var ids = Engine.Rules.Select(r => r.Id).OrderBy(x => x).ToList();
        Assert.Equal(ids, pages);
        foreach (var id in ids) Assert.NotNull(RulePages.Get(id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void PageFrontMatterMatchesTheDescriptor(string id)
    {
        var rule = Engine.Rules.Single(r => r.Id == id);
        var page = RulePage.Load(Path.Combine(RulesDir, id + ".md"));
        Assert.Equal(rule.Id, page.Get("id"));
        Assert.Equal(rule.Name, page.Get("name"));
        Assert.Equal(rule.Title, page.Get("title"));
        Assert.Equal(CategoryName(rule.Category), page.Get("category"));
        Assert.Equal(rule.DefaultSeverity.ToDisplayString(), page.Get("severity"));
        Assert.Equal(rule.HasFix ? "true" : "false", page.Get("fixable"));
        Assert.Equal(rule.IsEnabledByDefault ? "true" : "false", page.Get("enabled"));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void PageExamplesBehave(string id)
    {
        var rule = Engine.Rules.Single(r => r.Id == id);
        var page = RulePage.Load(Path.Combine(RulesDir, id + ".md"));
        if (rule.Category != RuleCategory.Engine)
        {
            Assert.True(page.Bad.Count > 0, $"{id}: the page needs a ```markdown bad example");
            Assert.True(page.Good.Count > 0, $"{id}: the page needs a ```markdown good example");
        }
        string config = page.Config ?? (rule.IsEnabledByDefault ? "" : $"rules:\n  {id}: {(rule.DefaultSeverity == Severity.None ? "warning" : rule.DefaultSeverity.ToDisplayString())}\n");
        foreach (var bad in page.Bad)
        {
            var diags = Lint(bad, config);
            Assert.True(diags.Any(d => d.Id == id), $"{id}: bad example raised no {id}:\n{bad}\nGot: {string.Join("; ", diags)}");
        }
        foreach (var good in page.Good)
        {
            var diags = Lint(good, config);
            Assert.False(diags.Any(d => d.Id == id), $"{id}: good example raised {id}:\n{good}\nGot: {string.Join("; ", diags.Where(d => d.Id == id))}");
        }
    }

    /// <summary>
    /// Lints an example. A block whose info string ends with <c>bytes</c> (<c>markdown bad bytes</c>) holds escapes for
    /// what a page cannot show: <c>\xNN</c> is a raw byte, <c>\r</c> a carriage return, <c>\uXXXX</c> a character.
    /// </summary>
    private static System.Collections.Immutable.ImmutableArray<Diagnostic> Lint((string Text, bool Bytes) example, string config)
    {
        if (!example.Bytes) return LintVerifier.Lint(example.Text, config);
        var request = new LintRequest
        {
            Paths = Array.Empty<string>(),
            Documents = [new InMemoryDocument("document.md", Unescape(example.Text))],
            ConfigText = config,
            DiscoverConfiguration = false,
            LoadPlugins = false,
            BaseDirectory = LintVerifier.NeutralDirectory,
            Clock = () => LintVerifier.FixedNow,
        };
        return Engine.LintAsync(request).GetAwaiter().GetResult().Diagnostics;
    }

    private static byte[] Unescape(string s)
    {
        var bytes = new List<byte>();
        var utf8 = new System.Text.UTF8Encoding(false);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                char k = s[i + 1];
                if (k == 'x' && i + 3 < s.Length) { bytes.Add(Convert.ToByte(s.Substring(i + 2, 2), 16)); i += 3; continue; }
                if (k == 'r') { bytes.Add((byte)'\r'); i++; continue; }
                if (k == 'u' && i + 5 < s.Length)
                {
                    bytes.AddRange(utf8.GetBytes(char.ConvertFromUtf32(Convert.ToInt32(s.Substring(i + 2, 4), 16))));
                    i += 5;
                    continue;
                }
            }
            int n = char.IsHighSurrogate(s[i]) && i + 1 < s.Length ? 2 : 1;
            bytes.AddRange(utf8.GetBytes(s.Substring(i, n)));
            i += n - 1;
        }
        return bytes.ToArray();
    }

    internal static string CategoryName(RuleCategory c) => c switch
    {
        RuleCategory.FrontMatter => "front-matter",
        RuleCategory.Encoding => "encoding",
        RuleCategory.Links => "links",
        RuleCategory.Headings => "headings",
        RuleCategory.Engine => "engine",
        _ => "custom",
    };

    private sealed class RulePage
    {
        private readonly YamlMappingNode _fm;
        private RulePage(YamlMappingNode fm) => _fm = fm;
        public List<(string Text, bool Bytes)> Bad { get; } = new();
        public List<(string Text, bool Bytes)> Good { get; } = new();
        public string? Config { get; private set; }

        public string? Get(string key) =>
            _fm.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value : null;

        public static RulePage Load(string path)
        {
            var file = MarkdownFile.FromBytes(path, File.ReadAllBytes(path));
            Assert.True(file.FrontMatter.Mapping is not null, $"{path}: the page needs YAML front matter");
            var page = new RulePage(file.FrontMatter.Mapping!);
            foreach (var block in SyntaxWalker.Descendants<FencedCodeBlock>(file.Syntax))
            {
                string info = (block.Info ?? "") + " " + (block.Arguments ?? "");
                string content = block.Lines.ToString() + "\n";
                var words = info.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length < 2) continue;
                bool bytes = words.Length > 2 && words[2] == "bytes";
                if (words[0] == "markdown" && words[1] == "bad") page.Bad.Add((content, bytes));
                else if (words[0] == "markdown" && words[1] == "good") page.Good.Add((content, bytes));
                else if (words[0] == "yaml" && words[1] == "config") page.Config = content;
            }
            return page;
        }
    }
}
