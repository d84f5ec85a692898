using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyLint.Sites;

/// <summary>
/// The settings the Docusaurus model needs, read from <c>docusaurus.config.js/ts/mjs/cjs</c> without running it. The text is
/// scanned as JavaScript tokens (strings, template literals, comments, brackets), so a key counts only at its own level of
/// its own object: <c>docs: { path: '../docs' }</c> inside a preset, however many arrow functions, comments or nested
/// objects sit beside it. Read: <c>baseUrl</c>, <c>trailingSlash</c>, the classic preset's <c>docs</c> and <c>blog</c>
/// (<c>false</c> turns one off; <c>path</c>, <c>routeBasePath</c>), every other <c>@docusaurus/plugin-content-docs</c>
/// instance (<c>id</c>, <c>path</c>, <c>routeBasePath</c>), <c>i18n.defaultLocale</c> and <c>i18n.locales</c> (also from a
/// module the config imports, such as <c>import i18n from './i18n.mjs'</c>), and the client-redirects plugin's
/// <c>fromExtensions: ['html']</c>. Values computed at build time (<c>process.env.X || '/'</c>) are not known: the default
/// is used, as for a missing key.
/// </summary>
internal sealed class DocusaurusConfig
{
    public sealed record Docs(string? Id, string Path, string RouteBase);

    public string BaseUrl { get; private set; } = "/";
    public bool TrailingSlash { get; private set; }
    public bool HtmlRedirects { get; private set; }
    /// <summary>The preset's docs first (null when <c>docs: false</c>), then other docs plugin instances.</summary>
    public List<Docs> DocsInstances { get; } = new();
    public bool MainDocs { get; private set; } = true;
    public bool Blog { get; private set; } = true;
    public string BlogPath { get; private set; } = "blog";
    public string BlogRouteBase { get; private set; } = "blog";
    public string DefaultLocale { get; private set; } = "en";
    public List<string> Locales { get; } = new();

    /// <summary>Reads <paramref name="text"/>; <paramref name="readImport"/> gives the text of a module the config imports (relative path), or null.</summary>
    public static DocusaurusConfig Parse(string text, Func<string, string?>? readImport = null)
    {
        var c = new DocusaurusConfig();
        string code = StripComments(text);
        c.BaseUrl = StringAt(code, "baseUrl", anyDepth: true) ?? "/";
        c.TrailingSlash = Regex.IsMatch(code, @"(?<![\w$.])trailingSlash\s*:\s*true");
        c.HtmlRedirects = Regex.IsMatch(code, @"fromExtensions\s*:\s*\[[^\]]*['""`]html['""`]");

        // The classic preset: its options object holds docs and blog (themeConfig may have a 'docs' key of its own).
        string presets = Regex.Match(code, @"(?<![\w$.])presets\s*:\s*\[") is { Success: true } pm ? Balanced(code, pm.Index + pm.Length - 1) : code;
        string docsPath = "docs", docsRoute = "docs";
        if (ValueOf(presets, "docs") is { } docs)
        {
            if (docs.StartsWith("false", StringComparison.Ordinal)) c.MainDocs = false;
            else if (docs.StartsWith("{", StringComparison.Ordinal))
            {
                docsPath = StringAt(docs, "path") ?? docsPath;
                docsRoute = StringAt(docs, "routeBasePath") ?? docsRoute;
            }
        }
        if (c.MainDocs) c.DocsInstances.Add(new Docs(null, docsPath, docsRoute.Trim('/')));
        if (ValueOf(presets, "blog") is { } blog)
        {
            if (blog.StartsWith("false", StringComparison.Ordinal)) c.Blog = false;
            else if (blog.StartsWith("{", StringComparison.Ordinal))
            {
                c.BlogPath = StringAt(blog, "path") ?? c.BlogPath;
                c.BlogRouteBase = (StringAt(blog, "routeBasePath") ?? c.BlogRouteBase).Trim('/');
            }
        }
        // Further docs instances: ['@docusaurus/plugin-content-docs', { id, path, routeBasePath }].
        foreach (Match m in Regex.Matches(code, @"['""`]@docusaurus/plugin-content-docs['""`]\s*,\s*"))
        {
            int open = code.IndexOf('{', m.Index + m.Length);
            if (open < 0 || code.Substring(m.Index + m.Length, open - m.Index - m.Length).Trim().Trim('(').Length > 0) continue;
            string obj = Balanced(code, open);
            string? id = StringAt(obj, "id");
            string path = StringAt(obj, "path") ?? (id is null ? "docs" : id);
            string route = StringAt(obj, "routeBasePath") ?? (id is null ? "docs" : id);
            c.DocsInstances.Add(new Docs(id, path, route.Trim('/')));
        }
        // i18n, written inline or imported from a module of its own.
        string? i18n = ValueOf(code, "i18n");
        if (i18n is null || !i18n.StartsWith("{", StringComparison.Ordinal))
        {
            var imp = Regex.Match(code, @"\bimport\s+i18n\s+from\s+['""]([^'""]+)['""]|\bi18n\s*=\s*require\(\s*['""]([^'""]+)['""]\s*\)");
            if (imp.Success && readImport?.Invoke(imp.Groups[1].Success ? imp.Groups[1].Value : imp.Groups[2].Value) is { } module)
                i18n = StripComments(module);
        }
        if (i18n is not null)
        {
            c.DefaultLocale = StringAt(i18n, "defaultLocale", anyDepth: true) ?? "en";
            if (Regex.Match(i18n, @"\blocales\s*(?::|=)\s*\[([^\]]*)\]") is { Success: true } list)
                foreach (Match s in Regex.Matches(list.Groups[1].Value, @"['""`]([^'""`]+)['""`]")) c.Locales.Add(s.Groups[1].Value);
        }
        return c;
    }

