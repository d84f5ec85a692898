using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using Json.Schema;
using PolicyLint.IO;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Rules.FrontMatter;

using FrontMatter = PolicyLint.Documents.FrontMatter;

/// <summary>
/// Validates front matter against a JSON Schema (PL1004's <c>schema</c> option, a path relative to the configuration file that
/// sets it). YAML becomes JSON by YAML 1.2 core rules: plain <c>true</c> and numbers keep their type, quoted text and dates stay
/// strings. Each error's instance location (a JSON pointer) is mapped back to the YAML key or value.
/// </summary>
internal static class FrontMatterSchema
{
    private static readonly ConcurrentDictionary<string, (DateTime Stamp, JsonSchema Schema)> Cache = new(StringComparer.Ordinal);

    public static void Validate(RuleOptions options, AnalysisWorkspace workspace, FrontMatter fm, Action<TextSpan, string> report)
    {
        string? path = options.GetString("schema");
        if (string.IsNullOrEmpty(path) || fm.Root is null) return;
        var schema = Load(options, workspace, path!);
        using var doc = JsonDocument.Parse(ToJson(fm.Root));
        var results = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var all = new List<EvaluationResults> { results };
        if (results.Details is { } details) all.AddRange(details);
        foreach (var r in all)
        {
            if (r.Errors is not { Count: > 0 } errors) continue;
            var (display, span) = Find(fm, r.InstanceLocation.ToString());
            foreach (var e in errors)
            {
                string message = display.Length == 0
                    ? $"Front matter does not match the schema ({e.Key}): {e.Value}"
                    : $"Field '{display}' does not match the schema ({e.Key}): {e.Value}";
                if (seen.Add(span.Start.ToString(CultureInfo.InvariantCulture) + message)) report(span, message);
            }
        }
    }

    private static JsonSchema Load(RuleOptions options, AnalysisWorkspace workspace, string path)
    {
        string? source = options.GetSource("schema");
        string dir = source is not null && Path.IsPathRooted(source) ? Path.GetDirectoryName(source) ?? workspace.BaseDirectory : workspace.BaseDirectory;
        string full = Path.GetFullPath(Path.Combine(dir, path));
        workspace.DependsOnFile(full); // the result cache re-lints when the schema changes
        DateTime stamp;
        PolicyLint.IO.InputLog.Read(full);
        try { stamp = File.GetLastWriteTimeUtc(full); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException) { stamp = default; }
        if (!PolicyLint.IO.RootPolicy.IsInside(workspace.RootDirectory, full))
            throw options.Error("schema", $"The JSON Schema file '{path}' is outside the root ({workspace.RootDirectory}); configured files are read only inside it");
        if (!InputLog.FileExists(full)) throw options.Error("schema", $"The JSON Schema file '{path}' does not exist (looked for {full})");
        if (Cache.TryGetValue(full, out var hit) && hit.Stamp == stamp) return hit.Schema;
        try
        {
            var schema = JsonSchema.FromText(SafeFile.ReadAllText(full));
            Cache[full] = (stamp, schema);
            return schema;
        }
        catch (Exception ex) when (ex is JsonException or JsonSchemaException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            throw options.Error("schema", $"Cannot use the JSON Schema '{path}': {ex.Message}");
        }
    }

    /// <summary>The display path and report span of a JSON pointer into the front matter.</summary>
    private static (string Display, TextSpan Span) Find(FrontMatter fm, string pointer)
    {
        YamlNode node = fm.Root!;
        YamlScalarNode? key = null;
        var display = new StringBuilder();
        var span = fm.OpeningFenceSpan;
        foreach (var raw in pointer.Length > 1 ? pointer.Substring(1).Split('/') : Array.Empty<string>())
        {
            string seg = raw.Replace("~1", "/").Replace("~0", "~");
            if (node is YamlMappingNode map && FieldPath.TryGet(map, seg, out var k, out var v))
            {
                if (display.Length > 0) display.Append('.');
                display.Append(seg);
                key = k; node = v;
            }
            else if (node is YamlSequenceNode seq && int.TryParse(seg, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < seq.Children.Count)
            {
                display.Append('[').Append(seg).Append(']');
                key = null; node = seq.Children[i];
            }
            else break;
            span = YamlSpans.Locate(fm, key, node);
        }
        return (display.ToString(), span);
    }

    /// <summary>The front matter as JSON bytes (YAML 1.2 core schema types; nesting is bounded by the parser's guards).</summary>
    internal static byte[] ToJson(YamlNode root)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream)) Write(writer, root, 0);
        return stream.ToArray();
    }

    private static void Write(Utf8JsonWriter w, YamlNode node, int depth)
    {
        if (depth > 2 * FrontMatter.MaxDepth) { w.WriteNullValue(); return; }
        switch (node)
        {
            case YamlMappingNode map:
                w.WriteStartObject();
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var kv in map.Children)
                {
                    string name = kv.Key is YamlScalarNode k ? k.Value ?? "" : kv.Key.ToString();
                    if (!names.Add(name)) continue;
                    w.WritePropertyName(name);
                    Write(w, kv.Value, depth + 1);
                }
                w.WriteEndObject();
                break;
            case YamlSequenceNode seq:
                w.WriteStartArray();
                foreach (var item in seq.Children) Write(w, item, depth + 1);
                w.WriteEndArray();
                break;
            case YamlScalarNode s:
                string v = s.Value ?? "";
                if (!YamlValues.IsPlain(s)) w.WriteStringValue(v);
                else if (YamlValues.IsNull(s)) w.WriteNullValue();
                else if (YamlValues.IsBool(s)) w.WriteBooleanValue(v[0] is 't' or 'T');
                else if (YamlValues.IsNumber(s, out double d))
                {
                    if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l)) w.WriteNumberValue(l);
                    else if (!double.IsNaN(d) && !double.IsInfinity(d)) w.WriteNumberValue(d);
                    else w.WriteStringValue(v);
                }
                else w.WriteStringValue(v);
                break;
            default:
                w.WriteNullValue();
                break;
        }
    }
}
