using System;
using System.Collections.Generic;
using System.Linq;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace PolicyLint.Engine;

/// <summary>Kinds of <c>policylint-*</c> comment directives.</summary>
internal enum DirectiveKind { Disable, Enable, DisableLine, DisableNextLine, DisableFile, EnableFile, Capture, Restore }

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
    /// <summary>
    /// A markdownlint comment (<c>markdownlint-disable MD051</c>): it silences the PolicyLint rules that check the same thing, and
    /// is never reported as unused, unknown or unjustified, because it is there for markdownlint too.
    /// </summary>
    public bool IsMarkdownlint { get; init; }
}

/// <summary>Parses suppression directives from HTML comments (never from code) and answers whether a diagnostic is suppressed.</summary>
internal sealed class SuppressionDirectives
{
    private const string Prefix = "policylint-";
    private const string MarkdownlintPrefix = "markdownlint-";
    private readonly List<Directive> _directives = new();
    // Ranges of 0-based lines [start, end) where a rule (or all, key "*") is disabled, with the directive that did it.
    private readonly List<(int Start, int End, string Key, Directive Directive)> _ranges = new();
    // Lines (start, end) where one rule was enabled again inside a disable-everything region.
    private readonly List<(int Start, int End, string Key)> _exceptions = new();

    public IReadOnlyList<Directive> Directives => _directives;

