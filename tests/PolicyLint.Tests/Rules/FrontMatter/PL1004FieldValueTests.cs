using System.Linq;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.FrontMatter;

public sealed class PL1004FieldValueTests
{
    private const string Config = """
        rules:
          PL1004:
            options:
              fields:
                title: { type: string, maxLength: 20 }
                authors: { type: list, minItems: 1, items: { type: map, fields: { user: { type: string, pattern: "^[a-z0-9-]+$" } } } }
                status: { enum: [draft, active, retired] }
                date: { type: date }
                count: number
                draft: boolean
                home: url
                contact: email
                meta: { type: map, fields: { level: { type: number } } }
        """;

    [Fact]
    public void EnumWithOneCloseMatchSuggestsAndFixes()
    {
        var d = LintVerifier.Verify("---\nstatus: {|PL1004:actve|}\n---\n", Config);
        Assert.Equal("Field 'status' is 'actve', which is not one of draft, active, retired; did you mean 'active'?", d[0].Message);
        Assert.True(d[0].Fix!.IsSafe);
        LintVerifier.VerifyFix("---\nstatus: actve\n---\n", "---\nstatus: active\n---\n", Config, rules: ["PL1004"]);
        LintVerifier.VerifyFix("---\nstatus: 'Retired'\n---\n", "---\nstatus: 'retired'\n---\n", Config, rules: ["PL1004"]);
        LintVerifier.VerifyFix("---\r\nstatus: \"drfat\"\r\n---\r\n", "---\r\nstatus: \"draft\"\r\n---\r\n", Config, rules: ["PL1004"]);
    }

    [Fact]
    public void EnumWithoutACloseMatchHasNoFix()
    {
        var d = LintVerifier.Verify("---\nstatus: {|PL1004:published|}\n---\n", Config);
        Assert.Equal("Field 'status' is 'published', which is not one of draft, active, retired", d[0].Message);
        Assert.Null(d[0].Fix);
    }

    [Fact]
    public void TypesFollowYamlCoreSchema()
    {
        var d = LintVerifier.Verify("""
            ---
            title: {|PL1004:true|}
            date: {|PL1004:next week|}
            count: {|PL1004:"12"|}
            draft: {|PL1004:yes|}
            home: {|PL1004:example.com|}
            contact: {|PL1004:bob at example.org|}
            authors: {|PL1004:alice|}
            ---
            """, Config);
        Assert.Equal("Field 'title' is true, a boolean, but it must be a string; quote it", d[0].Message);
        Assert.Equal("Field 'date' is 'next week', which is not an ISO 8601 date such as 2025-03-31", d[1].Message);
        Assert.Equal("Field 'authors' is 'alice', but it must be a list", d[6].Message);
    }

    [Fact]
    public void ValidValuesPass()
    {
        LintVerifier.Verify("""
            ---
            title: "2024"
            date: 2025-03-31T09:30:00+02:00
            count: 0x1F
            draft: false
            home: https://example.com/a?b=c
            contact: bob@example.org
            status: active
            authors:
              - user: alice-1
            meta: { level: -1.5e3 }
            ---
            """, Config, rules: ["PL1004"]);
    }

    [Fact]
    public void NestedValuesAreLocatedExactly()
    {
        var d = LintVerifier.Verify("---\r\nauthors:\r\n  - user: ok\r\n  - user: {|PL1004:Bad User|}\r\nmeta:\r\n  level: {|PL1004:high|}\r\n---\r\n", Config);
        Assert.Equal("Field 'authors[1].user' is 'Bad User', which does not match the pattern ^[a-z0-9-]+$", d[0].Message);
        Assert.Equal("Field 'meta.level' is 'high', which is not a number", d[1].Message);
    }

    [Fact]
    public void SizesAreChecked()
    {
        var d = LintVerifier.Verify("---\ntitle: {|PL1004:A title that is far too long|}\n{|PL1004:authors|}: []\n---\n", Config);
        Assert.Equal("Field 'title' is 28 characters long; the limit is 20", d[0].Message);
        Assert.Equal("Field 'authors' has 0 items; it needs at least 1", d[1].Message);
    }

    [Fact]
    public void LengthCountsWhatReadersSee()
    {
        LintVerifier.Verify("---\ntitle: \"👨‍👩‍👧‍👦 family of twenty\"\n---\n", Config, rules: ["PL1004"]);
    }

    [Fact]
    public void EmptyValuesAreLeftToPL1005()
    {
        LintVerifier.Verify("---\ntitle:\ndate: ~\n---\n", Config, rules: ["PL1004"]);
    }

    [Fact]
    public void TabsAndBlockScalarsAreLocated()
    {
        LintVerifier.Verify("---\nstatus:\t{|PL1004:actve|}\n{|PL1004:title|}: |\n  A block title\n  that is far too long\n---\n", Config);
    }

    [Fact]
    public void BadSpecIsAConfigurationError()
    {
        var e = LintVerifier.ConfigError("---\ntitle: x\n---\n", "rules:\n  PL1004:\n    options:\n      fields:\n        title: { type: text }\n");
        Assert.Contains("unknown type 'text'", e.Message);
        e = LintVerifier.ConfigError("---\ntitle: x\n---\n", "rules:\n  PL1004:\n    options:\n      fields:\n        title: { requird: true }\n");
        Assert.Contains("Unknown key 'requird'", e.Message);
    }

    [Fact]
    public void AliasesDoNotMultiplyWork()
    {
        var sb = new System.Text.StringBuilder("---\nstatus: actve\nx0: &a0 [{user: A}, {user: B}]\n");
        for (int i = 1; i < 12; i++) sb.Append($"x{i}: &a{i} [*a{i - 1}, *a{i - 1}]\n");
        sb.Append("authors: *a11\n---\n");
        var d = LintVerifier.Lint(sb.ToString(), Config);
        Assert.Contains(d, x => x.Id == "PL1004" && x.Message.StartsWith("Field 'status'"));
    }
}
