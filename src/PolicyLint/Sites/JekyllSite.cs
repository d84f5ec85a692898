using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyLint.Documents;
using PolicyLint.IO;

namespace PolicyLint.Sites;

/// <summary>
/// Jekyll (and GitHub Pages): pages and collection documents get URLs from <c>permalink</c> (front matter, collection or
/// site-wide), the rest of the source is copied as is, <c>_</c> folders and <c>exclude</c> are not published, and
/// <c>redirect_from</c> makes old URLs valid. A relative link is resolved by the browser from the page's URL; a link to a
/// <c>.md</c> file is resolved from the file (jekyll-relative-links, on by default on GitHub Pages). Anchors: kramdown's
/// GFM ids (GitHub slugs) and <c>{#id}</c> / <c>{: #id}</c> attributes.
/// </summary>
internal sealed class JekyllSite : SiteModel
{
    private static readonly string[] DefaultExcludes =
        [".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules", "vendor/bundle", "vendor/cache", "vendor/gems", "vendor/ruby"];
    private static readonly Regex PostName = new(@"^(\d{4})-(\d{2})-(\d{2})-(.+)$", RegexOptions.CultureInvariant);

    private readonly string _source;
    private readonly string _permalink;
    private readonly string _baseUrl;
    private readonly List<string> _exclude = new();
    private readonly List<string> _include = new();
    private readonly Dictionary<string, (bool Output, string? Permalink)> _collections = new(StringComparer.Ordinal);
    private readonly Lazy<(SiteRoutes Routes, Dictionary<string, string> PageUrls)> _index;
    private readonly bool _titleAsH1;

    public JekyllSite(SiteFiles files, string? configFile, Dictionary<string, object?>? config) : base(files, configFile)
    {
        _source = (ConfigTree.GetString(config, "source") ?? "").Trim('/', '.');
        _permalink = ConfigTree.GetString(config, "permalink") ?? "date";
        _baseUrl = "/" + (ConfigTree.GetString(config, "baseurl") ?? "").Trim('/');
        _exclude.AddRange(DefaultExcludes);
        _exclude.AddRange(ConfigTree.GetStrings(config, "exclude"));
        _include.AddRange(ConfigTree.GetStrings(config, "include"));
        _collections["posts"] = (true, null);
        if (ConfigTree.Get(config, "collections") is Dictionary<string, object?> cols)
            foreach (var kv in cols)
            {
                var c = kv.Value as Dictionary<string, object?>;
                _collections[kv.Key] = (ConfigTree.GetBool(c, "output") ?? false, ConfigTree.GetString(c, "permalink"));
            }
        else if (ConfigTree.Get(config, "collections") is List<object?> names)
            foreach (var n in names) if (n is string s) _collections[s] = (false, null);
        _index = new Lazy<(SiteRoutes, Dictionary<string, string>)>(Build);
        _titleAsH1 = LayoutsShowTitle(files, Prefix("_layouts"));
    }

    public override string Name => "jekyll";
    public override bool RendersTitleAsH1 => _titleAsH1;

    /// <summary>The configuration, the Gemfile (detection) and the layouts (whether the title is printed as the H1).</summary>
    protected override IEnumerable<string> InputFiles() =>
        base.InputFiles().Concat(["Gemfile"]).Concat(Files.Children(Prefix("_layouts")).Select(n => Prefix("_layouts") + "/" + n));

    private string Prefix(string rel) => _source.Length == 0 ? rel : _source + "/" + rel;

    public override bool Publishes(string rel) => IsMarkdown(rel) && _index.Value.PageUrls.ContainsKey(rel);

    public override bool IsInclude(string rel) => rel.StartsWith(Prefix("_includes/"), StringComparison.Ordinal);

    public override HashSet<string> Anchors(MarkdownFile file, string rel) => KramdownAnchors(file);

