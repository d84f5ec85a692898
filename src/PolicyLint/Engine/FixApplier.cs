using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PolicyLint.Diagnostics;

namespace PolicyLint.Engine;

/// <summary>Applies the fixes of diagnostics to a text without overlapping edits.</summary>
public static class FixApplier
{
    /// <summary>
    /// Applies every applicable fix (safe ones, plus unsafe ones when <paramref name="includeUnsafe"/>), in document order;
    /// a fix that overlaps one already taken is skipped and left for the next pass.
    /// </summary>
    public static FixResult Apply(string text, IEnumerable<Diagnostic> diagnostics, bool includeUnsafe = false)
    {
        var applied = new List<Diagnostic>();
        var skipped = new List<Diagnostic>();
        var taken = new List<TextSpan>();
        var edits = new List<TextEdit>();
        foreach (var d in diagnostics.Where(d => d.Fix is not null).OrderBy(d => d.Fix!.Bounds.Start).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            var fix = d.Fix!;
            if (!fix.IsSafe && !includeUnsafe) { skipped.Add(d); continue; }
            bool valid = fix.Edits.All(e => e.Span.End <= text.Length);
            bool overlaps = fix.Edits.Any(e => taken.Any(t => t.OverlapsWith(e.Span) || (t.Start == e.Span.Start && (t.IsEmpty || e.Span.IsEmpty))));
            if (!valid || overlaps) { skipped.Add(d); continue; }
            bool duplicate = fix.Edits.All(e => edits.Contains(e));
            if (duplicate) { applied.Add(d); continue; }
            foreach (var e in fix.Edits) { taken.Add(e.Span); edits.Add(e); }
            applied.Add(d);
        }
        edits.Sort((a, b) => a.Span.CompareTo(b.Span));
        var sb = new StringBuilder(text.Length);
        int pos = 0;
        foreach (var e in edits)
        {
            sb.Append(text, pos, e.Span.Start - pos).Append(e.NewText);
            pos = e.Span.End;
        }
        sb.Append(text, pos, text.Length - pos);
        return new FixResult(sb.ToString(), applied, skipped);
    }
}

/// <summary>Outcome of <see cref="FixApplier.Apply"/>.</summary>
public sealed class FixResult
{
    internal FixResult(string text, IReadOnlyList<Diagnostic> applied, IReadOnlyList<Diagnostic> skipped)
    {
        Text = text; Applied = applied; Skipped = skipped;
    }
    /// <summary>The new text.</summary>
    public string Text { get; }
    /// <summary>Diagnostics whose fixes were applied.</summary>
    public IReadOnlyList<Diagnostic> Applied { get; }
    /// <summary>Diagnostics with fixes not applied (unsafe, overlapping or out of range).</summary>
    public IReadOnlyList<Diagnostic> Skipped { get; }
}
