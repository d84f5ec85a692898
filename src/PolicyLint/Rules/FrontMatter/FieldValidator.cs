using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;
using PolicyLint.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Rules.FrontMatter;

using FrontMatter = PolicyLint.Documents.FrontMatter;

/// <summary>Checks front matter values against PL1004 field specs; every finding is located on the offending value or key.</summary>
internal static class FieldValidator
{
    public static void Validate(FrontMatter fm, IReadOnlyList<KeyValuePair<string, FieldSpec>> specs, Action<TextSpan, string, Fix?> report)
    {
        if (fm.Mapping is not { } root || specs.Count == 0) return;
        var work = new Stack<(YamlMappingNode Map, IReadOnlyList<KeyValuePair<string, FieldSpec>> Specs, string Prefix)>();
        work.Push((root, specs, ""));
        int budget = 10_000; // aliases can repeat a subtree; never check more than this many values
        while (work.Count > 0)
        {
            var (map, list, prefix) = work.Pop();
            foreach (var kv in list)
                if (FieldPath.TryGet(map, kv.Key, out var key, out var value))
                    Check(fm, prefix + kv.Key, key, value, kv.Value, report, work, ref budget);
        }
    }

    private static void Check(FrontMatter fm, string display, YamlScalarNode? key, YamlNode value, FieldSpec spec, Action<TextSpan, string, Fix?> report,
        Stack<(YamlMappingNode, IReadOnlyList<KeyValuePair<string, FieldSpec>>, string)> work, ref int budget)
    {
        // Empty values are PL1005's business (for required fields) or allowed (for optional ones).
        if (--budget < 0 || YamlValues.IsNull(value)) return;
        var where = YamlSpans.Locate(fm, key, value);
        void Report(string problem, Fix? fix = null) => report(where, $"Field '{display}' {problem}", fix);
        if (TypeProblem(spec.Type, value) is { } typeProblem) { Report(typeProblem); return; }
        switch (value)
        {
            case YamlScalarNode s:
                string text = s.Value ?? "";
                if (spec.Enum is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
                {
                    var close = allowed.Where(a => IsClose(text, a)).ToList();
                    string hint = close.Count == 1 ? $"; did you mean '{close[0]}'?" : "";
                    var fix = close.Count == 1 && s.Style is not (ScalarStyle.Literal or ScalarStyle.Folded)
                        ? Fix.Replace($"Replace '{text}' with '{close[0]}'", where, Requote(s, close[0])) : null;
                    Report($"is '{YamlValues.Shorten(text)}', which is not one of {string.Join(", ", allowed)}{hint}", fix);
                }
                if (spec.Pattern is { } pattern)
                {
                    bool ok;
                    try { ok = pattern.IsMatch(text); }
                    catch (RegexMatchTimeoutException) { ok = false; }
                    if (!ok) Report($"is '{YamlValues.Shorten(text)}', which does not match the pattern {spec.PatternText}");
                }
                int length = new StringInfo(text).LengthInTextElements;
                if (spec.MaxLength is { } max && length > max) Report($"is {length} characters long; the limit is {max}");
                if (spec.MinLength is { } min && length < min) Report($"is {length} characters long; it needs at least {min}");
                break;
            case YamlSequenceNode q:
                if (spec.Enum is not null) Report($"is a list, but it must be one of {string.Join(", ", spec.Enum)}");
                if (spec.MinItems is { } minItems && q.Children.Count < minItems) Report($"has {Items(q.Children.Count)}; it needs at least {minItems}");
                if (spec.MaxItems is { } maxItems && q.Children.Count > maxItems) Report($"has {Items(q.Children.Count)}; the limit is {maxItems}");
                if (spec.Items is { } itemSpec)
                    for (int i = 0; i < q.Children.Count; i++)
                        Check(fm, display + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", null, q.Children[i], itemSpec, report, work, ref budget);
                break;
            case YamlMappingNode m:
                if (spec.Enum is not null) Report($"is a map, but it must be one of {string.Join(", ", spec.Enum)}");
                if (spec.Fields is { } fields) work.Push((m, fields, display + "."));
                break;
        }
    }

    private static string Items(int n) => n == 1 ? "1 item" : n.ToString(CultureInfo.InvariantCulture) + " items";

    /// <summary>Why <paramref name="value"/> is not of <paramref name="type"/>, or null when it is.</summary>
    public static string? TypeProblem(FieldType type, YamlNode value)
    {
        var s = value as YamlScalarNode;
        string shown = YamlValues.Describe(value);
        switch (type)
        {
            case FieldType.Any: return null;
            case FieldType.List: return value is YamlSequenceNode ? null : $"is {shown}, but it must be a list";
            case FieldType.Map: return value is YamlMappingNode ? null : $"is {shown}, but it must be a map";
        }
        if (s is null)
        {
            string want = type switch
            {
                FieldType.Number => "a number", FieldType.Boolean => "true or false", FieldType.Date => "a date",
                FieldType.Url => "a URL", FieldType.Email => "an email address", _ => "a string",
            };
            return $"is {shown}, but it must be {want}";
        }
        string v = s.Value ?? "";
        return type switch
        {
            FieldType.String => YamlValues.IsBool(s) ? $"is {v}, a boolean, but it must be a string; quote it" : null,
            FieldType.Number => YamlValues.IsNumber(s, out _) ? null : $"is {shown}, which is not a number",
            FieldType.Boolean => YamlValues.IsBool(s) ? null : $"is {shown}, which is not true or false",
            FieldType.Date => YamlValues.TryParseDate(v, out _, out _) ? null : $"is {shown}, which is not an ISO 8601 date such as 2025-03-31",
            FieldType.Url => YamlValues.IsUrl(v) ? null : $"is {shown}, which is not an absolute http(s) URL",
            FieldType.Email => YamlValues.IsEmail(v) ? null : $"is {shown}, which is not an email address",
            _ => null,
        };
    }

    /// <summary>Close enough for "did you mean": a different case, or a small edit distance.</summary>
    public static bool IsClose(string actual, string candidate)
    {
        string a = actual.ToLowerInvariant(), b = candidate.ToLowerInvariant();
        return EditDistance.Compute(a, b) <= Math.Max(1, Math.Min(a.Length, b.Length) / 3);
    }

    /// <summary>The replacement text for a scalar, quoted as the original was (or double-quoted when plain would change meaning).</summary>
    public static string Requote(YamlScalarNode original, string value)
    {
        if (original.Style == ScalarStyle.SingleQuoted) return "'" + value.Replace("'", "''") + "'";
        bool plainSafe = value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ' ' or '/' or '+' or '(' or ')')
            && value[0] != '-' && value[0] != ' ' && value[value.Length - 1] != ' ';
        if (original.Style != ScalarStyle.DoubleQuoted && plainSafe) return value;
        return "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }
}
