using System;
using System.Collections.Generic;

namespace PolicyLint.Sites;

/// <summary>URL paths of a site mapped to the files that serve them (pages, static files, redirect aliases).</summary>
internal sealed class SiteRoutes
{
    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _folded = new(StringComparer.Ordinal);
    private readonly HashSet<string> _prefixes = new(StringComparer.Ordinal);

    public SiteRoutes(bool ignoreCase) => IgnoreCase = ignoreCase;

    /// <summary>True when the site's URLs do not depend on case (Hugo lower-cases them; Learn too).</summary>
    public bool IgnoreCase { get; }
    public int Count => _exact.Count;

    /// <summary>Adds a route; the first file added for a URL keeps it (pages before aliases).</summary>
    public void Add(string url, string file)
    {
        string key = SiteModel.RouteKey(url, IgnoreCase);
        if (!_exact.ContainsKey(key)) _exact[key] = file;
        string folded = key.ToLowerInvariant();
        if (!_folded.ContainsKey(folded)) _folded[folded] = key;
    }

    /// <summary>Everything under <paramref name="prefix"/> is served (a redirect with a splat, a generated section).</summary>
    public void AddPrefix(string prefix) => _prefixes.Add(SiteModel.RouteKey(prefix, IgnoreCase));

    public bool TryGet(string url, out string file)
    {
        string key = SiteModel.RouteKey(url, IgnoreCase);
        if (_exact.TryGetValue(key, out file!)) return true;
        foreach (var p in _prefixes)
            if (key.StartsWith(p.EndsWith("/", StringComparison.Ordinal) ? p : p + "/", StringComparison.Ordinal) || key == p) { file = ""; return true; }
        return false;
    }

    /// <summary>The route spelled differently only in case, or null.</summary>
    public string? CaseVariant(string url)
    {
        string key = SiteModel.RouteKey(url, IgnoreCase);
        return _folded.TryGetValue(key.ToLowerInvariant(), out var actual) && actual != key ? actual : null;
    }

    public IEnumerable<string> Urls => _exact.Keys;

    /// <summary>The one route in the same folder whose last segment is a small edit away, or null ("did you mean").</summary>
    public string? Near(string url)
    {
        string key = SiteModel.RouteKey(url, IgnoreCase);
        int slash = key.LastIndexOf('/');
        if (slash < 0) return null;
        string parent = key.Substring(0, slash + 1), last = key.Substring(slash + 1);
        if (last.Length < 3) return null;
        int limit = Math.Max(1, Math.Min(3, last.Length / 4));
        string? best = null; int bestD = int.MaxValue, count = 0;
        foreach (var k in _exact.Keys)
        {
            if (k.Length <= parent.Length || !k.StartsWith(parent, StringComparison.Ordinal) || k.IndexOf('/', parent.Length) >= 0) continue;
            string seg = k.Substring(parent.Length);
            if (Math.Abs(seg.Length - last.Length) > limit) continue;
            int d = Text.EditDistance.Compute(seg.ToLowerInvariant(), last.ToLowerInvariant());
            if (d > limit || d == 0) continue;
            if (d < bestD) { bestD = d; best = k; count = 1; }
            else if (d == bestD) count++;
        }
        if (best is null || count != 1) return null;
        // Written as the site writes page URLs: a folder-style URL keeps its trailing slash.
        return url.EndsWith("/", StringComparison.Ordinal) ? best + "/" : best;
    }
}
