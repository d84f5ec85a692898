using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using PolicyLint.Documents;
using PolicyLint.IO;

namespace PolicyLint.Sites;

/// <summary>
/// MkDocs: every file under <c>docs_dir</c> is published; <c>a/b.md</c> is <c>/a/b/</c> (<c>/a/b.html</c> without
/// <c>use_directory_urls</c>), <c>index.md</c> and <c>README.md</c> stand for their folder. A Markdown link or image is resolved
/// by MkDocs from the file; raw HTML and links MkDocs leaves alone are resolved by the browser from the page's URL.
/// The redirects plugin's <c>redirect_maps</c> add old pages. Anchors: the toc extension's slugify (Python-Markdown's, with
/// <c>_1</c> for repeats), attr_list ids (<c>{ #id }</c>, <c>{ id="x" }</c>) on headings and blocks, autorefs anchors
/// (<c>[](){ #id }</c>), footnotes (<c>fn:x</c>, <c>fnref:x</c>), content tab ids with <c>combine_header_slug</c>, and, when
/// <c>hooks</c> are configured, the argument of a hook shortcode comment (<c>&lt;!-- md:option x --&gt;</c>).
/// Blog plugin posts get dated URLs that are not derived here: their URL-relative links are not checked (counted).
/// </summary>
internal sealed class MkDocsSite : SiteModel
{
    private static readonly Regex AttrList = new(@"\{:?\s*([^{}\n]*)\}", RegexOptions.CultureInvariant);
    private static readonly Regex HookShortcode = new(@"<!--\s*md:[a-z_]+\s+([^\s>]+)[^>]*-->", RegexOptions.CultureInvariant);
    private static readonly Regex Footnote = new(@"(?m)^[ \t]{0,4}\[\^([^\]\s]+)\]:", RegexOptions.CultureInvariant);
    private static readonly Regex Tab = new(@"^(\s*)===[+!]?\s+""([^""]*)""", RegexOptions.CultureInvariant | RegexOptions.Multiline);

    private readonly string _docsDir;
    private readonly bool _directoryUrls;
    private readonly string _basePath;
    private readonly bool _hooks;
    private readonly bool _tabsCombine;
    private readonly string? _blogDir;
    private readonly Dictionary<string, string> _redirects = new(StringComparer.Ordinal);
    private readonly List<string> _autoAppend = new();

    public MkDocsSite(SiteFiles files, string configFile, Dictionary<string, object?>? config) : base(files, configFile)
    {
        string configDir = DirectoryOf(configFile);
        _docsDir = Combine(configDir, (ConfigTree.GetString(config, "docs_dir") ?? "docs").Trim('/')) ?? "docs";
        _directoryUrls = ConfigTree.GetBool(config, "use_directory_urls") ?? true;
        string siteUrl = ConfigTree.GetString(config, "site_url") ?? "";
        _basePath = Uri.TryCreate(siteUrl, UriKind.Absolute, out var u) ? "/" + u.AbsolutePath.Trim('/') : "/";
        _hooks = ConfigTree.GetStrings(config, "hooks").Count > 0;
        foreach (var ext in Entries(ConfigTree.Get(config, "markdown_extensions")))
        {
            if (ext.Key == "pymdownx.tabbed") _tabsCombine = ConfigTree.GetBool(ext.Value, "combine_header_slug") ?? false;
            if (ext.Key == "pymdownx.snippets") _autoAppend.AddRange(ConfigTree.GetStrings(ext.Value, "auto_append"));
        }
        foreach (var plugin in Entries(ConfigTree.Get(config, "plugins")))
        {
            if (plugin.Key == "mkdocstrings") _mkdocstrings = true;
            if (plugin.Key == "blog")
            {
                _blogDir = Combine(_docsDir, ConfigTree.GetString(plugin.Value, "blog_dir") ?? "blog");
                _postUrlFormat = ConfigTree.GetString(plugin.Value, "post_url_format") ?? "{date}/{slug}";
                _postDateFormat = ConfigTree.GetString(plugin.Value, "post_url_date_format") ?? "yyyy/MM/dd";
            }
            if (plugin.Key == "redirects" && ConfigTree.Get(plugin.Value, "redirect_maps") is Dictionary<string, object?> maps)
                foreach (var kv in maps) if (kv.Value is string to) _redirects[kv.Key] = to;
        }
    }

