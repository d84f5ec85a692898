using System;
using System.Collections.Generic;
using System.Text;

namespace PolicyLint.Tests.TestSupport;

/// <summary>
/// Parses Roslyn-style span markup: <c>{|PL1003:text|}</c> marks where a diagnostic of PL1003 must be, exactly.
/// <c>{|PL1003:|}</c> marks an empty span. Marks may nest.
/// </summary>
public static class SpanMarkup
{
    public sealed record Expected(string Id, int Start, int End);

    public static (string Text, List<Expected> Spans) Parse(string markup)
    {
        var sb = new StringBuilder(markup.Length);
        var spans = new List<Expected>();
        var open = new Stack<(string Id, int Start)>();
        for (int i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                int colon = markup.IndexOf(':', i + 2);
                if (colon > i + 2 && IsId(markup.AsSpan(i + 2, colon - i - 2)))
                {
                    open.Push((markup.Substring(i + 2, colon - i - 2), sb.Length));
                    i = colon;
                    continue;
                }
            }
            if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
            {
                var (id, start) = open.Pop();
                spans.Add(new Expected(id, start, sb.Length));
                i++;
                continue;
            }
            sb.Append(markup[i]);
        }
        if (open.Count > 0) throw new ArgumentException("Unclosed {| marker in test markup");
        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Id, b.Id));
        return (sb.ToString(), spans);
    }

    private static bool IsId(ReadOnlySpan<char> s)
    {
        if (s.Length < 3) return false;
        foreach (char c in s) if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c)) return false;
        return true;
    }

    /// <summary>Renders text with markers, so a failing test shows expected and actual side by side.</summary>
    public static string Render(string text, IEnumerable<Expected> spans)
    {
        var inserts = new List<(int Pos, int Order, string Text)>();
        foreach (var s in spans)
        {
            inserts.Add((s.Start, 1, "{|" + s.Id + ":"));
            inserts.Add((s.End, 0, "|}"));
        }
        inserts.Sort((a, b) => a.Pos != b.Pos ? a.Pos.CompareTo(b.Pos) : a.Order.CompareTo(b.Order));
        var sb = new StringBuilder();
        int pos = 0;
        foreach (var (p, _, t) in inserts)
        {
            sb.Append(text, pos, p - pos).Append(t);
            pos = p;
        }
        return sb.Append(text, pos, text.Length - pos).ToString();
    }
}
