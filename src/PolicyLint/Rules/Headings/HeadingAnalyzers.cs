using System.Collections.Generic;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.Headings;

/// <summary>The built-in analyzers of this family, listed explicitly.</summary>
internal static class HeadingAnalyzers
{
    public static void AddTo(List<MarkdownAnalyzer> list)
    {
    }
}
