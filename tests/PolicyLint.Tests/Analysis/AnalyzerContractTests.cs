using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Configuration;
using PolicyLint.Engine;
using PolicyLint.Tests.TestSupport;
using PolicyLint.Values;

namespace PolicyLint.Tests.Analysis;

/// <summary>What an analyzer may ask its context: typed options with locations, shared settings, the workspace contract.</summary>
public sealed class AnalyzerContractTests
{
    /// <summary>Reads one option of each shape and reports what it read, so a test can pin every value.</summary>
    [MarkdownAnalyzer]
    public sealed class TypedOptionsAnalyzer : MarkdownAnalyzer
    {
        public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
            "ACME2001", "typed-options", "Reports its options", "{0}", RuleCategory.Custom, Severity.Warning,
            options: ["title", "strict", "maxWords", "banned", "aliases", "limits"]);

        public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

        public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(c =>
        {
            var o = c.GetOptions(Rule);
            var limits = o.GetObject("limits");
            string aliases = string.Join(",", o.GetStringMap("aliases").OrderBy(kv => kv.Key).Select(kv => kv.Key + "=" + kv.Value));
            string message = $"title={o.GetString("title", "none")} strict={o.GetBool("strict", false)} maxWords={o.GetInt("maxWords", 10)} "
                + $"banned={string.Join("|", o.GetStringList("banned"))} aliases={aliases} heading={limits.GetInt("heading", 6)} "
                + $"titleAt={o["title"]?.Location.Line},{o["title"]?.Location.Column}";
            c.Report(Rule, new TextSpan(0, 0), message);
        });
    }

    private static readonly MarkdownAnalyzer[] Analyzers = [new TypedOptionsAnalyzer()];

    private static LintResult Run(TempTree t, string config)
    {
        t.Write(".policylint.yml", config).Write("docs/a.md", "# A\n");
        return new LintEngine(Analyzers).Lint(new LintRequest { Paths = ["docs"], BaseDirectory = t.Root, RootDirectory = t.Root });
    }

    [Fact]
    public void AnAnalyzerReadsItsOptionsTypedWithTheirLocations()
    {
        using var t = new TempTree();
        var d = Run(t, "rules:\n  ACME2001:\n    options:\n      title: Policy\n      strict: true\n      maxWords: 42\n"
            + "      banned: [foo, bar]\n      aliases:\n        colour: color\n        centre: center\n      limits:\n        heading: 3\n").Diagnostics;
        var single = Assert.Single(d, x => x.Id == "ACME2001");
        Assert.Equal("title=Policy strict=True maxWords=42 banned=foo|bar aliases=centre=center,colour=color heading=3 titleAt=4,14", single.Message);
    }

    [Fact]
    public void DefaultsApplyWhenNothingIsConfigured()
    {
        var d = LintVerifier.Lint("# A\n", analyzers: Analyzers);
        Assert.Equal("title=none strict=False maxWords=10 banned= aliases= heading=6 titleAt=,", Assert.Single(d, x => x.Id == "ACME2001").Message);
    }

    [Theory]
    [InlineData("      maxWords: many\n", 4, 17, "Option 'maxWords' must be a whole number, not 'many'")]
    [InlineData("      strict: maybe\n", 4, 15, "'strict' must be true or false, not 'maybe'")]
    [InlineData("      banned: {a: b}\n", 4, 15, "'banned' must be a string or a list of strings")]
    [InlineData("      limits:\n        heading: high\n", 5, 18, "Option 'heading' must be a whole number, not 'high'")]
    public void AWrongValueIsAConfigurationErrorAtItsLineAndColumnInTheConfigFile(string option, int line, int column, string reason)
    {
        using var t = new TempTree();
        t.Write("docs/b.md", "# B\n");
        var error = Assert.Throws<ConfigurationException>(() => Run(t, "rules:\n  ACME2001:\n    options:\n" + option));
        string config = Path.Combine(t.Root, ".policylint.yml");
        Assert.Equal((config, line, column, $"Invalid options for ACME2001 (typed-options): {reason}"), (error.FilePath, error.Line, error.Column, error.Reason));
        Assert.Equal($"{config}({line},{column}): Invalid options for ACME2001 (typed-options): {reason}", error.Message);
    }

    [Fact]
    public void OptionValuesCarryTheirFileLineAndColumn()
    {
        using var t = new TempTree();
        RuleOptions? seen = null;
        var probe = new ProbeAnalyzer(c => seen = c.GetOptions(TypedOptionsAnalyzer.Rule));
        t.Write(".policylint.yml", "rules:\n  typed-options:\n    options:\n      banned:\n        - foo\n        - bar\n").Write("a.md", "# A\n");
        new LintEngine([new TypedOptionsAnalyzer(), probe]).Lint(new LintRequest { Paths = ["a.md"], BaseDirectory = t.Root, RootDirectory = t.Root });
        var banned = Assert.IsType<SequenceValue>(seen!["banned"]);
        var bar = Assert.IsType<ScalarValue>(banned.Items[1]);
        Assert.Equal(("bar", Path.Combine(t.Root, ".policylint.yml"), 6, 11), (bar.Value, bar.Location.Path, bar.Location.Line, bar.Location.Column));
    }

    [Fact]
    public void FrontMatterValuesKeepTheirPositionsInTheDocument()
    {
        const string text = "---\ntitle: Hello\ntags: [a, 'b c']\nowner:\n  name: Ada\n---\n# Hello\n";
        var fm = PolicyLint.Documents.MarkdownFile.FromText("x.md", text).FrontMatter;
        var title = Assert.IsType<ScalarValue>(fm.Fields!["title"]);
        Assert.Equal(("Hello", 2, 8, "Hello"), (title.Value, title.Location.Line, title.Location.Column, text.Substring(title.Location.Span.Start, title.Location.Span.Length)));
        var bc = Assert.IsType<ScalarValue>(Assert.IsType<SequenceValue>(fm.Fields["tags"]).Items[1]);
        Assert.Equal(("b c", false, 3, 11, "'b c'"), (bc.Value, bc.IsPlain, bc.Location.Line, bc.Location.Column, text.Substring(bc.Location.Span.Start, bc.Location.Span.Length)));
        var name = Assert.IsType<ScalarValue>(Assert.IsType<MappingValue>(fm.Fields["owner"])["name"]);
        Assert.Equal((5, 9), (name.Location.Line, name.Location.Column));
    }

    [Fact]
    public void SharedSettingsAreTypedAndReadFromTheContext()
    {
        using var t = new TempTree();
        SharedSettings? seen = null;
        t.Write(".policylint.yml", "slugStyle: gitlab\nindexFiles: [_index.md]\nsiteRoots:\n  /blog: content\nrules:\n  PL3001:\n    options:\n      implicitExtensions: [.md, .mdx]\n")
            .Write("a.md", "# A\n");
        new LintEngine([new ProbeAnalyzer(c => seen = c.Settings)]).Lint(new LintRequest { Paths = ["a.md"], BaseDirectory = t.Root, RootDirectory = t.Root });
        Assert.Equal("gitlab", seen!.SlugStyle.Name);
        Assert.Equal(["_index.md"], seen.IndexFiles);
        Assert.Equal([".md", ".mdx"], seen.ImplicitExtensions);
        Assert.Equal([new("/blog/", Path.Combine(t.Root, "content"))], seen.SiteRoots);
        Assert.False(seen.HtmlExtensionMapsToMd);
    }

    [Fact]
    public void TheWorkspaceGivesOutlinesOfDocumentsInAndOutsideTheRunThroughTheEngineGuards()
    {
        using var t = new TempTree();
        t.Write("a.md", "# In the run\n\n<a id=\"custom\"></a>\n").Write("b.md", "# Outside the run\n## Second\n")
            .WriteBytes("bin.md", [(byte)'#', (byte)' ', 0, 1, 2]).Write("deep.md", new string('>', 400) + " x\n").Write("empty.md", "");
        var outlines = new System.Collections.Generic.Dictionary<string, string>();
        var probe = new ProbeAnalyzer(null, ws =>
        {
            foreach (var name in new[] { "a.md", "b.md", "bin.md", "deep.md", "empty.md", "missing.md", "../outside.md" })
                outlines[name] = ws.GetOutline(Path.GetFullPath(Path.Combine(t.Root, name)))?.Anchors.OrderBy(x => x, System.StringComparer.Ordinal)
                    .Aggregate("", (acc, x) => acc + x + ";") ?? "null";
        });
        new LintEngine([probe]).Lint(new LintRequest { Paths = ["a.md"], BaseDirectory = t.Root, RootDirectory = t.Root });
        Assert.Equal("custom;in-the-run;", outlines["a.md"]);
        Assert.Equal("outside-the-run;second;", outlines["b.md"]);
        Assert.Equal("null", outlines["bin.md"]);
        Assert.Equal("null", outlines["deep.md"]);
        Assert.Equal("null", outlines["empty.md"]);
        Assert.Equal("null", outlines["missing.md"]);
        Assert.Equal("null", outlines["../outside.md"]);
    }

    /// <summary>Hands a test what its context gives; reports nothing.</summary>
    [MarkdownAnalyzer]
    public sealed class ProbeAnalyzer(System.Action<DocumentAnalysisContext>? onDocument, System.Action<AnalysisWorkspace>? atEnd = null) : MarkdownAnalyzer
    {
        public static readonly RuleDescriptor Rule = RuleDescriptor.Create("ACME2099", "probe", "Probe", "{0}", RuleCategory.Custom, Severity.Warning);

        public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

        public override void Initialize(AnalysisContext context) => context.RegisterWorkspaceStartAction(ws =>
        {
            ws.RegisterDocumentAction(c =>
            {
                onDocument?.Invoke(c);
                // The engine keeps the outline a document action built, for links from other files.
                _ = c.Outline;
            });
            ws.RegisterWorkspaceEndAction(end => atEnd?.Invoke(end.Workspace));
        });
    }
}
