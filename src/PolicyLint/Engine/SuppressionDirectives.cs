using System;
using System.Collections.Generic;
using System.Linq;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace PolicyLint.Engine;

/// <summary>Kinds of <c>policylint-*</c> comment directives.</summary>
internal enum DirectiveKind { Disable, Enable, DisableLine, DisableNextLine, DisableFile }

/// <summary>One <c>&lt;!-- policylint-... --&gt;</c> directive.</summary>
internal sealed class Directive
{
    public Directive(DirectiveKind kind, List<(string Key, TextSpan Span)> rules, string? justification, TextSpan span, int line)
    {
        Kind = kind; Rules = rules; Justification = justification; Span = span; Line = line;
    }
    public DirectiveKind Kind { get; }
    /// <summary>Rule keys as written (ID or name) and where; empty means every rule.</summary>
    public List<(string Key, TextSpan Span)> Rules { get; }
    /// <summary>Resolved rule IDs (unknown keys dropped); null means all rules.</summary>
    public HashSet<string>? RuleIds { get; set; }
    public string? Justification { get; }
    public TextSpan Span { get; }
    /// <summary>0-based line of the comment's start.</summary>
    public int Line { get; }
    public int EndLine { get; set; }
    public bool Used { get; set; }
}

/// <summary>Parses suppression directives from HTML comments (never from code) and answers whether a diagnostic is suppressed.</summary>
internal sealed class SuppressionDirectives
{
    private const string Prefix = "policylint-";
    private readonly List<Directive> _directives = new();
    // Ranges of 0-based lines [start, end) where a rule (or all, key "*") is disabled, with the directive that did it.
    private readonly List<(int Start, int End, string Key, Directive Directive)> _ranges = new();
    // Lines (start, end) where one rule was enabled again inside a disable-everything region.
    private readonly List<(int Start, int End, string Key)> _exceptions = new();

    public IReadOnlyList<Directive> Directives => _directives;

