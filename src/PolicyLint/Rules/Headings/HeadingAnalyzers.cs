using System.Collections.Generic;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.Headings;

/// <summary>The built-in analyzers of this family, listed explicitly.</summary>
internal static class HeadingAnalyzers
{
    public static void AddTo(List<MarkdownAnalyzer> list)
    {
        list.Add(new PL4001HeadingIncrement());
        list.Add(new PL4002SingleH1());
        list.Add(new PL4003FirstHeadingLevel());
        list.Add(new PL4004DuplicateHeading());
        list.Add(new PL4005EmptyHeading());
        list.Add(new PL4006TrailingPunctuation());
        list.Add(new PL4007RequiredSections());
    }
}
