using System;
using System.Globalization;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Rules.FrontMatter;

using FrontMatter = PolicyLint.Documents.FrontMatter;

/// <summary>YAML 1.2 core-schema reading of scalars: what a plain <c>true</c>, <c>42</c> or <c>~</c> means.</summary>
internal static class YamlValues
{
    public static bool IsPlain(YamlScalarNode s) => s.Style is ScalarStyle.Plain or ScalarStyle.Any;

    /// <summary>A plain empty value, <c>~</c> or <c>null</c>.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode s && IsPlain(s) && (s.Value is null or "" or "~" or "null" or "Null" or "NULL");

    /// <summary>Null, a blank string, or an empty list or map.</summary>
    public static bool IsEmpty(YamlNode node) => node switch
    {
        YamlScalarNode s => IsNull(s) || string.IsNullOrWhiteSpace(s.Value),
        YamlSequenceNode q => q.Children.Count == 0,
        YamlMappingNode m => m.Children.Count == 0,
        _ => false,
    };

    public static bool IsBool(YamlScalarNode s) =>
        IsPlain(s) && s.Value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE";

    /// <summary>A plain integer or float (decimal, 0x, 0o, .inf, .nan).</summary>
    public static bool IsNumber(YamlScalarNode s, out double value)
    {
        value = 0;
        if (!IsPlain(s) || string.IsNullOrEmpty(s.Value)) return false;
        string v = s.Value!;
        if (v.StartsWith("0x", StringComparison.Ordinal) && v.Length > 2)
            return long.TryParse(v.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long hex) && (value = hex) == hex;
        if (v.StartsWith("0o", StringComparison.Ordinal) && v.Length > 2)
        {
            long n = 0;
            foreach (char c in v.Substring(2)) { if (c < '0' || c > '7' || n > long.MaxValue / 8) return false; n = n * 8 + (c - '0'); }
            value = n;
            return true;
        }
        string t = v.TrimStart('+', '-');
        if (t is ".inf" or ".Inf" or ".INF") { value = v[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity; return true; }
        if (v is ".nan" or ".NaN" or ".NAN") { value = double.NaN; return true; }
        bool digit = false;
        foreach (char c in v)
        {
            if (c >= '0' && c <= '9') digit = true;
            else if (c is not ('+' or '-' or '.' or 'e' or 'E')) return false;
        }
        return digit && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>An ISO 8601 date (<c>2025-03-31</c>) or date and time (<c>2025-03-31T09:00:00Z</c>; UTC when no offset is given).</summary>
    public static bool TryParseDate(string? value, out DateTimeOffset date, out bool hasTime)
    {
        date = default; hasTime = false;
        if (value is null) return false;
        string v = value.Trim();
        if (v.Length == 10)
            return DateTimeOffset.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);
        hasTime = true;
        return v.Length > 10 && DateTimeOffset.TryParseExact(v, DateTimeFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowInnerWhite, out date);
    }

    /// <summary>An absolute http or https URL with a host.</summary>
    public static bool IsUrl(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https")
        && uri.Host.Length > 0 && value.Trim().IndexOf(' ') < 0;

    /// <summary>local@domain.tld, without spaces.</summary>
    public static bool IsEmail(string value)
    {
        int at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1) return false;
        foreach (char c in value) if (char.IsWhiteSpace(c) || c == '<' || c == '>' || c == ',') return false;
        string domain = value.Substring(at + 1);
        int dot = domain.LastIndexOf('.');
        return dot > 0 && dot < domain.Length - 1 && domain.IndexOf("..", StringComparison.Ordinal) < 0;
    }

    /// <summary>How a value reads in a message: <c>'text'</c> (shortened), "a list" or "a map".</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s => "'" + Shorten(s.Value ?? "") + "'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a map",
        _ => "a value",
    };

    public static string Shorten(string s, int max = 60)
    {
        if (s.Length <= max) return s;
        int cut = max - 3;
        if (char.IsHighSurrogate(s[cut - 1])) cut--; // never split a surrogate pair
        return s.Substring(0, cut) + "...";
    }
}

/// <summary>Where to report a finding about a front matter value, in the document's text.</summary>
internal static class YamlSpans
{
    /// <summary>
    /// A plain or quoted scalar: the value itself. A block scalar, list or map: its key (the value spans lines); a list item
    /// without a key: its first line.
    /// </summary>
    public static TextSpan Locate(FrontMatter fm, YamlScalarNode? key, YamlNode value)
    {
        if (value is YamlScalarNode s && !YamlValues.IsNull(s) && s.Style is not (ScalarStyle.Literal or ScalarStyle.Folded))
        {
            var span = Trim(fm, fm.GetSpan(s));
            if (!span.IsEmpty) return span;
        }
        if (key is not null) return fm.GetSpan(key);
        return FirstLine(fm, fm.GetSpan(value).Start);
    }

    /// <summary>From the key to the end of its value's first line (for "this entry").</summary>
    public static TextSpan Entry(FrontMatter fm, YamlScalarNode key, YamlNode value)
    {
        var k = fm.GetSpan(key);
        var v = Locate(fm, null, value);
        return v.Start >= k.End && !YamlValues.IsNull(value) ? TextSpan.FromBounds(k.Start, v.End) : FirstLine(fm, k.Start);
    }

    /// <summary>From <paramref name="start"/> to the end of its line, trailing spaces excluded.</summary>
    public static TextSpan FirstLine(FrontMatter fm, int start)
    {
        int rel = Math.Max(0, Math.Min(start - fm.ContentSpan.Start, fm.Yaml.Length));
        int nl = fm.Yaml.IndexOf('\n', rel);
        int end = nl < 0 ? fm.Yaml.Length : nl;
        return Trim(fm, TextSpan.FromBounds(fm.ContentSpan.Start + rel, fm.ContentSpan.Start + end));
    }

    private static TextSpan Trim(FrontMatter fm, TextSpan span)
    {
        int start = span.Start, end = span.End;
        while (end > start && end - fm.ContentSpan.Start - 1 < fm.Yaml.Length && char.IsWhiteSpace(fm.Yaml[end - fm.ContentSpan.Start - 1])) end--;
        return TextSpan.FromBounds(start, end);
    }
}
