using System.Collections.Generic;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.Links;

/// <summary>The built-in analyzers of this family, listed explicitly.</summary>
internal static class LinkAnalyzers
{
    public static void AddTo(List<MarkdownAnalyzer> list)
    {
    }
}
