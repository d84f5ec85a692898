using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyLint.Documents;
using PolicyLint.IO;

namespace PolicyLint.Sites;

/// <summary>
/// Docusaurus: docs (the <c>docs</c> plugin's <c>path</c>, served under <c>routeBasePath</c>), versioned docs
/// (<c>versioned_docs/version-X</c> with <c>versions.json</c>: the first is the latest, served without a version segment, the
/// current docs under <c>next</c>), the blog (dated file names, <c>slug</c>) and Markdown pages in <c>src/pages</c>. A doc's URL
/// comes from its folder and front matter <c>id</c> or <c>slug</c>, number prefixes dropped, <c>index</c>/<c>README</c> for the
/// folder. A link to a <c>.md</c>/<c>.mdx</c> file is a file link (from the file, then from the version's docs folder and the
/// site folder); any other relative link is a URL the browser resolves from the page's URL. <c>static/</c> is served at the
/// root; <c>static/_redirects</c> and the client-redirects plugin's <c>fromExtensions</c> add URLs. Anchors: github-slugger
/// and <c>{#custom-id}</c>. Files whose name starts with '_' are partials imported by other pages.
/// </summary>
internal sealed class DocusaurusSite : SiteModel
{
    private static readonly Regex NumberPrefix = new(@"^\d+[-_.]", RegexOptions.CultureInvariant);
    private static readonly Regex BlogName = new(@"^(\d{4})-(\d{2})-(\d{2})-(.+)$", RegexOptions.CultureInvariant);

    private readonly string _siteDir;
    private readonly string _baseUrl;
    private readonly string _routeBase;
    private readonly string _docsDir;
    private readonly bool _trailingSlash;
    private readonly bool _htmlRedirects;
    private readonly Lazy<Index> _index;

    private sealed class Index
    {
        public readonly SiteRoutes Routes = new(ignoreCase: false);
        public readonly Dictionary<string, string> PageUrls = new(StringComparer.Ordinal);
        /// <summary>Each docs folder (current and versioned) a page belongs to.</summary>
        public readonly Dictionary<string, string> DocsRootOf = new(StringComparer.Ordinal);
    }

    public DocusaurusSite(SiteFiles files, string configFile, string configText) : base(files, configFile)
    {
        _siteDir = DirectoryOf(configFile);
        var config = DocusaurusConfig.Parse(configText, ReadImport);
        _baseUrl = "/" + config.BaseUrl.Trim('/');
        _mainDocs = config.MainDocs;
        var main = config.DocsInstances.Count > 0 && config.MainDocs ? config.DocsInstances[0] : new DocusaurusConfig.Docs(null, "docs", "docs");
        _docsDir = Combine(_siteDir, main.Path) ?? "docs";
        _routeBase = "/" + main.RouteBase;
        for (int i = config.MainDocs ? 1 : 0; i < config.DocsInstances.Count; i++)
        {
            var d = config.DocsInstances[i];
            if (Combine(_siteDir, d.Path) is { } dir) _extraDocs.Add((d.Id, dir, "/" + d.RouteBase));
        }
        _blog = config.Blog;
        _blogDir = Combine(_siteDir, config.BlogPath) ?? Prefix("blog");
        _blogBase = "/" + config.BlogRouteBase;
        foreach (var l in config.Locales) if (l != config.DefaultLocale && Regex.IsMatch(l, @"^[A-Za-z][\w-]*$")) _locales.Add(l);
        _trailingSlash = config.TrailingSlash;
        _htmlRedirects = config.HtmlRedirects;
        _index = new Lazy<Index>(Build);
    }

    private readonly bool _mainDocs;
    private readonly bool _blog;
    private readonly string _blogDir;
    private readonly string _blogBase;
    private readonly List<(string? Id, string Dir, string RouteBase)> _extraDocs = new();
    private readonly List<string> _locales = new();
    private readonly List<string> _imports = new();

    /// <summary>A module the configuration imports (its i18n settings), read beside it.</summary>
    private string? ReadImport(string relative)
    {
        if (Combine(_siteDir, relative) is not { } rel || !Files.IsFile(rel)) return null;
        _imports.Add(rel);
        string text = SafeRead(Files.FullPath(rel));
        return text == "[]" ? null : text;
    }

