using System.Collections.Generic;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.FrontMatter;

/// <summary>The built-in analyzers of this family, listed explicitly.</summary>
internal static class FrontMatterAnalyzers
{
    public static void AddTo(List<MarkdownAnalyzer> list)
    {
        list.Add(new PL1001FrontMatterMissing());
        list.Add(new PL1002InvalidFrontMatter());
        list.Add(new PL1003RequiredField());
        list.Add(new PL1004FieldValue());
        list.Add(new PL1005RequiredFieldEmpty());
        list.Add(new PL1006ReferencedFileMissing());
        list.Add(new PL1007TitleMatchesH1());
        list.Add(new PL1008ReviewDatePassed());
        list.Add(new PL1009UnknownField());
        list.Add(new PL1010ReviewDateSoon());
    }
}
