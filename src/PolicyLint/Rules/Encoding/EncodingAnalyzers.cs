using System.Collections.Generic;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.Encoding;

/// <summary>The built-in analyzers of this family, listed explicitly.</summary>
internal static class EncodingAnalyzers
{
    public static void AddTo(List<MarkdownAnalyzer> list)
    {
        list.Add(new PL2001Mojibake());
        list.Add(new PL2002InvalidUtf8());
        list.Add(new PL2003ReplacementCharacter());
        list.Add(new PL2004BidiControl());
        list.Add(new PL2005InvisibleCharacter());
        list.Add(new PL2006ControlCharacter());
        list.Add(new PL2007LineEndings());
    }

    /// <summary>New instances of this family's analyzers only (tests and the benchmark).</summary>
    public static List<MarkdownAnalyzer> Create()
    {
        var list = new List<MarkdownAnalyzer>();
        AddTo(list);
        return list;
    }
}
