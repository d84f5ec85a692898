using System.Linq;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Rules.FrontMatter;

public sealed class PL1004SchemaTests
{
    private const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "required": ["title", "owner"],
          "properties": {
            "title": { "type": "string" },
            "draft": { "type": "boolean" },
            "version": { "type": "integer" },
            "date": { "type": "string" },
            "tags": { "type": "array", "items": { "type": "string", "enum": ["a", "b"] } }
          }
        }
        """;

    private static string Config => "rules:\n  PL1004:\n    options:\n      schema: schemas/fm.json\n";

    [Fact]
    public void ErrorsAreLocatedOnTheValueTheirPointerNames()
    {
        using var t = new TempTree();
        t.Write("schemas/fm.json", Schema);
        t.Write(".policylint.yml", Config);
        var d = LintVerifier.Verify("""
            ---
            title: T
            owner: me
            draft: {|PL1004:"true"|}
            version: {|PL1004:1.5|}
            date: 2025-03-31
            tags: [a, {|PL1004:c|}]
            ---
            """, config: Config, path: t.Path_("doc.md"), baseDirectory: t.Root, rules: ["PL1004"]);
        Assert.StartsWith("Field 'draft' does not match the schema (type): ", d[0].Message);
        Assert.StartsWith("Field 'tags[1]' does not match the schema (enum): ", d[2].Message);
    }

    [Fact]
    public void RootErrorsAreOnTheOpeningFence()
    {
        using var t = new TempTree();
        t.Write("schemas/fm.json", Schema);
        var d = LintVerifier.Verify("{|PL1004:---|}\ntitle: T\ndraft: true\n---\n", config: Config, path: t.Path_("doc.md"), baseDirectory: t.Root, rules: ["PL1004"]);
        Assert.StartsWith("Front matter does not match the schema (required): ", d[0].Message);
        Assert.Contains("owner", d[0].Message);
    }

    [Fact]
    public async System.Threading.Tasks.Task SchemaPathIsRelativeToTheConfigurationFile()
    {
        using var t = new TempTree();
        t.Write("docs/schemas/fm.json", Schema);
        t.Write("docs/.policylint.yml", Config);
        t.Write("docs/a/doc.md", "---\ntitle: T\n---\n");
        var result = await new PolicyLint.Engine.LintEngine().LintAsync(new PolicyLint.Engine.LintRequest { Paths = ["docs"], BaseDirectory = t.Root, RootDirectory = t.Root },
            cancellationToken: TestContext.Current.CancellationToken);
        var d = Assert.Single(result.Diagnostics, x => x.Id == "PL1004");
        Assert.Contains("owner", d.Message);
    }

    [Fact]
    public void MissingOrBrokenSchemaIsAConfigurationError()
    {
        using var t = new TempTree();
        var e = LintVerifier.ConfigError("---\ntitle: T\n---\n", Config, path: t.Path_("doc.md"), baseDirectory: t.Root);
        Assert.Contains("does not exist", e.Message);
        t.Write("schemas/fm.json", "{ not json");
        e = LintVerifier.ConfigError("---\ntitle: T\n---\n", Config, path: t.Path_("doc.md"), baseDirectory: t.Root);
        Assert.Contains("Cannot use the JSON Schema", e.Message);
    }

    [Fact]
    public void YamlTypesBecomeJsonTypes()
    {
        var json = System.Text.Encoding.UTF8.GetString(PolicyLint.Rules.FrontMatter.FrontMatterSchema.ToJson(
            PolicyLint.Documents.MarkdownFile.FromText("x.md", "---\na: true\nb: 'true'\nc: 42\nd: 2025-03-31\ne: ~\nf: [1.5, x]\ng: .inf\n---\n").FrontMatter.Root!));
        Assert.Equal("""{"a":true,"b":"true","c":42,"d":"2025-03-31","e":null,"f":[1.5,"x"],"g":".inf"}""", json);
    }
}
