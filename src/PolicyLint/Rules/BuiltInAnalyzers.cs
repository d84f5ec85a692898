using System.Collections.Generic;
using PolicyLint.Analysis;

namespace PolicyLint.Rules;

/// <summary>
/// The explicit list of built-in analyzers (no type scanning at run time, so the tool can be trimmed and compiled
/// ahead of time). Each rule family keeps its own list in its folder; a test checks that every [MarkdownAnalyzer]
/// class of the assembly is listed.
/// </summary>
public static class BuiltInAnalyzers
{
    /// <summary>New instances of every built-in analyzer.</summary>
    public static IReadOnlyList<MarkdownAnalyzer> Create()
    {
        var list = new List<MarkdownAnalyzer>();
        FrontMatter.FrontMatterAnalyzers.AddTo(list);
        Encoding.EncodingAnalyzers.AddTo(list);
        Links.LinkAnalyzers.AddTo(list);
        Headings.HeadingAnalyzers.AddTo(list);
        return list;
    }
}