    public override string Name => "docusaurus";
    public override bool RendersTitleAsH1 => true;

    /// <summary>
    /// Docusaurus prints the front matter title as the page's H1 only when the Markdown has no title of its own (its first
    /// heading is not an H1: that H1 is the page's title then) and <c>hide_title</c> is not set.
    /// </summary>
    public override bool ShowsFrontMatterTitle(MarkdownFile file)
    {
        if (file.Headings.Length > 0 && file.Headings[0].Level == 1) return false;
        return !(file.FrontMatter.TryGetEntry("hide_title", out _, out var hide) && hide is YamlDotNet.RepresentationModel.YamlScalarNode { Value: "true" });
    }

    /// <summary>The configuration (and the module it imports its i18n settings from), the list of versions and the Netlify redirects file.</summary>
    protected override IEnumerable<string> InputFiles() => base.InputFiles().Concat([Prefix("versions.json"), Prefix("static/_redirects")]).Concat(_imports);


    public override bool Publishes(string rel) => IsMarkdown(rel) && (_index.Value.PageUrls.ContainsKey(rel) || IsInclude(rel));

    public override bool IsInclude(string rel) => Path.GetFileName(rel).StartsWith("_", StringComparison.Ordinal) && InSiteContent(rel);

    private bool InSiteContent(string rel) =>
        rel.StartsWith(_docsDir + "/", StringComparison.Ordinal) || rel.StartsWith(Prefix("versioned_docs/"), StringComparison.Ordinal)
        || rel.StartsWith(_blogDir + "/", StringComparison.Ordinal) || rel.StartsWith(Prefix("src/pages/"), StringComparison.Ordinal)
        || rel.StartsWith(Prefix("i18n/"), StringComparison.Ordinal) || _extraDocs.Exists(d => rel.StartsWith(d.Dir + "/", StringComparison.Ordinal));

    private string Prefix(string p) => _siteDir.Length == 0 ? p : _siteDir + "/" + p;

    public override HashSet<string> Anchors(MarkdownFile file, string rel) => CommonAnchors(file);

    public override SiteLink Resolve(SiteLinkRequest r)
    {
        var idx = _index.Value;
        string path = r.Path;
        string fromDir = DirectoryOf(r.FromFile);
        if (!r.IsHtml && !path.StartsWith("/", StringComparison.Ordinal))
        {
            bool mdLink = IsMarkdown(path);
            var bases = new List<string> { fromDir };
            bool bare = !path.StartsWith("./", StringComparison.Ordinal) && !path.StartsWith("../", StringComparison.Ordinal);
            if (mdLink && bare)
            {
                if (idx.DocsRootOf.TryGetValue(r.FromFile, out var docsRoot)) bases.Insert(0, docsRoot);
                bases.Insert(0, _siteDir);
            }
            foreach (var b in bases)
                if (Combine(b, path) is { } f && Files.IsFile(f)) return SiteLink.Found(f);
            if (mdLink)
            {
                foreach (var b in bases)
                    if (Combine(b, path) is { } f && Files.FoldCase(f) is { } actual && Files.IsFile(actual))
                        return SiteLink.Case(actual, null);
                return SiteLink.Missing($"no file '{Combine(fromDir, path) ?? path}'");
            }
        }
        if (!idx.PageUrls.TryGetValue(r.FromFile, out var pageUrl)) return SiteLink.Unchecked("partial included by other pages");
        string url = ResolveUrl(pageUrl, path);
        if (_baseUrl.Length > 1)
        {
            if (!url.StartsWith(_baseUrl + "/", StringComparison.Ordinal) && url != _baseUrl) return SiteLink.Unchecked("outside the site's baseUrl");
            url = url.Substring(_baseUrl.Length);
            if (url.Length == 0) url = "/";
        }
        if (idx.Routes.TryGet(url, out var file)) return SiteLink.Found(file.Length == 0 ? null : file);
        if (_htmlRedirects && url.EndsWith(".html", StringComparison.Ordinal) && idx.Routes.TryGet(url.Substring(0, url.Length - 5), out file))
            return SiteLink.Found(file.Length == 0 ? null : file);
        // A locale's URL of a page not translated yet serves the default locale's page.
        foreach (var l in _locales)
            if (url.StartsWith("/" + l + "/", StringComparison.Ordinal) && idx.Routes.TryGet(url.Substring(l.Length + 1), out file))
                return SiteLink.Found(file.Length == 0 ? null : file);
        if (Files.IsFile(Prefix("static") + url)) return SiteLink.Found(Prefix("static") + url);
        if (idx.Routes.CaseVariant(url) is { } variant) return SiteLink.Case(variant, null);
        return SiteLink.Missing($"no page or static file of the site has the URL '{url}'", idx.Routes.Near(url));
    }

