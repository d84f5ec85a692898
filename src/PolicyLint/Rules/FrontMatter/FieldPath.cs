using System;
using System.Collections.Generic;
using System.Globalization;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Rules.FrontMatter;

using FrontMatter = PolicyLint.Documents.FrontMatter;

/// <summary>
/// A field path such as <c>title</c>, <c>meta.owner</c> or <c>authors[].user</c>: names joined by dots, <c>[]</c> after a
/// name meaning "every item of this list".
/// </summary>
internal sealed class FieldPath : IEquatable<FieldPath>
{
    private FieldPath(string text, (string Name, bool Each)[] segments) { Text = text; Segments = segments; }

    public string Text { get; }
    public (string Name, bool Each)[] Segments { get; }
    public string Top => Segments[0].Name;

    /// <summary>Parses a path; null when it is malformed (empty segments, stray brackets).</summary>
    public static FieldPath? TryParse(string text)
    {
        var parts = text.Split('.');
        var segs = new (string, bool)[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            string p = parts[i];
            bool each = p.EndsWith("[]", StringComparison.Ordinal);
            if (each) p = p.Substring(0, p.Length - 2);
            if (p.Length == 0 || p.IndexOf('[') >= 0 || p.IndexOf(']') >= 0) return null;
            segs[i] = (p, each);
        }
        return new FieldPath(text, segs);
    }

    /// <summary>The paths of the parents: <c>authors</c> for <c>authors[].user</c>, <c>meta</c> for <c>meta.owner</c>.</summary>
    public IEnumerable<FieldPath> Parents()
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < Segments.Length - 1; i++)
        {
            if (i > 0) sb.Append('.');
            sb.Append(Segments[i].Name);
            yield return TryParse(sb.ToString())!;
            if (Segments[i].Each) sb.Append("[]");
        }
    }

    public bool Equals(FieldPath? other) => other is not null && other.Text == Text;
    public override bool Equals(object? obj) => Equals(obj as FieldPath);
    public override int GetHashCode() => Text.GetHashCode();
    public override string ToString() => Text;

    /// <summary>
    /// Walks the front matter along this path. <paramref name="found"/> gets each value reached (display path such as
    /// <c>authors[1].user</c>, its key node or null for list items, the value). <paramref name="missing"/> gets each absent
    /// field (display path, where to report it); intermediate fields count as missing only when <paramref name="parentsRequired"/>.
    /// Values of the wrong shape end the walk silently: PL1004 reports those.
    /// </summary>
    public void Walk(FrontMatter fm, bool parentsRequired, Action<string, YamlScalarNode?, YamlNode>? found, Action<string, TextSpan>? missing)
    {
        if (fm.Mapping is not { } root) return;
        var stack = new Stack<(YamlMappingNode Map, int Index, string Prefix, TextSpan Anchor)>();
        stack.Push((root, 0, "", fm.OpeningFenceSpan));
        int budget = 10_000; // aliases can make lists share items: never walk more than this
        while (stack.Count > 0 && budget-- > 0)
        {
            var (map, i, prefix, anchor) = stack.Pop();
            var (name, each) = Segments[i];
            bool last = i == Segments.Length - 1;
            string display = prefix + name;
            if (!TryGet(map, name, out var key, out var value))
            {
                if (last || parentsRequired) missing?.Invoke(display, anchor);
                continue;
            }
            if (!each)
            {
                if (last) found?.Invoke(display, key, value);
                else if (value is YamlMappingNode child) stack.Push((child, i + 1, display + ".", YamlSpans.Locate(fm, key, value)));
                continue;
            }
            if (value is not YamlSequenceNode seq) { if (last) found?.Invoke(display, key, value); continue; }
            if (last)
                for (int j = 0; j < seq.Children.Count; j++) found?.Invoke(Item(display, j), null, seq.Children[j]);
            else
                for (int j = seq.Children.Count - 1; j >= 0; j--)
                    if (seq.Children[j] is YamlMappingNode m) stack.Push((m, i + 1, Item(display, j) + ".", YamlSpans.Locate(fm, null, m)));
        }
    }

    private static string Item(string display, int j) => display + "[" + j.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>Finds a key in a mapping (scalar keys only).</summary>
    public static bool TryGet(YamlMappingNode map, string name, out YamlScalarNode key, out YamlNode value)
    {
        foreach (var kv in map.Children)
            if (kv.Key is YamlScalarNode k && k.Value == name) { key = k; value = kv.Value; return true; }
        key = null!; value = null!;
        return false;
    }
}
