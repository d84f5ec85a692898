using System;
using System.Collections.Generic;
using System.Globalization;
using PolicyLint.Diagnostics;

namespace PolicyLint.Values;

/// <summary>What kind of value a <see cref="ValueNode"/> is.</summary>
public enum ValueKind
{
    /// <summary>A single value (text, number, boolean, date...): see <see cref="ScalarValue"/>.</summary>
    Scalar,
    /// <summary>A list: see <see cref="SequenceValue"/>.</summary>
    Sequence,
    /// <summary>Keys mapped to values: see <see cref="MappingValue"/>.</summary>
    Mapping,
}

/// <summary>Where a value was written: the file (a configuration file, a pack, or the document), and its 1-based line and column.</summary>
public readonly struct ValueLocation : IEquatable<ValueLocation>
{
    /// <summary>Creates a location.</summary>
    public ValueLocation(string? path, int line, int column, TextSpan span)
    {
        Path = path; Line = line; Column = column; Span = span;
    }

    /// <summary>The file the value comes from (for options: the configuration file or pack; null when unknown).</summary>
    public string? Path { get; }
    /// <summary>1-based line; 0 when unknown.</summary>
    public int Line { get; }
    /// <summary>1-based column; 0 when unknown.</summary>
    public int Column { get; }
    /// <summary>The characters of the value in its source text (for front matter: offsets in the document's text).</summary>
    public TextSpan Span { get; }

    /// <inheritdoc/>
    public bool Equals(ValueLocation other) => Path == other.Path && Line == other.Line && Column == other.Column && Span == other.Span;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ValueLocation l && Equals(l);
    /// <inheritdoc/>
    public override int GetHashCode() => ((Path?.GetHashCode() ?? 0) * 31 + Line) * 31 + Column;
    /// <inheritdoc/>
    public override string ToString() => Line > 0 ? $"{Path}({Line},{Column})" : Path ?? string.Empty;
}

/// <summary>
/// PolicyLint's read-only model of YAML data (rule options and front matter values), with the location of every value. Typed
/// readers (<see cref="AsString"/>, <see cref="AsBool"/>, ...) throw an <see cref="InvalidValueException"/> at the value's
/// location; for an option the engine stops the run with a configuration error at that line and column.
/// </summary>
public abstract class ValueNode
{
    private protected ValueNode(ValueLocation location) => Location = location;

    /// <summary>What kind of value this is.</summary>
    public abstract ValueKind Kind { get; }
    /// <summary>Where it was written.</summary>
    public ValueLocation Location { get; }

    /// <summary>True for a key written with no value, or with <c>~</c> or <c>null</c> (plain, unquoted).</summary>
    public bool IsNull => this is ScalarValue s && s.IsPlain && (s.Value.Length == 0 || s.Value == "~" || s.Value == "null");

    /// <summary>An error located on this value.</summary>
    public InvalidValueException Error(string message) => new(message, Location.Path, Location.Line, Location.Column);

    /// <summary>The text of a single value; <paramref name="what"/> names it in the error otherwise.</summary>
    public string AsString(string what) =>
        this is ScalarValue s ? s.Value : throw Error($"'{what}' must be a single value");

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public bool AsBool(string what)
    {
        var v = AsString(what);
        if (bool.TryParse(v, out bool b)) return b;
        throw Error($"'{what}' must be true or false, not '{v}'");
    }

    /// <summary>A whole number.</summary>
    public int AsInt(string what)
    {
        var v = AsString(what);
        if (int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n)) return n;
        throw Error($"'{what}' must be a whole number, not '{v}'");
    }

    /// <summary>A number (integer or decimal, invariant culture).</summary>
    public double AsNumber(string what)
    {
        var v = AsString(what);
        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double n)) return n;
        throw Error($"'{what}' must be a number, not '{v}'");
    }

    /// <summary>A string or a list of strings (an empty string gives an empty list).</summary>
    public IReadOnlyList<string> AsStringList(string what)
    {
        var list = new List<string>();
        switch (this)
        {
            case ScalarValue s:
                if (s.Value.Length > 0) list.Add(s.Value);
                break;
            case SequenceValue seq:
                foreach (var item in seq.Items) list.Add(item.AsString(what + " item"));
                break;
            default:
                throw Error($"'{what}' must be a string or a list of strings");
        }
        return list;
    }

    /// <summary>A mapping; a key with no value (only comments under it) counts as an empty mapping.</summary>
    public MappingValue AsMapping(string what) =>
        this as MappingValue ?? (IsNull ? MappingValue.EmptyAt(Location) : throw Error($"'{what}' must be a mapping"));

    /// <summary>A list; a key with no value counts as an empty list.</summary>
    public SequenceValue AsSequence(string what) =>
        this as SequenceValue ?? (IsNull ? new SequenceValue(Array.Empty<ValueNode>(), Location) : throw Error($"'{what}' must be a list"));
}

