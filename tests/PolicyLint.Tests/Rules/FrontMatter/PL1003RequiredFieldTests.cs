using System;
using System.Linq;
using System.Threading.Tasks;
using PolicyLint.Engine;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.FrontMatter;

public sealed class PL1003RequiredFieldTests
{
    private const string Config = "rules:\n  PL1003:\n    options:\n      fields: [title, \"authors[].user\", meta.owner]\n";

    [Fact]
    public void MissingTopLevelFieldsAreReportedOnTheOpeningFence()
    {
        var d = LintVerifier.Verify("{|PL1003:{|PL1003:{|PL1003:---|}|}|}\nother: 1\n---\n", Config);
        Assert.Equal(["Front matter is missing required field 'authors'", "Front matter is missing required field 'meta'",
            "Front matter is missing required field 'title'"], d.Select(x => x.Message).OrderBy(m => m, StringComparer.Ordinal));
    }

    [Fact]
    public void MissingItemFieldIsReportedOnTheItemWithItsIndex()
    {
        var d = LintVerifier.Verify("---\ntitle: T\nmeta:\n  owner: x\nauthors:\n  - user: alice\n  - {|PL1003:name: Bob|}\n    email: b@x.org\n---\n", Config);
        Assert.Equal("Front matter is missing required field 'authors[1].user'", d[0].Message);
    }

    [Fact]
    public void MissingNestedFieldIsReportedOnTheParentKey()
    {
        var d = LintVerifier.Verify("---\ntitle: T\nauthors: [{user: a}]\n{|PL1003:meta|}:\n  team: x\n---\n", Config);
        Assert.Equal("Front matter is missing required field 'meta.owner'", d[0].Message);
    }

    [Fact]
    public void WrongShapesAreLeftToPL1004()
    {
        LintVerifier.Verify("---\ntitle: T\nauthors: alice\nmeta: x\n---\n", Config, rules: ["PL1003"]);
    }

    [Fact]
    public void EmptyBlockMissesEverything()
    {
        LintVerifier.Verify("{|PL1003:---|}\n---\n", "rules:\n  PL1003:\n    options:\n      fields: [title]\n");
    }

    [Fact]
    public void SpecRequiredFieldsAreRequiredOnlyWhereTheirParentExists()
    {
        const string config = "rules:\n  PL1004:\n    options:\n      fields:\n        title: { required: true }\n        authors: { items: { fields: { user: { required: true } } } }\n";
        LintVerifier.Verify("{|PL1003:---|}\nother: 1\n---\n", config);
        LintVerifier.Verify("---\ntitle: T\nauthors:\n  - {|PL1003:name: x|}\n---\n", config);
    }

    [Fact]
    public async Task OverridesSetFieldsPerFolder()
    {
        using var t = new TempTree();
        t.Write(".policylint.yml", "rules:\n  PL1003:\n    options:\n      fields: [title]\noverrides:\n  - files: [\"policies/**\"]\n    rules:\n      PL1003:\n        options:\n          fields: [title, owner]\n");
        t.Write("blog/a.md", "---\ntitle: T\n---\n");
        t.Write("policies/b.md", "---\ntitle: T\n---\n");
        var result = await new LintEngine().LintAsync(new LintRequest { Paths = ["."], BaseDirectory = t.Root, RootDirectory = t.Root },
            cancellationToken: TestContext.Current.CancellationToken);
        var d = Assert.Single(result.Diagnostics, x => x.Id == "PL1003");
        Assert.Equal("policies/b.md", d.Location.Path);
        Assert.Equal("Front matter is missing required field 'owner'", d.Message);
    }

    [Fact]
    public void BadPathIsAConfigurationError()
    {
        var e = LintVerifier.ConfigError("---\ntitle: T\n---\n", "rules:\n  PL1003:\n    options:\n      fields: [\"authors[x]\"]\n");
        Assert.Contains("is not a field path", e.Message);
    }
}
