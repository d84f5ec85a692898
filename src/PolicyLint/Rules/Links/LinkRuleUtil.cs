using System;
using System.IO;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace PolicyLint.Rules.Links;

/// <summary>Small helpers the link rules share.</summary>
internal static class LinkRuleUtil
{
    /// <summary>The full path of the document being analysed.</summary>
    public static string FullPath(DocumentContextBase context) => context.FullPath;

    /// <summary>Where to report a problem with the target: the target itself when known, else the whole link.</summary>
    public static TextSpan TargetOrLink(LinkOccurrence link) => link.TargetSpan.Length > 0 ? link.TargetSpan : link.Span;

    /// <summary>"Link target", "Image", "Reference definition"... for messages.</summary>
    public static string Noun(LinkOccurrence link) => link.Source switch
    {
        LinkSource.Definition => "Reference definition target",
        _ => link.IsImage ? "Image" : "Link target",
    };

    /// <summary>The span of the fragment (after '#') inside the target as written, or null when it cannot be located.</summary>
    public static TextSpan? FragmentSpan(MarkdownFile file, LinkOccurrence link)
    {
        if (link.TargetSpan.Length == 0) return null;
        int hash = file.Text.IndexOf('#', link.TargetSpan.Start, link.TargetSpan.Length);
        return hash < 0 ? null : TextSpan.FromBounds(hash + 1, link.TargetSpan.End);
    }

    /// <summary>True when a replacement anchor can be written into a link target as is.</summary>
    public static bool IsPlainAnchor(string anchor)
    {
        foreach (char c in anchor)
        {
            if (char.IsWhiteSpace(c) || c == '(' || c == ')' || c == '<' || c == '>' || c == '"' || c == '\'') return false;
            // Invisible and bidi controls (format and control characters) would be copied into the link unseen.
            var category = char.GetUnicodeCategory(c);
            if (category is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Control) return false;
        }
        return anchor.Length > 0;
    }

    /// <summary>Template syntax (Jinja, Liquid, Hugo) that only a site generator can resolve.</summary>
    public static bool IsTemplated(string target) =>
        target.IndexOf("{{", StringComparison.Ordinal) >= 0 || target.IndexOf("{%", StringComparison.Ordinal) >= 0;
}
