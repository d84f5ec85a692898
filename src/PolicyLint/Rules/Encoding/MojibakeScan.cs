using System.Collections.Generic;
using PolicyLint.Analysis;
using PolicyLint.Documents;

namespace PolicyLint.Rules.Encoding;

/// <summary>One mojibake finding of a document and whether it lies in code.</summary>
internal readonly struct MojibakeHit
{
    public MojibakeHit(MojibakeFinding finding, bool inCode) { Finding = finding; InCode = inCode; }
    public MojibakeFinding Finding { get; }
    public bool InCode { get; }
}

/// <summary>
/// The mojibake of a document, found once over every checked region (code included, flagged) and shared: PL2001
/// reports it, and the character rules leave alone what PL2001 repairs (C1 controls, soft hyphens, U+FFFD inside it).
/// </summary>
internal sealed class MojibakeScan
{
    private MojibakeScan(MarkdownFile file)
    {
        string text = file.Text;
        foreach (var region in TextRegions.Get(file).Regions)
        {
            // Most regions are plain ASCII, which cannot hold mojibake unless it is written as HTML character
            // references (read outside code only, where Markdown shows them as characters): skip them.
            bool references = !region.IsCode;
            if (IsAscii(text, region.Span.Start, region.Span.End) &&
                (!references || text.IndexOf("&", region.Span.Start, region.Span.Length, System.StringComparison.Ordinal) < 0)) continue;
            foreach (var f in MojibakeDetector.Find(text, region.Span.Start, region.Span.Length, references))
                Hits.Add(new MojibakeHit(f, region.IsCode));
        }
    }

    private static bool IsAscii(string text, int start, int end)
    {
#if NET
        return end <= start || System.Text.Ascii.IsValid(System.MemoryExtensions.AsSpan(text, start, end - start));
#else
        for (int i = start; i < end; i++) if (text[i] >= 0x80) return false;
        return true;
#endif
    }

    /// <summary>Findings in document order.</summary>
    public List<MojibakeHit> Hits { get; } = new();

    public static MojibakeScan Get(MarkdownFile file) => file.GetShared(DocumentSlot.MojibakeScan, f => new MojibakeScan(f));

    /// <summary>True when PL2001, as configured for this file, reports and repairs a span that holds <paramref name="offset"/>.</summary>
    public static bool IsRepairedByPL2001(DocumentContextBase context, int offset)
    {
        if (!context.IsEnabled(PL2001Mojibake.Rule)) return false;
        bool checkCode = PL2001Mojibake.CheckCode(context);
        var hits = Get(context.File).Hits;
        int lo = 0, hi = hits.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            var f = hits[mid].Finding;
            if (offset < f.Start) hi = mid - 1;
            else if (offset >= f.Start + f.Length) lo = mid + 1;
            else return checkCode || !hits[mid].InCode;
        }
        return false;
    }
}
