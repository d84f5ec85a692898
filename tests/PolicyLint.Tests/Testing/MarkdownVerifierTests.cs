using System.Collections.Immutable;
using Markdig.Syntax.Inlines;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Testing;

namespace PolicyLint.Tests.Testing;

/// <summary>The testing package catches each way an analyzer can be wrong (the rule tests show it accepts what is right).</summary>
public sealed class MarkdownVerifierTests
{
    [MarkdownAnalyzer]
    public sealed class NoDraft : MarkdownAnalyzer
    {
        public static readonly RuleDescriptor Rule = RuleDescriptor.Create("ACME1001", "no-draft", "No DRAFT marks",
            "Remove the '{0}' mark", RuleCategory.Custom, Severity.Warning, hasFix: true, options: "unsafeFix");

        public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

        public override void Initialize(AnalysisContext context) => context.RegisterNodeAction<LiteralInline>(c =>
        {
            string text = c.Node.Content.ToString();
            bool isSafe = !c.GetOptions(Rule).GetBool("unsafeFix", false);
            for (int i = text.IndexOf("DRAFT", System.StringComparison.Ordinal); i >= 0; i = text.IndexOf("DRAFT", i + 5, System.StringComparison.Ordinal))
            {
                var span = new TextSpan(c.Node.Span.Start + i, 5);
                c.Report(Rule, span, Fix.Replace("Remove the mark", span, "", isSafe), "DRAFT");
            }
        });
    }

    private static readonly MarkdownVerifier Verifier = new() { Analyzers = [new NoDraft()], IncludeBuiltIns = false };

    [Fact]
    public void AcceptsExactSpansAndMessages()
    {
        var d = Verifier.Verify("A {|ACME1001:DRAFT|} and {|ACME1001:DRAFT|}.\n", messages: ["Remove the 'DRAFT' mark", "Remove the 'DRAFT' mark"]);
        Assert.Equal(2, d.Length);
    }

    [Theory]
    [InlineData("A DRAFT.\n")]                       // reported but not marked
    [InlineData("A {|ACME1001:DRAF|}T.\n")]          // span one character short
    [InlineData("{|ACME1001:A|} clean line.\n")]     // marked but not reported
    public void RejectsAWrongOrMissingSpan(string markup) =>
        Assert.Throws<VerificationException>(() => Verifier.Verify(markup));

    [Fact]
    public void RejectsAWrongMessage()
    {
        var ex = Assert.Throws<VerificationException>(() => Verifier.Verify("A {|ACME1001:DRAFT|}.\n", messages: ["Remove 'DRAFT'"]));
        Assert.Contains("Remove the 'DRAFT' mark", ex.Message);
    }

    [Fact]
    public void ChecksTheFixedTextAndThatItReLintsClean()
    {
        Assert.Equal("A  here.\n", Verifier.VerifyFix("A DRAFT here.\n", "A  here.\n"));
        Assert.Throws<VerificationException>(() => Verifier.VerifyFix("A DRAFT here.\n", "A here.\n"));
        // Removing the middle DRAFT of DRADRAFTFT joins the rest into a new DRAFT: fixed again on the next pass, so clean in the end.
        Assert.Equal("A  here.\n", Verifier.VerifyFix("A DRADRAFTFT here.\n", "A  here.\n"));
    }

    [Fact]
    public void WhatTheFixesLeaveMustBeMarkedInTheExpectedText()
    {
        var unsafeFix = new MarkdownVerifier { Analyzers = [new NoDraft()], IncludeBuiltIns = false, Config = "rules:\n  ACME1001:\n    options:\n      unsafeFix: true\n" };
        var ex = Assert.Throws<VerificationException>(() => unsafeFix.VerifyFix("A DRAFT.\n", "A DRAFT.\n"));
        Assert.StartsWith("The fixed text does not re-lint as expected.", ex.Message);
        Assert.Equal("A DRAFT.\n", unsafeFix.VerifyFix("A DRAFT.\n", "A {|ACME1001:DRAFT|}.\n"));
        unsafeFix.IncludeUnsafeFixes = true;
        Assert.Equal("A .\n", unsafeFix.VerifyFix("A DRAFT.\n", "A .\n"));
    }

    [Fact]
    public void MarkupNestsAndMustBeClosed()
    {
        var (text, spans) = SpanMarkup.Parse("x {|ACME1001:{|ACME1002:y|}|} z");
        Assert.Equal("x y z", text);
        Assert.Equal([new MarkedSpan("ACME1001", 2, 3), new MarkedSpan("ACME1002", 2, 3)], spans);
        Assert.Throws<System.ArgumentException>(() => SpanMarkup.Parse("{|ACME1001:open"));
    }
}
