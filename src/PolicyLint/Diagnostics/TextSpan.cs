using System;

namespace PolicyLint.Diagnostics;

/// <summary>A range of UTF-16 characters in a document's decoded text: <see cref="Start"/> inclusive, <see cref="End"/> exclusive.</summary>
public readonly struct TextSpan : IEquatable<TextSpan>, IComparable<TextSpan>
{
    /// <summary>Creates a span; throws on negative values.</summary>
    public TextSpan(int start, int length)
    {
        if (start < 0) throw new ArgumentOutOfRangeException(nameof(start));
        if (length < 0) throw new ArgumentOutOfRangeException(nameof(length));
        Start = start;
        Length = length;
    }

    /// <summary>First character.</summary>
    public int Start { get; }
    /// <summary>Number of characters.</summary>
    public int Length { get; }
    /// <summary>One past the last character.</summary>
    public int End => Start + Length;
    /// <summary>True when the span covers no character.</summary>
    public bool IsEmpty => Length == 0;

    /// <summary>Creates a span from start (inclusive) to end (exclusive).</summary>
    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    /// <summary>True when the two spans share at least one character, or when an empty span sits strictly inside the other.</summary>
    public bool OverlapsWith(TextSpan other) =>
        Math.Max(Start, other.Start) < Math.Min(End, other.End)
        || (IsEmpty && Start > other.Start && Start < other.End)
        || (other.IsEmpty && other.Start > Start && other.Start < End);

    /// <summary>True when <paramref name="position"/> lies in [Start, End).</summary>
    public bool Contains(int position) => position >= Start && position < End;

    /// <inheritdoc/>
    public bool Equals(TextSpan other) => Start == other.Start && Length == other.Length;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TextSpan s && Equals(s);
    /// <inheritdoc/>
    public override int GetHashCode() => (Start * 397) ^ Length;
    /// <inheritdoc/>
    public int CompareTo(TextSpan other) => Start != other.Start ? Start.CompareTo(other.Start) : Length.CompareTo(other.Length);
    /// <summary>Equality.</summary>
    public static bool operator ==(TextSpan a, TextSpan b) => a.Equals(b);
    /// <summary>Inequality.</summary>
    public static bool operator !=(TextSpan a, TextSpan b) => !a.Equals(b);
    /// <inheritdoc/>
    public override string ToString() => $"[{Start}..{End})";
}
