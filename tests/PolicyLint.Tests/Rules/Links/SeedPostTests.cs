using System.IO;
using System.Linq;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.Links;

/// <summary>The real policy post with a double-parenthesis link and "here" as link text.</summary>
public sealed class SeedPostTests
{
    [Fact]
    public void DoubleParenthesesAndHereAreReportedAndTheSafeFixRepairsTheLink()
    {
        string text = File.ReadAllText(SharedData.Require("seed/ai-action-plan.md"));
        var d = LintVerifier.Lint(text, path: "ai-action-plan.md");
        var parens = Assert.Single(d, x => x.Id == "PL3005");
        Assert.Contains("'(https://allenai.org/blog/olmo2-32B)' is wrapped in an extra pair of parentheses", parens.Message);
        Assert.True(parens.Fix!.IsSafe);
        string fixedText = parens.Fix.ApplyTo(text);
        Assert.Contains("[matching o1-mini performances](https://allenai.org/blog/olmo2-32B)", fixedText);
        Assert.DoesNotContain(LintVerifier.Lint(fixedText, path: "ai-action-plan.md"), x => x.Id == "PL3005");
        var here = Assert.Single(d, x => x.Id == "PL3007");
        Assert.StartsWith("Link text 'here'", here.Message);
        Assert.DoesNotContain(d, x => x.Id is "PL3001" or "PL3003");
    }
}
