using System.Linq;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.FrontMatter;

public sealed class FrontMatterPacksTests
{
    [Fact]
    public void RecommendedRequiresTitle()
    {
        LintVerifier.Verify("{|PL1003:---|}\nowner: x\n---\n", "extends: recommended\n", rules: ["PL1003"]);
        LintVerifier.Verify("{|PL1001:# T|}\n", "extends: recommended\n", rules: ["PL1001"]);
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/readme.md")]
    [InlineData("LICENSE.md")]
    [InlineData("CONTRIBUTING.md")]
    [InlineData("CODE_OF_CONDUCT.md")]
    [InlineData("SECURITY.md")]
    [InlineData("CHANGELOG.md")]
    [InlineData("AGENTS.md")]
    [InlineData(".github/PULL_REQUEST_TEMPLATE.md")]
    [InlineData("site/_includes/footer.md")]
    [InlineData("docs/_common/note.md")]
    [InlineData("docs/includes/note.md")]
    [InlineData("layouts/partials/note.md")]
    [InlineData("docs/snippets/note.md")]
    public void RecommendedDoesNotRequireFrontMatterWhereFilesHaveNone(string path)
    {
        using var t = new TempTree();
        LintVerifier.Verify("# T\n", "extends: recommended\n", path: t.Path_(path), baseDirectory: t.Root, rules: ["PL1001", "PL1003"]);
        LintVerifier.Verify("---\nowner: x\n---\n# T\n", "extends: recommended\n", path: t.Path_(path), baseDirectory: t.Root, rules: ["PL1001", "PL1003"]);
    }

    [Fact]
    public void RecommendedStillRequiresFrontMatterElsewhereAndYourOwnSettingWins()
    {
        using var t = new TempTree();
        LintVerifier.Verify("{|PL1001:# T|}\n", "extends: recommended\n", path: t.Path_("docs/guide.md"), baseDirectory: t.Root, rules: ["PL1001", "PL1003"]);
        LintVerifier.Verify("{|PL1001:# T|}\n", "extends: recommended\n", path: t.Path_("docs/readme-first/guide.md"), baseDirectory: t.Root, rules: ["PL1001"]);
        LintVerifier.Verify("{|PL1001:# T|}\n", "extends: recommended\nrules:\n  PL1001: error\n", path: t.Path_("README.md"), baseDirectory: t.Root, rules: ["PL1001"]);
    }

    [Fact]
    public void BlogPostPack()
    {
        using var t = new TempTree();
        t.Write("assets/a/thumb.png", "");
        const string config = "extends: blog-post\nsiteRoots: { \"/blog/\": \".\" }\n";
        LintVerifier.Verify("---\ntitle: Post\nthumbnail: /blog/assets/a/thumb.png\nauthors:\n  - user: alice\n---\n\n# Post\n", config,
            path: t.Path_("post.md"), baseDirectory: t.Root, rules: ["PL1001", "PL1002", "PL1003", "PL1004", "PL1005", "PL1006", "PL1007"]);
        LintVerifier.Verify("---\ntitle: {|PL1007:Post|}\nthumbnail: {|PL1006:/blog/assets/a/none.png|}\nauthors:\n  - {|PL1003:name: alice|}\n---\n\n# Other\n", config,
            path: t.Path_("post.md"), baseDirectory: t.Root, rules: ["PL1001", "PL1002", "PL1003", "PL1004", "PL1005", "PL1006", "PL1007"]);
        LintVerifier.Verify("{|PL1003:---|}\ntitle: Post\n{|PL1004:authors|}: []\n---\n", config,
            path: t.Path_("post.md"), baseDirectory: t.Root, rules: ["PL1003", "PL1004"]);
    }

    [Fact]
    public void PolicyPack()
    {
        const string good = "---\ntitle: P\nowner: o\neffective_date: 2025-01-01\nreview_by: 2027-01-01\nstatus: active\n---\n# P\n";
        Assert.DoesNotContain(LintVerifier.Lint(good, "extends: policy\n"), d => d.Id.StartsWith("PL1"));
        var d = LintVerifier.Verify("---\ntitle: P\nowner: o\neffective_date: {|PL1004:January|}\nreview_by: {|PL1008:2026-01-01|}\nstatus: {|PL1004:retierd|}\n---\n# P\n",
            "extends: policy\n", rules: ["PL1003", "PL1004", "PL1005", "PL1008"]);
        Assert.EndsWith("did you mean 'retired'?", d.Last().Message);
        LintVerifier.Verify("{|PL1003:{|PL1003:{|PL1003:{|PL1003:---|}|}|}|}\ntitle: P\n---\n", "extends: policy\n", rules: ["PL1003"]);
    }
}
