using System.Linq;
using System.Text;
using PolicyLint.Documents;
using PolicyLint.Engine;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.FrontMatter;

public sealed class PL1002InvalidFrontMatterTests
{
    [Fact]
    public void SyntaxErrorIsPositionedInTheFile()
    {
        var d = LintVerifier.Verify("---\ntitle: x\nkey: value{|PL1002::|} other\n---\n", rules: ["PL1002"]);
        Assert.StartsWith("Invalid YAML in front matter: ", d[0].Message);
        Assert.Equal(3, d[0].Location.StartLine);
    }

    [Fact]
    public void SyntaxErrorWithCrlfIsPositionedInTheFile()
    {
        var d = LintVerifier.Verify("---\r\ntitle: x\r\nkey: value{|PL1002::|} other\r\n---\r\n", rules: ["PL1002"]);
        Assert.Equal(3, d[0].Location.StartLine);
        Assert.Equal(11, d[0].Location.StartColumn);
    }

    [Fact]
    public void DuplicateKeyIsReportedAtTheSecondKeyWithTheFirstLine()
    {
        var d = LintVerifier.Verify("---\ntitle: a\nowner: b\n{|PL1002:title|}: c\n---\n", rules: ["PL1002"]);
        Assert.Equal("Invalid YAML in front matter: Duplicate key 'title' (first defined on line 2); a key may appear only once", d[0].Message);
    }

    [Fact]
    public void DuplicateKeyNestedAndWithCrlf()
    {
        LintVerifier.Verify("---\r\nmeta:\r\n  a: 1\r\n  {|PL1002:a|}: 2\r\n---\r\n", rules: ["PL1002"]);
    }

    [Fact]
    public void AliasValuesDoNotConfuseDuplicateKeyDetection()
    {
        LintVerifier.Verify("---\nbase: &b x\nfirst: *b\nx: 1\nsecond: *b\n1: y\n---\n", rules: ["PL1002"]);
    }

    [Fact]
    public void SameKeyInDifferentMapsIsFine()
    {
        LintVerifier.Verify("---\nauthors:\n  - user: a\n  - user: b\nuser: c\n---\n", rules: ["PL1002"]);
    }

    [Fact]
    public void TabIndentationIsLocatedOnTheTab()
    {
        var d = LintVerifier.Verify("---\ntitle: x\nmeta:\n{|PL1002:\t|}owner: y\n---\n", rules: ["PL1002"]);
        Assert.Contains("tab", d[0].Message);
    }

    [Fact]
    public void TabAfterColonIsValid()
    {
        LintVerifier.Verify("---\ntitle:\tx\n---\n", rules: ["PL1002"]);
    }

    [Theory]
    [InlineData("title: \"x\" ")]
    [InlineData("title: 'x' ")]
    [InlineData("base: &a 1\ntitle: \"x\" ")]
    public void AnAliasAfterAValueIsALocatedErrorAndTheBodyIsStillLinted(string before)
    {
        // YamlDotNet's loader threw an ArgumentException without a position here: the file was reported unreadable (PL0001)
        // and its body went unlinted.
        var d = LintVerifier.Verify("---\n" + before + "{|PL1002:*a|}\n---\n# T\n", rules: ["PL1002"]);
        Assert.Equal("Invalid YAML in front matter: The alias '*a' follows a value, where a key is expected; an alias stands for a whole value (put it alone after the key, or quote the text)", d[0].Message);
        var all = LintVerifier.Lint("---\n" + before + "*a\n---\n# T\n\n### Jump\n");
        int line = before.Split('\n').Length + 1;
        Assert.Equal([$"PL1002 ({line},{before.Length - before.LastIndexOf('\n')})", "PL4001 (" + (line + 4) + ",1): Heading level jumps from H1 to H3; expected H2"],
            all.Select(x => x.Id == "PL1002" ? $"{x.Id} ({x.Location.StartLine},{x.Location.StartColumn})" : $"{x.Id} ({x.Location.StartLine},{x.Location.StartColumn}): {x.Message}").ToArray());
    }

    [Fact]
    public void UnknownAliasIsLocatedOnTheAlias()
    {
        LintVerifier.Verify("---\ntitle: x\nowner: {|PL1002:*nope|}\n---\n", rules: ["PL1002"]);
    }

    [Fact]
    public void UnterminatedFlowListIsReportedNotThrown()
    {
        // YamlDotNet throws a bare InvalidOperationException here; the finding goes on the opening fence.
        var d = LintVerifier.Verify("{|PL1002:---|}\nbad: [unclosed\nnext: 1\n---\n", rules: ["PL1002"]);
        Assert.Contains("unterminated", d[0].Message);
    }

    [Fact]
    public void RootMustBeAMap()
    {
        var d = LintVerifier.Verify("---\n{|PL1002:- a|}\n- b\n---\n", rules: ["PL1002"]);
        Assert.Equal("Front matter must be a map of 'key: value' fields, not a list", d[0].Message);
        LintVerifier.Verify("---\n{|PL1002:just text|}\n---\n", rules: ["PL1002"]);
    }

