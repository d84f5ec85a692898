using System;
using System.Collections.Generic;
using PolicyLint.Values;

namespace PolicyLint.Analysis;

/// <summary>
/// A rule's options from configuration, merged across packs, files and overrides, with the location of every value. Bad values
/// throw an <see cref="InvalidValueException"/> located at the value, which stops the run as one configuration error there.
/// </summary>
public sealed class RuleOptions
{
    private readonly IReadOnlyDictionary<string, ValueNode> _values;

    internal RuleOptions(IReadOnlyDictionary<string, ValueNode> values) => _values = values;

    /// <summary>No options.</summary>
    public static RuleOptions Empty { get; } = new(new Dictionary<string, ValueNode>());

    /// <summary>Options from values (for tests and for hosts that configure rules in code).</summary>
    public static RuleOptions Create(IEnumerable<KeyValuePair<string, ValueNode>> values)
    {
        var d = new Dictionary<string, ValueNode>(StringComparer.Ordinal);
        foreach (var kv in values) d[kv.Key] = kv.Value;
        return new RuleOptions(d);
    }

    /// <summary>The option keys present.</summary>
    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>True when no option is set.</summary>
    public bool IsEmpty => _values.Count == 0;

    /// <summary>True when <paramref name="key"/> is set.</summary>
    public bool Contains(string key) => _values.ContainsKey(key);

    /// <summary>The value of an option, with its location.</summary>
    public bool TryGetValue(string key, out ValueNode value) => _values.TryGetValue(key, out value!);

    /// <summary>The value of an option, or null.</summary>
    public ValueNode? this[string key] => _values.TryGetValue(key, out var v) ? v : null;

    /// <summary>The configuration file (or pack) an option came from, or null.</summary>
    public string? GetSource(string key) => _values.TryGetValue(key, out var v) ? v.Location.Path : null;

    /// <summary>A string option.</summary>
    public string? GetString(string key, string? defaultValue = null) =>
        _values.TryGetValue(key, out var v) ? v.AsString(key) : defaultValue;

    /// <summary>An integer option.</summary>
    public int GetInt(string key, int defaultValue)
    {
        if (!_values.TryGetValue(key, out var v)) return defaultValue;
        var s = v.AsString(key);
        if (int.TryParse(s, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int n)) return n;
        throw v.Error($"Option '{key}' must be a whole number, not '{s}'");
    }

    /// <summary>A boolean option.</summary>
    public bool GetBool(string key, bool defaultValue) =>
        _values.TryGetValue(key, out var v) ? v.AsBool(key) : defaultValue;

    /// <summary>A string or list-of-strings option.</summary>
    public IReadOnlyList<string> GetStringList(string key, IReadOnlyList<string>? defaultValue = null) =>
        _values.TryGetValue(key, out var v) ? v.AsStringList(key) : defaultValue ?? Array.Empty<string>();

    /// <summary>A mapping of strings to strings.</summary>
    public IReadOnlyDictionary<string, string> GetStringMap(string key)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!_values.TryGetValue(key, out var v)) return result;
        foreach (var e in v.AsMapping(key).Entries) result[e.Key.AsString(key)] = e.Value.AsString(key);
        return result;
    }

    /// <summary>A nested object option (a mapping) as options of its own, or <see cref="Empty"/> when absent.</summary>
    public RuleOptions GetObject(string key)
    {
        if (!_values.TryGetValue(key, out var v)) return Empty;
        var d = new Dictionary<string, ValueNode>(StringComparer.Ordinal);
        foreach (var e in v.AsMapping(key).Entries) d[e.Key.AsString(key)] = e.Value;
        return new RuleOptions(d);
    }

    /// <summary>An error located on the option's value, for rules that validate complex options.</summary>
    public InvalidValueException Error(string key, string message) =>
        _values.TryGetValue(key, out var v) ? v.Error(message) : new InvalidValueException(message);

    internal RuleOptions With(IEnumerable<KeyValuePair<string, ValueNode>> values)
    {
        var d = new Dictionary<string, ValueNode>(StringComparer.Ordinal);
        foreach (var kv in _values) d[kv.Key] = kv.Value;
        foreach (var kv in values) d[kv.Key] = kv.Value;
        return new RuleOptions(d);
    }
}
