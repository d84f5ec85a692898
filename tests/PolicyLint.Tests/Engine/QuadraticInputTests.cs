using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;
using PolicyLint.Engine;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Engine;

/// <summary>
/// Inputs far below the size limit whose parsing time grew with the square of their size (issue 18). Each test runs at a
/// size the quadratic code took minutes for and asserts the outcome (findings, anchors, the refusal's message, or a count
/// of steps), never a time: linear, each takes well under a second. Growth figures (N, 2N, 4N) are in bench/growth.
/// </summary>
public sealed class QuadraticInputTests
{
    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    [Fact]
    public async Task ManyDuplicateHeadingsGetNumberedAnchorsWithoutMarkdigsAutoIdentifiers()
    {
        // 40,000 duplicates: Markdig's AutoIdentifiers took about 100 s for this (quadratic uniquing); now a linear pass.
        const int n = 40_000;
        var file = await Task.Run(() => MarkdownFile.FromText("d.md", "# Title\n\n" + Repeat("## Same heading\n\n", n)), TestContext.Current.CancellationToken);
        Assert.Equal(n + 1, file.Headings.Length);
        Assert.Equal("same-heading", file.Headings[1].Anchor);
        Assert.Equal("same-heading-1", file.Headings[2].Anchor);
        Assert.Equal($"same-heading-{n - 1}", file.Headings[n].Anchor);
    }

    [Fact]
    public void AHeadingsTextInBracketsIsNotALink()
    {
        // GitHub does not make headings into link references; AutoIdentifiers did, so '[Setup]' linked to '#setup'.
        var file = MarkdownFile.FromText("d.md", "# Title\n\n## Setup\n\nSee [Setup].\n");
        Assert.Empty(SyntaxWalker.Descendants<LinkInline>(file.Syntax));
    }

    [Fact]
    public void ARunOfDefinitionsIsEstimatedByTheSquareOfItsLength()
    {
        var run = Encoding.UTF8.GetBytes(Repeat("[a]: /x\n", 1000));
        Assert.Equal(new ParseCost.Estimate(500_000, "1,000 reference or footnote definitions with no blank line between them", 1, 1000, 1),
            ParseCost.Measure(run));
        // A blank line between each: separate paragraphs, nothing quadratic.
        Assert.Equal(0, ParseCost.Measure(Encoding.UTF8.GetBytes(Repeat("[a]: /x\n\n", 1000))).Total);
        // Inside fenced code: not Markdown at all.
        Assert.Equal(0, ParseCost.Measure(Encoding.UTF8.GetBytes("```\n" + Repeat("[a]: /x\n", 40_000) + "```\n")).Total);
    }

    [Fact]
    public void UnclosedCommentOpenersCostTheirDistanceToTheParagraphsEnd()
    {
        // n openers of 4 bytes, one line: the j-th searches 4n + 1 - 4j bytes, 2n^2 + 3n in all.
        const int n = 20_000;
        var e = ParseCost.Measure(Encoding.UTF8.GetBytes(Repeat("<!--", n) + "\n"));
        Assert.Equal(2L * n * n + 3L * n, e.Total);
        Assert.Equal("20,000 '<!--' openers that never close", e.Pattern);
        // Each closed right away: nothing far to search.
        Assert.Equal(0, ParseCost.Measure(Encoding.UTF8.GetBytes(Repeat("<!-- x -->", n) + "\n")).Total);
    }

    [Fact]
    public void BacktickRunsThatNeverCloseAreAnsweredWithoutASearch()
    {
        // Runs of lengths 1..2000, each unmatched: Markdig searched from each to the paragraph's end (a second for 1.4 MB,
        // the square of the size). Each is answered at once now, and the estimate no longer counts them.
        var text = "# Title\n\n" + string.Concat(Enumerable.Range(1, 2000).Select(i => new string('`', i) + " x ")) + "\n";
        Assert.Equal(0, ParseCost.Measure(Encoding.UTF8.GetBytes(text)).Total);
        ClosingRunCodeInlineParser.Shortcuts = 0;
        var file = MarkdownFile.FromText("t.md", text);
        // Every run but the last (fewer than ShortRest characters from the paragraph's end) skipped Markdig's search.
        Assert.Equal(1_999, ClosingRunCodeInlineParser.Shortcuts);
        var inlines = file.Syntax.Descendants<Markdig.Syntax.ParagraphBlock>().Single().Inline!.Descendants<Inline>().ToArray();
        Assert.Empty(inlines.OfType<CodeInline>());
        // A closing run still closes: the last run of each length matches the one before it.
        string spans = "# Title\n\n" + string.Concat(Enumerable.Range(1, 1500).Select(i => new string('`', i % 700 + 1) + " x ")) + "\n";
        var codes = MarkdownFile.FromText("s.md", spans).Syntax.Descendants<CodeInline>().ToArray();
        Assert.Equal(Markdig.Markdown.Parse(spans, PlainPipeline).Descendants<CodeInline>().Select(c => (c.Span, c.Content)).ToArray(),
            codes.Select(c => (c.Span, c.Content)).ToArray());
        Assert.NotEmpty(codes);
    }

