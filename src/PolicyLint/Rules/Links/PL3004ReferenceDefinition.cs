using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace PolicyLint.Rules.Links;

/// <summary>Reference definitions must be used, and defined once.</summary>
[MarkdownAnalyzer]
internal sealed class PL3004ReferenceDefinition : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL3004", name: "unused-reference-definition",
        title: "Reference definitions must be used, and defined once",
        messageFormat: "Reference definition '[{0}]' {1}",
        category: RuleCategory.Links, defaultSeverity: Severity.Warning, hasFix: true);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext c)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var defs = new List<LinkReferenceDefinition>();
        foreach (var node in c.File.Index.Nodes)
        {
            if (node is LinkInline { Reference: { } r }) used.Add(ReferenceScanner.NormalizeLabel(r.Label ?? ""));
            else if (node is LinkReferenceDefinition def && def is not HeadingLinkReferenceDefinition && def is not FootnoteLinkReferenceDefinition)
                defs.Add(def);
        }
        var first = new Dictionary<string, LinkReferenceDefinition>(StringComparer.Ordinal);
        foreach (var def in defs)
        {
            // [//]: # (a comment) and [comment]: <> (text): comments, however often repeated; never unused, never duplicates.
            if (string.IsNullOrEmpty(def.Url) || def.Url == "#") continue;
            string key = ReferenceScanner.NormalizeLabel(def.Label ?? "");
            var span = MarkdownFile.GetSpan(def);
            if (first.TryGetValue(key, out var winner))
            {
                int line = c.File.Lines.GetPosition(MarkdownFile.GetSpan(winner).Start).Line;
                c.Report(Rule, span, def.Label, $"is defined again; the first definition (line {line}) wins, so remove or rename this one");
                continue;
            }
            first[key] = def;
            if (used.Contains(key)) continue;
            var fix = WholeLines(c.File, span) is { } lines ? Fix.Replace($"Remove the unused definition '[{def.Label}]'", lines, "") : null;
            c.Report(Rule, span, fix, def.Label, "is never used; remove it or link to it");
        }
    }

    /// <summary>The definition's lines with their line break, when nothing else shares them.</summary>
    private static TextSpan? WholeLines(MarkdownFile file, TextSpan span)
    {
        string t = file.Text;
        int start = span.Start;
        while (start > 0 && t[start - 1] != '\n') { if (!char.IsWhiteSpace(t[start - 1])) return null; start--; }
        int end = span.End;
        while (end < t.Length && t[end] != '\n') { if (!char.IsWhiteSpace(t[end])) return null; end++; }
        if (end < t.Length) end++;
        return TextSpan.FromBounds(start, end);
    }
}
