using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.FileSystemGlobbing;
using PolicyLint.Analysis;
using PolicyLint.Documents;
using PolicyLint.Values;

namespace PolicyLint.Rules.Headings;

/// <summary>How often a template entry may occur.</summary>
internal enum Occurs
{
    ExactlyOne,
    Optional,
    ZeroOrMore,
    OneOrMore,
}

/// <summary>One entry of a section template: heading alternatives (or <c>*</c>), a level, how often.</summary>
internal sealed class SectionEntry
{
    private readonly string[] _alternatives;

    public SectionEntry(string pattern, int level, Occurs occurs)
    {
        Pattern = pattern; Level = level; Occurs = occurs;
        IsWildcard = pattern.Trim() == "*";
        var alts = pattern.Split('|');
        _alternatives = new string[alts.Length];
        for (int i = 0; i < alts.Length; i++) _alternatives[i] = Key(alts[i]);
    }

    public string Pattern { get; }
    /// <summary>1-6, or 0 for any level.</summary>
    public int Level { get; }
    public Occurs Occurs { get; }
    /// <summary><c>*</c>: any heading that no named entry of the template claims.</summary>
    public bool IsWildcard { get; }
    public bool IsRequired => Occurs is Occurs.ExactlyOne or Occurs.OneOrMore;
    public bool IsSingle => Occurs is Occurs.ExactlyOne or Occurs.Optional;

    public bool LevelMatches(int level) => Level == 0 || Level == level;

    /// <summary>Text match: case-insensitive, whitespace collapsed, a leading section number ("2.", "3.1", "4)") ignored, '*' a wildcard.</summary>
    public bool TextMatches(string headingKey)
    {
        foreach (var alt in _alternatives)
            if (Glob.IsMatch(headingKey, alt)) return true;
        return false;
    }

    /// <summary>How messages name the entry: <c>'## Purpose'</c>, or <c>'Purpose'</c> when any level will do.</summary>
    public string Display
    {
        get
        {
            string first = Pattern.Split('|')[0].Trim();
            if (IsWildcard) return Level == 0 ? "any section" : "any H" + Level + " section";
            return "'" + (Level > 0 ? new string('#', Level) + " " : "") + first + "'";
        }
    }

    /// <summary>The comparison key of a heading text.</summary>
    public static string Key(string text)
    {
        string t = HeadingOutline.Normalize(text).ToLowerInvariant();
        int i = 0;
        while (i < t.Length && (char.IsDigit(t[i]) || t[i] == '.')) i++;
        if (i > 0 && i < t.Length && char.IsDigit(t[0]))
        {
            if (t[i] == ')') i++;
            if (i < t.Length && t[i] == ' ') return t.Substring(i + 1);
        }
        return t;
    }
}

/// <summary>A document type: how documents are recognised, and their section template.</summary>
internal sealed class DocumentType
{
    public DocumentType(string name) => Name = name;

    public string Name { get; }
    public string? Field { get; set; }
    public List<string> Values { get; } = new();
    public Matcher? Files { get; set; }
    public bool AllowOtherSections { get; set; } = true;
    public List<SectionEntry> Sections { get; } = new();

