using System;
using System.IO;
using PolicyLint.Analysis;

namespace PolicyLint.Engine;

/// <summary>
/// Resolves link targets and path-valued front matter fields to files, the same way for every rule: percent-decoding,
/// query and fragment dropped, site-rooted paths through <c>siteRoots</c>, nothing outside the repository root.
/// </summary>
internal static class TargetResolver
{
    /// <summary>Resolves <paramref name="target"/> as written in the file at <paramref name="fromFileFullPath"/>.</summary>
    public static ResolvedTarget Resolve(string target, string fromFileFullPath, SharedSettings settings, Workspace workspace)
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
            foreach (var kv in settings.SiteRoots)
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
    public static bool HasScheme(string t) => Text.UriText.HasScheme(t);

    /// <summary>Percent-decodes; invalid escapes are kept as written.</summary>
    public static string Decode(string s) => Text.UriText.Decode(s);
}
