using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Markdig.Extensions.Yaml;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;
using PolicyLint.Engine;

namespace PolicyLint.Cli;

/// <summary>
/// <c>--add-suppressions -- "reason"</c>: writes <c>&lt;!-- policylint-disable-next-line IDS -- reason --&gt;</c> above every
/// current finding where a comment does not change the rendered page, and records the other findings in the baseline.
/// </summary>
/// <remarks>
/// A comment line is an HTML block, which interrupts a paragraph and ends a list or a table: inserted in the middle of
/// one, it would split it. So a comment goes only directly above the first line of a top-level block (a paragraph, a
/// heading, a list, a table, a fence), never inside front matter, a code block, a table, a list item's continuation or
/// a block quote. Findings elsewhere (and engine findings, which comments cannot suppress) go to the baseline.
/// A second run finds nothing new (the findings are suppressed or recorded), so it changes nothing.
/// </remarks>
internal sealed class SuppressionInserter
{
    private readonly TextWriter _out, _err;

    public SuppressionInserter(TextWriter stdout, TextWriter stderr) { _out = stdout; _err = stderr; }

    public int Run(LintResult result, LintSettings s, SourceReader sources)
    {
        string baselinePath = Path.GetFullPath(s.Baseline ?? Baseline.DefaultFileName);
        Baseline? existing = File.Exists(baselinePath) ? Baseline.Load(baselinePath) : null;
        var current = existing is null ? result : existing.Compare(result, sources.Read).Result;

        var fixes = new List<FileFix>();
        var toBaseline = new HashSet<Diagnostic>();
        int comments = 0;
        foreach (var f in current.Files)
        {
            if (f.Diagnostics.IsEmpty) continue;
            byte[] bytes;
            try { bytes = File.ReadAllBytes(f.FullPath); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                fixes.Add(new FileFix(f, Array.Empty<byte>(), "") { Refused = ex.Message });
                continue;
            }
            if (!f.Linted || bytes.Length != f.Length)
            {
                foreach (var d in f.Diagnostics) toBaseline.Add(d);
                continue;
            }
            var file = MarkdownFile.FromBytes(f.Path, bytes);
            var starts = CommentableLines(file);
            var byLine = new SortedDictionary<int, SortedSet<string>>();
            foreach (var d in f.Diagnostics)
            {
                int line = d.Location.StartLine - 1;
                if (d.Descriptor.Category == RuleCategory.Engine || !starts.Contains(line)) { toBaseline.Add(d); continue; }
                if (!byLine.TryGetValue(line, out var ids)) byLine[line] = ids = new SortedSet<string>(StringComparer.Ordinal);
                ids.Add(d.Id);
            }
            if (byLine.Count == 0) continue;
            var sb = new StringBuilder(file.Text.Length + byLine.Count * 80);
            int pos = 0;
            foreach (var kv in byLine)
            {
                int start = file.Lines.GetLineStart(kv.Key);
                sb.Append(file.Text, pos, start - pos);
                sb.Append("<!-- policylint-disable-next-line ").Append(string.Join(" ", kv.Value)).Append(" -- ").Append(s.SuppressionReason)
                  .Append(" -->").Append(file.LineEnding);
                pos = start;
                comments++;
            }
            sb.Append(file.Text, pos, file.Text.Length - pos);
            string text = sb.ToString();
            fixes.Add(new FileFix(f, bytes, file.Text) { FixedText = text, FixedBytes = file.Encode(text), Applied = byLine.Count });
        }

        Baseline? updated = null;
        if (toBaseline.Count > 0)
        {
            var rest = Baseline.Create(current, baselinePath, sources.Read, toBaseline.Contains);
            updated = existing is null ? rest : existing.Combine(rest);
        }

        if (s.Diff)
        {
            var diff = new StringBuilder();
            foreach (var f in fixes.Where(f => f.Changed).OrderBy(f => f.File.Path, StringComparer.Ordinal))
                diff.Append(UnifiedDiff.Create(f.OriginalText, f.FixedText, "a/" + f.File.Path, "b/" + f.File.Path));
            if (updated is not null)
            {
                string rel = Path.GetRelativePath(Directory.GetCurrentDirectory(), baselinePath).Replace('\\', '/');
                diff.Append(UnifiedDiff.Create(existing?.ToJson() ?? "", updated.ToJson(), "a/" + rel, "b/" + rel));
            }
            _out.Write(diff.ToString());
            if (!s.Quiet) _err.WriteLine(diff.Length == 0 ? "No suppressions to add." : Summary(comments, fixes, toBaseline.Count, "Would add") + " (nothing was written).");
            return diff.Length > 0 ? Program.ExitFindings : Program.ExitClean;
        }

        Fixer.Write(fixes);
        foreach (var f in fixes.Where(f => f.Refused is not null)) _err.WriteLine($"{f.File.Path}: not changed: {f.Refused}");
        updated?.Save();
        if (!s.Quiet) _err.WriteLine(comments + toBaseline.Count == 0 ? "No findings to suppress." : Summary(comments, fixes, toBaseline.Count, "Added"));
        return fixes.Any(f => f.Refused is not null) ? Program.ExitFindings : Program.ExitClean;
    }

    private static string Summary(int comments, List<FileFix> fixes, int baselined, string verb)
    {
        int files = fixes.Count(f => f.Changed);
        string text = $"{verb} {comments} suppression comment{(comments == 1 ? "" : "s")} in {files} file{(files == 1 ? "" : "s")}";
        if (baselined > 0) text += $"; {baselined} finding{(baselined == 1 ? "" : "s")} where a comment would change the page {(verb == "Added" ? "went" : "would go")} to the baseline";
        return text;
    }

    /// <summary>0-based lines above which a comment line leaves the rendering as it is: first lines of top-level blocks.</summary>
    private static HashSet<int> CommentableLines(MarkdownFile file)
    {
        var lines = new HashSet<int>();
        int frontMatterEnd = file.FrontMatter.Span.IsEmpty ? -1 : file.Lines.GetPosition(file.FrontMatter.Span.End).Item1;
        foreach (var block in file.Syntax)
        {
            if (block is YamlFrontMatterBlock) continue;
            if (block.Line <= frontMatterEnd) continue;
            lines.Add(block.Line);
        }
        return lines;
    }
}