    [Fact]
    public void EmptyBlockIsNotInvalid()
    {
        LintVerifier.Verify("---\n---\n# T\n", rules: ["PL1002"]);
        LintVerifier.Verify("---\n\n...\n# T\n", rules: ["PL1002"]);
    }

    [Fact]
    public void UnclosedBlock()
    {
        var d = LintVerifier.Verify("{|PL1002:---|}\ntitle: x\n\n# T\n", rules: ["PL1002"]);
        Assert.Equal("Front matter opened with '---' is never closed; add a '---' line after the last field", d[0].Message);
    }

    [Fact]
    public void DotsCloseTheBlock()
    {
        LintVerifier.Verify("---\ntitle: x\n...\n# T\n", rules: ["PL1002"]);
    }

    [Fact]
    public void NotAtStartIsReportedWithASafeFix()
    {
        LintVerifier.Verify("\n\n{|PL1002:---|}\ntitle: x\n---\n# T\n", rules: ["PL1002"]);
        LintVerifier.VerifyFix("\n\n---\ntitle: x\n---\n# T\n", "---\ntitle: x\n---\n# T\n", rules: ["PL1002"]);
    }

    [Fact]
    public async System.Threading.Tasks.Task BomBeforeTheFenceIsReportedOnceByPL2007()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes("---\ntitle: x\n---\n# x\n")).ToArray();
        var result = await new LintEngine().LintAsync(new LintRequest
        {
            Paths = [], Documents = [new InMemoryDocument("doc.md", bytes)], DiscoverConfiguration = false, ConfigText = "",
            BaseDirectory = LintVerifier.NeutralDirectory, LoadPlugins = false,
        }, cancellationToken: TestContext.Current.CancellationToken);
        // One BOM, one finding: PL1002 leaves it to PL2007, whose message says what it does to the front matter.
        Assert.DoesNotContain(result.Diagnostics, x => x.Id == "PL1002");
        var d = Assert.Single(result.Diagnostics, x => x.Id == "PL2007");
        Assert.Equal((0, 0), (d.Location.Span.Start, d.Location.Span.Length));
        Assert.Equal("The file starts with a UTF-8 byte-order mark, so its front matter's '---' is not at the very start and some site generators miss it; save it as UTF-8 without BOM", d.Message);
        Assert.Null(d.Fix);
    }

    [Fact]
    public void BillionLaughsFinishesWithAnAliasFinding()
    {
        var sb = new StringBuilder("---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 9; i++)
            sb.Append($"a{i}: &a{i} [" + string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10)) + "]\n");
        sb.Append("---\n# T\n");
        var d = LintVerifier.Lint(sb.ToString()).Where(x => x.Id == "PL1002").ToList();
        var single = Assert.Single(d);
        Assert.Contains("aliases expand to more than 100,000 nodes", single.Message);
        Assert.Equal(6, single.Location.StartLine); // a4: its ten aliases stand for 111,110 nodes
    }

    [Fact]
    public void ManyAliasesAreRefused()
    {
        var sb = new StringBuilder("---\nx: &x 1\nlist:\n");
        for (int i = 0; i < 150; i++) sb.Append("  - *x\n");
        sb.Append("---\n");
        var d = Assert.Single(LintVerifier.Lint(sb.ToString()), x => x.Id == "PL1002");
        Assert.Contains("more than 100 aliases", d.Message);
    }

    [Fact]
    public void DeepNestingIsRefused()
    {
        string yaml = "---\nx: " + new string('[', 5000) + new string(']', 5000) + "\n---\n";
        var d = Assert.Single(LintVerifier.Lint(yaml), x => x.Id == "PL1002");
        Assert.Contains("nested more than 64 levels", d.Message);
        var block = new StringBuilder("---\n");
        for (int i = 0; i < 100; i++) block.Append(new string(' ', 2 * i)).Append("k").Append(i).Append(":\n");
        block.Append("---\n");
        Assert.Contains("nested more than 64 levels", Assert.Single(LintVerifier.Lint(block.ToString()), x => x.Id == "PL1002").Message);
    }

    [Fact]
    public void HugeFrontMatterIsParsed()
    {
        var sb = new StringBuilder("---\ntitle: x\n");
        for (int i = 0; i < 50_000; i++) sb.Append("key").Append(i).Append(": value number ").Append(i).Append('\n');
        sb.Append("---\n# x\n");
        var file = MarkdownFile.FromText("big.md", sb.ToString());
        Assert.Null(file.FrontMatter.Error);
        Assert.Equal(50_001, file.FrontMatter.Mapping!.Children.Count);
        Assert.DoesNotContain(LintVerifier.Lint(sb.ToString()), x => x.Id.StartsWith("PL1"));
    }
}
