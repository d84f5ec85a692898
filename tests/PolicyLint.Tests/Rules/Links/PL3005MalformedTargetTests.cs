using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Links;

public sealed class PL3005MalformedTargetTests
{
    private static readonly string[] Rule = ["PL3005"];

    [Fact]
    public void ExtraParenthesesGetASafeFix()
    {
        var d = LintVerifier.Verify("[matching o1-mini]({|PL3005:(https://allenai.org/blog/olmo2-32B)|})\n", rules: Rule);
        Assert.Equal("Link target '(https://allenai.org/blog/olmo2-32B)' is wrapped in an extra pair of parentheses, so the link points at " +
            "'(https://allenai.org/blog/olmo2-32B)' instead of 'https://allenai.org/blog/olmo2-32B'; remove the inner pair", d[0].Message);
        Assert.True(d[0].Fix!.IsSafe);
        LintVerifier.VerifyFix("[m]((https://x.example/a))\n", "[m](https://x.example/a)\n", rules: Rule);
    }

    [Theory]
    [InlineData("[a]({|PL3005:www.example.com|})", "looks like a web address without 'https://'")]
    [InlineData("[a]({|PL3005:docs.example.ai/x|})", "looks like a web address without 'https://'")]
    [InlineData("[a]({|PL3005:molstar.org|})", "looks like a web address without 'https://'")]
    [InlineData("[a]({|PL3005:[https://doi.org/10.1/x|})", "contains Markdown link syntax")]
    [InlineData("[a]({|PL3005:FILL%20ME|})", "is a placeholder")]
    [InlineData("[a]({|PL3005:http:/example.com|})", "has a broken scheme")]
    [InlineData("[a]({|PL3005:https//example.com|})", "has a broken scheme")]
    [InlineData("[a]({|PL3005:jane@example.org|})", "is an e-mail address without 'mailto:'")]
    [InlineData("[a]({|PL3005:FILL ME|})", "is a placeholder")]
    [InlineData("[a]({|PL3005:TODO|})", "is a placeholder")]
    [InlineData("[a]({|PL3005:javascript:alert(1)|})", "is a javascript: URL")]
    [InlineData("<a href=\"{|PL3005:JavaScript:void(0)|}\">x</a>", "is a javascript: URL")]
    [InlineData("[a]({|PL3005:https://example.com/a b|})", "contains a space")]
    [InlineData("See {|PL3005:[https://example.com/x|} for more.", "opens a '[' that is never closed")]
    public void MalformedTargets(string markup, string expected)
    {
        var d = LintVerifier.Verify(markup + "\n", rules: Rule);
        Assert.Contains(expected, d[0].Message);
    }

    [Theory]
    [InlineData("[a](https://example.com) [b](./config.json) [c](README.md) [d](v1.2.3/notes.md) [e](mailto:a@b.org)")]
    [InlineData("[a](<https://img.shields.io/badge/a b>) <img src=\"https://x.example/a b.png\" alt=\"x\">")]
    [InlineData("[//]: # (a comment)")]
    [InlineData("[a](https://example.com \"a title\") and [b](https://example.com 'title')")]
    [InlineData("[https://example.com](https://example.com) and [see https://example.com]")]
    [InlineData("`[https://example.com` in code")]
    public void WellFormedTargets(string markdown) => LintVerifier.Verify(markdown + "\n", rules: Rule);

    [Fact]
    public void AFileNamedLikeADomainIsNotMalformed()
    {
        using var t = new TempTree();
        t.Write("www.example.com/index.md", "# x\n");
        LintVerifier.Verify("[a](www.example.com/index.md)\n", rules: Rule, path: t.Path_("doc.md"), baseDirectory: t.Root);
    }

    [Fact]
    public void PlaceholdersAreConfigurable()
    {
        LintVerifier.Verify("[a](#) [b]({|PL3005:LINK|})\n", config: "rules:\n  PL3005:\n    options:\n      placeholders: [link]\n", rules: Rule);
    }
}
