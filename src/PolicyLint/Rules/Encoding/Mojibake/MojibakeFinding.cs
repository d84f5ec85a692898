using System.Collections.Generic;

namespace PolicyLint.Rules.Encoding;

/// <summary>One run of mojibake and its exact repair.</summary>
internal sealed class MojibakeFinding
{
    internal MojibakeFinding(int start, string original, string repaired, IReadOnlyList<string> chain, string explanation, bool exact = true,
        string? noFixReason = null)
    {
        Exact = exact;
        NoFixReason = exact ? null : noFixReason;
        Start = start;
        Length = original.Length;
        Original = original;
        Repaired = repaired;
        Chain = chain;
        Explanation = explanation;
    }

    /// <summary>Char offset of the broken run in the input string.</summary>
    public int Start { get; }

    /// <summary>Number of chars of the broken run.</summary>
    public int Length { get; }

    /// <summary>The broken text, e.g. "ðŸ¤—".</summary>
    public string Original { get; }

    /// <summary>The repaired text, e.g. "🤗" (empty for a stray byte order mark).</summary>
    public string Repaired { get; }

    /// <summary>Legacy encodings undone, outermost first.</summary>
    public IReadOnlyList<string> Chain { get; }

    /// <summary>Human explanation, e.g. "UTF-8 read as Windows-1252, twice".</summary>
    public string Explanation { get; }

    /// <summary>
    /// False when bytes were lost on the way (dropped, or shown as '?' or U+FFFD): the text is mojibake, but
    /// <see cref="Repaired"/> is only what can be read back, not a safe fix.
    /// </summary>
    public bool Exact { get; }

    /// <summary>
    /// When not <see cref="Exact"/>: why no repair is offered, when the reason is not that bytes were lost (null then),
    /// e.g. broken text beside it that reads back as nothing, so the run is a piece of a breakage it does not explain.
    /// </summary>
    public string? NoFixReason { get; }

    /// <summary>The same finding, reported without a fix for <paramref name="reason"/>.</summary>
    internal MojibakeFinding WithoutFix(string reason) =>
        new MojibakeFinding(Start, Original, Repaired, Chain, Explanation, exact: false, noFixReason: reason);

    /// <inheritdoc />
    public override string ToString() => $"[{Start},{Start + Length}) '{Original}' -> '{Repaired}' ({Explanation}){(Exact ? "" : " not exact")}";
}