    /// <summary>The entries of a plugins/extensions list: names alone or one-key mappings with options.</summary>
    private static IEnumerable<KeyValuePair<string, Dictionary<string, object?>?>> Entries(object? list)
    {
        if (list is List<object?> l)
        {
            foreach (var o in l)
            {
                if (o is string s) yield return new(s, null);
                else if (o is Dictionary<string, object?> d)
                    foreach (var kv in d) yield return new(kv.Key, kv.Value as Dictionary<string, object?>);
            }
        }
        else if (list is Dictionary<string, object?> map)
            foreach (var kv in map) yield return new(kv.Key, kv.Value as Dictionary<string, object?>);
    }

    public override string Name => "mkdocs";
    // Material and the default theme print the first heading, not the front matter title.
    public override bool RendersTitleAsH1 => false;

    private bool InDocs(string rel) => rel.StartsWith(_docsDir + "/", StringComparison.Ordinal);

    public override bool Publishes(string rel) => IsMarkdown(rel) && InDocs(rel);

    private bool IsBlogPost(string rel) => _blogDir is not null && rel.StartsWith(_blogDir + "/posts/", StringComparison.Ordinal);

    public override bool IsInclude(string rel)
    {
        foreach (var a in _autoAppend) if (rel == a || rel.EndsWith("/" + a, StringComparison.Ordinal)) return true;
        return false;
    }

    private string _postUrlFormat = "{date}/{slug}";
    private string _postDateFormat = "yyyy/MM/dd";
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _postUrls = new(StringComparer.Ordinal);
    private Dictionary<string, string>? _postsByUrl;
    /// <summary>Posts whose URL comes from their first heading: a body, which is not part of the model's fingerprint.</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<string> _titleFromH1 = new();

    /// <summary>
    /// The URL the blog plugin gives a post: <c>post_url_format</c> (default <c>{date}/{slug}</c>) under the blog's folder,
    /// the date from front matter <c>date</c> (or <c>date.created</c>) in <c>post_url_date_format</c> (default
    /// <c>yyyy/MM/dd</c>), the slug from front matter <c>slug</c>, else the title (front matter, else the first H1) slugified
    /// as the toc does. Null when any part is not known here (a format with <c>{categories}</c>, a date format other than
    /// year, month and day, a date or title that cannot be read): links from and to it are then counted as not checked.
    /// </summary>
    private string? PostUrl(string rel) => _postUrls.GetOrAdd(rel, r =>
    {
        if (_blogDir is null || !Regex.IsMatch(_postDateFormat, @"^(?:yyyy|MM|dd|[/.\-])+$")) return null;
        var fm = ReadFrontMatter(r);
        string? dateText = fm.Get("date") ?? ConfigTree.GetString(fm.Values, "date", "created");
        if (dateText is null || !DateTime.TryParse(dateText, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date)) return null;
        string? slug = fm.Get("slug");
        if (slug is null)
        {
            string? title = fm.Get("title");
            if (title is null && FirstH1(r) is { } h1) { title = h1; _titleFromH1.Add(r); }
            if (title is null) return null;
            slug = Slugify(title);
        }
        string file = Path.GetFileNameWithoutExtension(r);
        if (Regex.IsMatch(_postUrlFormat.Replace("{date}", "").Replace("{slug}", "").Replace("{file}", ""), @"[{}]")) return null;
        string path = _postUrlFormat.Replace("{date}", date.ToString(_postDateFormat, CultureInfo.InvariantCulture)).Replace("{slug}", slug).Replace("{file}", file);
        string blog = _blogDir.Substring(Math.Min(_blogDir.Length, _docsDir.Length + 1));
        return NormalizeUrl("/" + blog + "/" + path.Trim('/') + (_directoryUrls ? "/" : ".html"));
    });

