using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PolicyLint.Configuration;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;
using PolicyLint.LanguageServer.Protocol;

namespace PolicyLint.LanguageServer;

/// <summary>Code actions, completion and hover over a document's latest lint.</summary>
internal static class Features
{
    public const string QuickFix = "quickfix";
    public const string FixAllKind = "source.fixAll.policylint";

    // ---------------------------------------------------------------- code actions

    public static List<CodeAction> CodeActions(OpenDocument doc, LintOutcome outcome, CodeActionParams p)
    {
        var actions = new List<CodeAction>();
        bool wantQuickFix = p.Context.Only is null || p.Context.Only.Any(k => QuickFix.StartsWith(k, StringComparison.Ordinal));
        bool wantFixAll = p.Context.Only is not null && p.Context.Only.Any(k => FixAllKind.StartsWith(k, StringComparison.Ordinal) || k == "source");
        int from = OpenDocument.OffsetOf(outcome.Lines, outcome.Text, p.Range.Start);
        int to = OpenDocument.OffsetOf(outcome.Lines, outcome.Text, p.Range.End);
        if (wantQuickFix)
        {
            var seenRules = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (d, lsp) in outcome.Items)
            {
                if (!Touches(d, outcome, lsp, from, to, p.Context.Diagnostics)) continue;
                if (d.Fix is { } fix)
                {
                    actions.Add(new CodeAction
                    {
                        Title = fix.Title + " (" + d.Id + ")",
                        Kind = QuickFix,
                        Diagnostics = [lsp],
                        IsPreferred = fix.IsSafe ? true : null,
                        Edit = Edit(doc.Uri, outcome, fix.Edits),
                    });
                    if (seenRules.Add(d.Id) && FixAllOfRule(doc, outcome, d.Id) is { } all) actions.Add(all);
                }
                if (Suppress(doc, outcome, d, lsp) is { } suppress) actions.Add(suppress);
            }
        }
        if (wantFixAll && FixAll(doc, outcome, null, "Fix all safe PolicyLint findings in this file", FixAllKind) is { } everything)
            actions.Add(everything);
        return actions;
    }

    private static bool Touches(Diagnostic d, LintOutcome outcome, LspDiagnostic lsp, int from, int to, List<LspDiagnostic> context)
    {
        foreach (var c in context)
            if (c.Code == lsp.Code && SamePosition(c.Range.Start, lsp.Range.Start) && SamePosition(c.Range.End, lsp.Range.End)) return true;
        var span = d.Location.Span;
        if (span.Length == 0 && span.Start == 0 && d.Location.StartLine == 1 && d.Location.StartColumn == 1)
            return from == 0 || outcome.Lines.GetLineIndex(from) == 0;
        return span.Start <= to && from <= span.End;
    }

    private static bool SamePosition(Position a, Position b) => a.Line == b.Line && a.Character == b.Character;

    private static CodeAction? FixAllOfRule(OpenDocument doc, LintOutcome outcome, string ruleId)
    {
        int count = outcome.Items.Count(i => i.Engine.Id == ruleId && i.Engine.Fix is { IsSafe: true });
        if (count < 2) return null;
        return FixAll(doc, outcome, ruleId, $"Fix all {ruleId} findings in this file ({count}, safe fixes)", QuickFix);
    }

    /// <summary>The safe fixes of one rule (or of all rules), in order, leaving out any that overlaps an earlier one.</summary>
    private static CodeAction? FixAll(OpenDocument doc, LintOutcome outcome, string? ruleId, string title, string kind)
    {
        var edits = new List<TextEdit>();
        var diagnostics = new List<LspDiagnostic>();
        int end = -1;
        foreach (var (d, lsp) in outcome.Items.OrderBy(i => i.Engine.Fix?.Bounds.Start ?? 0))
        {
            if (d.Fix is not { IsSafe: true } fix || (ruleId is not null && d.Id != ruleId)) continue;
            if (fix.Bounds.Start < end) continue;
            edits.AddRange(fix.Edits);
            diagnostics.Add(lsp);
            end = fix.Bounds.End;
        }
        if (edits.Count == 0) return null;
        return new CodeAction { Title = title, Kind = kind, Diagnostics = diagnostics, Edit = Edit(doc.Uri, outcome, edits) };
    }

    private static WorkspaceEdit Edit(string uri, LintOutcome outcome, IEnumerable<TextEdit> edits)
    {
        var list = new List<LspTextEdit>();
        foreach (var e in edits)
            list.Add(new LspTextEdit
            {
                Range = new Protocol.Range(OpenDocument.PositionOf(outcome.Lines, e.Span.Start), OpenDocument.PositionOf(outcome.Lines, e.Span.End)),
                NewText = e.NewText,
            });
        return new WorkspaceEdit { Changes = new Dictionary<string, List<LspTextEdit>> { [uri] = list } };
    }

    /// <summary>
    /// A <c>policylint-disable-next-line</c> comment with a reason for the user to fill in. On a line that continues a
    /// paragraph, the comment goes at the end of the line before (a comment on a line of its own would split the paragraph);
    /// otherwise on a new line above, with the same indentation and block quote markers. Engine findings and findings inside
    /// front matter (where an HTML comment would break the YAML) get none.
    /// </summary>
    private static CodeAction? Suppress(OpenDocument doc, LintOutcome outcome, Diagnostic d, LspDiagnostic lsp)
    {
        if (d.Descriptor.Category == RuleCategory.Engine) return null;
        string text = outcome.Text;
        int line = Math.Max(0, d.Location.StartLine - 1);
        if (InFrontMatter(text, outcome.Lines, line)) return null;
        string comment = $"<!-- policylint-disable-next-line {d.Id} -- reason -->";
        int lineStart = outcome.Lines.GetLineStart(line);
        string current = text.Substring(lineStart, outcome.Lines.GetLineEnd(line, text) - lineStart);
        TextEdit edit;
        if (line > 0 && ContinuesParagraph(text, outcome.Lines, line, current))
        {
            int prevEnd = outcome.Lines.GetLineEnd(line - 1, text);
            edit = TextEdit.Insert(prevEnd, " " + comment);
        }
        else
        {
            int prefix = 0;
            while (prefix < current.Length && (current[prefix] is ' ' or '\t' or '>')) prefix++;
            string lineEnding = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            edit = TextEdit.Insert(lineStart, current.Substring(0, prefix) + comment + lineEnding);
        }
        return new CodeAction
        {
            Title = $"Suppress {d.Id} on this line (policylint-disable-next-line, with a reason to fill in)",
            Kind = QuickFix,
            Diagnostics = [lsp],
            Edit = Edit(doc.Uri, outcome, [edit]),
        };
    }

    private static bool InFrontMatter(string text, LineMap lines, int line)
    {
        if (!(text.StartsWith("---\n", StringComparison.Ordinal) || text.StartsWith("---\r\n", StringComparison.Ordinal))) return false;
        for (int i = 1; i < lines.LineCount; i++)
        {
            int s = lines.GetLineStart(i);
            string l = text.Substring(s, lines.GetLineEnd(i, text) - s).TrimEnd();
            if (l is "---" or "...") return line <= i;
        }
        return false;
    }

    private static bool ContinuesParagraph(string text, LineMap lines, int line, string current)
    {
        int ps = lines.GetLineStart(line - 1);
        string prev = text.Substring(ps, lines.GetLineEnd(line - 1, text) - ps);
        if (prev.Trim().Length == 0) return false;
        string t = prev.TrimStart();
        if (t.StartsWith('#') || t.StartsWith("```", StringComparison.Ordinal) || t.StartsWith("~~~", StringComparison.Ordinal)
            || t.StartsWith('|') || t.StartsWith("<!--", StringComparison.Ordinal)) return false;
        string c = current.TrimStart();
        if (c.Length == 0 || c.StartsWith('#') || c.StartsWith("- ", StringComparison.Ordinal) || c.StartsWith("* ", StringComparison.Ordinal)
            || c.StartsWith("+ ", StringComparison.Ordinal) || c.StartsWith('>') || c.StartsWith('|') || c.StartsWith("```", StringComparison.Ordinal)
            || (c.Length > 1 && char.IsDigit(c[0]) && (c.IndexOf(". ", StringComparison.Ordinal) is > 0 and < 10))) return false;
        return true;
    }

    // ---------------------------------------------------------------- hover

    public static Hover? Hover(LintOutcome outcome, Position position, IReadOnlyList<RuleDescriptor> rules)
    {
        int at = OpenDocument.OffsetOf(outcome.Lines, outcome.Text, position);
        var parts = new List<string>();
        Protocol.Range? range = null;
        foreach (var (d, lsp) in outcome.Items)
        {
            var span = d.Location.Span;
            bool fileLevel = span.Length == 0 && span.Start == 0;
            if (!(fileLevel ? outcome.Lines.GetLineIndex(at) == 0 : span.Start <= at && at <= span.End)) continue;
            if (parts.Any(p => p.StartsWith("**" + d.Id + "**", StringComparison.Ordinal))) continue;
            parts.Add(RuleSummary(d.Descriptor));
            range ??= lsp.Range;
        }
        if (parts.Count == 0) return null;
        return new Hover { Contents = new MarkupContent { Kind = "markdown", Value = string.Join("\n\n---\n\n", parts) }, Range = range };
    }

    /// <summary>"**PL3002** anchor-missing: title", the first paragraph of the rule page, and the page link.</summary>
    public static string RuleSummary(RuleDescriptor rule)
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(rule.Id).Append("** ").Append(rule.Name).Append(": ").Append(rule.Title);
        string? summary = PageSummary(RulePages.Get(rule.Id)) ?? (string.IsNullOrWhiteSpace(rule.Description) ? null : rule.Description);
        if (summary is not null) sb.Append("\n\n").Append(summary);
        if (!string.IsNullOrEmpty(rule.HelpLink)) sb.Append("\n\n[Rule page](").Append(rule.HelpLink).Append(')');
        return sb.ToString();
    }

    /// <summary>The first paragraph after the page's title (front matter and headings skipped).</summary>
    internal static string? PageSummary(string? page)
    {
        if (page is null) return null;
        var lines = page.Replace("\r\n", "\n").Split('\n');
        int i = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            i = 1;
            while (i < lines.Length && lines[i].Trim() != "---") i++;
            i++;
        }
        var para = new List<string>();
        for (; i < lines.Length; i++)
        {
            string l = lines[i].Trim();
            if (para.Count == 0 && (l.Length == 0 || l.StartsWith('#') || l.StartsWith("<!--", StringComparison.Ordinal))) continue;
            if (l.Length == 0 || l.StartsWith('#') || l.StartsWith("```", StringComparison.Ordinal)) break;
            para.Add(l);
        }
        return para.Count == 0 ? null : string.Join(" ", para);
    }

    // ---------------------------------------------------------------- completion

    /// <summary>Where a link destination starts on the line before the cursor, or -1 (inline links and reference definitions).</summary>
    internal static int DestinationStart(string lineBeforeCursor)
    {
        int open = lineBeforeCursor.LastIndexOf("](", StringComparison.Ordinal);
        if (open >= 0)
        {
            int start = open + 2;
            string dest = lineBeforeCursor.Substring(start);
            if (dest.IndexOfAny([' ', ')', '"', '\'']) < 0 && !dest.StartsWith('<')) return start;
        }
        // [label]: destination
        string t = lineBeforeCursor.TrimStart();
        if (t.StartsWith('[') && t.IndexOf("]:", StringComparison.Ordinal) is int close and > 0)
        {
            int after = lineBeforeCursor.IndexOf("]:", StringComparison.Ordinal) + 2;
            while (after < lineBeforeCursor.Length && lineBeforeCursor[after] == ' ') after++;
            string dest = lineBeforeCursor.Substring(after);
            if (dest.IndexOf(' ') < 0) return after;
        }
        return -1;
    }

    public static CompletionList Completion(OpenDocument doc, Position position, WorkspaceIndex index)
    {
        var list = new CompletionList();
        var lines = new LineMap(doc.Text);
        int offset = doc.OffsetOf(lines, position);
        int lineStart = lines.GetLineStart(lines.GetLineIndex(offset));
        string before = doc.Text.Substring(lineStart, offset - lineStart);
        int destStart = DestinationStart(before);
        if (destStart < 0) return list;
        string dest = before.Substring(destStart);
        if (dest.Contains("://", StringComparison.Ordinal) || dest.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) return list;
        string docDir = Path.GetDirectoryName(doc.FullPath) ?? "";
        int hash = dest.IndexOf('#');
        if (hash >= 0)
        {
            string pathPart = Uri.UnescapeDataString(dest.Substring(0, hash));
            string prefix = dest.Substring(hash + 1);
            string? target = pathPart.Length == 0 ? doc.FullPath : ResolveMarkdown(docDir, pathPart, index);
            if (target is null) return list;
            var outline = index.GetOutline(target);
            if (outline is null) return list;
            var replace = new Protocol.Range(new Position(position.Line, position.Character - prefix.Length), position);
            int n = 0;
            foreach (var a in outline)
            {
                if (!a.Anchor.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) continue;
                list.Items.Add(new CompletionItem
                {
                    Label = a.Anchor,
                    Kind = 18,
                    Detail = a.Level > 0 ? new string('#', a.Level) + " " + a.Text : "id",
                    SortText = (n++).ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
                    FilterText = a.Anchor,
                    TextEdit = new LspTextEdit { Range = replace, NewText = a.Anchor },
                });
            }
            return list;
        }
        int slash = dest.LastIndexOf('/');
        string dirPart = slash >= 0 ? dest.Substring(0, slash + 1) : "";
        string namePrefix = slash >= 0 ? dest.Substring(slash + 1) : dest;
        string unescapedDir = Uri.UnescapeDataString(dirPart);
        string baseDir = unescapedDir.StartsWith('/') ? (index.RootFor(doc.FullPath) ?? docDir) : docDir;
        string dir;
        try { dir = Path.GetFullPath(Path.Combine(baseDir, unescapedDir.TrimStart('/'))); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException) { return list; }
        string? root = index.RootFor(doc.FullPath);
        if (root is not null && !(dir + Path.DirectorySeparatorChar).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return list;
        string[] dirs, files;
        try
        {
            dirs = Directory.GetDirectories(dir);
            files = Directory.GetFiles(dir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException) { return list; }
        var ignore = index.IgnoreFilter;
        var range = new Protocol.Range(new Position(position.Line, position.Character - namePrefix.Length), position);
        foreach (var d in dirs.OrderBy(x => x, StringComparer.Ordinal))
        {
            string name = Path.GetFileName(d);
            if (name.StartsWith('.') || (ignore?.Invoke(d + Path.DirectorySeparatorChar) ?? false)) continue;
            list.Items.Add(new CompletionItem
            {
                Label = name + "/", Kind = 19, SortText = "1" + name, FilterText = Escape(name),
                TextEdit = new LspTextEdit { Range = range, NewText = Escape(name) + "/" },
            });
        }
        foreach (var f in files.OrderBy(x => x, StringComparer.Ordinal))
        {
            string name = Path.GetFileName(f);
            if (string.Equals(f, doc.FullPath, StringComparison.Ordinal) || name.StartsWith('.') || (ignore?.Invoke(f) ?? false)) continue;
            bool md = EngineBridge.IsMarkdownPath(f);
            list.Items.Add(new CompletionItem
            {
                Label = name, Kind = 17, SortText = (md ? "0" : "2") + name, FilterText = Escape(name),
                TextEdit = new LspTextEdit { Range = range, NewText = Escape(name) },
            });
        }
        return list;
    }

    private static string Escape(string name) => name.Replace("%", "%25").Replace(" ", "%20").Replace("(", "%28").Replace(")", "%29");

    private static string? ResolveMarkdown(string docDir, string pathPart, WorkspaceIndex index)
    {
        try
        {
            string full = Path.GetFullPath(Path.Combine(docDir, pathPart));
            if (File.Exists(full)) return full;
            if (File.Exists(full + ".md")) return full + ".md";
            foreach (var name in new[] { "README.md", "index.md" })
                if (File.Exists(Path.Combine(full, name))) return Path.Combine(full, name);
            return index.OpenText(full) is not null ? full : null;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException) { return null; }
    }
}