    /// <summary>MarkdownFile's pipeline with Markdig's own code span parser.</summary>
    private static readonly Markdig.MarkdownPipeline PlainPipeline = new Markdig.MarkdownPipelineBuilder().UseYamlFrontMatter()
        .UsePreciseSourceLocation().UsePipeTables().UseAutoLinks().UseTaskLists().UseEmphasisExtras().UseFootnotes().UseAlertBlocks().Build();

    [Fact]
    public void BacktickRunsThatNeverCloseAreLinted()
    {
        // Runs of lengths 1..4000 (8 MB), none closed: Markdig took about 50 s for this and the file was refused; now
        // parsed in linear time and linted.
        var text = "# Title\n\n" + string.Concat(Enumerable.Range(1, 4000).Select(i => new string('`', i) + " x ")) + "\n";
        var d = LintVerifier.Lint(text);
        Assert.Equal(Array.Empty<string>(), d.Select(x => $"{x.Id} ({x.Location.StartLine},{x.Location.StartColumn}): {x.Message}").ToArray());
    }

    [Theory]
    [InlineData("[r{0}]: https://example.com/{0}\n", 1, "the paragraph at line 3 holds 200,000 reference or footnote definitions with no blank line between them")]
    [InlineData("[same]: https://example.com/x\n", 1, "the paragraph at line 3 holds 200,000 reference or footnote definitions with no blank line between them")]
    [InlineData("</<!--", 2, "the paragraph at line 3 holds 200,000 '<!--' openers that never close")]
    public void QuadraticPatternsAreRefusedWithTheirPlace(string unit, int kind, string reason)
    {
        const int n = 200_000;
        var sb = new StringBuilder("# Title\n\n");
        for (int i = 0; i < n; i++) sb.Append(kind == 1 ? string.Format(unit, i) : unit);
        sb.Append('\n');
        var d = LintVerifier.Lint(sb.ToString());
        Assert.Equal([$"PL0001: Cannot read the file: {reason}, a pattern whose parsing time grows with the square of its size; the file was not parsed"],
            d.Select(x => $"{x.Id}: {x.Message}").ToArray());
    }

    [Theory]
    [InlineData("b\n===\n", 5)]        // setext headings one after another
    [InlineData("b\n---\n\n", 5)]     // with blank lines between them
    [InlineData("===\n", 4)]            // after '> a': lazy continuation lines of the quote's paragraph
    public void ManySetextUnderlinesAreRefusedWithTheirCount(string unit, int firstLine)
    {
        // Markdig's work for a setext underline grows with the blocks and lines before it in its container: 80,000 such
        // underlines took 3 to 9 s (4 times as long for each doubling).
        const int n = 80_000;
        var d = LintVerifier.Lint("# Title\n\n> a\n" + Repeat(unit, n));
        Assert.Equal([$"PL0001: Cannot read the file: the document from line {firstLine} on holds 80,000 setext heading underlines (lines of only '=' or '-'), a pattern whose parsing time grows with the square of its size; the file was not parsed"],
            d.Select(x => $"{x.Id}: {x.Message}").ToArray());
    }

