using System.Collections.Generic;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.FrontMatter;

/// <summary>The built-in analyzers of this family, listed explicitly.</summary>
internal static class FrontMatterAnalyzers
{
    public static void AddTo(List<MarkdownAnalyzer> list)
    {
    }
}