    private string? FirstH1(string rel)
    {
        try
        {
            string full = Files.FullPath(rel);
            if (InputLog.Info(full).Length > PageFrontMatter.MaxSize) return null;
            var m = Regex.Match(File.ReadAllText(full), @"(?m)^# +(.+?)[ \t]*#*[ \t]*\r?$");
            return m.Success ? m.Groups[1].Value : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>The post a blog URL reaches, or null.</summary>
    private string? PostAt(string url)
    {
        var map = _postsByUrl;
        if (map is null)
        {
            map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var rel in Files.Files)
                if (IsBlogPost(rel) && IsMarkdown(rel) && PostUrl(rel) is { } u && !map.ContainsKey(RouteKey(u, false))) map[RouteKey(u, false)] = rel;
            _postsByUrl = map;
        }
        // Which post answers depends on those posts' headings: the result cache keeps the finding only while they are unchanged.
        foreach (var rel in _titleFromH1) Engine.DependencyRecorder.Current?.File(Files.FullPath(rel));
        return map.TryGetValue(RouteKey(url, false), out var file) ? file : null;
    }

    /// <summary>The page URL of a file in docs_dir (without the site's base path).</summary>
    private string? PageUrl(string rel)
    {
        if (IsBlogPost(rel)) return PostUrl(rel);
        if (!InDocs(rel)) return null;
        string inDocs = rel.Substring(_docsDir.Length + 1);
        string noExt = inDocs.Substring(0, inDocs.Length - Path.GetExtension(inDocs).Length);
        string name = Path.GetFileName(noExt);
        string dir = DirectoryOf(noExt);
        if (name is "index" or "README") return dir.Length == 0 ? "/" : "/" + dir + "/";
        return _directoryUrls ? "/" + noExt + "/" : "/" + noExt + ".html";
    }

    public override SiteLink Resolve(SiteLinkRequest r)
    {
        string path = r.Path;
        string fromDir = DirectoryOf(r.FromFile);
        if (!r.IsHtml && !path.StartsWith("/", StringComparison.Ordinal))
        {
            string? file = Combine(fromDir, path);
            if (file is not null && InDocs(file) && Files.IsFile(file)) return SiteLink.Found(file);
            if (file is not null && _redirects.ContainsKey(file.Substring(Math.Min(file.Length, _docsDir.Length + 1)))) return SiteLink.Found(null);
            if (IsMarkdown(path) || (file is not null && Files.IsFile(file)))
            {
                if (file is not null && Files.FoldCase(file) is { } actual && actual != file && Files.IsFile(actual)) return SiteLink.Case(actual, null);
                if (file is null || !InDocs(file)) return SiteLink.Missing($"'{file ?? path}' is not in docs_dir '{_docsDir}'");
                return SiteLink.Missing($"no file '{file}'");
            }
        }
        string? pageUrl = PageUrl(r.FromFile);
        if (pageUrl is null)
        {
            // A file path MkDocs could not resolve stays as written; from a dated post URL it reaches nothing.
            if (!r.IsHtml && !path.StartsWith("/", StringComparison.Ordinal) && Path.GetExtension(path).Length > 1)
                return SiteLink.Missing($"no file '{Combine(fromDir, path) ?? path}'");
            return SiteLink.Unchecked("blog post URL made by the blog plugin");
        }
        string url = path.StartsWith("/", StringComparison.Ordinal) ? StripBase(path) ?? "" : ResolveUrl(pageUrl, path);
        if (url.Length == 0) return SiteLink.Unchecked("outside the site's base path");
        string? target = UrlToFile(url) ?? PostAt(url);
        if (target is not null) return SiteLink.Found(target);
        if (_blogDir is not null && url.StartsWith("/" + _blogDir.Substring(_docsDir.Length + 1) + "/", StringComparison.Ordinal))
            return SiteLink.Unchecked("blog plugin URL");
        return SiteLink.Missing($"no page or file of the site has the URL '{url}'");
    }

    private string? StripBase(string path)
    {
        if (_basePath == "/") return path;
        if (path == _basePath || path.StartsWith(_basePath + "/", StringComparison.Ordinal)) return "/" + path.Substring(_basePath.Length).TrimStart('/');
        return null;
    }

    /// <summary>The file that serves a URL: a page (pretty or .html) or any other file of docs_dir at its own path.</summary>
    private string? UrlToFile(string url)
    {
        string u = NormalizeUrl(url).TrimStart('/');
        string bare = u.TrimEnd('/');
        var candidates = new List<string>();
        if (u.Length == 0) { candidates.Add("index.md"); candidates.Add("README.md"); }
        else
        {
            candidates.Add(bare);
            if (bare.EndsWith(".html", StringComparison.Ordinal)) { string s = bare.Substring(0, bare.Length - 5); candidates.Add(s + ".md"); if (s.EndsWith("/index", StringComparison.Ordinal) || s == "index") candidates.Add(s.Substring(0, s.Length - 5) + "index.md"); }
            candidates.Add(bare + ".md");
            candidates.Add(bare + "/index.md");
            candidates.Add(bare + "/README.md");
        }
        foreach (var c in candidates)
        {
            string rel = _docsDir + "/" + c;
            if (Files.IsFile(rel)) return rel;
        }
        return null;
    }

    /// <summary>
    /// With the mkdocstrings plugin, a page with an autodoc block (<c>::: package.module</c>) gets the ids of the documented
    /// objects and their members at build time, from the code: links into it are counted as not checked.
    /// </summary>
    public override bool AnchorsUnknown(string rel)
    {
        if (!_mkdocstrings || !IsMarkdown(rel)) return false;
        string full = Files.FullPath(rel);
        Engine.DependencyRecorder.Current?.File(full);
        return _autodoc.GetOrAdd(rel, _ =>
        {
            try { return InputLog.Info(full).Length <= PageFrontMatter.MaxSize && Autodoc.IsMatch(File.ReadAllText(full)); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return false; }
        });
    }

    private static readonly Regex Autodoc = new(@"(?m)^ {0,3}::: +[A-Za-z_][\w.:/-]*[ \t]*\r?$", RegexOptions.CultureInvariant);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _autodoc = new(StringComparer.Ordinal);
    private readonly bool _mkdocstrings;

    public override HashSet<string> Anchors(MarkdownFile file, string rel)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var headingSlugs = new List<(int Start, string Slug)>();
        foreach (var h in file.Headings)
        {
            string text = h.PlainText;
            string? explicitId = null;
            var m = AttrList.Match(text);
            while (m.Success && m.Index + m.Length < text.TrimEnd().Length) m = m.NextMatch();
            if (m.Success) { explicitId = IdOf(m.Groups[1].Value); text = text.Substring(0, m.Index); }
            if (h.Block.Inline is not null && HookShortcode.Match(file.GetText(h.Span)) is { Success: true } hook && _hooks)
            {
                set.Add(hook.Groups[1].Value); set.Add("+" + hook.Groups[1].Value);
            }
            string id = explicitId ?? Unique(Slugify(StripHtml(text)), seen);
            set.Add(id);
            headingSlugs.Add((h.Span.Start, id));
        }
        // attr_list on other blocks and inline elements, and autorefs anchors '[](){ #id }'.
        foreach (Match m in AttrList.Matches(file.Text)) if (IdOf(m.Groups[1].Value) is { } id) set.Add(id);
        foreach (Match m in Footnote.Matches(file.Text)) { set.Add("fn:" + m.Groups[1].Value); set.Add("fnref:" + m.Groups[1].Value); }
        if (_hooks) foreach (Match m in HookShortcode.Matches(file.Text)) { set.Add(m.Groups[1].Value); set.Add("+" + m.Groups[1].Value); }
        if (_tabsCombine)
        {
            foreach (Match m in Tab.Matches(file.Text))
            {
                string header = "";
                foreach (var (start, slug) in headingSlugs) if (start < m.Index) header = slug;
                string tab = Slugify(m.Groups[2].Value);
                set.Add(header.Length == 0 ? tab : header + "--" + tab);
            }
        }
        foreach (var tag in DocumentHtml.GetTags(file))
            foreach (var attr in tag.Attributes)
                if (attr.Value is { Length: > 0 } v && (attr.Name.Equals("id", StringComparison.OrdinalIgnoreCase) || attr.Name.Equals("name", StringComparison.OrdinalIgnoreCase))) set.Add(v.Trim());
        return set;
    }

