using System.Linq;
using PolicyLint.Documents;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Documents;

/// <summary>Hugo's TOML (<c>+++</c>) and JSON front matter, read with every key's and value's position, as YAML front matter is.</summary>
public sealed class TomlFrontMatterTests
{
    [Fact]
    public void TomlKeysAndValuesKeepTheirPositions()
    {
        var file = MarkdownFile.FromText("post.md", "+++\ntitle = \"Hello\"\ndate = 2024-01-02T10:00:00Z\ntags = [\"a\", \"b\"]\n[params]\n  hidden = true\n+++\n\n# Hello\n");
        var fm = file.FrontMatter;
        Assert.Equal(FrontMatterKind.Present, fm.Kind);
        Assert.Equal(FrontMatterFormat.Toml, fm.Format);
        Assert.Null(fm.Error);
        var title = fm.Fields!.Entries.Single(e => e.Key.AsString("key") == "title").Value;
        Assert.Equal("Hello", title.AsString("title"));
        Assert.Equal(2, title.Location.Line);
        Assert.Equal(9, title.Location.Column);
        Assert.Equal("\"Hello\"", file.GetText(title.Location.Span));
        Assert.Equal(["a", "b"], fm.Fields.Entries.Single(e => e.Key.AsString("key") == "tags").Value.AsStringList("tags"));
        // Tables have no same-layout YAML form: their keys are not read, the top-level ones are.
        Assert.DoesNotContain(fm.Fields.Entries, e => e.Key.AsString("key") is "params" or "hidden");
        // The block is not Markdown: the first heading is the document's.
        Assert.Equal("Hello", file.Headings.Single().PlainText);
    }

    [Fact]
    public void JsonFrontMatterIsAnObjectAtTheStart()
    {
        var file = MarkdownFile.FromText("post.md", "{\n  \"title\": \"Hello\",\n  \"draft\": false\n}\n\n# Hello\n");
        Assert.Equal(FrontMatterFormat.Json, file.FrontMatter.Format);
        var title = file.FrontMatter.Fields!.Entries.Single(e => e.Key.AsString("key") == "title").Value;
        Assert.Equal(2, title.Location.Line);
        Assert.Equal("\"Hello\"", file.GetText(title.Location.Span));
        Assert.Single(file.Headings);
        // A brace that opens no parsable object is the document's text.
        Assert.Equal(FrontMatterKind.None, MarkdownFile.FromText("x.md", "{\nnot json at all: [\n}\n").FrontMatter.Kind);
    }

    [Fact]
    public void FrontMatterRulesWorkOnToml()
    {
        var d = LintVerifier.Verify("{|PL1003:+++|}\ntitle = \"x\"\n+++\n\n# X\n", config: "rules:\n  PL1003:\n    options:\n      fields: [title, date]\n", rules: ["PL1003"]);
        Assert.Equal("Front matter is missing required field 'date'", d[0].Message);
    }
}
