using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Markdig.Extensions.Footnotes;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace PolicyLint.Rules.Links;

/// <summary>Footnotes must be referenced, and references must have a footnote.</summary>
[MarkdownAnalyzer]
internal sealed class PL3010Footnotes : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL3010", name: "footnote-reference",
        title: "Footnotes must be referenced, and references must have a footnote",
        messageFormat: "{0}",
        category: RuleCategory.Links, defaultSeverity: Severity.Warning);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext c)
    {
        string text = c.File.Text;
        if (text.IndexOf("[^", StringComparison.Ordinal) < 0) return;
        // Markdig keeps a definition for every footnote, referenced or not; the footnote's links are its references.
        var defined = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in c.File.Index.Definitions)
        {
            if (d is not FootnoteLinkReferenceDefinition def) continue;
            string label = (def.Footnote.Label ?? def.Label ?? "").TrimStart('^');
            defined[Key(label)] = label;
            // Markdig does not see every reference other generators do (in MkDocs content tabs, say): any '[^label]' elsewhere counts.
            if (def.Footnote.Links.Count > 0 || Occurrences(text, "[^" + label + "]") > 1) continue;
            var span = LabelSpan(text, MarkdownFile.GetSpan(def.Footnote));
            c.Report(Rule, span, $"Footnote '[^{label}]' is never referenced, so GitHub does not show it; reference it with '[^{label}]' in the text or remove it");
        }
        // A reference with no footnote stays text: Markdig leaves it in the prose, where the other references became links.
        char[] prose = ProseText.Get(c.File);
        int n = text.Length; // the prose buffer is pooled: it may be longer than the text
        for (int i = 0; i + 2 < n; i++)
        {
            if (prose[i] == '\\') { i++; continue; }
            if (prose[i] != '[' || prose[i + 1] != '^') continue;
            int close = i + 2;
            while (close < n && close - i < 200 && prose[close] is not (']' or '[' or '\n' or ' ' or '\t' or '\0')) close++;
            if (close >= n || prose[close] != ']' || close == i + 2) continue;
            if (close + 1 < n && prose[close + 1] == ':') continue; // a definition that did not parse as one
            string label = new string(prose, i + 2, close - i - 2);
            if (defined.ContainsKey(Key(label)) || IsFootnoteLink(c.File, i) || text.IndexOf("[^" + label + "]:", StringComparison.Ordinal) >= 0) { i = close; continue; }
            c.Report(Rule, TextSpan.FromBounds(i, close + 1), $"Footnote reference '[^{label}]' has no footnote, so it shows as text; add '[^{label}]: ...' or remove it");
            i = close;
        }
    }

    private static int Occurrences(string text, string s)
    {
        int n = 0;
        for (int at = text.IndexOf(s, StringComparison.Ordinal); at >= 0 && n < 2; at = text.IndexOf(s, at + s.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    private static string Key(string label) => ReferenceScanner.NormalizeLabel(label);

    /// <summary>True when a parsed footnote reference starts at <paramref name="offset"/>.</summary>
    private static bool IsFootnoteLink(MarkdownFile file, int offset)
    {
        foreach (var link in file.Index.FootnoteLinks)
            if (MarkdownFile.GetSpan(link).Start == offset) return true;
        return false;
    }

    /// <summary>The <c>[^label]</c> at the start of a footnote block.</summary>
    private static TextSpan LabelSpan(string text, TextSpan block)
    {
        // The block's span starts at its content, after the label on the same line.
        int lineStart = block.Start > 0 ? text.LastIndexOf('\n', block.Start - 1) + 1 : 0;
        int open = text.IndexOf("[^", lineStart, StringComparison.Ordinal);
        if (open < 0 || open >= block.End) return new TextSpan(block.Start, 0);
        int close = text.IndexOf(']', open);
        return close < 0 || close > block.End ? new TextSpan(block.Start, 0) : TextSpan.FromBounds(open, close + 1);
    }
}