    private static string? IdOf(string attrs)
    {
        foreach (Match t in Regex.Matches(attrs, @"(?:^|\s)(?:#([^\s}]+)|id=(?:""([^""]*)""|'([^']*)'|([^\s}]+)))"))
        {
            for (int g = 1; g <= 4; g++) if (t.Groups[g].Success) return t.Groups[g].Value;
        }
        return null;
    }

    private static string StripHtml(string s) => Regex.Replace(s, "<[^>]*>", "");

    private static string Unique(string id, Dictionary<string, int> seen)
    {
        if (!seen.TryGetValue(id, out int n)) { seen[id] = 0; return id; }
        string candidate;
        do { n++; candidate = id + "_" + n.ToString(CultureInfo.InvariantCulture); } while (seen.ContainsKey(candidate));
        seen[id] = n;
        seen[candidate] = 0;
        return candidate;
    }

    /// <summary>Python-Markdown's toc slugify: NFKD, ASCII only, word characters, spaces and dashes kept, lower case, runs of dashes and spaces to one dash.</summary>
    internal static string Slugify(string value)
    {
        string norm = value.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(norm.Length);
        foreach (char c in norm)
        {
            if (c > 127) continue;
            if (char.IsLetterOrDigit(c) || c == '_' || c == '-' || char.IsWhiteSpace(c)) sb.Append(c);
        }
        string s = sb.ToString().Trim().ToLowerInvariant();
        return Regex.Replace(s, @"[-\s]+", "-");
    }
}
