using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;

namespace PolicyLint.Diagnostics;

/// <summary>Replace <see cref="Span"/> of the decoded text with <see cref="NewText"/>.</summary>
public sealed class TextEdit : IEquatable<TextEdit>
{
    /// <summary>Creates an edit.</summary>
    public TextEdit(TextSpan span, string newText)
    {
        Span = span;
        NewText = newText ?? throw new ArgumentNullException(nameof(newText));
    }

    /// <summary>The replaced characters.</summary>
    public TextSpan Span { get; }
    /// <summary>The replacement.</summary>
    public string NewText { get; }

    /// <summary>An insertion at <paramref name="position"/>.</summary>
    public static TextEdit Insert(int position, string text) => new(new TextSpan(position, 0), text);
    /// <summary>A deletion of <paramref name="span"/>.</summary>
    public static TextEdit Delete(TextSpan span) => new(span, string.Empty);

    /// <inheritdoc/>
    public bool Equals(TextEdit? other) => other is not null && Span == other.Span && NewText == other.NewText;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TextEdit);
    /// <inheritdoc/>
    public override int GetHashCode() => Span.GetHashCode() ^ NewText.GetHashCode();
    /// <inheritdoc/>
    public override string ToString() => $"{Span} -> \"{NewText}\"";
}

/// <summary>A code fix: a title and text edits. Safe fixes are applied by <c>--fix</c>; unsafe ones (that may change meaning) only by <c>--fix-unsafe</c>.</summary>
public sealed class Fix
{
    /// <summary>Creates a fix; edits must not overlap one another.</summary>
    public Fix(string title, IEnumerable<TextEdit> edits, bool isSafe = true)
    {
        Title = title ?? throw new ArgumentNullException(nameof(title));
        Edits = edits.OrderBy(e => e.Span).ToImmutableArray();
        if (Edits.IsEmpty) throw new ArgumentException("A fix needs at least one edit.", nameof(edits));
        for (int i = 1; i < Edits.Length; i++)
            if (Edits[i - 1].Span.End > Edits[i].Span.Start)
                throw new ArgumentException("The edits of one fix overlap.", nameof(edits));
        IsSafe = isSafe;
    }

    /// <summary>A one-edit fix that replaces <paramref name="span"/> with <paramref name="newText"/>.</summary>
    public static Fix Replace(string title, TextSpan span, string newText, bool isSafe = true) => new(title, [new TextEdit(span, newText)], isSafe);

    /// <summary>What the fix does, e.g. "Replace 'ðŸ¤—' with '🤗'".</summary>
    public string Title { get; }
    /// <summary>Non-overlapping edits in ascending order.</summary>
    public ImmutableArray<TextEdit> Edits { get; }
    /// <summary>True when applying it cannot change the document's meaning.</summary>
    public bool IsSafe { get; }

    /// <summary>The span from the first edit's start to the last edit's end.</summary>
    public TextSpan Bounds => TextSpan.FromBounds(Edits[0].Span.Start, Edits[Edits.Length - 1].Span.End);

    /// <summary>Applies this fix alone to <paramref name="text"/>.</summary>
    public string ApplyTo(string text)
    {
        var sb = new StringBuilder(text.Length);
        int pos = 0;
        foreach (var e in Edits)
        {
            sb.Append(text, pos, e.Span.Start - pos).Append(e.NewText);
            pos = e.Span.End;
        }
        return sb.Append(text, pos, text.Length - pos).ToString();
    }
}