    /// <summary>GitHub slugs plus kramdown block attributes <c>{: #id}</c> on the line after a heading or block.</summary>
    internal static HashSet<string> KramdownAnchors(MarkdownFile file)
    {
        var set = CommonAnchors(file);
        foreach (Match m in Regex.Matches(file.Text, @"(?m)^\{:\s*[^}\n]*#([A-Za-z][\w\-:.]*)[^}\n]*\}\s*$")) set.Add(m.Groups[1].Value);
        return set;
    }

    public override SiteLink Resolve(SiteLinkRequest r)
    {
        var (routes, pageUrls) = _index.Value;
        if (!pageUrls.TryGetValue(r.FromFile, out var pageUrl)) return SiteLink.Unchecked("not a page of the site");
        string path = r.Path;
        // jekyll-relative-links: a Markdown link to a source file becomes that page's URL.
        if (!r.IsHtml && IsMarkdown(path) && !path.StartsWith("/", StringComparison.Ordinal))
        {
            string? file = Combine(DirectoryOf(r.FromFile), path);
            if (file is not null && Files.IsFile(file)) return SiteLink.Found(file);
        }
        string url = ResolveUrl(pageUrl, path);
        if (_baseUrl.Length > 1)
        {
            if (!url.StartsWith(_baseUrl + "/", StringComparison.Ordinal) && url != _baseUrl) return SiteLink.Unchecked("outside the site's baseurl");
            url = url.Substring(_baseUrl.Length);
            if (url.Length == 0) url = "/";
        }
        if (routes.TryGet(url, out var target) || (!url.EndsWith("/", StringComparison.Ordinal) && routes.TryGet(url + ".html", out target)))
            return SiteLink.Found(target.Length == 0 ? null : target);
        if (routes.CaseVariant(url) is { } variant) return SiteLink.Case(variant, null);
        return SiteLink.Missing($"no page or file of the site has the URL '{url}'", routes.Near(url));
    }

    private (SiteRoutes, Dictionary<string, string>) Build()
    {
        var routes = new SiteRoutes(ignoreCase: false);
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        var aliases = new List<(string Url, string File)>();
        foreach (var rel in Files.Files)
        {
            if (_source.Length > 0 && !rel.StartsWith(_source + "/", StringComparison.Ordinal)) continue;
            string srel = _source.Length == 0 ? rel : rel.Substring(_source.Length + 1);
            if (IsExcluded(srel)) continue;
            string? collection = CollectionOf(srel, out string inCollection);
            bool underscored = HasUnderscoreOrDotSegment(srel);
            if (underscored && collection is null && !IsIncluded(srel)) continue;
            if (collection is not null && !_collections[collection].Output) continue;
            string ext = Path.GetExtension(srel).ToLowerInvariant();
            bool convertible = ext is ".md" or ".markdown" or ".html" or ".htm";
            var fm = convertible ? ReadFrontMatter(rel) : PageFrontMatter.None;
            // Only files with front matter are rendered; others (and collection files without it) are copied as they are.
            if (!fm.Present)
            {
                if (collection is null || !convertible) routes.Add("/" + srel, rel);
                continue;
            }
            if (fm.Get("published") == "false") continue;
            string url = PageUrl(srel, collection, inCollection, fm, ext);
            routes.Add(url, rel);
            pages[rel] = url;
            foreach (var a in fm.GetList("redirect_from")) aliases.Add((a.StartsWith("/", StringComparison.Ordinal) ? a : "/" + a, rel));
        }
        foreach (var (url, file) in aliases) routes.Add(url, file);
        return (routes, pages);
    }