    [Fact]
    public void SetextUnderlinesAreEstimatedByTheLinesBeforeEach()
    {
        // Underlines on lines 2, 4, ... 2n: each costs its line number (the blocks and lines before it), halved.
        const int n = 1000;
        var e = ParseCost.Measure(Encoding.UTF8.GetBytes(Repeat("b\n===\n", n)));
        Assert.Equal((long)n * (n + 1) / 2, e.Total);
        Assert.Equal("1,000 setext heading underlines (lines of only '=' or '-')", e.Pattern);
        // An ordinary document's few setext headings and thematic breaks cost next to nothing.
        Assert.True(ParseCost.Measure(Encoding.UTF8.GetBytes("Title\n=====\n\ntext\n\n---\n\nPart\n----\n")).Total < 100);
        // Inside fenced code: not Markdown.
        Assert.Equal(0, ParseCost.Measure(Encoding.UTF8.GetBytes("```\n" + Repeat("===\n", 5000) + "```\n")).Total);
    }

    [Theory]
    [InlineData(1200)]   // UTF-16LE
    [InlineData(1201)]   // UTF-16BE
    [InlineData(12000)]  // UTF-32LE
    public void TheEstimatesReadUtf16And32FilesAsText(int codePage)
    {
        // The estimates scan bytes; a UTF-16 or UTF-32 file was scanned as raw code units, so no pattern matched and Markdig
        // got the quadratic input (or the deep nesting) anyway.
        var enc = Encoding.GetEncoding(codePage);
        byte[] Encode(string text) => [.. enc.GetPreamble(), .. enc.GetBytes(text)];

        var costly = Encode("# Title\n\n" + Repeat("</<!--", 200_000) + "\n");
        Assert.Equal(ReadVerdict.TooCostly, DocumentReader.Check(costly, long.MaxValue, out _, out _, out var cost));
        Assert.Equal("200,000 '<!--' openers that never close", cost.Pattern);
        Assert.Equal(3, cost.Line);

        var deep = Encode("# Title\n\n" + new string('>', 300) + " quote\n");
        Assert.Equal(ReadVerdict.BlocksTooDeep, DocumentReader.Check(deep, long.MaxValue, out int blocks, out _, out _));
        Assert.Equal(300, blocks);

        // Front matter is skipped in every encoding: its lines are not counted as Markdown.
        var withFrontMatter = Encode("---\ntitle: x\n---\n" + Repeat("[a]: /x\n", 1000));
        Assert.Equal(ReadVerdict.Parse, DocumentReader.Check(withFrontMatter, long.MaxValue, out _, out _, out cost));
        Assert.Equal(4, cost.Line);
        Assert.Equal(500_000, cost.Total);
    }

    [Fact]
    public void ManyParagraphsEachNearMarkdigsDelimiterLimitAreRefused()
    {
        // Each paragraph's 10,000 delimiters cost Markdig about 10^8 steps; six of them pass the budget.
        var doc = "# Title\n\n" + string.Concat(Enumerable.Repeat(Repeat("*a* ", 5000) + "\n\n", 6));
        var d = LintVerifier.Lint(doc);
        Assert.Equal(["PL0001: Cannot read the file: the paragraph at line 3 holds 10,000 emphasis, link or table delimiters in one paragraph, a pattern whose parsing time grows with the square of its size; the file was not parsed"],
            d.Select(x => $"{x.Id}: {x.Message}").ToArray());
    }

    [Fact]
    public void ATablePastMarkdigsDelimiterLimitIsNamedAndTheRestOfTheFileIsLinted()
    {
        // 3,000 rows with two bold cells: 21,000 open delimiters in one table; Markdig refuses past 10,240. The table is left
        // out of the parse and the rest is linted (the whole file used to go unlinted): PL4004 sees the headings around it.
        var doc = "# Title\n\n## Data\n\n| a | b |\n| --- | --- |\n" + Repeat("| **x** | **y** |\n", 3000) + "\n## Data\n";
        var d = LintVerifier.Lint(doc);
        Assert.Equal(["PL0001 (5,1): Cannot read the file: the paragraph or table at line 5 holds about 21,006 emphasis, link or table delimiters, and Markdown's parser (Markdig) nests at most 10,240 open ones in one paragraph; it was not parsed (split it), the rest of the file was linted",
                      "PL4004 (3008,1): Heading '## Data' repeats the heading on line 3 in the same section; rename or merge one"],
            d.Select(x => $"{x.Id} ({x.Location.StartLine},{x.Location.StartColumn}): {x.Message}").ToArray());
    }

