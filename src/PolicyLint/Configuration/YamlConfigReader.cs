using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using PolicyLint.Analysis;
using PolicyLint.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Configuration;

/// <summary>Small helpers to read YAML configuration nodes with located errors.</summary>
internal static class YamlConfigReader
{
    public static YamlMappingNode? LoadMapping(string text, string path)
    {
        var stream = new YamlStream();
        // The front matter's guards (depth, aliases, duplicate keys) before YamlDotNet's recursion: a configuration nested
        // 20,000 levels deep overflowed the stack and killed the process.
        PolicyLint.Documents.FrontMatter.GuardedParser? guarded = null;
        try { stream.Load(guarded = new PolicyLint.Documents.FrontMatter.GuardedParser(new Parser(new StringReader(text)))); }
        catch (YamlException ex)
        {
            string msg = ex.InnerException?.Message ?? ex.Message;
            int i = msg.IndexOf("): ", StringComparison.Ordinal);
            if (msg.StartsWith("(Line:", StringComparison.Ordinal) && i >= 0) msg = msg.Substring(i + 3);
            throw new ConfigurationException("Invalid YAML: " + msg.TrimEnd('.'), path, (int)ex.Start.Line, (int)ex.Start.Column, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException("Invalid YAML (an unterminated '[' or '{'?)", path, 1, 1, ex);
        }
        catch (ArgumentException ex)
        {
            // YamlDotNet's loader meets events it does not expect with an ArgumentException: located at the event it met.
            var at = guarded?.Current;
            string msg = ex.Message;
            int p = msg.IndexOf(" (Parameter ", StringComparison.Ordinal);
            if (p > 0) msg = msg.Substring(0, p);
            throw new ConfigurationException("Invalid YAML: " + msg.TrimEnd('.'), path, at is null ? 1 : (int)at.Start.Line, at is null ? 1 : (int)at.Start.Column, ex);
        }
        if (stream.Documents.Count == 0) return null;
        var root = stream.Documents[0].RootNode;
        if (root is YamlScalarNode s && string.IsNullOrEmpty(s.Value)) return null;
        if (root is not YamlMappingNode map) throw Error(path, root, "The configuration must be a mapping of keys to values");
        return map;
    }

    public static ConfigurationException Error(string path, YamlNode node, string message) =>
        new(message, path, (int)node.Start.Line, (int)node.Start.Column);

    public static string Scalar(string path, YamlNode node, string what)
    {
        if (node is YamlScalarNode s && s.Value is not null) return s.Value;
        throw Error(path, node, $"'{what}' must be a single value");
    }

    public static bool Bool(string path, YamlNode node, string what)
    {
        var v = Scalar(path, node, what);
        if (bool.TryParse(v, out bool b)) return b;
        throw Error(path, node, $"'{what}' must be true or false, not '{v}'");
    }

    public static long Long(string path, YamlNode node, string what)
    {
        var v = Scalar(path, node, what);
        if (long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) && n >= 0) return n;
        throw Error(path, node, $"'{what}' must be a non-negative whole number, not '{v}'");
    }

    /// <summary>A string or a list of strings.</summary>
    public static List<string> StringList(string path, YamlNode node, string what)
    {
        var list = new List<string>();
        switch (node)
        {
            case YamlScalarNode s when s.Value is not null:
                if (s.Value.Length > 0) list.Add(s.Value);
                break;
            case YamlSequenceNode seq:
                foreach (var item in seq.Children) list.Add(Scalar(path, item, what + " item"));
                break;
            default:
                throw Error(path, node, $"'{what}' must be a string or a list of strings");
        }
        return list;
    }

    /// <summary>A mapping; a key with no value (only comments under it) counts as an empty mapping.</summary>
    public static YamlMappingNode Mapping(string path, YamlNode node, string what) =>
        node as YamlMappingNode
        ?? (IsNull(node) ? new YamlMappingNode() : throw Error(path, node, $"'{what}' must be a mapping"));

    /// <summary>Adds the options of one configuration entry on top of <paramref name="existing"/> (later keys win).</summary>
    public static RuleOptions MergeOptions(RuleOptions existing, IReadOnlyList<KeyValuePair<string, ValueNode>> values) =>
        values.Count == 0 ? existing : existing.With(values);

    /// <summary>The entries of a rule's <c>options</c> mapping in PolicyLint's value model.</summary>
    public static IReadOnlyList<KeyValuePair<string, ValueNode>> ToOptionValues(YamlMappingNode? options, string source)
    {
        if (options is null || options.Children.Count == 0) return Array.Empty<KeyValuePair<string, ValueNode>>();
        var values = new List<KeyValuePair<string, ValueNode>>();
        foreach (var kv in options.Children)
        {
            // A key written as a mapping or a list ('? [a, b]: 1', '{a: 1}: 2') is no option name.
            if (kv.Key is not YamlScalarNode { Value: { } name }) throw Error(source, kv.Key, "An option name must be a single word, not a mapping or a list");
            values.Add(new(name, ToValue(kv.Value, source)));
        }
        return values;
    }

    /// <summary>PolicyLint's own value model of a YAML node, with positions in the configuration file.</summary>
    public static ValueNode ToValue(YamlNode node, string path) =>
        YamlConversion.TryToValue(node, path, m => ((int)m.Line, (int)m.Column, (int)Math.Min(m.Index, int.MaxValue)))
        ?? throw Error(path, node, "The configuration is nested too deeply");

    /// <summary>True for a key written with no value, or with <c>~</c> or <c>null</c>.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode s && s.Style == YamlDotNet.Core.ScalarStyle.Plain && (string.IsNullOrEmpty(s.Value) || s.Value == "~" || s.Value == "null");
}
