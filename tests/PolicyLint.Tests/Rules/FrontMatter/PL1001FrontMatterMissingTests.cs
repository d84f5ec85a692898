using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.FrontMatter;

public sealed class PL1001FrontMatterMissingTests
{
    private const string Config = "rules:\n  PL1003:\n    options:\n      fields: [title, \"authors[].user\"]\n";

    [Fact]
    public void ReportsOnTheFirstLineAndNamesTopLevelFields()
    {
        var d = LintVerifier.Verify("{|PL1001:# Travel policy|}\n\nText.\n", Config, rules: ["PL1001", "PL1003"]);
        Assert.Equal("The document has no front matter, but the policy requires 'title', 'authors'; add a '---' block at the very top", d[0].Message);
    }

    [Fact]
    public void SilentWithoutRequiredFieldsOrWithABrokenBlock()
    {
        LintVerifier.Verify("# Travel policy\n", rules: ["PL1001"]);
        LintVerifier.Verify("\n---\ntitle: x\n---\n", Config, rules: ["PL1001"]);
        LintVerifier.Verify("---\ntitle: x\n", Config, rules: ["PL1001"]);
    }

    [Fact]
    public void SpecRequiredFieldsCountOnlyAtTopLevel()
    {
        const string config = "rules:\n  PL1004:\n    options:\n      fields:\n        authors: { items: { fields: { user: { required: true } } } }\n";
        LintVerifier.Verify("# T\n", config, rules: ["PL1001"]);
        LintVerifier.Verify("{|PL1001:# T|}\n", "rules:\n  PL1004:\n    options:\n      fields:\n        owner: { required: true }\n", rules: ["PL1001"]);
    }

    [Fact]
    public void EmptyFileIsReportedWithAnEmptySpan()
    {
        LintVerifier.Verify("{|PL1001:|}", Config, rules: ["PL1001"]);
    }
}
