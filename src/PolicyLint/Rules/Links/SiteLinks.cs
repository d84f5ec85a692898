using PolicyLint.Analysis;
using PolicyLint.Sites;

namespace PolicyLint.Rules.Links;

/// <summary>The site model a link rule uses for a document: the <c>site</c> setting ("auto" by default: detected from the repository).</summary>
internal static class SiteLinks
{
    /// <summary>The model and the document's path relative to the root, when the model publishes it; else null (GitHub rules apply).</summary>
    public static (SiteModel Site, string Rel)? Publishing(DocumentContextBase c)
    {
        var site = c.Workspace.GetSite(c.Settings);
        if (site is null) return null;
        string? rel = site.Files.Relative(c.FullPath);
        if (rel is null || !site.Publishes(rel)) return null;
        return (site, rel);
    }
}
