using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;

namespace PolicyLint.Rules.Links;

/// <summary>Link targets must be well-formed URLs or paths.</summary>
[MarkdownAnalyzer]
internal sealed class PL3005MalformedTarget : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL3005", name: "malformed-link-target",
        title: "Link targets must be well-formed URLs or paths",
        messageFormat: "{0} '{1}' {2}",
        category: RuleCategory.Links, defaultSeverity: Severity.Error, hasFix: true, options: "placeholders");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext c)
    {
        var placeholders = c.GetOptions(Rule).GetStringList("placeholders", MalformedTargets.DefaultPlaceholders);
        foreach (var link in LinkCollector.Get(c.File))
        {
            if (!link.OwnsTarget || link.Source == LinkSource.Autolink) continue;
            var kind = MalformedTargets.Classify(link.Target, placeholders);
            if (kind == Malformation.None) continue;
            // Browsers encode spaces in HTML attributes and in <...> destinations, where CommonMark allows them.
            if (kind == Malformation.Space && (link.Source == LinkSource.Html || link.HasPointyBrackets)) continue;
            if (kind is Malformation.DomainWithoutScheme or Malformation.EmailWithoutMailto)
            {
                // A file or folder that really has that name is not a mistake.
                var r = c.ResolveTarget(link.Target);
                if (r.IsOnDisk && r.Lookup.Exists) continue;
            }
            var span = LinkRuleUtil.TargetOrLink(link);
            string t = link.Target.Trim();
            string noun = LinkRuleUtil.Noun(link);
            switch (kind)
            {
                case Malformation.ExtraParentheses:
                    Fix? fix = link.TargetSpan.Length > 2 && c.File.Text[link.TargetSpan.Start] == '(' && c.File.Text[link.TargetSpan.End - 1] == ')'
                        ? Fix.Replace("Remove the extra parentheses", link.TargetSpan, t.Substring(1, t.Length - 2), isSafe: true) : null;
                    c.Report(Rule, span, fix, noun, t, $"is wrapped in an extra pair of parentheses, so the link points at '{t}' instead of '{t.Substring(1, t.Length - 2)}'; remove the inner pair");
                    break;
                case Malformation.NestedLinkSyntax:
                    c.Report(Rule, span, noun, t, "contains Markdown link syntax; a link was pasted into another link's target");
                    break;
                case Malformation.JavaScript:
                    c.Report(Rule, span, noun, t, "is a javascript: URL, which runs script when clicked; link to a page instead");
                    break;
                case Malformation.SchemeSlashes:
                    c.Report(Rule, span, noun, t, "has a broken scheme; write 'https://' with a colon and two slashes");
                    break;
                case Malformation.Space:
                    c.Report(Rule, span, noun, t, "contains a space; encode it as '%20' or fix the URL");
                    break;
                case Malformation.DomainWithoutScheme:
                    c.Report(Rule, span, Fix.Replace("Add 'https://'", span, "https://" + t, isSafe: false), noun, t,
                        "looks like a web address without 'https://', so it is read as a relative path");
                    break;
                case Malformation.EmailWithoutMailto:
                    c.Report(Rule, span, Fix.Replace("Add 'mailto:'", span, "mailto:" + t, isSafe: false), noun, t,
                        "is an e-mail address without 'mailto:', so it is read as a relative path");
                    break;
                case Malformation.Placeholder:
                    c.Report(Rule, span, noun, t, "is a placeholder; put the real target in");
                    break;
            }
        }
        ProseLinkSyntax.Report(c, Rule, placeholders);
        // '[04]: https://example.com/a b' is no definition at all: the space turns the line into text (PL3003 explains it at the use).
        foreach (var d in DefinitionLines.Get(c.File))
            if (d.Reason == NotADefinition.SpaceInUrl)
                c.Report(Rule, d.UrlSpan, "Reference definition target", c.File.GetText(d.UrlSpan),
                    "contains a space, so Markdown reads the line as text, not as a definition; encode the space as '%20'");
    }
}
