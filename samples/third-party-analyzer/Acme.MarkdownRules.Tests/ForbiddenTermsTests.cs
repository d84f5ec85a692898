using System.Linq;
using Acme.MarkdownRules;
using PolicyLint.Testing;

namespace Acme.MarkdownRules.Tests;

/// <summary>ACME1001 with PolicyLint.Testing: marked spans, exact messages, fixes that re-lint clean, and options errors.</summary>
public sealed class ForbiddenTermsTests
{
    private static MarkdownVerifier Verifier(string? config = null) =>
        new() { Analyzers = [new ForbiddenTermsAnalyzer()], IncludeBuiltIns = false, Config = config };

    private static string Options(string yaml) => "rules:\n  ACME1001:\n    options:\n" + yaml;

    [Fact]
    public void TheDefaultTermIsDraftAsAWholeWordInAnyCase() =>
        Verifier().Verify("# Plan\n\nThis {|ACME1001:draft|} is *{|ACME1001:DRAFT|}*; a DRAFTSMAN and `DRAFT` in code are fine.\n",
            messages: ["'draft' must not be published", "'DRAFT' must not be published"]);

    [Fact]
    public void ConfiguredTermsCaseAndReason() =>
        Verifier(Options("      terms: [Falcon, TBD]\n      caseSensitive: true\n      reason: not for customers\n"))
            .Verify("# Release\n\n{|ACME1001:Falcon|} ships tbd; falcon and DRAFT are fine, {|ACME1001:TBD|} is not.\n",
                messages: ["'Falcon' must not be published: not for customers", "'TBD' must not be published: not for customers"]);

    [Fact]
    public void AReplacementIsASafeFixAndTheFixedTextIsClean()
    {
        var verifier = Verifier(Options("      terms: [Project Falcon]\n      replacements:\n        Project Falcon: the new app\n"));
        var d = verifier.Verify("# News\n\nTry {|ACME1001:project falcon|} today.\n", messages: ["'project falcon' must not be published; write 'the new app'"]);
        Assert.Equal("Replace 'project falcon' with 'the new app'", d[0].Fix!.Title);
        verifier.VerifyFix("# News\n\nTry project falcon today.\n", "# News\n\nTry the new app today.\n");
    }

    [Fact]
    public void MaxPerDocumentAndIgnoredHeadings() =>
        Verifier(Options("      maxPerDocument: 2\n      ignore:\n        headings: true\n"))
            .Verify("# DRAFT plan\n\n{|ACME1001:DRAFT|} one, {|ACME1001:DRAFT|} two, DRAFT three.\n");

    [Theory]
    [InlineData("      maxPerDocument: lots\n", 4, 23, "Option 'maxPerDocument' must be a whole number, not 'lots'")]
    [InlineData("      maxPerDocument: 0\n", 4, 23, "Option 'maxPerDocument' must be at least 1, not 0")]
    [InlineData("      caseSensitive: sometimes\n", 4, 22, "'caseSensitive' must be true or false, not 'sometimes'")]
    [InlineData("      terms: [DRAFT]\n      replacements: { TBD: later }\n", 5, 21, "Option 'replacements' names 'TBD', which is not one of the terms")]
    [InlineData("      ignore:\n        code: true\n", 5, 15, "Unknown key 'ignore.code'; use 'headings'")]
    public void AWrongOptionIsAConfigurationErrorAtItsLineAndColumn(string yaml, int line, int column, string message)
    {
        // PolicyLint stops the run with one configuration error at the value's line and column (the tool exits with 2); the
        // in-memory configuration of MarkdownVerifier is called '<configuration>'.
        var e = Assert.Throws<PolicyLint.Configuration.ConfigurationException>(() => Verifier(Options(yaml)).Lint("# Plan\n\nDRAFT.\n"));
        Assert.Equal($"<configuration>({line},{column}): Invalid options for ACME1001 (forbidden-terms): {message}", e.Message);
    }

    [Fact]
    public void TheHelpLinkIsTheAuthorsOwn()
    {
        Assert.Equal("https://docs.acme.example/markdown-rules/ACME1001", ForbiddenTermsAnalyzer.Rule.HelpLink);
        Assert.Null(HeadingLengthAnalyzer.Rule.HelpLink);
    }
}
