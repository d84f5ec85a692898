using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig.Helpers;
using PolicyLint.Documents;

namespace PolicyLint.Sites;

/// <summary>
/// docfx and Microsoft Learn: links are file links (relative to the file, <c>~/</c> for the docset root, the folder of
/// <c>docfx.json</c>); a file listed as a <c>source_path</c> in <c>.openpublishing.redirection*.json</c> is still a valid
/// target (the build follows the redirect); Learn (an <c>.openpublishing.publish.config.json</c> beside it) lower-cases URLs, so
/// case differences are no error there. Site-rooted links (<c>/dotnet/...</c>) go to other docsets and are not checked.
/// Anchors: Markdig's auto-identifiers (an empty slug becomes <c>section</c>, repeats get <c>-1</c>), <c>{#id}</c>, HTML ids,
/// and the headings of <c>[!INCLUDE [..](path)]</c> files. Files in <c>includes</c> folders are snippets.
/// </summary>
internal sealed class DocfxSite : SiteModel
{
    private static readonly Regex Include = new(@"\[!INCLUDE\s*\[[^\]]*\]\(([^)\s]+)\)\]", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private readonly string _docset;
    private readonly bool _learn;
    private readonly Lazy<HashSet<string>> _redirected;

    public DocfxSite(SiteFiles files, string configFile, Dictionary<string, object?>? config) : base(files, configFile)
    {
        _docset = DirectoryOf(configFile);
        _learn = files.IsFile(".openpublishing.publish.config.json") || files.IsFile(Prefix(".openpublishing.publish.config.json"));
        _redirected = new Lazy<HashSet<string>>(ReadRedirections);
        _ = config;
    }

    public override string Name => "docfx";
    // Learn pages show the Markdown's own H1; the front matter title is the HTML <title>.
    public override bool RendersTitleAsH1 => false;

    /// <summary>The configuration and the redirection files at the root.</summary>
    protected override IEnumerable<string> InputFiles() => base.InputFiles().Concat(Files.Children("").Where(IsRedirectionFile));

    private static bool IsRedirectionFile(string name) =>
        name.StartsWith(".openpublishing.redirection", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private string Prefix(string p) => _docset.Length == 0 ? p : _docset + "/" + p;

    private bool InDocset(string rel) => _docset.Length == 0 || rel.StartsWith(_docset + "/", StringComparison.Ordinal);

    public override bool Publishes(string rel) => IsMarkdown(rel) && InDocset(rel) && !rel.StartsWith(Prefix("_site/"), StringComparison.Ordinal);

    public override bool IsInclude(string rel)
    {
        foreach (var seg in DirectoryOf(rel).Split('/'))
            if (seg.Equals("includes", StringComparison.OrdinalIgnoreCase) || seg.Equals("_includes", StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public override SiteLink Resolve(SiteLinkRequest r)
    {
        string path = r.Path;
        if (path.StartsWith("/", StringComparison.Ordinal)) return SiteLink.Unchecked("site-rooted link to another docset");
        string? file = path.StartsWith("~/", StringComparison.Ordinal) ? Combine(_docset, path.Substring(2)) : Combine(DirectoryOf(r.FromFile), path);
        if (file is null) return SiteLink.Missing($"'{path}' leaves the repository");
        if (Files.IsFile(file)) return SiteLink.Found(file);
        if (_redirected.Value.Contains(file)) return SiteLink.Found(null);
        if (Files.FoldCase(file) is { } actual && Files.IsFile(actual)) return _learn ? SiteLink.Found(actual) : SiteLink.Case(actual, null);
        // A folder link lands on its index page.
        foreach (var index in new[] { "index.md", "index.yml", "toc.yml" })
            if (Files.IsDirectory(file.TrimEnd('/')) && Files.IsFile(file.TrimEnd('/') + "/" + index)) return SiteLink.Found(file.TrimEnd('/') + "/" + index);
        return SiteLink.Missing($"no file '{file}'");
    }

    public override HashSet<string> Anchors(MarkdownFile file, string rel) => Anchors(file, rel, 0);

    private HashSet<string> Anchors(MarkdownFile file, string rel, int depth)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var h in file.Headings)
        {
            string slug = LinkHelper.UrilizeAsGfm(h.PlainText);
            if (slug.Length == 0) slug = "section";
            if (counts.TryGetValue(slug, out int n)) { counts[slug] = n + 1; set.Add(slug + "-" + (n + 1).ToString(CultureInfo.InvariantCulture)); }
            else { counts[slug] = 0; set.Add(slug); }
            if (DocumentOutline.CustomId(h.PlainText) is { } id) set.Add(id);
        }
        foreach (var tag in DocumentHtml.GetTags(file))
            foreach (var attr in tag.Attributes)
                if (attr.Value is { Length: > 0 } v && (attr.Name.Equals("id", StringComparison.OrdinalIgnoreCase) || attr.Name.Equals("name", StringComparison.OrdinalIgnoreCase))) set.Add(v.Trim());
        if (depth < 4)
            foreach (Match m in Include.Matches(file.Text))
            {
                string? inc = Combine(DirectoryOf(rel), TargetPath(m.Groups[1].Value));
                if (inc is null || !Files.IsFile(inc)) continue;
                if (SiteDocuments.Load(Files.FullPath(inc)) is { } inner) set.UnionWith(Anchors(inner, inc, depth + 1));
            }
        return set;
    }

    private static string TargetPath(string t)
    {
        int hash = t.IndexOf('#');
        return Uri.UnescapeDataString(hash < 0 ? t : t.Substring(0, hash));
    }

    private HashSet<string> ReadRedirections()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in Files.Children(""))
        {
            if (!IsRedirectionFile(name)) continue;
            if (ConfigTree.Get(ConfigTree.Read(Files.FullPath(name)), "redirections") is not List<object?> list) continue;
            foreach (var o in list)
                if (ConfigTree.GetString(o as Dictionary<string, object?>, "source_path") is { } src)
                    set.Add(src.Replace('\\', '/').TrimStart('/'));
        }
        return set;
    }
}
