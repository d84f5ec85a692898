using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PolicyLint.Analysis;
using PolicyLint.Values;

namespace PolicyLint.Rules.FrontMatter;

/// <summary>The value types a field spec can demand.</summary>
internal enum FieldType { Any, String, Number, Boolean, Date, Url, Email, List, Map }

/// <summary>
/// One field's spec, from PL1004's <c>fields</c> option: type, pattern, enum, sizes, item and sub-field specs, and the
/// two flags other rules read (<c>required</c> for PL1003/PL1005, <c>path</c> for PL1006).
/// </summary>
internal sealed class FieldSpec
{
    private static readonly HashSet<string> Keys = new(StringComparer.Ordinal)
    {
        "type", "required", "path", "pattern", "enum", "minItems", "maxItems", "minLength", "maxLength", "items", "fields",
    };

    public FieldType Type { get; private set; }
    public bool Required { get; private set; }
    public bool IsPath { get; private set; }
    public Regex? Pattern { get; private set; }
    public string? PatternText { get; private set; }
    public IReadOnlyList<string>? Enum { get; private set; }
    public int? MinItems { get; private set; }
    public int? MaxItems { get; private set; }
    public int? MinLength { get; private set; }
    public int? MaxLength { get; private set; }
    public FieldSpec? Items { get; private set; }
    public IReadOnlyList<KeyValuePair<string, FieldSpec>>? Fields { get; private set; }

    /// <summary>Reads a spec: a mapping, or a type name as shorthand (<c>title: string</c>).</summary>
    public static FieldSpec Parse(ValueNode node, string source, string what)
    {
        var spec = new FieldSpec();
        if (node is ScalarValue shorthand)
        {
            spec.Type = ParseType(source, shorthand, what);
            return spec;
        }
        var map = node.AsMapping(what);
        foreach (var kv in map.Entries)
        {
            string key = kv.Key.AsString(what);
            var v = kv.Value;
            switch (key)
            {
                case "type": spec.Type = ParseType(source, v, what); break;
                case "required": spec.Required = v.AsBool(what + ".required"); break;
                case "path": spec.IsPath = v.AsBool(what + ".path"); break;
                case "pattern":
                    spec.PatternText = v.AsString(what + ".pattern");
                    try { spec.Pattern = new Regex(spec.PatternText, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)); }
                    catch (ArgumentException ex) { throw v.Error($"'{what}.pattern' is not a valid regular expression: {ex.Message}"); }
                    break;
                case "enum": spec.Enum = v.AsStringList(what + ".enum"); break;
                case "minItems": spec.MinItems = Count(source, v, what + ".minItems"); break;
                case "maxItems": spec.MaxItems = Count(source, v, what + ".maxItems"); break;
                case "minLength": spec.MinLength = Count(source, v, what + ".minLength"); break;
                case "maxLength": spec.MaxLength = Count(source, v, what + ".maxLength"); break;
                case "items": spec.Items = Parse(v, source, what + "[]"); break;
                case "fields": spec.Fields = ParseFields(v, source, what); break;
                default:
                    throw kv.Key.Error($"Unknown key '{key}' in the spec of field '{what}'; use {string.Join(", ", Keys)}");
            }
        }
        return spec;
    }

    private static readonly char[] PathCharacters = ['.', '[', ']'];

    /// <summary>Reads a mapping of field names to specs.</summary>
    public static IReadOnlyList<KeyValuePair<string, FieldSpec>> ParseFields(ValueNode node, string source, string parent)
    {
        var list = new List<KeyValuePair<string, FieldSpec>>();
        foreach (var kv in node.AsMapping(parent.Length == 0 ? "fields" : parent + ".fields").Entries)
        {
            string name = kv.Key.AsString("field name");
            // Names join into paths ('authors[].user') that PL1003, PL1005 and PL1006 read back: a name holding '.', '[' or ']'
            // cannot be one (the fuzzer's 'effe]tive_date' made both rules fail with a NullReferenceException).
            if (name.Length == 0 || name.IndexOfAny(PathCharacters) >= 0)
                throw kv.Key.Error($"Field name '{name}' cannot be used: a name must not be empty nor hold '.', '[' or ']' (nest fields under 'fields:', list items under 'items:')");
            string path = parent.Length == 0 ? name : parent + "." + name;
            list.Add(new(name, Parse(kv.Value, source, path)));
        }
        return list;
    }

    private static FieldType ParseType(string source, ValueNode node, string what)
    {
        string s = node.AsString(what + ".type");
        return s switch
        {
            "any" => FieldType.Any,
            "string" => FieldType.String,
            "number" => FieldType.Number,
            "boolean" => FieldType.Boolean,
            "date" => FieldType.Date,
            "url" => FieldType.Url,
            "email" => FieldType.Email,
            "list" => FieldType.List,
            "map" => FieldType.Map,
            _ => throw node.Error($"Field '{what}' has unknown type '{s}'; use string, number, boolean, date, url, email, list, map or any"),
        };
    }

    private static int Count(string source, ValueNode node, string what)
    {
        string s = node.AsString(what);
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int n)) return n;
        throw node.Error($"'{what}' must be a non-negative whole number, not '{s}'");
    }
}

/// <summary>The parsed <c>fields</c> option of PL1004, cached per configuration node (configuration files are loaded once per run).</summary>
internal static class FieldSpecs
{
    private static readonly ConditionalWeakTable<ValueNode, IReadOnlyList<KeyValuePair<string, FieldSpec>>> Cache = new();

    public static IReadOnlyList<KeyValuePair<string, FieldSpec>> Get(RuleOptions options)
    {
        if (!options.TryGetValue("fields", out var node)) return Array.Empty<KeyValuePair<string, FieldSpec>>();
        if (Cache.TryGetValue(node, out var cached)) return cached;
        var parsed = FieldSpec.ParseFields(node, options.GetSource("fields") ?? "<options>", "");
        try { Cache.Add(node, parsed); } catch (ArgumentException) { /* another thread won */ }
        return parsed;
    }
}
