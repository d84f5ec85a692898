using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Tomlyn.Parsing;
using Tomlyn.Syntax;
using YamlDotNet.RepresentationModel;
using PolicyLint.IO;

namespace PolicyLint.Sites;

/// <summary>
/// A generator's configuration file read into plain values (tables as dictionaries, arrays as lists, scalars as strings),
/// whatever it was written in (YAML, TOML, JSON). Only what the site models read; unknown keys and tags are harmless.
/// </summary>
internal static class ConfigTree
{
    /// <summary>Larger configuration files are not read (the model then uses its defaults).</summary>
    public const long MaxConfigSize = 4 * 1024 * 1024;

    /// <summary>Reads <paramref name="path"/> by its extension; null when it cannot be read or parsed.</summary>
    public static Dictionary<string, object?>? Read(string path)
    {
        try
        {
            var info = InputLog.Info(path);
            if (!info.Exists || info.Length > MaxConfigSize) return null;
            string text = File.ReadAllText(path);
            string ext = Path.GetExtension(path).ToLowerInvariant();
            return ext switch
            {
                ".toml" => FromToml(text),
                ".json" => FromJson(text),
                _ => FromYaml(text),
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    public static Dictionary<string, object?>? FromYaml(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0) return null;
            return Convert(stream.Documents[0].RootNode, 0) as Dictionary<string, object?>;
        }
        catch (Exception ex) when (ex is YamlDotNet.Core.YamlException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static object? Convert(YamlNode node, int depth)
    {
        if (depth > 32) return null;
        switch (node)
        {
            case YamlScalarNode s: return s.Value;
            case YamlSequenceNode seq:
            {
                var list = new List<object?>();
                foreach (var c in seq.Children) list.Add(Convert(c, depth + 1));
                return list;
            }
            case YamlMappingNode map:
            {
                var d = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                foreach (var kv in map.Children)
                    if (kv.Key is YamlScalarNode k && k.Value is { } key) d[key] = Convert(kv.Value, depth + 1);
                return d;
            }
            default: return null;
        }
    }

    public static Dictionary<string, object?>? FromJson(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            return Convert(doc.RootElement) as Dictionary<string, object?>;
        }
        catch (JsonException) { return null; }
    }

    private static object? Convert(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
            {
                var d = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                foreach (var p in e.EnumerateObject()) d[p.Name] = Convert(p.Value);
                return d;
            }
            case JsonValueKind.Array:
            {
                var list = new List<object?>();
                foreach (var c in e.EnumerateArray()) list.Add(Convert(c));
                return list;
            }
            case JsonValueKind.String: return e.GetString();
            case JsonValueKind.True: return "true";
            case JsonValueKind.False: return "false";
            case JsonValueKind.Number: return e.GetRawText();
            default: return null;
        }
    }

    public static Dictionary<string, object?>? FromToml(string text)
    {
        DocumentSyntax doc;
        try { doc = SyntaxParser.Parse(text, "config.toml", false); }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException) { return null; }
        var root = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var kv in doc.KeyValues) AddKeyValue(root, kv);
        foreach (var table in doc.Tables)
        {
            if (table.Name is null) continue;
            var path = KeyParts(table.Name);
            Dictionary<string, object?> target;
            if (table is TableArraySyntax)
            {
                var parent = Walk(root, path, path.Count - 1);
                if (!parent.TryGetValue(path[path.Count - 1], out var existing) || existing is not List<object?> list)
                    parent[path[path.Count - 1]] = list = new List<object?>();
                target = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                list.Add(target);
            }
            else target = Walk(root, path, path.Count);
            foreach (var item in table.Items) if (item is KeyValueSyntax kv) AddKeyValue(target, kv);
        }
        return root;
    }

    /// <summary>Follows dotted keys from <paramref name="root"/>, creating tables; for an array of tables, its last element.</summary>
    private static Dictionary<string, object?> Walk(Dictionary<string, object?> root, List<string> path, int count)
    {
        var cur = root;
        for (int i = 0; i < count; i++)
        {
            cur.TryGetValue(path[i], out var next);
            if (next is List<object?> { Count: > 0 } l && l[l.Count - 1] is Dictionary<string, object?> last) { cur = last; continue; }
            if (next is not Dictionary<string, object?> d) cur[path[i]] = d = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            cur = d;
        }
        return cur;
    }

    private static void AddKeyValue(Dictionary<string, object?> table, KeyValueSyntax kv)
    {
        if (kv.Key is null) return;
        var path = KeyParts(kv.Key);
        if (path.Count == 0) return;
        var parent = Walk(table, path, path.Count - 1);
        parent[path[path.Count - 1]] = Value(kv.Value, 0);
    }

    private static List<string> KeyParts(KeySyntax key)
    {
        var parts = new List<string>();
        if (KeyName(key.Key) is { } first) parts.Add(first);
        if (key.DotKeys is { } dots)
            for (int i = 0; i < dots.ChildrenCount; i++)
                if (dots.GetChild(i) is DottedKeyItemSyntax d && KeyName(d.Key) is { } n) parts.Add(n);
        return parts;
    }

    private static string? KeyName(BareKeyOrStringValueSyntax? k) => k switch
    {
        BareKeySyntax b => b.Key?.Text,
        StringValueSyntax s => s.Value,
        _ => null,
    };

    private static object? Value(ValueSyntax? v, int depth)
    {
        if (depth > 32) return null;
        switch (v)
        {
            case StringValueSyntax s: return s.Value;
            case BooleanValueSyntax b: return b.Value ? "true" : "false";
            case IntegerValueSyntax i: return i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            case ArraySyntax a:
            {
                var list = new List<object?>();
                if (a.Items is { } items)
                    for (int i = 0; i < items.ChildrenCount; i++)
                        if (items.GetChild(i) is ArrayItemSyntax item) list.Add(Value(item.Value, depth + 1));
                return list;
            }
            case InlineTableSyntax t:
            {
                var d = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                if (t.Items is { } items)
                    for (int i = 0; i < items.ChildrenCount; i++)
                        if (items.GetChild(i) is InlineTableItemSyntax item && item.KeyValue is { } kv) AddKeyValue(d, kv);
                return d;
            }
            default: return null;
        }
    }

    // Accessors over the plain tree.

    public static object? Get(Dictionary<string, object?>? table, params string[] path)
    {
        object? cur = table;
        foreach (var p in path)
        {
            if (cur is not Dictionary<string, object?> d || !d.TryGetValue(p, out cur)) return null;
        }
        return cur;
    }

    public static string? GetString(Dictionary<string, object?>? table, params string[] path) => Get(table, path) as string;

    public static bool? GetBool(Dictionary<string, object?>? table, params string[] path) =>
        GetString(table, path) is { } s ? (s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("yes", StringComparison.OrdinalIgnoreCase)
            ? true : s.Equals("false", StringComparison.OrdinalIgnoreCase) || s.Equals("no", StringComparison.OrdinalIgnoreCase) ? false : null) : null;

    /// <summary>A string or a list of strings as a list.</summary>
    public static List<string> GetStrings(Dictionary<string, object?>? table, params string[] path)
    {
        var result = new List<string>();
        switch (Get(table, path))
        {
            case string s: result.Add(s); break;
            case List<object?> l: foreach (var o in l) if (o is string x) result.Add(x); break;
        }
        return result;
    }
}
