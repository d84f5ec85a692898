using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace PolicyLint.Rules.Links;

/// <summary>Link text must say where the link goes.</summary>
[MarkdownAnalyzer]
internal sealed class PL3007NonDescriptiveLinkText : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL3007", name: "non-descriptive-link-text",
        title: "Link text must say where the link goes",
        messageFormat: "Link text '{0}' does not say where the link goes; use words that name the target, such as its title",
        category: RuleCategory.Links, defaultSeverity: Severity.Warning, options: "phrases");

    private static readonly IReadOnlyList<string> DefaultPhrases =
        ["here", "click here", "link", "this", "more", "read more", "this link", "click", "there", "this page", "learn more"];

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext c)
    {
        var phrases = new HashSet<string>(c.GetOptions(Rule).GetStringList("phrases", DefaultPhrases).Select(Normalize), StringComparer.Ordinal);
        foreach (var link in LinkCollector.Get(c.File))
        {
            if (link.IsImage || link.Link is not { IsAutoLink: false } inline) continue;
            string text = HeadingInfo.GetPlainText(inline);
            if (text.Length > 0 && phrases.Contains(Normalize(text))) c.Report(Rule, link.Span, text);
        }
    }

    // "Here!", "click  here.", "(here)", "click-here", "click here!!!!" and "Read More" all match their phrase: every run of
    // characters that are not letters or digits counts as one space, and the ends are trimmed (as markdownlint's MD059 does).
    private static string Normalize(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        bool gap = false;
        foreach (char ch in s)
        {
            if (!char.IsLetterOrDigit(ch)) { gap = sb.Length > 0; continue; }
            if (gap) { sb.Append(' '); gap = false; }
            sb.Append(char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }
}
