using Acme.MarkdownRules;
using PolicyLint.Testing;

namespace Acme.MarkdownRules.Tests;

public sealed class HeadingLengthTests
{
    private static MarkdownVerifier Verifier(string? config = null) =>
        new() { Analyzers = [new HeadingLengthAnalyzer()], IncludeBuiltIns = false, Config = config };

    [Fact]
    public void AHeadingOverTheLimitIsReported() =>
        Verifier("rules:\n  ACME1002:\n    options:\n      maxLength: 12\n")
            .Verify("# Short title\n\n{|ACME1002:## A heading that is far too long|}\n", messages: ["Heading is 30 characters long; keep it to 12"]);

    [Fact]
    public void TheDefaultIsEightyCharacters() =>
        Verifier().Verify("# " + new string('x', 80) + "\n\n{|ACME1002:## " + new string('y', 81) + "|}\n");
}
