using System;
using System.IO;
using PolicyLint.Sites;

namespace PolicyLint.Rules.Links;

/// <summary>"Did you mean" for a missing file: the one file, in the target's folder or else anywhere in the site, whose name is a small edit away.</summary>
internal static class DidYouMean
{
    /// <summary>Larger sites are not searched as a whole (the folder still is).</summary>
    private const int MaxSiteFiles = 50_000;

    /// <summary>"; did you mean 'x'?" or "".</summary>
    public static string For(SiteModel site, string fromRel, string path)
    {
        string? hit = Find(site.Files, fromRel, path);
        return hit is null ? "" : $"; did you mean '{hit}'?";
    }

    internal static string? Find(SiteFiles files, string fromRel, string path)
    {
        string trimmed = path.TrimEnd('/');
        string name = trimmed.Substring(trimmed.LastIndexOf('/') + 1);
        string stem = Stem(name);
        if (stem.Length < 3) return null;
        string ext = Path.GetExtension(name);
        int limit = Math.Max(1, Math.Min(3, stem.Length / 4));
        string folder = SiteModel.Combine(SiteModel.DirectoryOf(fromRel), trimmed.Contains("/") ? trimmed.Substring(0, trimmed.LastIndexOf('/')) : "") ?? "";
        // The folder first: a typo of a sibling file.
        string? best = null; int bestD = int.MaxValue, count = 0;
        foreach (var child in files.Children(folder))
            Consider(folder.Length == 0 ? child : folder + "/" + child, child, stem, ext, limit, ref best, ref bestD, ref count);
        if (best is not null && count == 1) return best;
        if (files.Complete && CountFiles(files) <= MaxSiteFiles)
        {
            best = null; bestD = int.MaxValue; count = 0;
            foreach (var f in files.Files)
            {
                int slash = f.LastIndexOf('/');
                Consider(f, slash < 0 ? f : f.Substring(slash + 1), stem, ext, limit, ref best, ref bestD, ref count);
            }
            if (best is not null && count == 1) return best;
        }
        return null;
    }

    private static int CountFiles(SiteFiles files)
    {
        int n = 0;
        foreach (var _ in files.Files) if (++n > MaxSiteFiles) break;
        return n;
    }

    private static void Consider(string rel, string name, string stem, string ext, int limit, ref string? best, ref int bestD, ref int count)
    {
        // Same kind of file: an image for an image, a page (or a page's source) for a page URL.
        string candidateExt = Path.GetExtension(name);
        bool sameKind = ext.Length > 1 && ext.Length <= 6
            ? candidateExt.Equals(ext, StringComparison.OrdinalIgnoreCase)
            : SiteModel.IsMarkdown(name);
        if (!sameKind) return;
        string s = Stem(name);
        if (Math.Abs(s.Length - stem.Length) > limit) return;
        int d = Text.EditDistance.Compute(s.ToLowerInvariant(), stem.ToLowerInvariant());
        if (d > limit) return;
        if (d < bestD) { bestD = d; best = rel; count = 1; }
        else if (d == bestD && rel != best) count++;
    }

    private static string Stem(string name)
    {
        string ext = Path.GetExtension(name);
        string s = ext.Length > 0 && ext.Length <= 6 ? name.Substring(0, name.Length - ext.Length) : name;
        return s is "index" or "_index" or "README" ? name : s;
    }
}