    private Index Build()
    {
        var idx = new Index();
        var versions = new List<string>();
        string versionsFile = Prefix("versions.json");
        if (Files.IsFile(versionsFile) && ConfigTree.FromJson("{\"v\":" + SafeRead(Files.FullPath(versionsFile)) + "}") is { } vj)
            versions.AddRange(ConfigTree.GetStrings(vj, "v"));
        string current = versions.Count == 0 ? _routeBase : _routeBase + "/next";
        foreach (var locale in new string?[] { null }.Concat(_locales))
        {
            // A locale's translations live in i18n/<locale>/<plugin folder>, served under /<locale>/.
            string at = locale is null ? "" : "/" + locale;
            string? i18n = locale is null ? null : Prefix("i18n/" + locale);
            if (_mainDocs)
            {
                AddDocs(idx, i18n is null ? _docsDir : i18n + "/docusaurus-plugin-content-docs/current", at + current);
                for (int i = 0; i < versions.Count; i++)
                    AddDocs(idx, i18n is null ? Prefix("versioned_docs/version-" + versions[i]) : i18n + "/docusaurus-plugin-content-docs/version-" + versions[i],
                        at + (i == 0 ? _routeBase : _routeBase + "/" + versions[i]));
            }
            foreach (var (id, dir, routeBase) in _extraDocs)
                AddDocs(idx, i18n is null ? dir : i18n + "/docusaurus-plugin-content-docs" + (id is null ? "" : "-" + id) + "/current", at + routeBase);
            if (_blog) AddBlog(idx, i18n is null ? _blogDir : i18n + "/docusaurus-plugin-content-blog", at + _blogBase);
            AddPages(idx, i18n is null ? Prefix("src/pages") : i18n + "/docusaurus-plugin-content-pages", at);
            // Generated pages.
            foreach (var p in new[] { _routeBase + "/tags", _routeBase + "/category", _blogBase + "/tags", _blogBase + "/page", _blogBase + "/archive", _blogBase + "/authors", "/search" })
                idx.Routes.AddPrefix(at + p);
            idx.Routes.Add(at + "/", "");
            if (_blog) idx.Routes.Add(at + _blogBase + "/", "");
        }
        ReadRedirects(idx, Prefix("static/_redirects"));
        string staticDir = Prefix("static");
        foreach (var rel in Files.Files)
            if (rel.StartsWith(staticDir + "/", StringComparison.Ordinal)) idx.Routes.Add(rel.Substring(staticDir.Length), rel);
        return idx;
    }

    private static string SafeRead(string full)
    {
        try { return InputLog.Info(full).Length > 1024 * 1024 ? "[]" : File.ReadAllText(full); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return "[]"; }
    }

