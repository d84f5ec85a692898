using System;
using System.Collections.Generic;
using System.Text;

namespace PolicyLint.Testing;

/// <summary>A span where a diagnostic of rule <see cref="Id"/> is (or must be): character offsets in the text.</summary>
public sealed class MarkedSpan : IEquatable<MarkedSpan>
{
    /// <summary>Creates a span.</summary>
    public MarkedSpan(string id, int start, int end) { Id = id; Start = start; End = end; }
    /// <summary>The rule ID.</summary>
    public string Id { get; }
    /// <summary>Start offset.</summary>
    public int Start { get; }
    /// <summary>End offset (exclusive).</summary>
    public int End { get; }

    /// <inheritdoc/>
    public bool Equals(MarkedSpan? other) => other is not null && Id == other.Id && Start == other.Start && End == other.End;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as MarkedSpan);
    /// <inheritdoc/>
    public override int GetHashCode() => (Id.GetHashCode() * 31 + Start) * 31 + End;
    /// <inheritdoc/>
    public override string ToString() => $"{Id} [{Start}..{End})";
}

/// <summary>
/// Roslyn-style span markup: <c>{|ACME1001:text|}</c> marks where a diagnostic of ACME1001 must be, exactly; <c>{|ACME1001:|}</c>
/// marks an empty span; marks may nest. A rule ID is at least three capital letters or digits.
/// </summary>
public static class SpanMarkup
{
    /// <summary>The text without marks, and the marked spans sorted by start then ID.</summary>
    /// <exception cref="ArgumentException">A mark is not closed.</exception>
    public static (string Text, IReadOnlyList<MarkedSpan> Spans) Parse(string markup)
    {
        if (markup is null) throw new ArgumentNullException(nameof(markup));
        var sb = new StringBuilder(markup.Length);
        var spans = new List<MarkedSpan>();
        var open = new Stack<(string Id, int Start)>();
        for (int i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                int colon = markup.IndexOf(':', i + 2);
                if (colon > i + 2 && IsId(markup, i + 2, colon))
                {
                    open.Push((markup.Substring(i + 2, colon - i - 2), sb.Length));
                    i = colon;
                    continue;
                }
            }
            if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
            {
                var (id, start) = open.Pop();
                spans.Add(new MarkedSpan(id, start, sb.Length));
                i++;
                continue;
            }
            sb.Append(markup[i]);
        }
        if (open.Count > 0) throw new ArgumentException("Unclosed {| marker in test markup", nameof(markup));
        spans.Sort(Compare);
        return (sb.ToString(), spans);
    }

    internal static int Compare(MarkedSpan a, MarkedSpan b) =>
        a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Id, b.Id);

    private static bool IsId(string s, int from, int to)
    {
        if (to - from < 3) return false;
        for (int i = from; i < to; i++)
            if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9'))) return false;
        return true;
    }

    /// <summary>Renders text with marks, so that a failure shows expected and actual side by side.</summary>
    public static string Render(string text, IEnumerable<MarkedSpan> spans)
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
            int at = Math.Min(Math.Max(p, pos), text.Length);
            sb.Append(text, pos, at - pos).Append(t);
            pos = at;
        }
        return sb.Append(text, pos, text.Length - pos).ToString();
    }
}

/// <summary>What a verifier reports when the diagnostics, messages or fixed text differ from what the test expects.</summary>
public sealed class VerificationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public VerificationException(string message) : base(message) { }
}
