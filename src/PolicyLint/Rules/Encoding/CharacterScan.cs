using System;
using System.Collections.Generic;
using PolicyLint.Documents;

namespace PolicyLint.Rules.Encoding;

/// <summary>
/// One linear pass over a file's text, shared by the character rules (PL2003-PL2007): the offsets of every character
/// that one of them may report, and the line-ending counts (from the line map). Printable ASCII is skipped in vectorised
/// runs and costs no allocation; only hits are stored.
/// </summary>
internal sealed class CharacterScan
{
    private CharacterScan(MarkdownFile file)
    {
        string text = file.Text;
        // The line map counted the line endings already.
        CrLf = file.Lines.CrLfCount;
        Lf = file.Lines.LfCount;
        LoneCr = file.Lines.LoneCrCount;
#if NET
        var span = text.AsSpan();
        for (int i = 0; i < text.Length; i++)
        {
            // Vectorised: skip to the next character outside printable ASCII.
            int k = span.Slice(i).IndexOfAnyExceptInRange(' ', '~');
            if (k < 0) break;
            i += k;
            char c = text[i];
            if (c == '\n' || c == '\r' || c == '\t') continue;
            if (IsCandidate(c, text, i)) Hits.Add(i);
        }
#else
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c >= ' ' && c < 0x7F) continue;
            if (c == '\n' || c == '\r' || c == '\t') continue;
            if (IsCandidate(c, text, i)) Hits.Add(i);
        }
#endif
    }

    /// <summary>Offsets of controls, bidi controls, invisible characters, variation selectors, tags and U+FFFD, ascending.</summary>
    public List<int> Hits { get; } = new();
    /// <summary>Number of CR LF line endings.</summary>
    public int CrLf { get; }
    /// <summary>Number of LF line endings not preceded by CR.</summary>
    public int Lf { get; }
    /// <summary>Number of CR line endings not followed by LF.</summary>
    public int LoneCr { get; }

    /// <summary>The scan of <paramref name="file"/>, computed once and shared by every rule.</summary>
    public static CharacterScan Get(MarkdownFile file) => file.GetShared(DocumentSlot.CharacterScan, f => new CharacterScan(f));

    private static bool IsCandidate(char c, string text, int i)
    {
        if (c < ' ' || (c >= 0x7F && c < 0xA0) || c == 0xAD) return true;
        if (c < 0x115F) return c == 0x061C;
        if (c <= 0x1160) return true;
        if (c < 0x180E) return c == 0x17B4 || c == 0x17B5;
        if (c == 0x180E) return true;
        if (c < 0x200B) return false;
        if (c <= 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F)) return true;
        if (c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || c == 0xFFA0 || c == 0xFFFD) return true;
        // Tag characters U+E0000-U+E007F and variation selectors supplement U+E0100-U+E01EF: high surrogate U+DB40.
        return c == 0xDB40 && i + 1 < text.Length && ((text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDC7F) || (text[i + 1] >= 0xDD00 && text[i + 1] <= 0xDDEF));
    }
}