    private void AddDocs(Index idx, string root, string urlBase)
    {
        foreach (var rel in Files.Files)
        {
            if (!rel.StartsWith(root + "/", StringComparison.Ordinal) || !IsMarkdown(rel)) continue;
            string inRoot = rel.Substring(root.Length + 1);
            if (IsPartial(inRoot)) continue;
            var fm = ReadFrontMatter(rel);
            string dir = DirectoryOf(inRoot);
            string cleanDir = string.Join("/", Array.ConvertAll(dir.Split('/'), s => NumberPrefix.Replace(s, "")));
            string name = NumberPrefix.Replace(Path.GetFileNameWithoutExtension(inRoot), "");
            string? id = fm.Get("id");
            string url;
            if (fm.Get("slug") is { Length: > 0 } slug)
                url = slug.StartsWith("/", StringComparison.Ordinal) ? urlBase + slug : urlBase + "/" + (cleanDir.Length == 0 ? "" : cleanDir + "/") + slug;
            else
            {
                bool index = id is null && (name.Equals("index", StringComparison.OrdinalIgnoreCase) || name.Equals("readme", StringComparison.OrdinalIgnoreCase)
                    || (dir.Length > 0 && name.Equals(Path.GetFileName(cleanDir), StringComparison.OrdinalIgnoreCase)));
                string last = index ? "" : (id ?? name);
                url = urlBase + "/" + (cleanDir.Length == 0 ? last : cleanDir + (last.Length == 0 ? "" : "/" + last));
                if (index && !url.EndsWith("/", StringComparison.Ordinal) && (cleanDir.Length == 0 || _trailingSlash)) url += "/";
            }
            url = NormalizeUrl(url);
            if (_trailingSlash && !url.EndsWith("/", StringComparison.Ordinal)) url += "/";
            idx.PageUrls[rel] = url;
            idx.DocsRootOf[rel] = root;
            idx.Routes.Add(url, rel);
        }
    }

    private static bool IsPartial(string inRoot)
    {
        foreach (var seg in inRoot.Split('/')) if (seg.StartsWith("_", StringComparison.Ordinal)) return true;
        return false;
    }

    private void AddBlog(Index idx, string root, string blogBase)
    {
        foreach (var rel in Files.Files)
        {
            if (!rel.StartsWith(root + "/", StringComparison.Ordinal) || !IsMarkdown(rel)) continue;
            string inRoot = rel.Substring(root.Length + 1);
            if (IsPartial(inRoot)) continue;
            var fm = ReadFrontMatter(rel);
            string name = Path.GetFileNameWithoutExtension(inRoot);
            if (name is "index" or "README") name = Path.GetFileName(DirectoryOf(inRoot));
            string url;
            if (fm.Get("slug") is { Length: > 0 } slug) url = blogBase + "/" + slug.TrimStart('/');
            else if (BlogName.Match(name) is { Success: true } m)
                url = $"{blogBase}/{m.Groups[1].Value}/{m.Groups[2].Value}/{m.Groups[3].Value}/{m.Groups[4].Value}";
            else url = blogBase + "/" + (DirectoryOf(inRoot).Length == 0 || Path.GetFileNameWithoutExtension(inRoot) is "index" ? name : DirectoryOf(inRoot) + "/" + name);
            url = NormalizeUrl(url);
            idx.PageUrls[rel] = url;
            idx.Routes.Add(url, rel);
        }
    }

    private void AddPages(Index idx, string root, string at)
    {
        foreach (var rel in Files.Files)
        {
            if (!rel.StartsWith(root + "/", StringComparison.Ordinal)) continue;
            string inRoot = rel.Substring(root.Length + 1);
            string ext = Path.GetExtension(inRoot);
            if (IsPartial(inRoot) || ext is not (".md" or ".mdx" or ".js" or ".jsx" or ".ts" or ".tsx")) continue;
            string noExt = inRoot.Substring(0, inRoot.Length - ext.Length);
            string url = at + (Path.GetFileName(noExt) == "index" ? "/" + DirectoryOf(noExt) + "/" : "/" + noExt);
            url = NormalizeUrl(url);
            idx.Routes.Add(url, rel);
            if (IsMarkdown(rel)) idx.PageUrls[rel] = url;
        }
    }

    /// <summary>Netlify <c>_redirects</c>: each source URL (a splat makes a prefix) answers unless its status is 404.</summary>
    private void ReadRedirects(Index idx, string rel)
    {
        if (!Files.IsFile(rel)) return;
        foreach (var raw in SafeRead(Files.FullPath(rel)).Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || parts[0][0] != '/') continue;
            if (parts.Length >= 3 && parts[2].StartsWith("404", StringComparison.Ordinal)) continue;
            if (parts[0].EndsWith("/*", StringComparison.Ordinal)) idx.Routes.AddPrefix(parts[0].Substring(0, parts[0].Length - 1));
            else if (parts[0].IndexOf(':') < 0) idx.Routes.Add(parts[0], "");
        }
    }
}
