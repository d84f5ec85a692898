using System;
using System.Collections.Generic;
using PolicyLint.Diagnostics;

namespace PolicyLint.Documents;

/// <summary>One attribute of an HTML start tag, with the span of its value in the document text.</summary>
internal readonly struct HtmlAttribute
{
    public HtmlAttribute(string name, string? value, TextSpan valueSpan) { Name = name; Value = value; ValueSpan = valueSpan; }
    public string Name { get; }
    /// <summary>Null for an attribute without a value (<c>&lt;img alt&gt;</c>).</summary>
    public string? Value { get; }
    public TextSpan ValueSpan { get; }
}

/// <summary>An HTML start tag found in raw HTML of a document.</summary>
internal sealed class HtmlTag
{
    public HtmlTag(string name, TextSpan span, List<HtmlAttribute> attributes) { Name = name; Span = span; Attributes = attributes; }
    public string Name { get; }
    public TextSpan Span { get; }
    public List<HtmlAttribute> Attributes { get; }

    public HtmlAttribute? Get(string name)
    {
        foreach (var a in Attributes) if (string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)) return a;
        return null;
    }
}

/// <summary>
/// A forgiving, linear scanner for start tags in raw HTML (blocks and inline HTML). Comments are skipped, and so is
/// the content of <c>pre</c>, <c>code</c>, <c>script</c>, <c>style</c> and <c>textarea</c>: examples there are not links.
/// </summary>
internal static class HtmlTags
{
    private static readonly string[] Opaque = ["pre", "code", "script", "style", "textarea"];

    public static void Scan(string text, int start, int end, List<HtmlTag> into, ref string? openOpaque)
    {
        int i = start;
        while (i < end)
        {
            int lt = text.IndexOf('<', i, end - i);
            if (lt < 0) return;
            if (string.CompareOrdinal(text, lt, "<!--", 0, 4) == 0)
            {
                int close = text.IndexOf("-->", lt + 4, end - lt - 4, StringComparison.Ordinal);
                if (close < 0) return;
                i = close + 3;
                continue;
            }
            int p = lt + 1;
            bool closing = p < end && text[p] == '/';
            if (closing) p++;
            int nameStart = p;
            while (p < end && (char.IsLetterOrDigit(text[p]) || text[p] == '-' || text[p] == ':')) p++;
            if (p == nameStart) { i = lt + 1; continue; }
            if (openOpaque is not null)
            {
                if (closing && LowerEquals(text, nameStart, p, openOpaque)) openOpaque = null;
                i = p;
                continue;
            }
            if (closing) { i = p; continue; }
            string name = Name(text, nameStart, p, TagNames, lower: true);
            var attrs = new List<HtmlAttribute>();
            p = ReadAttributes(text, p, end, attrs);
            into.Add(new HtmlTag(name, TextSpan.FromBounds(lt, Math.Min(p, end)), attrs));
            if (Array.IndexOf(Opaque, name) >= 0 && !(p >= 2 && text[p - 2] == '/')) openOpaque = name;
            i = Math.Max(p, lt + 1);
        }
    }

    // The names most tags and attributes have, handed out without a new string each time.
    private static readonly string[] TagNames = ["a", "b", "br", "center", "code", "details", "div", "em", "figcaption", "figure", "h1",
        "h2", "h3", "h4", "h5", "h6", "hr", "i", "iframe", "img", "kbd", "li", "ol", "p", "picture", "pre", "script", "source", "span",
        "strong", "style", "sub", "summary", "sup", "table", "tbody", "td", "textarea", "th", "thead", "tr", "u", "ul", "video"];
    private static readonly string[] AttributeNames = ["align", "allow", "alt", "class", "controls", "frameborder", "height", "href",
        "id", "loading", "name", "rel", "src", "srcset", "style", "target", "title", "type", "width"];

    /// <summary>
    /// <c>text[start..end)</c> as a string (lower-cased when <paramref name="lower"/>): the entry of <paramref name="known"/> it
    /// equals when there is one, else a new string.
    /// </summary>
    private static string Name(string text, int start, int end, string[] known, bool lower)
    {
        int length = end - start;
        foreach (string k in known)
        {
            if (k.Length != length) continue;
            if (lower ? LowerEquals(text, start, end, k) : string.CompareOrdinal(text, start, k, 0, length) == 0) return k;
        }
        string name = text.Substring(start, length);
        return lower ? name.ToLowerInvariant() : name;
    }

    /// <summary>True when <c>text[start..end)</c>, lower-cased as <see cref="string.ToLowerInvariant()"/> does, is <paramref name="lowerName"/>.</summary>
    internal static bool LowerEquals(string text, int start, int end, string lowerName)
    {
        if (end - start != lowerName.Length) return false;
        for (int j = 0; j < lowerName.Length; j++)
            if (char.ToLowerInvariant(text[start + j]) != lowerName[j]) return false;
        return true;
    }

    private static int ReadAttributes(string text, int p, int end, List<HtmlAttribute> attrs)
    {
        while (p < end)
        {
            while (p < end && char.IsWhiteSpace(text[p])) p++;
            if (p >= end) return p;
            char c = text[p];
            if (c == '>') return p + 1;
            if (c == '/' ) { p++; continue; }
            if (c == '<') return p; // broken tag: let the caller see the next one
            int ns = p;
            while (p < end && !char.IsWhiteSpace(text[p]) && text[p] != '=' && text[p] != '>' && text[p] != '/' && text[p] != '<') p++;
            if (p == ns) { p++; continue; }
            string an = Name(text, ns, p, AttributeNames, lower: false);
            int q = p;
            while (q < end && char.IsWhiteSpace(text[q])) q++;
            if (q < end && text[q] == '=')
            {
                q++;
                while (q < end && char.IsWhiteSpace(text[q])) q++;
                if (q < end && (text[q] == '"' || text[q] == '\''))
                {
                    char quote = text[q];
                    int close = text.IndexOf(quote, q + 1, end - q - 1);
                    if (close < 0) { attrs.Add(new HtmlAttribute(an, text.Substring(q + 1, end - q - 1), TextSpan.FromBounds(q + 1, end))); return end; }
                    attrs.Add(new HtmlAttribute(an, text.Substring(q + 1, close - q - 1), TextSpan.FromBounds(q + 1, close)));
                    p = close + 1;
                }
                else
                {
                    int vs = q;
                    while (q < end && !char.IsWhiteSpace(text[q]) && text[q] != '>') q++;
                    attrs.Add(new HtmlAttribute(an, text.Substring(vs, q - vs), TextSpan.FromBounds(vs, q)));
                    p = q;
                }
            }
            else attrs.Add(new HtmlAttribute(an, null, new TextSpan(p, 0)));
        }
        return p;
    }
}
