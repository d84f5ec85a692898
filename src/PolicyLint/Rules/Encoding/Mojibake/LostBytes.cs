using System.Text;

namespace PolicyLint.Rules.Encoding;

/// <summary>
/// Lost bytes: a byte the code page could not show was dropped or replaced. Only the cases that can be repaired exactly
/// are found: "â€" whose third byte (0x81/0x8D/0x8F/0x90/0x9D, undefined in Windows-1252) was dropped or replaced by
/// U+FFFD, repaired to U+200D (ZWJ) between two broken emoji, or to U+201D (”) when an unclosed broken “ precedes it
/// in the same paragraph (otherwise it is ambiguous: U+2001/200D/200F/2010/201D); and "Â" + space (a no-break space
/// flattened to a space) after a digit, lowercase ASCII letter or punctuation, repaired to U+00A0. A byte replaced by
/// '?' or ' ' is never consumed otherwise (the '?' may be a real question mark).
/// </summary>
internal static class LostBytes
{
    /// <summary>
    /// "â€" whose third byte (undefined in Windows-1252) was lost or replaced by U+FFFD.
    /// Repaired only with unambiguous evidence (see the class summary).
    /// </summary>
    internal static bool TryLostByte(string s, int i, int to, StringBuilder sb, int lastEnd, bool lastEndsWithEmoji,
        ref int openQuotePos, out RawFinding finding)
    {
        finding = default;
        char c = s[i];
        if (c == '\u00C2' && i + 1 < to && s[i + 1] == ' ' && i > 0 && i + 2 < to)
        {
            // "Â" + space: a no-break space (C2 A0) whose second byte became a space.
            char prev = s[i - 1];
            char after = s[i + 2];
            bool prevOk = (prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9') ||
                          prev == '.' || prev == ',' || prev == ';' || prev == ':' || prev == '!' ||
                          prev == '?' || prev == ')';
            if (prevOk && !char.IsWhiteSpace(after))
            {
                finding = new RawFinding
                {
                    Start = i,
                    End = i + 2,
                    Repaired = "\u00A0",
                    Chain = CodePage.Primary.SingleChain,
                    ExplanationOverride = "UTF-8 read as Windows-1252 (its no-break space then became a space)",
                };
                return true;
            }

            return false;
        }

        if (c != '\u00E2' || i + 1 >= to || s[i + 1] != '\u20AC')
        {
            return false;
        }

        int end = i + 2;
        bool question = false;
        if (end < to && s[end] == '\uFFFD')
        {
            end++;
        }
        else if (end < to && s[end] == '?')
        {
            // The lost byte may have become this '?', or the '?' is real: no exact repair either way.
            end++;
            question = true;
        }

        string? repaired = null;
        if (lastEnd == i && lastEndsWithEmoji && end < to && StartsEmojiMojibake(s, end, to))
        {
            repaired = "\u200D";
        }
        else if (openQuotePos >= 0)
        {
            if (!HasBlankLine(s, openQuotePos, i))
            {
                repaired = "\u201D";
            }
            else
            {
                openQuotePos = -1;
            }
        }

        if (repaired is null)
        {
            return false;
        }

        finding = new RawFinding
        {
            Start = i,
            End = end,
            Repaired = repaired,
            Chain = CodePage.Primary.SingleChain,
            ExplanationOverride = "UTF-8 read as Windows-1252, with an undefined byte lost",
            Inexact = question,
        };
        return true;
    }

    private static bool HasBlankLine(string s, int from, int to)
    {
        int k = s.IndexOf('\n', from, to - from);
        while (k >= 0)
        {
            int j = k + 1;
            while (j < to && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
            {
                j++;
            }

            if (j < to && s[j] == '\n')
            {
                return true;
            }

            k = j < to ? s.IndexOf('\n', j, to - j) : -1;
        }

        return false;
    }

    private static bool StartsEmojiMojibake(string s, int p, int to)
    {
        int n = CodePage.Primary.ParseSequence(s, p, to, out int cp);
        return (n == 4 && cp >= 0x1F000) || (n == 3 && cp >= 0x2600 && cp <= 0x27BF);
    }
}