/// <summary>A single value, as written (YAML's plain <c>true</c>, <c>42</c> and <c>2024-01-01</c> are text here; read them with the typed readers).</summary>
public sealed class ScalarValue : ValueNode
{
    /// <summary>Creates a scalar.</summary>
    public ScalarValue(string value, bool isPlain, ValueLocation location) : base(location)
    {
        Value = value ?? string.Empty; IsPlain = isPlain;
    }

    /// <inheritdoc/>
    public override ValueKind Kind => ValueKind.Scalar;
    /// <summary>The text of the value (quotes and escapes resolved).</summary>
    public string Value { get; }
    /// <summary>True when written without quotes or a block indicator (so <c>true</c>, <c>42</c> and <c>null</c> mean what they say).</summary>
    public bool IsPlain { get; }

    /// <inheritdoc/>
    public override string ToString() => Value;
}

/// <summary>A list of values.</summary>
public sealed class SequenceValue : ValueNode
{
    /// <summary>Creates a list.</summary>
    public SequenceValue(IReadOnlyList<ValueNode> items, ValueLocation location) : base(location) => Items = items;

    /// <inheritdoc/>
    public override ValueKind Kind => ValueKind.Sequence;
    /// <summary>The items, in order.</summary>
    public IReadOnlyList<ValueNode> Items { get; }
}

/// <summary>One key and its value in a <see cref="MappingValue"/>.</summary>
public readonly struct MappingEntry
{
    /// <summary>Creates an entry.</summary>
    public MappingEntry(ValueNode key, ValueNode value) { Key = key; Value = value; }
    /// <summary>The key (a <see cref="ScalarValue"/> in every configuration PolicyLint accepts).</summary>
    public ValueNode Key { get; }
    /// <summary>The value.</summary>
    public ValueNode Value { get; }
}

/// <summary>Keys mapped to values, in the order written.</summary>
public sealed class MappingValue : ValueNode
{
    /// <summary>Creates a mapping.</summary>
    public MappingValue(IReadOnlyList<MappingEntry> entries, ValueLocation location) : base(location) => Entries = entries;

    internal static MappingValue EmptyAt(ValueLocation location) => new(Array.Empty<MappingEntry>(), location);

    /// <inheritdoc/>
    public override ValueKind Kind => ValueKind.Mapping;
    /// <summary>The entries, in the order written.</summary>
    public IReadOnlyList<MappingEntry> Entries { get; }

    /// <summary>The value of the first entry whose key is the text <paramref name="key"/>.</summary>
    public bool TryGetValue(string key, out ValueNode value)
    {
        foreach (var e in Entries)
            if (e.Key is ScalarValue s && string.Equals(s.Value, key, StringComparison.Ordinal)) { value = e.Value; return true; }
        value = null!;
        return false;
    }

    /// <summary>The value of <paramref name="key"/>, or null.</summary>
    public ValueNode? this[string key] => TryGetValue(key, out var v) ? v : null;
}

/// <summary>
/// A value of the wrong shape or out of range, located at the value (for options: in the configuration file, and the engine
/// turns it into one configuration error of the run; for a value of the document, PL0004 on that file). The message starts
/// with <c>path(line,column):</c>.
/// </summary>
public sealed class InvalidValueException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidValueException(string message, string? path = null, int line = 0, int column = 0)
        : base(path is null ? message : line > 0 ? $"{path}({line},{column}): {message}" : $"{path}: {message}")
    {
        Reason = message; FilePath = path; Line = line; Column = column;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }
    /// <summary>Where the value was written (null when unknown).</summary>
    public string? FilePath { get; }
    /// <summary>1-based line, 0 when unknown.</summary>
    public int Line { get; }
    /// <summary>1-based column, 0 when unknown.</summary>
    public int Column { get; }
}