    public static SuppressionDirectives Parse(MarkdownFile file, Func<string, RuleDescriptor?> findRule)
    {
        var result = new SuppressionDirectives();
        if (file.Text.IndexOf(Prefix, StringComparison.Ordinal) < 0 && file.Text.IndexOf(MarkdownlintPrefix, StringComparison.Ordinal) < 0) return result;
        foreach (var node in file.Index.Nodes)
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
            if (d.Rules.Count == 0 || d.IsMarkdownlint) continue;
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
        if (string.CompareOrdinal(text, i, MarkdownlintPrefix, 0, MarkdownlintPrefix.Length) == 0) return ParseMarkdownlint(text, i, end, lines, start);
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

    /// <summary>
    /// <c>markdownlint-disable|enable[-file|-line|-next-line] [rules]</c>, <c>markdownlint-capture</c>, <c>markdownlint-restore</c>
    /// (markdownlint's own syntax: rules by ID, name or tag, any case, space-separated). Rules with no PolicyLint counterpart are
    /// ignored; no rules means every mapped rule. <c>markdownlint-configure-file</c> is not read.
    /// </summary>
    private static Directive? ParseMarkdownlint(string text, int i, int end, LineMap lines, int start)
    {
        int kwStart = i;
        while (i < end - 3 && !char.IsWhiteSpace(text[i])) i++;
        DirectiveKind kind;
        switch (text.Substring(kwStart, i - kwStart))
        {
            case "markdownlint-disable": kind = DirectiveKind.Disable; break;
            case "markdownlint-enable": kind = DirectiveKind.Enable; break;
            case "markdownlint-disable-line": kind = DirectiveKind.DisableLine; break;
            case "markdownlint-disable-next-line": kind = DirectiveKind.DisableNextLine; break;
            case "markdownlint-disable-file": kind = DirectiveKind.DisableFile; break;
            case "markdownlint-enable-file": kind = DirectiveKind.EnableFile; break;
            case "markdownlint-capture": kind = DirectiveKind.Capture; break;
            case "markdownlint-restore": kind = DirectiveKind.Restore; break;
            default: return null;
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        bool named = false;
        int p = i, bodyEnd = end - 3;
        while (p < bodyEnd)
        {
            while (p < bodyEnd && (char.IsWhiteSpace(text[p]) || text[p] == ',')) p++;
            int s = p;
            while (p < bodyEnd && !char.IsWhiteSpace(text[p]) && text[p] != ',') p++;
            if (p == s) continue;
            named = true;
            foreach (var id in MarkdownlintRules.Resolve(text.Substring(s, p - s))) ids.Add(id);
        }
        if (!named) foreach (var id in MarkdownlintRules.AllMapped) ids.Add(id);
        return new Directive(kind, new List<(string, TextSpan)>(), null, TextSpan.FromBounds(start, end), lines.GetLineIndex(start))
        {
            EndLine = lines.GetLineIndex(end - 1), RuleIds = ids, IsMarkdownlint = true,
        };
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
        // rule inside a disable-everything region, ends the suppression of that rule only. markdownlint comments keep their
        // own state: a markdownlint-enable never ends a policylint-disable, nor the other way round.
        var open = new Dictionary<string, (int Line, Directive D)>(StringComparer.Ordinal);
        var foreign = new Dictionary<string, (int Line, Directive D)>(StringComparer.Ordinal);
        Dictionary<string, (int Line, Directive D)>? captured = null;
        var fileWide = new Dictionary<string, Directive>(StringComparer.Ordinal);
        var reenabled = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in _directives)
        {
            var keys = d.RuleIds is null ? new[] { "*" } : d.RuleIds.ToArray();
            switch (d.Kind)
            {
                case DirectiveKind.DisableFile when d.IsMarkdownlint:
                    foreach (var k in keys) if (!fileWide.ContainsKey(k)) fileWide[k] = d;
                    break;
                case DirectiveKind.EnableFile:
                    foreach (var k in keys) fileWide.Remove(k);
                    break;
                case DirectiveKind.DisableFile:
                    foreach (var k in keys) _ranges.Add((0, lineCount, k, d));
                    break;
                case DirectiveKind.DisableLine:
                    foreach (var k in keys) _ranges.Add((d.Line, d.EndLine + 1, k, d));
                    break;
                case DirectiveKind.DisableNextLine:
                    foreach (var k in keys) _ranges.Add((d.EndLine + 1, d.EndLine + 2, k, d));
                    break;
                case DirectiveKind.Disable when d.IsMarkdownlint:
                    foreach (var k in keys) if (!foreign.ContainsKey(k)) foreign[k] = (d.Line, d);
                    break;
                case DirectiveKind.Enable when d.IsMarkdownlint:
                    foreach (var k in keys) Close(foreign, k, d.Line);
                    break;
                case DirectiveKind.Capture:
                    captured = new Dictionary<string, (int, Directive)>(foreign, StringComparer.Ordinal);
                    break;
                case DirectiveKind.Restore:
                    // Back to the captured state (or to nothing disabled, markdownlint's state before any capture).
                    foreach (var k in foreign.Keys.ToList()) if (captured is null || !captured.ContainsKey(k)) Close(foreign, k, d.Line);
                    if (captured is not null)
                        foreach (var kv in captured) if (!foreign.ContainsKey(kv.Key)) foreign[kv.Key] = (d.Line, kv.Value.D);
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
        foreach (var kv in foreign) _ranges.Add((kv.Value.Line, lineCount, kv.Key, kv.Value.D));
        foreach (var kv in fileWide) _ranges.Add((0, lineCount, kv.Key, kv.Value));
        foreach (var kv in reenabled) _exceptions.Add((kv.Value, lineCount, kv.Key));
    }

    // markdownlint applies a comment's state to its own line onward, so an enable ends the range before its line.
    private void Close(Dictionary<string, (int Line, Directive D)> state, string key, int line)
    {
        if (!state.TryGetValue(key, out var o)) return;
        _ranges.Add((o.Line, line, key, o.D));
        state.Remove(key);
    }

    // Ranges of at most ShortRange lines are found through their lines; longer ones through their key, sorted by start. A
    // query then costs the ranges that could cover it, not all of them (100,000 next-line directives with as many findings
    // was quadratic, and so were 50,000 disable/enable pairs a dozen lines apart).
    private const int ShortRange = 8;
    private Dictionary<(string Key, int Line), List<int>>? _byLine;
    private Dictionary<string, LongRanges>? _longByKey;
    private Dictionary<string, List<(int Start, int End)>>? _exceptionsByKey;

    /// <summary>One key's long ranges by start, with the furthest end of each prefix: a query walks back from the last range
    /// that starts at or before its line only while an earlier range still reaches it.</summary>
    private sealed class LongRanges
    {
        public readonly List<int> Indexes = new();
        public int[] Starts = Array.Empty<int>();
        public int[] ReachBefore = Array.Empty<int>();   // the furthest end among Indexes[0..k]
    }

    private void BuildIndex()
    {
        _byLine = new Dictionary<(string, int), List<int>>();
        _longByKey = new Dictionary<string, LongRanges>(StringComparer.Ordinal);
        for (int i = 0; i < _ranges.Count; i++)
        {
            var (start, end, key, _) = _ranges[i];
            if (end - start <= ShortRange)
                for (int line = start; line < end; line++) Bucket(_byLine, (key, line)).Add(i);
            else
            {
                if (!_longByKey.TryGetValue(key, out var list)) _longByKey[key] = list = new LongRanges();
                list.Indexes.Add(i);
            }
        }
        foreach (var list in _longByKey.Values)
        {
            list.Indexes.Sort((a, b) => _ranges[a].Start != _ranges[b].Start ? _ranges[a].Start.CompareTo(_ranges[b].Start) : a.CompareTo(b));
            list.Starts = new int[list.Indexes.Count];
            list.ReachBefore = new int[list.Indexes.Count];
            int reach = int.MinValue;
            for (int k = 0; k < list.Indexes.Count; k++)
            {
                var r = _ranges[list.Indexes[k]];
                list.Starts[k] = r.Start;
                list.ReachBefore[k] = reach = Math.Max(reach, r.End);
            }
        }
        _exceptionsByKey = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        foreach (var (start, end, key) in _exceptions) Bucket(_exceptionsByKey, key).Add((start, end));
        foreach (var list in _exceptionsByKey.Values) list.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>The number of entries of the sorted <paramref name="starts"/> at or before <paramref name="line"/>.</summary>
    private static int CountStartingBy(int[] starts, int line)
    {
        int lo = 0, hi = starts.Length;
        while (lo < hi)
        {
            int mid = lo + (hi - lo) / 2;
            if (starts[mid] <= line) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static List<TValue> Bucket<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = new List<TValue>();
        return list;
    }

    /// <summary>True when a directive covers <paramref name="ruleId"/> on 0-based <paramref name="line"/>; marks that directive used.</summary>
    public bool IsSuppressed(string ruleId, int line)
    {
        if (_byLine is null) BuildIndex();
        bool suppressed = false;
        foreach (string key in new[] { ruleId, "*" })
        {
            if (_byLine!.TryGetValue((key, line), out var near))
                foreach (int i in near) suppressed |= Covers(i, ruleId, line);
            if (_longByKey!.TryGetValue(key, out var far))
                for (int k = CountStartingBy(far.Starts, line) - 1; k >= 0 && far.ReachBefore[k] > line; k--)
                    suppressed |= Covers(far.Indexes[k], ruleId, line);
        }
        return suppressed;
    }

    /// <summary>Ranges looked at by <see cref="IsSuppressed"/> so far (tests check it stays proportional to the findings).</summary>
    internal long Probes { get; private set; }

    private bool Covers(int index, string ruleId, int line)
    {
        Probes++;
        var (start, end, key, d) = _ranges[index];
        if (line < start || line >= end) return false;
        if (key == "*" && IsReenabled(ruleId, line, start)) return false;
        d.Used = true;
        return true;
    }

    private bool IsReenabled(string ruleId, int line, int regionStart)
    {
        if (!_exceptionsByKey!.TryGetValue(ruleId, out var list)) return false;
        // One key's exceptions never overlap (an enable inside a disable-everything region is closed before the next opens)
        // and are sorted by start: only the last one that starts before the line can hold it.
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            int mid = lo + (hi - lo) / 2;
            if (list[mid].Start < line) lo = mid + 1; else hi = mid;
        }
        if (lo == 0) return false;
        Probes++;
        var (start, end) = list[lo - 1];
        return start >= regionStart && line < end;
    }
}
