using System;
using System.Collections.Generic;
using PolicyLint.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Values;

/// <summary>Builds PolicyLint's value model from YamlDotNet's representation model (YamlDotNet stays out of the public API).</summary>
internal static class YamlConversion
{
    /// <summary>Nesting deeper than this is refused (configuration and front matter never come close).</summary>
    public const int MaxDepth = 256;

    /// <summary>
    /// Converts <paramref name="node"/>; <paramref name="locate"/> maps a YAML mark to a 1-based line and column and an offset
    /// in the source text. Aliases share one converted node. Null when nested past <see cref="MaxDepth"/>.
    /// </summary>
    public static ValueNode? ToValue(YamlNode node, string? path, Func<Mark, (int Line, int Column, int Offset)> locate)
    {
        var memo = new Dictionary<YamlNode, ValueNode>(NodeIdentity.Instance);
        return Convert(node, path, locate, memo, 0);
    }

    private static ValueNode? Convert(YamlNode node, string? path, Func<Mark, (int Line, int Column, int Offset)> locate,
        Dictionary<YamlNode, ValueNode> memo, int depth)
    {
        if (memo.TryGetValue(node, out var done)) return done;
        if (depth > MaxDepth) return null;
        var (line, column, start) = locate(node.Start);
        int end = Math.Max(start, locate(node.End).Offset);
        var location = new ValueLocation(path, line, column, TextSpan.FromBounds(start, end));
        ValueNode result;
        switch (node)
        {
            case YamlScalarNode s:
                result = new ScalarValue(s.Value ?? string.Empty, s.Style == ScalarStyle.Plain, location);
                break;
            case YamlSequenceNode seq:
                var items = new List<ValueNode>(seq.Children.Count);
                foreach (var item in seq.Children) items.Add(Convert(item, path, locate, memo, depth + 1) ?? throw new TooDeep());
                result = new SequenceValue(items, location);
                break;
            case YamlMappingNode map:
                var entries = new List<MappingEntry>(map.Children.Count);
                foreach (var kv in map.Children)
                    entries.Add(new MappingEntry(Convert(kv.Key, path, locate, memo, depth + 1) ?? throw new TooDeep(),
                        Convert(kv.Value, path, locate, memo, depth + 1) ?? throw new TooDeep()));
                result = new MappingValue(entries, location);
                break;
            default:
                return null;
        }
        memo[node] = result;
        return result;
    }

    /// <summary>Unwinds a conversion nested too deeply; callers see null.</summary>
    private sealed class TooDeep : Exception { }

    /// <summary>Same as <see cref="ToValue"/>, but returns null instead of unwinding for a too-deep document.</summary>
    public static ValueNode? TryToValue(YamlNode node, string? path, Func<Mark, (int Line, int Column, int Offset)> locate)
    {
        try { return ToValue(node, path, locate); }
        catch (TooDeep) { return null; }
    }
}

/// <summary>Compares YAML nodes by identity (their Equals compares content, and aliases must map to one converted node).</summary>
internal sealed class NodeIdentity : IEqualityComparer<YamlNode>
{
    public static readonly NodeIdentity Instance = new();
    public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);
    public int GetHashCode(YamlNode obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
}
