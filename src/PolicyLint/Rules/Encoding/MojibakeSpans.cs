using System.Collections.Generic;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace PolicyLint.Rules.Encoding;

/// <summary>The spans PL2001 repairs, so that PL2006 leaves their C1 characters alone.</summary>
internal static class MojibakeSpans
{
    /// <summary>Mojibake spans of <paramref name="file"/>, ascending.</summary>
    public static List<TextSpan> Get(MarkdownFile file) => new();

    /// <summary>True when <paramref name="offset"/> lies in one of <paramref name="spans"/>.</summary>
    public static bool Contains(List<TextSpan> spans, int offset)
    {
        int lo = 0, hi = spans.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (offset < spans[mid].Start) hi = mid - 1;
            else if (offset >= spans[mid].End) lo = mid + 1;
            else return true;
        }
        return false;
    }
}