    private string PageUrl(string srel, string? collection, string inCollection, PageFrontMatter fm, string ext)
    {
        string outExt = ext is ".md" or ".markdown" ? ".html" : ext;
        string dir = DirectoryOf(srel);
        string name = Path.GetFileNameWithoutExtension(srel);
        string? permalink = fm.Get("permalink");
        string template;
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["output_ext"] = outExt, ["basename"] = name, ["name"] = name };
        if (collection is null)
        {
            values["path"] = dir.Length == 0 ? "" : dir;
            bool index = name == "index";
            template = permalink ?? (index ? "/:path/" : Style(_permalink).EndsWith("/", StringComparison.Ordinal) ? "/:path/:basename/" : "/:path/:basename:output_ext");
        }
        else
        {
            string inDir = DirectoryOf(inCollection);
            string stem = Path.GetFileNameWithoutExtension(inCollection);
            values["collection"] = collection;
            values["path"] = inDir.Length == 0 ? stem : inDir + "/" + stem;
            values["title"] = stem; values["slug"] = stem;
            if (collection == "posts" && PostName.Match(stem) is { Success: true } m)
            {
                values["year"] = m.Groups[1].Value; values["month"] = m.Groups[2].Value; values["day"] = m.Groups[3].Value;
                values["title"] = m.Groups[4].Value; values["slug"] = m.Groups[4].Value;
                values["categories"] = string.Join("/", fm.GetList("categories"));
                if (fm.Get("category") is { } cat) values["categories"] = cat;
                if (fm.Get("date") is { } date && DateTime.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d))
                {
                    values["year"] = d.Year.ToString("D4", CultureInfo.InvariantCulture); values["month"] = d.Month.ToString("D2", CultureInfo.InvariantCulture);
                    values["day"] = d.Day.ToString("D2", CultureInfo.InvariantCulture);
                }
                template = permalink ?? Style(_collections["posts"].Permalink ?? _permalink);
            }
            else template = permalink ?? Style(_collections[collection].Permalink ?? "/:collection/:path:output_ext");
        }
        return Expand(template, values);
    }

    private static string Style(string permalink) => permalink switch
    {
        "date" => "/:categories/:year/:month/:day/:title:output_ext",
        "pretty" => "/:categories/:year/:month/:day/:title/",
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext",
        "none" => "/:categories/:title:output_ext",
        _ => permalink,
    };

    private static string Expand(string template, Dictionary<string, string> values)
    {
        string url = Regex.Replace(template, @":([a-z_]+)", m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : "");
        return NormalizeUrl("/" + url);
    }

    private string? CollectionOf(string srel, out string inCollection)
    {
        inCollection = "";
        int slash = srel.IndexOf('/');
        if (slash <= 1 || srel[0] != '_') return null;
        string name = srel.Substring(1, slash - 1);
        if (!_collections.ContainsKey(name)) return null;
        inCollection = srel.Substring(slash + 1);
        return name;
    }

    private static bool HasUnderscoreOrDotSegment(string srel)
    {
        foreach (var seg in srel.Split('/')) if (seg.Length > 0 && (seg[0] == '_' || seg[0] == '.')) return true;
        return false;
    }

    private bool IsIncluded(string srel)
    {
        foreach (var inc in _include) if (srel == inc.Trim('/') || srel.StartsWith(inc.Trim('/') + "/", StringComparison.Ordinal)) return true;
        return false;
    }

    private bool IsExcluded(string srel)
    {
        foreach (var ex in _exclude)
        {
            string e = ex.Trim().TrimStart('/').TrimEnd('/');
            if (e.Length == 0) continue;
            if (e.EndsWith("*", StringComparison.Ordinal))
            {
                string prefix = e.TrimEnd('*');
                if (srel.StartsWith(prefix, StringComparison.Ordinal)) return true;
                continue;
            }
            if (srel == e || srel.StartsWith(e + "/", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>True when a layout prints the page title inside an <c>&lt;h1&gt;</c>.</summary>
    private static bool LayoutsShowTitle(SiteFiles files, string layouts)
    {
        foreach (var name in files.Children(layouts))
        {
            string full = files.FullPath(layouts + "/" + name);
            try
            {
                if (InputLog.Info(full).Length > 512 * 1024) continue;
                string text = File.ReadAllText(full);
                if (Regex.IsMatch(text, @"<h1[^>]*>\s*\{\{-?\s*page\.title")) return true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }
        return false;
    }
}
