using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PolicyLint.Diagnostics;

namespace PolicyLint.Cli.Tests.Adoption;

/// <summary>
/// Writes <c>policylint.schema.json</c> from what the tool knows: its rules (IDs, names, option names), the packs in
/// rules/packs and the top-level keys the configuration reader accepts. The checked-in schema must equal this output.
/// </summary>
public static class ConfigSchemaGenerator
{
    /// <summary>Shared settings, their schema and description (the reader names the keys; the types are the readers' types).</summary>
    private static readonly (string Key, string Schema, string Description)[] Settings =
    [
        ("siteRoots", """{ "type": ["object", "null"], "propertyNames": { "pattern": "^/" }, "additionalProperties": { "type": "string" } }""",
            "Site URL prefixes mapped to folders (relative to this file), so that site-rooted links such as /blog/assets/x.png can be checked."),
        ("indexFiles", """{ "$ref": "#/definitions/stringOrList" }""", "Files a link to a folder resolves to (default README.md, index.md)."),
        ("slugStyle", """{ "enum": ["github", "gitlab"] }""", "How headings become anchors (default github)."),
        ("htmlExtensionMapsToMd", """{ "type": "boolean" }""", "Accept page.html as a link to page.md."),
        ("frontMatterTitleIsH1", """{ "type": "boolean" }""", "Count the front matter title as the document's H1."),
        ("documentTypes", """{ "type": ["object", "null"] }""", "Document types and their section templates (see PL4007)."),
        ("site", """{ "enum": ["auto", "none", "github", "jekyll", "hugo", "docusaurus", "mkdocs", "docfx"] }""",
            "The site model links are resolved with: auto (default) detects it from the repository's generator files; none resolves links as plain files on GitHub."),
        ("links", """{ "type": "object", "additionalProperties": false, "properties": { "ignoreTargets": { "$ref": "#/definitions/stringOrList" }, "ignoreFragments": { "$ref": "#/definitions/stringOrList" }, "external": { "$ref": "#/definitions/stringOrList" } } }""",
            "Link targets the link rules leave alone; each skipped link is counted in the run summary."),
    ];

    public static IReadOnlyList<string> SettingKeys => Settings.Select(s => s.Key).ToArray();