    /// <summary>The text with comments blanked out (strings and template literals kept as they are).</summary>
    internal static string StripComments(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (ch is '\'' or '"' or '`')
            {
                int end = SkipString(text, i);
                sb.Append(text, i, end - i);
                i = end - 1;
            }
            else if (ch == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n') { sb.Append(' '); i++; }
                if (i < text.Length) sb.Append('\n');
            }
            else if (ch == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                int end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + 2;
                for (; i < end; i++) sb.Append(text[i] == '\n' ? '\n' : ' ');
                i--;
            }
            else sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>The index just past the string literal that starts at <paramref name="start"/>.</summary>
    private static int SkipString(string text, int start)
    {
        char q = text[start];
        for (int i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (text[i] == q) return i + 1;
            if (q != '`' && text[i] == '\n') return i; // an unterminated quote ends with its line
        }
        return text.Length;
    }

    /// <summary>The bracketed text that opens at <paramref name="open"/> (<c>{</c>, <c>[</c> or <c>(</c>), brackets inside strings ignored.</summary>
    internal static string Balanced(string text, int open)
    {
        int depth = 0;
        for (int i = open; i < text.Length; i++)
        {
            char ch = text[i];
            if (ch is '\'' or '"' or '`') { i = SkipString(text, i) - 1; continue; }
            if (ch is '{' or '[' or '(') depth++;
            else if (ch is '}' or ']' or ')' && --depth == 0) return text.Substring(open, i - open + 1);
        }
        return text.Substring(open);
    }

    /// <summary>The object's own level: nested brackets and strings other than plain values blanked, so a key matches only there.</summary>
    private static string TopLevel(string obj)
    {
        var sb = new StringBuilder(obj.Length);
        int depth = 0;
        int start = obj.Length > 0 && obj[0] == '{' ? 1 : 0;
        if (start == 1) sb.Append('{');
        for (int i = start; i < obj.Length; i++)
        {
            char ch = obj[i];
            if (ch is '\'' or '"' or '`')
            {
                int end = SkipString(obj, i);
                if (depth == 0) sb.Append(obj, i, end - i); else sb.Append(' ', end - i);
                i = end - 1;
                continue;
            }
            if (ch is '{' or '[' or '(') { depth++; sb.Append(' '); continue; }
            if (ch is '}' or ']' or ')') { if (depth > 0) depth--; sb.Append(' '); continue; }
            sb.Append(depth == 0 ? ch : ' ');
        }
        return sb.ToString();
    }

    /// <summary>The string value of <paramref name="key"/> at the object's own level (or anywhere), or null.</summary>
    private static string? StringAt(string obj, string key, bool anyDepth = false)
    {
        var m = Regex.Match(anyDepth ? obj : TopLevel(obj), @"(?<![\w$.])['""]?" + Regex.Escape(key) + @"['""]?\s*:\s*(?:'([^'\n]*)'|""([^""\n]*)""|`([^`$]*)`)");
        if (!m.Success) return null;
        for (int g = 1; g <= 3; g++) if (m.Groups[g].Success) return m.Groups[g].Value;
        return null;
    }

    /// <summary>
    /// The value written after the first <c>key:</c> (at any depth) that is an object or <c>false</c>: the balanced object
    /// text, or "false"; null when there is none. A key inside a string or comment does not count.
    /// </summary>
    private static string? ValueOf(string code, string key)
    {
        foreach (Match m in Regex.Matches(code, @"(?<![\w$.'""`])['""]?" + Regex.Escape(key) + @"['""]?\s*:\s*"))
        {
            if (InsideString(code, m.Index)) continue;
            int at = m.Index + m.Length;
            if (at < code.Length && code[at] == '{') return Balanced(code, at);
            if (string.CompareOrdinal(code, at, "false", 0, 5) == 0) return "false";
        }
        return null;
    }

    private static bool InsideString(string code, int index)
    {
        for (int i = 0; i < index; i++)
            if (code[i] is '\'' or '"' or '`')
            {
                int end = SkipString(code, i);
                if (end > index) return true;
                i = end - 1;
            }
        return false;
    }
}
