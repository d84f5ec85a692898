using System;
using System.Collections.Generic;
using System.Text;
using PolicyLint.Documents;

namespace PolicyLint.Rules.Links;

/// <summary>The anchors a document defines: heading slugs, <c>{#custom}</c> heading ids, and HTML <c>id</c> and <c>name</c> attributes.</summary>
internal static class Anchors
{
    /// <summary>True when <paramref name="fragment"/> names an anchor of the outline (also GitHub's <c>user-content-</c> form).</summary>
    public static bool Contains(DocumentOutline outline, string fragment) => outline.HasAnchor(fragment);

    /// <summary>Anchors a page has whatever its headings: <see cref="GitHubRendering.IsImplicitAnchor"/>.</summary>
    public static bool IsImplicit(string fragment, string? targetFullPath) => fragment.Length == 0 || GitHubRendering.IsImplicitAnchor(fragment, targetFullPath);

    /// <summary><c>Title {#custom-id}</c> (kramdown, Pandoc, Hugo): the id at the end of the heading text.</summary>
    public static string? CustomId(string headingText) => DocumentOutline.CustomId(headingText);

    /// <summary>Lower-case letters and digits only: what is left when case, punctuation, dashes and emoji are ignored.</summary>
    public static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s) if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    private static bool Eq(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

/// <summary>How close a missing anchor is to an existing one.</summary>
internal enum AnchorMatch { None, Case, Punctuation, Similar }

/// <summary>"Did you mean" for anchors: a unique anchor equal when case, punctuation, dashes and emoji are ignored (safe to fix), or else a unique close spelling.</summary>
internal static class AnchorSuggestion
{
    public static (AnchorMatch Kind, string? Anchor) Find(string fragment, IEnumerable<string> anchors)
    {
        string norm = Anchors.Normalize(fragment);
        string? caseHit = null, normHit = null, near = null;
        int caseCount = 0, normCount = 0, nearCount = 0, best = int.MaxValue;
        int limit = Math.Max(1, Math.Min(3, fragment.Length / 4));
        foreach (var a in anchors)
        {
            if (string.Equals(a, fragment, StringComparison.OrdinalIgnoreCase)) { caseHit = a; caseCount++; }
            if (norm.Length > 0 && Anchors.Normalize(a) == norm) { normHit = a; normCount++; }
            if (Math.Abs(a.Length - fragment.Length) > limit) continue;
            int d = Text.EditDistance.Compute(a.ToLowerInvariant(), fragment.ToLowerInvariant());
            if (d > limit) continue;
            if (d < best) { best = d; near = a; nearCount = 1; }
            else if (d == best && a != near) nearCount++;
        }
        if (caseCount == 1) return (AnchorMatch.Case, caseHit);
        if (normCount == 1) return (AnchorMatch.Punctuation, normHit);
        if (caseCount == 0 && normCount == 0 && nearCount == 1) return (AnchorMatch.Similar, near);
        return (AnchorMatch.None, null);
    }
}
