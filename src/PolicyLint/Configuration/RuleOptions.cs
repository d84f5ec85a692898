using System;
using System.Collections.Generic;
using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Configuration;

/// <summary>A rule's options from configuration, merged across packs, files and overrides. Bad values throw a located <see cref="ConfigurationException"/>.</summary>
public sealed class RuleOptions
{
    private readonly Dictionary<string, (YamlNode Node, string Source)> _values;

    internal RuleOptions(Dictionary<string, (YamlNode, string)> values) => _values = values;

    /// <summary>No options.</summary>
    public static RuleOptions Empty { get; } = new(new Dictionary<string, (YamlNode, string)>());

    /// <summary>Builds options from YAML text (for tests and library callers).</summary>
    public static RuleOptions FromYaml(string yaml)
    {
        var map = YamlConfigReader.LoadMapping(yaml, "<options>");
        var d = new Dictionary<string, (YamlNode, string)>(StringComparer.Ordinal);
        if (map is not null) foreach (var kv in map.Children) d[((YamlScalarNode)kv.Key).Value!] = (kv.Value, "<options>");
        return new RuleOptions(d);
    }

    /// <summary>The option keys present.</summary>
    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>True when no option is set.</summary>
    public bool IsEmpty => _values.Count == 0;

    /// <summary>The raw YAML node of an option.</summary>
    public bool TryGetNode(string key, out YamlNode node)
    {
        if (_values.TryGetValue(key, out var v)) { node = v.Node; return true; }
        node = null!;
        return false;
    }

    /// <summary>The configuration file an option came from (for error messages).</summary>
    public string? GetSource(string key) => _values.TryGetValue(key, out var v) ? v.Source : null;

    /// <summary>A string option.</summary>
    public string? GetString(string key, string? defaultValue = null) =>
        _values.TryGetValue(key, out var v) ? YamlConfigReader.Scalar(v.Source, v.Node, key) : defaultValue;

    /// <summary>An integer option.</summary>
    public int GetInt(string key, int defaultValue)
    {
        if (!_values.TryGetValue(key, out var v)) return defaultValue;
        var s = YamlConfigReader.Scalar(v.Source, v.Node, key);
        if (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n)) return n;
        throw YamlConfigReader.Error(v.Source, v.Node, $"Option '{key}' must be a whole number, not '{s}'");
    }

    /// <summary>A boolean option.</summary>
    public bool GetBool(string key, bool defaultValue) =>
        _values.TryGetValue(key, out var v) ? YamlConfigReader.Bool(v.Source, v.Node, key) : defaultValue;

    /// <summary>A string or list-of-strings option.</summary>
    public IReadOnlyList<string> GetStringList(string key, IReadOnlyList<string>? defaultValue = null) =>
        _values.TryGetValue(key, out var v) ? YamlConfigReader.StringList(v.Source, v.Node, key) : defaultValue ?? Array.Empty<string>();

    /// <summary>A mapping of strings to strings.</summary>
    public IReadOnlyDictionary<string, string> GetStringMap(string key)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!_values.TryGetValue(key, out var v)) return result;
        foreach (var kv in YamlConfigReader.Mapping(v.Source, v.Node, key).Children)
            result[YamlConfigReader.Scalar(v.Source, kv.Key, key)] = YamlConfigReader.Scalar(v.Source, kv.Value, key);
        return result;
    }

    /// <summary>An error located on the option's value, for rules that validate complex options.</summary>
    public ConfigurationException Error(string key, string message) =>
        _values.TryGetValue(key, out var v) ? YamlConfigReader.Error(v.Source, v.Node, message) : new ConfigurationException(message);

    internal RuleOptions Merge(YamlMappingNode? options, string source)
    {
        if (options is null || options.Children.Count == 0) return this;
        var d = new Dictionary<string, (YamlNode, string)>(_values, StringComparer.Ordinal);
        foreach (var kv in options.Children) d[YamlConfigReader.Scalar(source, kv.Key, "option")] = (kv.Value, source);
        return new RuleOptions(d);
    }
}