    public static SuppressionDirectives Parse(MarkdownFile file, Func<string, RuleDescriptor?> findRule)
    {
        var result = new SuppressionDirectives();
        if (file.Text.IndexOf(Prefix, StringComparison.Ordinal) < 0) return result;
        foreach (var node in SyntaxWalker.Descendants(file.Syntax))
        {
            switch (node)
            {
                case HtmlBlock block:
                    ScanComments(file, MarkdownFile.GetSpan(block), result._directives);
                    break;
                case HtmlInline inline when inline.Tag.StartsWith("<!--", StringComparison.Ordinal):
                    ScanComments(file, MarkdownFile.GetSpan(inline), result._directives);
                    break;
            }
        }
        foreach (var d in result._directives)
        {
            if (d.Rules.Count == 0) continue;
            d.RuleIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, _) in d.Rules) if (findRule(key) is { } r) d.RuleIds.Add(r.Id);
        }
        result.BuildRanges(file.Lines.LineCount);
        return result;
    }

    private static void ScanComments(MarkdownFile file, TextSpan span, List<Directive> into)
    {
        string text = file.Text;
        int pos = span.Start;
        while (pos < span.End)
        {
            int open = text.IndexOf("<!--", pos, span.End - pos, StringComparison.Ordinal);
            if (open < 0) break;
            int close = text.IndexOf("-->", open + 4, StringComparison.Ordinal);
            if (close < 0) break;
            var d = ParseDirective(text, open, close + 3, file.Lines);
            if (d is not null) into.Add(d);
            pos = close + 3;
        }
    }

    private static Directive? ParseDirective(string text, int start, int end, LineMap lines)
    {
        int i = start + 4;
        while (i < end && char.IsWhiteSpace(text[i])) i++;
        if (string.CompareOrdinal(text, i, Prefix, 0, Prefix.Length) != 0) return null;
        int kwStart = i;
        while (i < end - 3 && !char.IsWhiteSpace(text[i])) i++;
        string keyword = text.Substring(kwStart, i - kwStart);
        if (keyword.EndsWith("--", StringComparison.Ordinal)) return null;
        DirectiveKind kind;
        switch (keyword)
        {
            case "policylint-disable": kind = DirectiveKind.Disable; break;
            case "policylint-enable": kind = DirectiveKind.Enable; break;
            case "policylint-disable-line": kind = DirectiveKind.DisableLine; break;
            case "policylint-disable-next-line": kind = DirectiveKind.DisableNextLine; break;
            case "policylint-disable-file": kind = DirectiveKind.DisableFile; break;
            default: return null;
        }
        int bodyEnd = end - 3;
        string? justification = null;
        int dash = IndexOfJustification(text, i, bodyEnd);
        int rulesEnd = bodyEnd;
        if (dash >= 0)
        {
            justification = text.Substring(dash + 2, bodyEnd - dash - 2).Trim();
            if (justification.Length == 0) justification = null;
            rulesEnd = dash;
        }
        var rules = new List<(string, TextSpan)>();
        int p = i;
        while (p < rulesEnd)
        {
            while (p < rulesEnd && (char.IsWhiteSpace(text[p]) || text[p] == ',')) p++;
            int s = p;
            while (p < rulesEnd && !char.IsWhiteSpace(text[p]) && text[p] != ',') p++;
            if (p > s) rules.Add((text.Substring(s, p - s), TextSpan.FromBounds(s, p)));
        }
        var span = TextSpan.FromBounds(start, end);
        return new Directive(kind, rules, justification, span, lines.GetLineIndex(start)) { EndLine = lines.GetLineIndex(end - 1) };
    }

    private static int IndexOfJustification(string text, int from, int to)
    {
        for (int k = from; k + 1 < to; k++)
            if (text[k] == '-' && text[k + 1] == '-' && (k == from || char.IsWhiteSpace(text[k - 1]))) return k;
        return -1;
    }

    private void BuildRanges(int lineCount)
    {
        // Ranges are kept per rule key ("*" = every rule), so that enabling one rule of a multi-rule directive, or one
        // rule inside a disable-everything region, ends the suppression of that rule only.
        var open = new Dictionary<string, (int Line, Directive D)>(StringComparer.Ordinal);
        var reenabled = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in _directives)
        {
            var keys = d.RuleIds is null ? new[] { "*" } : d.RuleIds.ToArray();
            switch (d.Kind)
            {
                case DirectiveKind.DisableFile:
                    foreach (var k in keys) _ranges.Add((0, lineCount, k, d));
                    break;
                case DirectiveKind.DisableLine:
                    foreach (var k in keys) _ranges.Add((d.Line, d.EndLine + 1, k, d));
                    break;
                case DirectiveKind.DisableNextLine:
                    foreach (var k in keys) _ranges.Add((d.EndLine + 1, d.EndLine + 2, k, d));
                    break;
                case DirectiveKind.Disable:
                    foreach (var k in keys)
                    {
                        if (reenabled.TryGetValue(k, out int from)) { _exceptions.Add((from, d.Line, k)); reenabled.Remove(k); }
                        if (!open.ContainsKey(k)) open[k] = (d.Line, d);
                    }
                    break;
                case DirectiveKind.Enable:
                    if (d.RuleIds is null)
                    {
                        foreach (var kv in open) _ranges.Add((kv.Value.Line, d.Line + 1, kv.Key, kv.Value.D));
                        foreach (var kv in reenabled) _exceptions.Add((kv.Value, d.Line + 1, kv.Key));
                        open.Clear();
                        reenabled.Clear();
                        d.Used = true;
                    }
                    else
                        foreach (var k in keys)
                        {
                            if (open.TryGetValue(k, out var o)) { _ranges.Add((o.Line, d.Line + 1, k, o.D)); open.Remove(k); d.Used = true; }
                            if (open.ContainsKey("*") && !reenabled.ContainsKey(k)) { reenabled[k] = d.Line; d.Used = true; }
                        }
                    break;
            }
        }
        foreach (var kv in open) _ranges.Add((kv.Value.Line, lineCount, kv.Key, kv.Value.D));
        foreach (var kv in reenabled) _exceptions.Add((kv.Value, lineCount, kv.Key));
    }

    /// <summary>True when a directive covers <paramref name="ruleId"/> on 0-based <paramref name="line"/>; marks that directive used.</summary>
    public bool IsSuppressed(string ruleId, int line)
    {
        bool suppressed = false;
        foreach (var (start, end, key, d) in _ranges)
        {
            if (line < start || line >= end) continue;
            if (key != "*" && key != ruleId) continue;
            if (key == "*" && IsReenabled(ruleId, line, start)) continue;
            d.Used = true;
            suppressed = true;
        }
        return suppressed;
    }

    private bool IsReenabled(string ruleId, int line, int regionStart)
    {
        foreach (var (start, end, key) in _exceptions)
            if (key == ruleId && start >= regionStart && line > start && line < end) return true;
        return false;
    }
}