    [Theory]
    [InlineData(2_561, true)]   // 10,244 bold delimiters: Markdig refuses the table
    [InlineData(6_000, true)]
    [InlineData(2_560, false)]  // 10,240: Markdig parses it
    public void ATablePastMarkdigsDelimiterLimitIsLeftOutBeforeTheFirstParse(int rows, bool leftOut)
    {
        // Markdig refused such a table only after work growing with the square of its delimiters (1.6 s at 3,000 rows), and
        // the document was then parsed again without it: now the table is left out up front, and the document parsed once.
        string head = "# Title\n\n| a | b |\n| --- | --- |\n";
        var doc = head + Repeat("| **x** | **y** |\n", rows) + "\n## Data\n";
        MarkdownFile.MarkdigParses = 0;
        var file = MarkdownFile.FromText("t.md", doc);
        Assert.Equal(1, MarkdownFile.MarkdigParses);
        int end = head.Length + rows * "| **x** | **y** |\n".Length;
        Assert.Equal(leftOut ? [TextSpan.FromBounds(9, end)] : Array.Empty<TextSpan>(), file.LeftOut.ToArray());
        Assert.Equal(["Title", "Data"], file.Headings.Select(h => h.PlainText).ToArray());
    }

    [Theory]
    [InlineData("*a* ", 5_121, 1)]            // 10,242 delimiters in one paragraph: left out up front
    [InlineData("*a* ", 5_120, 1)]            // 10,240: parsed
    [InlineData("`c` *a* ", 5_121, 2)]        // a code span could hold delimiters: not certain, Markdig decides (and refuses)
    [InlineData("a * b ", 20_000, 1)]         // a '*' between spaces opens nothing: parsed
    public void OnlyParagraphsMarkdigCertainlyRefusesAreLeftOutUpFront(string unit, int n, int parses)
    {
        string doc = "# Title\n\n" + Repeat(unit, n) + "\n\n## End\n";
        MarkdownFile.MarkdigParses = 0;
        var file = MarkdownFile.FromText("p.md", doc);
        Assert.Equal(parses, MarkdownFile.MarkdigParses);
        bool refused = unit != "a * b " && n > 5_120;
        Assert.Equal(refused ? [TextSpan.FromBounds(9, 9 + unit.Length * n + 1)] : Array.Empty<TextSpan>(), file.LeftOut.ToArray());
        Assert.Equal(["Title", "End"], file.Headings.Select(h => h.PlainText).ToArray());
    }

    [Fact]
    public void TenThousandEmphasesInOneParagraphLeaveOnlyThatParagraphUnparsed()
    {
        // 10,000 '*a*' are 20,000 delimiters: past Markdig's limit for one paragraph, so it refuses the document; not a
        // nesting, and the rest of the file is linted.
        var d = LintVerifier.Lint("# Title\n\n" + Repeat("*a* ", 10_000) + "\n\n### Jump\n");
        Assert.Equal(["PL0001 (3,1): Cannot read the file: the paragraph or table at line 3 holds about 20,000 emphasis, link or table delimiters, and Markdown's parser (Markdig) nests at most 10,240 open ones in one paragraph; it was not parsed (split it), the rest of the file was linted",
                      "PL4001 (5,1): Heading level jumps from H1 to H3; expected H2"],
            d.Select(x => $"{x.Id} ({x.Location.StartLine},{x.Location.StartColumn}): {x.Message}").ToArray());
        // Under the limit, the paragraph itself is parsed.
        Assert.Equal(["PL4001"], LintVerifier.Lint("# Title\n\n" + Repeat("*a* ", 5_000) + "\n\n### Jump\n").Select(x => x.Id).ToArray());
    }

    [Fact]
    public void AHundredThousandSuppressionDirectivesWithAFindingEachAreLinted()
    {
        // Issue 18: 36 s in PolicyLint's own code (Markdig parses the file in 0.36 s); every finding is suppressed.
        var d = LintVerifier.Lint("# Title\n\n## Same\n\n" + Repeat("<!-- policylint-disable-next-line PL4004 -->\n## Same\n\n", 100_000));
        Assert.Empty(d);
    }

    [Fact]
    public void ATableUnderTheLimitIsLinted()
    {
        // 1,000 rows with bold cells: linted, and PL4004 still sees the headings around it.
        var doc = "# Title\n\n## Data\n\n| a | b |\n| --- | --- |\n" + Repeat("| **x** | **y** |\n", 1000) + "\n## Data\n";
        var d = LintVerifier.Lint(doc);
        Assert.Equal(["PL4004"], d.Select(x => x.Id).ToArray());
    }