    public bool MatchesFrontMatter(Documents.FrontMatter fm)
    {
        if (Field is null || !fm.TryGetEntry(Field, out _, out var value) || value is not YamlDotNet.RepresentationModel.YamlScalarNode s || s.Value is null) return false;
        foreach (var v in Values)
            if (string.Equals(v.Trim(), s.Value.Trim(), StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}

/// <summary>Reads and caches the <c>documentTypes</c> option of PL4007 and picks the type of a document.</summary>
internal static class DocumentTypes
{
    public const string OptionKey = "documentTypes";
    private static readonly ConditionalWeakTable<RuleOptions, List<DocumentType>> Cache = new();

    /// <summary>The type of the document: a front matter match first (declaration order), else the first file glob that matches.</summary>
    public static DocumentType? Select(RuleOptions options, MarkdownFile file, string fullPath, AnalysisWorkspace workspace)
    {
        var types = Cache.GetValue(options, Parse);
        if (types.Count == 0) return null;
        foreach (var t in types) if (t.MatchesFrontMatter(file.FrontMatter)) return t;
        string rel = workspace.GetPathFromRoot(fullPath);
        if (rel.StartsWith("..", StringComparison.Ordinal)) rel = file.Path.Replace('\\', '/');
        foreach (var t in types) if (t.Files is not null && t.Files.Match(rel).HasMatches) return t;
        return null;
    }

    private static List<DocumentType> Parse(RuleOptions options)
    {
        var list = new List<DocumentType>();
        if (!options.TryGetValue(OptionKey, out var node)) return list;
        string source = options.GetSource(OptionKey) ?? "<options>";
        if (node is ScalarValue { Value: "" }) return list;
        foreach (var kv in node.AsMapping(OptionKey).Entries)
        {
            var type = new DocumentType(kv.Key.AsString(OptionKey));
            var body = kv.Value.AsMapping(OptionKey + "." + type.Name);
            bool hasMatch = false;
            foreach (var p in body.Entries)
            {
                string key = p.Key.AsString(type.Name);
                string where = $"{OptionKey}.{type.Name}.{key}";
                switch (key)
                {
                    case "match":
                        var m = p.Value.AsMapping(where);
                        type.Field = "type";
                        foreach (var f in m.Entries)
                        {
                            string fk = f.Key.AsString(where);
                            if (fk == "field") type.Field = f.Value.AsString(where + ".field");
                            else if (fk == "value") type.Values.AddRange(f.Value.AsStringList(where + ".value"));
                            else throw f.Key.Error($"Unknown key '{fk}' in {where}; expected 'field' or 'value'");
                        }
                        if (type.Values.Count == 0) throw p.Value.Error($"{where} needs a 'value'");
                        hasMatch = true;
                        break;
                    case "files":
                        var globs = p.Value.AsStringList(where);
                        type.Files = new Matcher(StringComparison.OrdinalIgnoreCase);
                        type.Files.AddIncludePatterns(globs);
                        hasMatch = true;
                        break;
                    case "allowOtherSections":
                        type.AllowOtherSections = p.Value.AsBool(where);
                        break;
                    case "sections":
                        if (p.Value is not SequenceValue seq) throw p.Value.Error($"{where} must be a list");
                        foreach (var item in seq.Items) type.Sections.Add(ParseEntry(source, item, where));
                        break;
                    default:
                        throw p.Key.Error($"Unknown key '{key}' in document type '{type.Name}'; expected match, files, allowOtherSections or sections");
                }
            }
            if (!hasMatch) { type.Field = "type"; type.Values.Add(type.Name); }
            if (type.Sections.Count == 0) throw kv.Key.Error($"Document type '{type.Name}' needs a non-empty 'sections' list");
            list.Add(type);
        }
        return list;
    }

    private static SectionEntry ParseEntry(string source, ValueNode item, string where)
    {
        if (item is ScalarValue s)
        {
            // Shorthand: "## Purpose" (level from the markers) or "Purpose" (any level).
            string v = s.AsString(where).Trim();
            int hashes = 0;
            while (hashes < v.Length && v[hashes] == '#') hashes++;
            if (hashes > 6) throw item.Error($"'{v}' has more than six '#'");
            return new SectionEntry(v.Substring(hashes).Trim(), hashes, Occurs.ExactlyOne);
        }
        var m = item.AsMapping(where + " item");
        string? heading = null;
        int level = 0;
        var occurs = Occurs.ExactlyOne;
        foreach (var kv in m.Entries)
        {
            string key = kv.Key.AsString(where);
            string value = kv.Value.AsString(where + "." + key);
            switch (key)
            {
                case "heading": heading = value.Trim(); break;
                case "level":
                    if (!int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out level) || level < 1 || level > 6)
                        throw kv.Value.Error($"'level' must be 1 to 6, not '{value}'");
                    break;
                case "occurs":
                    occurs = value switch
                    {
                        "one" or "exactly-one" => Occurs.ExactlyOne,
                        "optional" or "zero-or-one" => Occurs.Optional,
                        "zero-or-more" => Occurs.ZeroOrMore,
                        "one-or-more" => Occurs.OneOrMore,
                        _ => throw kv.Value.Error($"'occurs' must be one, optional, zero-or-more or one-or-more, not '{value}'"),
                    };
                    break;
                default:
                    throw kv.Key.Error($"Unknown key '{key}' in a section; expected heading, level or occurs");
            }
        }
        if (string.IsNullOrEmpty(heading)) throw item.Error("A section needs a 'heading' (text, alternatives with '|', or '*')");
        return new SectionEntry(heading!, level, occurs);
    }
}

/// <summary>Case-sensitive '*' wildcard match without backtracking blow-up (the classic two-pointer algorithm).</summary>
internal static class Glob
{
    public static bool IsMatch(string text, string pattern)
    {
        if (pattern.IndexOf('*') < 0) return text == pattern;
        int t = 0, p = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*') { star = p++; mark = t; }
            else if (p < pattern.Length && pattern[p] == text[t]) { p++; t++; }
            else if (star >= 0) { p = star + 1; t = ++mark; }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
