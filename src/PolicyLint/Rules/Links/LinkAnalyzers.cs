using System.Collections.Generic;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.Links;

/// <summary>The built-in analyzers of this family, listed explicitly.</summary>
internal static class LinkAnalyzers
{
    public static void AddTo(List<MarkdownAnalyzer> list)
    {
        list.Add(new PL3001LocalTargetMissing());
        list.Add(new PL3002AnchorMissing());
        list.Add(new PL3003UndefinedReference());
        list.Add(new PL3004ReferenceDefinition());
        list.Add(new PL3005MalformedTarget());
        list.Add(new PL3006EmptyLink());
        list.Add(new PL3007NonDescriptiveLinkText());
        list.Add(new PL3008ImageAltText());
        list.Add(new PL3009DeadExternalLink());
        list.Add(new PL3010Footnotes());
    }
}