    public static string Generate(IReadOnlyList<RuleDescriptor> rules, IReadOnlyList<string> packs)
    {
        var ruleKeys = rules.SelectMany(r => new[] { r.Id, r.Name }).ToList();
        var sb = new StringBuilder();
        sb.Append("{\n");
        sb.Append("  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n");
        sb.Append("  \"$id\": \"https://github.com/policylint/policylint/blob/main/src/PolicyLint/Configuration/policylint.schema.json\",\n");
        sb.Append("  \"title\": \"PolicyLint configuration (.policylint.yml)\",\n");
        sb.Append("  \"description\": \"Generated from the tool's rules, packs and configuration keys (tests/PolicyLint.Cli.Tests/Adoption/ConfigSchemaGenerator.cs); see docs/configuration.md.\",\n");
        sb.Append("  \"type\": [\"object\", \"null\"],\n");
        sb.Append("  \"additionalProperties\": false,\n");
        sb.Append("  \"definitions\": {\n");
        sb.Append("    \"severity\": { \"enum\": [\"none\", \"off\", \"false\", \"disable\", \"disabled\", \"info\", \"note\", \"suggestion\", \"warning\", \"warn\", \"error\", \"on\", \"true\"] },\n");
        sb.Append("    \"stringOrList\": { \"oneOf\": [ { \"type\": \"string\" }, { \"type\": \"null\" }, { \"type\": \"array\", \"items\": { \"type\": \"string\" } } ] },\n");
        sb.Append("    \"extendsItem\": { \"anyOf\": [ { \"enum\": ").Append(Json(packs)).Append(" }, { \"type\": \"string\", \"pattern\": \"(\\\\.[yY][aA]?[mM][lL]$|/)\", \"description\": \"A configuration file, relative to this one.\" } ] },\n");
        sb.Append("    \"extends\": { \"description\": \"Built-in packs (").Append(string.Join(", ", packs)).Append(") or paths of other configuration files.\", \"oneOf\": [ { \"$ref\": \"#/definitions/extendsItem\" }, { \"type\": \"null\" }, { \"type\": \"array\", \"items\": { \"$ref\": \"#/definitions/extendsItem\" } } ] },\n");
        sb.Append("    \"ruleSetting\": { \"description\": \"A severity, or { severity, options }.\", \"oneOf\": [ { \"$ref\": \"#/definitions/severity\" }, { \"type\": \"object\", \"additionalProperties\": false, \"properties\": { \"severity\": { \"$ref\": \"#/definitions/severity\" }, \"options\": { \"type\": [\"object\", \"null\"] } } } ] },\n");
        foreach (var r in rules)
        {
            sb.Append("    \"rule-").Append(r.Id).Append("\": { \"description\": ").Append(Json(r.Id + " " + r.Name + ": " + r.Title))
              .Append(", \"oneOf\": [ { \"$ref\": \"#/definitions/severity\" }, { \"type\": \"object\", \"additionalProperties\": false, \"properties\": { \"severity\": { \"$ref\": \"#/definitions/severity\" }, \"options\": { \"type\": [\"object\", \"null\"], \"additionalProperties\": false, \"properties\": {");
            sb.Append(string.Join(",", r.OptionNames.Select(o => " " + Json(o) + ": {}"))).Append(r.OptionNames.IsEmpty ? "" : " ");
            sb.Append("} } } } ] },\n");
        }
        sb.Append("    \"rules\": {\n");
        sb.Append("      \"description\": \"Rules by ID (PL1003) or name (required-field). A plugin's rules (with plugins: in the same file) are written by ID or name too.\",\n");
        sb.Append("      \"type\": [\"object\", \"null\"],\n");
        sb.Append("      \"properties\": {\n");
        sb.Append(string.Join(",\n", rules.SelectMany(r => new[] { r.Id, r.Name }.Select(k => "        " + Json(k) + ": { \"$ref\": \"#/definitions/rule-" + r.Id + "\" }")))).Append('\n');
        sb.Append("      },\n");
        sb.Append("      \"additionalProperties\": { \"$ref\": \"#/definitions/ruleSetting\" },\n");
        sb.Append("      \"propertyNames\": { \"pattern\": \"^([A-Za-z]{2,}[0-9]+|[a-z0-9]+(-[a-z0-9]+)*)$\" }\n");
        sb.Append("    },\n");
        sb.Append("    \"builtInRuleNames\": { \"type\": [\"object\", \"null\"], \"propertyNames\": { \"enum\": ").Append(Json(ruleKeys)).Append(" } },\n");
        foreach (var (key, schema, _) in Settings) sb.Append("    \"setting-").Append(key).Append("\": ").Append(schema).Append(",\n");
        sb.Append("    \"override\": {\n");
        sb.Append("      \"type\": \"object\",\n");
        sb.Append("      \"required\": [\"files\"],\n");
        sb.Append("      \"additionalProperties\": false,\n");
        sb.Append("      \"properties\": {\n");
        sb.Append("        \"files\": { \"description\": \"Globs of the files the section applies to, relative to this file.\", \"oneOf\": [ { \"type\": \"string\", \"minLength\": 1 }, { \"type\": \"array\", \"minItems\": 1, \"items\": { \"type\": \"string\" } } ] },\n");
        sb.Append("        \"excludeFiles\": { \"$ref\": \"#/definitions/stringOrList\", \"description\": \"Globs of files the section does not apply to.\" },\n");
        sb.Append("        \"extends\": { \"$ref\": \"#/definitions/extends\" },\n");
        sb.Append("        \"rules\": { \"$ref\": \"#/definitions/rules\" },\n");
        sb.Append(string.Join(",\n", Settings.Select(s => "        " + Json(s.Key) + ": { \"$ref\": \"#/definitions/setting-" + s.Key + "\" }"))).Append('\n');
        sb.Append("      }\n");
        sb.Append("    }\n");
        sb.Append("  },\n");
        sb.Append("  \"properties\": {\n");
        sb.Append("    \"root\": { \"type\": \"boolean\", \"description\": \"Stop looking for configuration in parent folders.\" },\n");
        sb.Append("    \"extends\": { \"$ref\": \"#/definitions/extends\" },\n");
        sb.Append("    \"include\": { \"$ref\": \"#/definitions/stringOrList\", \"description\": \"Globs of files to lint in folder walks (default **/*.md, **/*.markdown).\" },\n");
        sb.Append("    \"exclude\": { \"$ref\": \"#/definitions/stringOrList\", \"description\": \"Globs to skip (node_modules, bin, obj and .git are always skipped).\" },\n");
        sb.Append("    \"rules\": { \"$ref\": \"#/definitions/rules\" },\n");
        sb.Append("    \"overrides\": { \"type\": [\"array\", \"null\"], \"description\": \"Settings for the files matching globs, applied in order.\", \"items\": { \"$ref\": \"#/definitions/override\" } },\n");
        sb.Append("    \"plugins\": { \"$ref\": \"#/definitions/stringOrList\", \"description\": \"Paths of .NET assemblies with [MarkdownAnalyzer] classes (portable build only).\" },\n");
        sb.Append("    \"requireJustification\": { \"type\": \"boolean\", \"description\": \"Suppression comments must give a reason after '--'.\" },\n");
        sb.Append("    \"maxFileSize\": { \"type\": \"integer\", \"minimum\": 0, \"description\": \"Skip files larger than this many bytes (default 10485760).\" },\n");
        sb.Append(string.Join(",\n", Settings.Select(s => "    " + Json(s.Key) + ": { \"$ref\": \"#/definitions/setting-" + s.Key + "\", \"description\": " + Json(s.Description) + " }"))).Append('\n');
        sb.Append("  },\n");
        sb.Append("  \"if\": { \"not\": { \"required\": [\"plugins\"] } },\n");
        sb.Append("  \"then\": {\n");
        sb.Append("    \"description\": \"Without plugins, only built-in rules can be named.\",\n");
        sb.Append("    \"properties\": {\n");
        sb.Append("      \"rules\": { \"$ref\": \"#/definitions/builtInRuleNames\" },\n");
        sb.Append("      \"overrides\": { \"items\": { \"properties\": { \"rules\": { \"$ref\": \"#/definitions/builtInRuleNames\" } } } }\n");
        sb.Append("    }\n");
        sb.Append("  }\n");
        sb.Append("}\n");
        string text = sb.ToString();
        using var _ = JsonDocument.Parse(text); // well-formed
        return text;
    }

    private static string Json(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            if (c == '"' || c == '\\') sb.Append('\\').Append(c);
            else if (c < ' ') sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }
    private static string Json(IEnumerable<string> list) => "[" + string.Join(", ", list.Select(Json)) + "]";
}

