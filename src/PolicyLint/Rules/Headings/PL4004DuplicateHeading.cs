using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Rules.Links;

namespace PolicyLint.Rules.Headings;

/// <summary>Headings must be unique among their siblings and must not share an anchor.</summary>
[MarkdownAnalyzer]
internal sealed class PL4004DuplicateHeading : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL4004", name: "duplicate-heading",
        title: "Headings must be unique among their siblings and must not share an anchor",
        messageFormat: "Heading {0} {1}",
        category: RuleCategory.Headings, defaultSeverity: Severity.Warning,
        options: ["scope", "anchors", HeadingOutline.HtmlHeadingsOption]);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext context)
    {
        var options = context.GetOptions(Rule);
        string scope = options.GetString("scope", "siblings")!;
        if (scope != "siblings" && scope != "document")
            throw options.Error("scope", $"Option 'scope' must be 'siblings' or 'document', not '{scope}'");
        bool siblingsOnly = scope == "siblings";
        bool anchors = options.GetBool("anchors", true);
        var headings = HeadingOutline.For(context.File, options);

        // Parent of each heading = nearest earlier heading of a lower level (a stack, so linear overall).
        var seen = new Dictionary<(int Parent, string Text), OutlineHeading>();
        var stack = new List<int>();
        var duplicates = new HashSet<OutlineHeading>();
        for (int i = 0; i < headings.Length; i++)
        {
            var h = headings[i];
            while (stack.Count > 0 && headings[stack[stack.Count - 1]].Level >= h.Level) stack.RemoveAt(stack.Count - 1);
            int parent = siblingsOnly && stack.Count > 0 ? stack[stack.Count - 1] : -1;
            stack.Add(i);
            if (h.Text.Length == 0) continue;
            var key = (parent, h.Text);
            if (seen.TryGetValue(key, out var first))
            {
                duplicates.Add(h);
                context.Report(Rule, h.Span, h.Display, siblingsOnly
                    ? $"repeats the heading on line {first.Line} in the same section; rename or merge one"
                    : $"repeats the heading on line {first.Line}; rename or merge one");
            }
            else seen.Add(key, h);
        }
        if (anchors) ReportAnchorCollisions(context, headings, duplicates);
    }

    /// <summary>
    /// Different headings that slug alike: GitHub numbers the later one, so a link to the plain anchor reaches only the first.
    /// Reported only when the document links to that anchor: without such a link nothing goes to the wrong place.
    /// </summary>
    private static void ReportAnchorCollisions(DocumentAnalysisContext context, ImmutableArray<OutlineHeading> headings, HashSet<OutlineHeading> duplicates)
    {
        var linked = LinkedFragments(context);
        if (linked.Count == 0) return;
        var owners = new Dictionary<string, OutlineHeading>(StringComparer.Ordinal);
        foreach (var h in headings)
        {
            if (h.IsHtml || h.Anchor is null || h.BaseSlug is null) continue;
            if (h.Text.Length > 0 && !duplicates.Contains(h) && linked.Contains(h.BaseSlug) && owners.TryGetValue(h.BaseSlug, out var owner) && owner.Text != h.Text)
                context.Report(Rule, h.Span, h.Display,
                    $"has the same anchor '#{h.BaseSlug}' as {owner.Display} on line {owner.Line}, so it becomes '#{h.Anchor}' and links to '#{h.BaseSlug}' reach the other one; reword one of them");
            if (!owners.ContainsKey(h.Anchor)) owners.Add(h.Anchor, h);
        }
    }

    /// <summary>The fragments of this document's links to itself (<c>#x</c>), percent-decoded.</summary>
    private static HashSet<string> LinkedFragments(DocumentAnalysisContext context)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in LinkCollector.Get(context.File))
        {
            string t = link.Target.Trim();
            if (t.Length > 1 && t[0] == '#') set.Add(PolicyLint.Text.UriText.Decode(t.Substring(1)));
        }
        return set;
    }
}
