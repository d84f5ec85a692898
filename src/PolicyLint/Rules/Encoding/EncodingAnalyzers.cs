using System.Collections.Generic;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.Encoding;

/// <summary>The built-in analyzers of this family, listed explicitly.</summary>
internal static class EncodingAnalyzers
{
    public static void AddTo(List<MarkdownAnalyzer> list)
    {
    }
}
