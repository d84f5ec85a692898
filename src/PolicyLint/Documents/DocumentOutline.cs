using System;
using System.Collections.Generic;

namespace PolicyLint.Documents;

/// <summary>
/// The anchors a document defines: heading slugs (in a <see cref="SlugStyle"/>), <c>{#custom}</c> heading ids, and HTML
/// <c>id</c> and <c>name</c> attributes. A set of strings, never the syntax tree, so the engine can keep one per file of a run.
/// </summary>
public sealed class DocumentOutline
{
    private readonly HashSet<string> _anchors;

    private DocumentOutline(HashSet<string> anchors) => _anchors = anchors;

    /// <summary>Every anchor of the document.</summary>
    public IReadOnlyCollection<string> Anchors => _anchors;

    /// <summary>True when <paramref name="fragment"/> names an anchor (also GitHub's <c>user-content-</c> form); an empty fragment always does.</summary>
    public bool HasAnchor(string fragment)
    {
        if (fragment.Length == 0 || _anchors.Contains(fragment)) return true;
        const string prefix = "user-content-";
        return fragment.StartsWith(prefix, StringComparison.Ordinal) && _anchors.Contains(fragment.Substring(prefix.Length));
    }

    /// <summary>The outline of <paramref name="file"/> with headings slugged in <paramref name="style"/>.</summary>
    public static DocumentOutline Create(MarkdownFile file, SlugStyle style)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in style.HeadingAnchors(file)) set.Add(a);
        foreach (var h in file.Headings)
            if (CustomId(h.PlainText) is { } id && style.AcceptsCustomId(id)) set.Add(id);
        foreach (var tag in DocumentHtml.GetTags(file))
        {
            // Any element's id is an anchor; name only on <a> (the obsolete named anchor), and an element with both answers to its id.
            string? id = null, name = null;
            foreach (var attr in tag.Attributes)
            {
                if (attr.Value is not { Length: > 0 } v) continue;
                if (Eq(attr.Name, "id")) id ??= v.Trim();
                else if (Eq(attr.Name, "name") && tag.Name == "a") name ??= v.Trim();
            }
            if ((id ?? name) is { Length: > 0 } anchor) set.Add(anchor);
        }
        set.TrimExcess();
        return new DocumentOutline(set);
    }

    /// <summary><c>Title {#custom-id}</c> (kramdown, Pandoc, Hugo): the id at the end of the heading text.</summary>
    internal static string? CustomId(string headingText)
    {
        string t = headingText.TrimEnd();
        if (t.Length < 4 || t[t.Length - 1] != '}') return null;
        int open = t.LastIndexOf('{');
        if (open < 0) return null;
        foreach (var part in t.Substring(open + 1, t.Length - open - 2).Split(' '))
            if (part.Length > 1 && part[0] == '#') return part.Substring(1);
        return null;
    }

    private static bool Eq(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
