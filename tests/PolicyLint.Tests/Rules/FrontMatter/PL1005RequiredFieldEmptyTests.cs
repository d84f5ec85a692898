using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.FrontMatter;

public sealed class PL1005RequiredFieldEmptyTests
{
    private const string Config = "rules:\n  PL1003:\n    options:\n      fields: [title, owner, tags, \"authors[].user\"]\n";

    [Fact]
    public void EmptyValuesAreReportedOnTheEntry()
    {
        var d = LintVerifier.Verify("---\n{|PL1005:title: \"\"|}\n{|PL1005:owner:|}\n{|PL1005:tags: []|}\nauthors:\n  - user: a\n---\n", Config, rules: ["PL1005"]);
        Assert.Equal("Required field 'title' is a blank string; give it a value", d[0].Message);
        Assert.Equal("Required field 'owner' is empty; give it a value", d[1].Message);
        Assert.Equal("Required field 'tags' is an empty list; give it a value", d[2].Message);
    }

    [Fact]
    public void NullAndTildeAndEmptyItemsAndParents()
    {
        LintVerifier.Verify("---\ntitle: T\n{|PL1005:owner: ~|}\ntags: [x]\nauthors:\n  - {|PL1005:user:|}\n---\n", Config, rules: ["PL1005"]);
        LintVerifier.Verify("---\ntitle: T\nowner: o\ntags: [x]\n{|PL1005:authors:|}\n---\n", Config, rules: ["PL1005"]);
    }

    [Fact]
    public void OptionalEmptyFieldsAreFine()
    {
        LintVerifier.Verify("---\ntitle: T\nowner: o\ntags: [x]\nauthors: [{user: a}]\nsubtitle:\n---\n", Config, rules: ["PL1005"]);
    }

    [Fact]
    public void WorksWithCrlf()
    {
        LintVerifier.Verify("---\r\n{|PL1005:title:|}\r\nowner: o\r\ntags: [x]\r\nauthors: [{user: a}]\r\n---\r\n", Config, rules: ["PL1005"]);
    }
}
