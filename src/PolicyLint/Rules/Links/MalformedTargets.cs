using System;
using System.Collections.Generic;

namespace PolicyLint.Rules.Links;

/// <summary>Ways a link target is written wrongly (PL3005); PL3001 leaves these to it.</summary>
internal enum Malformation { None, ExtraParentheses, NestedLinkSyntax, JavaScript, SchemeSlashes, Space, DomainWithoutScheme, EmailWithoutMailto, Placeholder }

/// <summary>Classifies link targets that are malformed whatever is on disk.</summary>
internal static class MalformedTargets
{
    // '#' alone is an empty link (PL3006), not reported twice.
    public static readonly IReadOnlyList<string> DefaultPlaceholders = ["todo", "tbd", "fill me", "fill-me", "fillme", "xxx", "..."];

    // Top-level domains that are not also common file extensions (md, py, sh, rs, pl... are left out on purpose).
    private static readonly HashSet<string> Tlds = new(StringComparer.OrdinalIgnoreCase)
    {
        "com", "org", "net", "io", "ai", "dev", "co", "edu", "gov", "app", "info", "me", "uk", "de", "fr", "cn", "jp", "us", "eu",
        "ly", "gg", "tv", "xyz", "tech", "cloud", "blog", "page", "site", "science", "ca", "au", "in", "ch", "nl", "es", "it", "kr", "ru", "br",
    };

    public static Malformation Classify(string target, IReadOnlyList<string> placeholders)
    {
        string t = target.Trim();
        if (t.Length > 2 && t[0] == '(' && t[t.Length - 1] == ')') return Malformation.ExtraParentheses;
        if (t.StartsWith("[", StringComparison.Ordinal) || t.IndexOf("](", StringComparison.Ordinal) >= 0) return Malformation.NestedLinkSyntax;
        string decoded = Text.UriText.Decode(t).Trim();
        foreach (var p in placeholders)
            if (string.Equals(t, p, StringComparison.OrdinalIgnoreCase) || string.Equals(decoded, p, StringComparison.OrdinalIgnoreCase))
                return Malformation.Placeholder;
        if (t.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)) return Malformation.JavaScript;
        if (IsBadSchemeSlashes(t)) return Malformation.SchemeSlashes;
        if (Text.UriText.HasScheme(t) && t.IndexOf(' ') >= 0 && t.StartsWith("http", StringComparison.OrdinalIgnoreCase)) return Malformation.Space;
        if (IsEmail(t)) return Malformation.EmailWithoutMailto;
        if (LooksLikeDomain(t)) return Malformation.DomainWithoutScheme;
        return Malformation.None;
    }

    private static bool IsBadSchemeSlashes(string t)
    {
        foreach (var scheme in new[] { "https", "http" })
        {
            if (!t.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) continue;
            string rest = t.Substring(scheme.Length);
            if (rest.StartsWith("://", StringComparison.Ordinal)) return false;
            return rest.StartsWith(":/", StringComparison.Ordinal) || rest.StartsWith("//", StringComparison.Ordinal)
                || (rest.StartsWith(":", StringComparison.Ordinal) && rest.Length > 1 && char.IsLetterOrDigit(rest[1]));
        }
        return false;
    }

    private static bool IsEmail(string t)
    {
        int at = t.IndexOf('@');
        if (at <= 0 || at != t.LastIndexOf('@') || Text.UriText.HasScheme(t)) return false;
        foreach (char c in t) if (c == '/' || c == ' ' || c == '#' || c == '?' || c == ':') return false;
        string domain = t.Substring(at + 1);
        int dot = domain.LastIndexOf('.');
        return dot > 0 && dot < domain.Length - 2;
    }

    /// <summary><c>www.example.com</c>, <c>docs.example.ai/x</c>: a host name written without <c>https://</c>.</summary>
    public static bool LooksLikeDomain(string t)
    {
        if (t.Length == 0 || t[0] == '/' || t[0] == '.' || t[0] == '#' || Text.UriText.HasScheme(t) || t.IndexOf(' ') >= 0) return false;
        int end = t.IndexOfAny(['/', '?', '#']);
        string host = end < 0 ? t : t.Substring(0, end);
        int colon = host.IndexOf(':');
        if (colon >= 0) host = host.Substring(0, colon);
        if (host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && host.Length > 4) return true;
        var labels = host.Split('.');
        if (labels.Length < 2) return false;
        foreach (var l in labels)
        {
            if (l.Length == 0) return false;
            foreach (char c in l) if (!(char.IsLetterOrDigit(c) || c == '-')) return false;
        }
        // The list leaves out TLDs that double as file extensions, and PL3005 checks that no such file exists.
        return Tlds.Contains(labels[labels.Length - 1]);
    }
}