    [Fact]
    public void SuppressionLookupsProbeOnlyTheRangesThatCanCoverTheFinding()
    {
        // 20,000 next-line directives, each over a duplicate heading: every finding probes the one range on its line
        // (a scan of every range took 20,000 probes a finding: 4 * 10^8 in all).
        const int n = 20_000;
        var file = MarkdownFile.FromText("d.md", "# Title\n\n## Same\n\n" + Repeat("<!-- policylint-disable-next-line PL4004 -->\n## Same\n\n", n));
        var s = SuppressionDirectives.Parse(file, id => id == "PL4004" ? PolicyLint.Rules.Headings.PL4004DuplicateHeading.Rule : null);
        int suppressed = 0;
        for (int i = 0; i < n; i++) if (s.IsSuppressed("PL4004", 5 + 3 * i)) suppressed++;
        Assert.Equal(n, suppressed);
        Assert.Equal(n, s.Probes);
        Assert.All(s.Directives, x => Assert.True(x.Used));
        Assert.False(s.IsSuppressed("PL4004", 2));
    }

    [Fact]
    public void LongDisableRangesAreProbedOnlyWhereTheyCanCover()
    {
        // 20,000 disable/enable pairs, each around a duplicate heading and twelve lines long: every finding probed every
        // long range of its rule (4 * 10^8 probes); now the one that starts before it and still reaches it.
        const int n = 20_000;
        string block = "<!-- policylint-disable PL4004 -->\n## Same\n\n" + Repeat("text\n\n", 4) + "<!-- policylint-enable PL4004 -->\n\n";
        var file = MarkdownFile.FromText("d.md", "# Title\n\n## Same\n\n" + Repeat(block, n));
        var s = SuppressionDirectives.Parse(file, id => id == "PL4004" ? PolicyLint.Rules.Headings.PL4004DuplicateHeading.Rule : null);
        int suppressed = 0;
        for (int i = 0; i < n; i++)
        {
            int heading = 5 + 13 * i;   // 0-based: the line after each disable
            if (s.IsSuppressed("PL4004", heading)) suppressed++;
            Assert.False(s.IsSuppressed("PL4004", heading + 11), $"line {heading + 12} is after the range's enable");
        }
        Assert.Equal(n, suppressed);
        Assert.True(s.Probes <= 2L * n, $"{s.Probes:N0} probes for {2 * n:N0} look-ups");
        Assert.All(s.Directives, x => Assert.True(x.Used));
        Assert.False(s.IsSuppressed("PL4004", 2));
    }

    [Fact]
    public void TheBlogCorpusIsFarBelowTheBudget()
    {
        string dir = SharedData.Require("corpus/hf-blog");
        long most = 0;
        string? worst = null;
        foreach (var path in Directory.EnumerateFiles(dir, "*.md", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(path);
            long total = ParseCost.Measure(bytes, MarkdownFile.SkipFrontMatter(bytes)).Total;
            if (total > most) { most = total; worst = path; }
        }
        Assert.True(most < ParseCost.Budget / 1000, $"{worst}: {most}");
    }

    [Fact]
    public void FindingsAreCappedPerRulePerFileWithACountOfTheRest()
    {
        // 12,500 duplicate headings: 12,499 PL4004 findings, of which the first 10,000 are kept.
        var d = LintVerifier.Lint("# Title\n\n" + Repeat("## Same\n\n", 12_500));
        Assert.Equal(10_000, d.Count(x => x.Id == "PL4004"));
        // The kept ones are the first in the document: headings on lines 5, 7, ... 20003.
        Assert.Equal(20_003, d.Where(x => x.Id == "PL4004").Max(x => x.Location.StartLine));
        var cap = Assert.Single(d, x => x.Id == "PL0009");
        Assert.Equal("PL4004 reported 12,499 findings in this file; the first 10,000 are shown and 2,499 more were left out", cap.Message);
        Assert.Equal(Severity.Info, cap.Severity);
        // Under the cap: no PL0009.
        Assert.DoesNotContain(LintVerifier.Lint("# Title\n\n" + Repeat("## Same\n\n", 10_001)), x => x.Id == "PL0009");
    }
}
