using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace Acme.MarkdownRules;

/// <summary>
/// ACME1001 forbidden-terms: words Acme does not publish (DRAFT marks, internal code names), as whole words in the text
/// (code spans and code blocks may quote them). A term with a configured replacement gets a safe fix.
/// </summary>
[MarkdownAnalyzer]
public sealed class ForbiddenTermsAnalyzer : MarkdownAnalyzer
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "ACME1001", name: "forbidden-terms",
        title: "Published documents must not use forbidden terms",
        messageFormat: "'{0}' must not be published{1}{2}",
        category: RuleCategory.Custom, defaultSeverity: Severity.Error, hasFix: true,
        helpLink: "https://docs.acme.example/markdown-rules/ACME1001",
        options: ForbiddenTermsOptions.Names);

    public override ImmutableArray<RuleDescriptor> SupportedRules => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext context)
    {
        // Options are read per document: overrides in the configuration may give a folder its own terms.
        var options = ForbiddenTermsOptions.Read(context.GetOptions(Rule));
        string text = context.File.Text;
        int reported = 0;
        foreach (var literal in SyntaxWalker.Descendants<LiteralInline>(context.File.Syntax))
        {
            if (options.IgnoreHeadings && IsInHeading(literal)) continue;
            foreach (var (start, term) in Find(text, MarkdownFile.GetSpan(literal), options))
            {
                if (reported++ == options.MaxPerDocument) return;
                var span = new TextSpan(start, term.Length);
                string found = text.Substring(start, term.Length);
                string reason = options.Reason.Length > 0 ? ": " + options.Reason : "";
                if (options.Replacements.TryGetValue(term, out var replacement))
                    context.Report(Rule, span, Fix.Replace($"Replace '{found}' with '{replacement}'", span, replacement), found, reason, $"; write '{replacement}'");
                else
                    context.Report(Rule, span, found, reason, "");
            }
        }
    }

    /// <summary>Whole-word occurrences of the terms inside <paramref name="span"/>, in text order.</summary>
    private static List<(int Start, string Term)> Find(string text, TextSpan span, ForbiddenTermsOptions options)
    {
        var hits = new List<(int, string)>();
        var comparison = options.CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        foreach (var term in options.Terms)
        {
            for (int i = text.IndexOf(term, span.Start, span.Length, comparison); i >= 0 && i + term.Length <= span.End;
                 i = i + 1 < span.End ? text.IndexOf(term, i + 1, span.End - i - 1, comparison) : -1)
            {
                bool wordStart = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
                bool wordEnd = i + term.Length == text.Length || !char.IsLetterOrDigit(text[i + term.Length]);
                if (wordStart && wordEnd) hits.Add((i, term));
            }
        }
        hits.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return hits;
    }

    private static bool IsInHeading(Inline inline)
    {
        Inline node = inline;
        while (node.Parent is { } parent) node = parent;
        return node is ContainerInline { ParentBlock: HeadingBlock };
    }
}
