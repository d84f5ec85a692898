using System;
using System.IO;
using PolicyLint.Configuration;

namespace PolicyLint.Engine;

/// <summary>What kind of target a link or path field holds.</summary>
public enum TargetKind
{
    /// <summary>Empty or whitespace.</summary>
    Empty,
    /// <summary>Only a fragment: <c>#section</c>.</summary>
    FragmentOnly,
    /// <summary>Has a scheme (<c>https:</c>, <c>mailto:</c>, <c>javascript:</c>...) or is protocol-relative (<c>//host</c>).</summary>
    External,
    /// <summary>A relative path, resolved against the linking file's folder.</summary>
    Local,
    /// <summary>A site-rooted path (<c>/blog/x.png</c>) mapped to a folder through <c>siteRoots</c>.</summary>
    SiteRooted,
    /// <summary>A site-rooted path with no matching <c>siteRoots</c> prefix: it cannot be checked.</summary>
    SiteRootedUnmapped,
    /// <summary>A path that resolves outside the repository root: never read.</summary>
    OutsideRoot,
}

/// <summary>A resolved link target or path-valued field.</summary>
public sealed class ResolvedTarget
{
    internal ResolvedTarget(TargetKind kind, string original, string path, string? query, string? fragment, string? fullPath, PathLookup lookup)
    {
        Kind = kind; Original = original; Path = path; Query = query; Fragment = fragment; FullPath = fullPath; Lookup = lookup;
    }

    /// <summary>What it is.</summary>
    public TargetKind Kind { get; }
    /// <summary>The target as written.</summary>
    public string Original { get; }
    /// <summary>The path part, percent-decoded (no query, no fragment).</summary>
    public string Path { get; }
    /// <summary>The query without '?', or null.</summary>
    public string? Query { get; }
    /// <summary>The fragment without '#', percent-decoded, or null.</summary>
    public string? Fragment { get; }
    /// <summary>For local and site-rooted targets: the full path on disk.</summary>
    public string? FullPath { get; }
    /// <summary>For local and site-rooted targets: what is on disk there (exact case).</summary>
    public PathLookup Lookup { get; }
    /// <summary>True for targets that name a file on disk (local or mapped site-rooted).</summary>
    public bool IsOnDisk => Kind is TargetKind.Local or TargetKind.SiteRooted;
}

/// <summary>
/// Resolves link targets and path-valued front matter fields to files, the same way for every rule: percent-decoding,
/// query and fragment dropped, site-rooted paths through <c>siteRoots</c>, nothing outside the repository root.
/// </summary>
public static class TargetResolver
{
    /// <summary>Resolves <paramref name="target"/> as written in the file at <paramref name="fromFileFullPath"/>.</summary>
    public static ResolvedTarget Resolve(string target, string fromFileFullPath, FileConfiguration configuration, Workspace workspace)
    {
        string t = target.Trim();
        if (t.Length > 1 && t[0] == '<' && t[t.Length - 1] == '>') t = t.Substring(1, t.Length - 2).Trim();
        if (t.Length == 0) return new ResolvedTarget(TargetKind.Empty, target, "", null, null, null, default);
        if (t[0] == '#') return new ResolvedTarget(TargetKind.FragmentOnly, target, "", null, Decode(t.Substring(1)), null, default);
        if (HasScheme(t) || t.StartsWith("//", StringComparison.Ordinal))
            return new ResolvedTarget(TargetKind.External, target, t, null, null, null, default);

        string? fragment = null, query = null;
        int hash = t.IndexOf('#');
        if (hash >= 0) { fragment = Decode(t.Substring(hash + 1)); t = t.Substring(0, hash); }
        int q = t.IndexOf('?');
        if (q >= 0) { query = t.Substring(q + 1); t = t.Substring(0, q); }
        string path = Decode(t);
        if (path.Length == 0)
            return new ResolvedTarget(TargetKind.FragmentOnly, target, "", query, fragment, null, default);

        string full;
        TargetKind kind;
        if (path[0] == '/')
        {
            string? mapped = null;
            foreach (var kv in configuration.SiteRoots)
            {
                // '/blog//assets/x.png' is served as '/blog/assets/x.png': extra slashes after the prefix must not make the rest absolute.
                if (path.StartsWith(kv.Key, StringComparison.Ordinal)) { mapped = Combine(kv.Value, path.Substring(kv.Key.Length).TrimStart('/')); break; }
                if (path + "/" == kv.Key) { mapped = kv.Value; break; }
            }
            if (mapped is null) return new ResolvedTarget(TargetKind.SiteRootedUnmapped, target, path, query, fragment, null, default);
            full = mapped;
            kind = TargetKind.SiteRooted;
        }
        else
        {
            string dir = System.IO.Path.GetDirectoryName(fromFileFullPath) ?? workspace.RootDirectory;
            full = Combine(dir, path);
            kind = TargetKind.Local;
        }
        if (!workspace.IsInsideRoot(full)) return new ResolvedTarget(TargetKind.OutsideRoot, target, path, query, fragment, full, default);
        return new ResolvedTarget(kind, target, path, query, fragment, full, workspace.Lookup(full));
    }

    private static string Combine(string dir, string relative)
    {
        string rel = relative.Replace('/', System.IO.Path.DirectorySeparatorChar);
        try { return System.IO.Path.GetFullPath(System.IO.Path.Combine(dir, rel)); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return System.IO.Path.Combine(dir, rel);
        }
    }

    /// <summary>True when <paramref name="t"/> starts with a URI scheme such as <c>https:</c>.</summary>
    public static bool HasScheme(string t)
    {
        if (t.Length < 2 || !IsAsciiLetter(t[0])) return false;
        for (int i = 1; i < t.Length; i++)
        {
            char c = t[i];
            if (c == ':') return i >= 2; // one letter would be a Windows drive
            if (!(IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) return false;
        }
        return false;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    /// <summary>Percent-decodes; invalid escapes are kept as written.</summary>
    public static string Decode(string s)
    {
        if (s.IndexOf('%') < 0) return s;
        try { return Uri.UnescapeDataString(s); }
        catch (UriFormatException) { return s; }
    }
}
