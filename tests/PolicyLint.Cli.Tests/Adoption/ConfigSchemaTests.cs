using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using PolicyLint.Engine;
using PolicyLint.Tests.TestSupport;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Cli.Tests.Adoption;

/// <summary>
/// The configuration schema is generated from the tool's own rules, packs and keys, and agrees with the tool's
/// configuration reader: every configuration the project documents validates and is accepted by the built tool, and every
/// configuration the tool rejects for a type or name reason fails the schema.
/// </summary>
public sealed class ConfigSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(SharedData.RepoRoot, "src", "PolicyLint", "Configuration", "policylint.schema.json");

    private static string Generated() => ConfigSchemaGenerator.Generate(new LintEngine().Rules,
        Directory.GetFiles(Path.Combine(SharedData.RepoRoot, "rules", "packs"), "*.yml").Select(Path.GetFileNameWithoutExtension)
            .OrderBy(n => n == "recommended" ? "" : n, StringComparer.Ordinal).ToArray()!);

    [Fact]
    public void The_shipped_schema_is_the_generated_one()
    {
        string generated = Generated();
        string shipped = File.ReadAllText(SchemaPath).Replace("\r\n", "\n");
        if (shipped != generated && Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1" && Environment.GetEnvironmentVariable("CI") != "true")
        {
            File.WriteAllText(SchemaPath, generated);
            return;
        }
        Assert.True(shipped == generated, "src/PolicyLint/Configuration/policylint.schema.json is out of date; run the tests with UPDATE_SNAPSHOTS=1 to regenerate it");
    }

    [Fact]
    public void The_schema_has_exactly_the_top_level_keys_the_reader_accepts()
    {
        using var t = new TempTree();
        t.Write(".policylint.yml", "bogus: 1\n");
        t.Write("a.md", "# A\n");
        var r = CliRunner.Run(t.Root, "a.md");
        var m = Regex.Match(r.Stderr, "expected one of (.*)\n");
        Assert.True(m.Success, r.Stderr);
        var readerKeys = m.Groups[1].Value.Split(", ").OrderBy(k => k, StringComparer.Ordinal);
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        var schemaKeys = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).OrderBy(k => k, StringComparer.Ordinal);
        Assert.Equal(readerKeys, schemaKeys);
    }

    public static IEnumerable<TheoryDataRow<string>> DocumentedConfigurationNames() => DocumentedConfigurations().Keys.Select(k => new TheoryDataRow<string>(k));

    [Theory]
    [MemberData(nameof(DocumentedConfigurationNames))]
    public void Every_documented_configuration_validates(string name)
    {
        var errors = Validate(DocumentedConfigurations()[name]);
        Assert.True(errors.Count == 0, $"{name}:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public void The_built_tool_accepts_every_documented_configuration()
    {
        // Each configuration in its own folder (root: true added), each with a document: one run loads them all.
        using var t = new TempTree();
        var configs = DocumentedConfigurations();
        int i = 0;
        foreach (var (name, yaml) in configs)
        {
            string dir = "c" + (i++).ToString(CultureInfo.InvariantCulture);
            t.Write(dir + "/.policylint.yml", (yaml.Contains("root: true") ? "" : "root: true\n") + yaml);
            t.Write(dir + "/a.md", "# A\n");
        }
        var r = CliRunner.Run(t.Root, "--quiet");
        Assert.True(r.ExitCode != 2, r.Stderr);
        Assert.True(configs.Count >= 25, $"only {configs.Count} documented configurations were found");
    }

    /// <summary>Configurations the tool refuses (exit 2) for a wrong type or an unknown name; each must fail the schema too.</summary>
    [Theory]
    [InlineData("extends: recomended\n")]
    [InlineData("extends: [recommended, polcy]\n")]
    [InlineData("rules:\n  PL9999: error\n")]
    [InlineData("rules:\n  heading-incremnt: error\n")]
    [InlineData("rules:\n  PL4001: loud\n")]
    [InlineData("rules:\n  PL4001:\n")]
    [InlineData("rules:\n  PL1003:\n    options:\n      feilds: [title]\n")]
    [InlineData("rules:\n  PL4001:\n    level: error\n")]
    [InlineData("rules:\n  PL4002:\n    options:\n      anything: 1\n")]
    [InlineData("rules: [PL4001]\n")]
    [InlineData("root: yes please\n")]
    [InlineData("maxFileSize: -1\n")]
    [InlineData("maxFileSize: big\n")]
    [InlineData("requireJustification: sometimes\n")]
    [InlineData("unknownKey: 1\n")]
    [InlineData("include: {a: b}\n")]
    [InlineData("overrides:\n  - rules:\n      PL4001: none\n")]
    [InlineData("overrides:\n  - files: ['*.md']\n    extends: recomended\n")]
    [InlineData("overrides:\n  - files: ['a/**']\n    rules:\n      PL0000: none\n")]
    [InlineData("overrides:\n  - files: ['a/**']\n    colour: red\n")]
    [InlineData("overrides: {files: x}\n")]
    [InlineData("slugStyle: kebab\n")]
    [InlineData("siteRoots:\n  blog/: content\n")]
    [InlineData("htmlExtensionMapsToMd: maybe\n")]
    public void A_configuration_the_tool_rejects_fails_the_schema(string yaml)
    {
        using var t = new TempTree();
        t.Write(".policylint.yml", "root: true\n" + yaml);
        // Settings are read when a rule needs them: the document has a site-rooted link.
        t.Write("a.md", "# A\n\nSee [x](/blog/x.md) and [y](y.html).\n");
        var r = CliRunner.Run(t.Root, "a.md", "--quiet");
        Assert.True(r.ExitCode == 2 || r.Stdout.Contains("PL0004"), $"the tool accepted:\n{yaml}\n{r.Stdout}");
        Assert.DoesNotContain("internal error", r.Stderr);
        Assert.NotEmpty(Validate(yaml));
    }

    /// <summary>Every configuration the project shows a user, by where it comes from.</summary>
    private static Dictionary<string, string> DocumentedConfigurations() => Documented.Value;

    private static readonly Lazy<Dictionary<string, string>> Documented = new(FindDocumentedConfigurations);

    private static string InitOutput()
    {
        using var t = new TempTree();
        var r = CliRunner.Run(t.Root, "init");
        Assert.Equal(0, r.ExitCode);
        return File.ReadAllText(t.Path_(".policylint.yml"));
    }

    private static Dictionary<string, string> FindDocumentedConfigurations()
    {
        string root = SharedData.RepoRoot;
        var result = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["samples/.policylint.yml"] = File.ReadAllText(Path.Combine(root, "samples", ".policylint.yml")),
            ["init"] = InitOutput(),
        };
        foreach (var pack in Directory.GetFiles(Path.Combine(root, "rules", "packs"), "*.yml"))
            result["rules/packs/" + Path.GetFileName(pack)] = File.ReadAllText(pack);
        var pages = new[] { "README.md", "docs/configuration.md" }.Select(p => Path.Combine(root, p))
            .Concat(Directory.GetFiles(Path.Combine(root, "rules"), "*.md").OrderBy(p => p, StringComparer.Ordinal));
        foreach (var page in pages)
        {
            int n = 0;
            foreach (Match m in Regex.Matches(File.ReadAllText(page).Replace("\r\n", "\n"), "```yaml[^\n]*\n(.*?)```", RegexOptions.Singleline))
            {
                string yaml = m.Groups[1].Value;
                if (!IsConfiguration(yaml) || yaml.Contains("plugins:")) continue;
                result[$"{Path.GetRelativePath(root, page).Replace('\\', '/')} block {++n}"] = yaml;
            }
        }
        return result;
    }

    private static readonly HashSet<string> TopLevelKeys = ["root", "extends", "include", "exclude", "rules", "overrides", "requireJustification", "maxFileSize", "siteRoots"];

    private static bool IsConfiguration(string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode map
                && map.Children.Keys.OfType<YamlScalarNode>().Any(k => TopLevelKeys.Contains(k.Value!));
        }
        catch (YamlException) { return false; }
    }

    // Built once: the schema registers its $id globally.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    private static List<string> Validate(string yaml)
    {
        var schema = Schema.Value;
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        JsonNode? json = stream.Documents.Count == 0 ? null : ToJson(stream.Documents[0].RootNode);
        var eval = schema.Evaluate(JsonSerializer.SerializeToElement(json, JsonNodeContext.Default.JsonNode), new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (eval.IsValid) return [];
        var errors = (eval.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Value}")).ToList();
        return errors.Count > 0 ? errors : ["invalid"];
    }

    /// <summary>YAML as JSON with the YAML 1.2 core schema for plain scalars (the configuration reader's reading).</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain } p => p.Value switch
        {
            null or "" or "~" or "null" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            var v when long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l) => JsonValue.Create(l),
            var v when double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => JsonValue.Create(d),
            var v => JsonValue.Create(v),
        },
        YamlScalarNode q => JsonValue.Create(q.Value ?? ""),
        _ => null,
    };
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonNode))]
internal sealed partial class JsonNodeContext : System.Text.Json.Serialization.JsonSerializerContext;
