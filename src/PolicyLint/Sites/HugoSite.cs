using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using PolicyLint.Documents;

namespace PolicyLint.Sites;

/// <summary>
/// Hugo: the content root (<c>contentDir</c>, or the module mount whose target is <c>content</c>) maps <c>a/b.md</c> to the
/// lower-cased pretty URL <c>/a/b/</c> (<c>a/b.html</c> with <c>uglyURLs</c>); <c>_index.md</c> and <c>index.md</c> stand for
/// their folder; front matter <c>url</c>, <c>slug</c> and <c>aliases</c> are honoured; <c>build.render: never</c> (also by
/// cascade) makes a headless bundle of include snippets. Links are looked up as the link render hook does (GetPage relative
/// to the page, then from the content root, case-insensitively), then as URLs, page resources, <c>static/</c> and, with a
/// custom render hook, global resources in <c>assets/</c>. Anchors: GitHub-style heading ids, <c>{#id}</c> attributes,
/// definition-term ids (<c>autoDefinitionTermID</c>) and the headings of <c>include</c>d pages.
/// </summary>
internal sealed class HugoSite : SiteModel
{
    private static readonly Regex IncludeShortcode = new(@"\{\{[%<]\s*include\s+""([^""]+)""\s*[%>]\}\}", RegexOptions.CultureInvariant);
    private static readonly Regex BlockAttribute = new(@"(?m)^\{[^}\n]*#([A-Za-z][\w\-:.]*)[^}\n]*\}[ \t]*\r?$", RegexOptions.CultureInvariant);

    private readonly List<string> _contentRoots = new();
    private readonly string _staticDir;
    private readonly string _assetsDir;
    private readonly bool _ugly;
    private readonly bool _definitionTermIds;
    private readonly bool _lowerCase;
    private readonly bool _customLinkHook;
    private readonly Lazy<Index> _index;

    private sealed class Index
    {
        public readonly SiteRoutes Routes = new(ignoreCase: true);
        /// <summary>Logical paths (lower case, no extension, '/' separated, no leading slash) to files.</summary>
        public readonly Dictionary<string, string> Logical = new(StringComparer.Ordinal);
        public readonly Dictionary<string, string> PageUrls = new(StringComparer.Ordinal);
        public readonly HashSet<string> Headless = new(StringComparer.Ordinal);
    }

    public HugoSite(SiteFiles files, string? configFile, Dictionary<string, object?>? config) : base(files, configFile)
    {
        string configDir = configFile is null ? "" : DirectoryOf(configFile);
        if (configDir.EndsWith("config/_default", StringComparison.Ordinal)) configDir = DirectoryOf(DirectoryOf(configDir));
        string At(string p) => Combine(configDir, p.Trim('/')) ?? p;
        if (ConfigTree.Get(config, "module", "mounts") is List<object?> mounts)
            foreach (var m in mounts)
                if (m is Dictionary<string, object?> d && ConfigTree.GetString(d, "target") is { } target && ConfigTree.GetString(d, "source") is { } source)
                {
                    if (target.Trim('/') == "content") _contentRoots.Add(At(source));
                }
        if (ConfigTree.Get(config, "languages") is Dictionary<string, object?> langs)
            foreach (var l in langs.Values)
                if (ConfigTree.GetString(l as Dictionary<string, object?>, "contentDir") is { } cd) _contentRoots.Add(At(cd));
        if (_contentRoots.Count == 0) _contentRoots.Add(At(ConfigTree.GetString(config, "contentDir") ?? "content"));
        _staticDir = At(ConfigTree.GetString(config, "staticDir") ?? "static");
        _assetsDir = At(ConfigTree.GetString(config, "assetDir") ?? "assets");
        _ugly = ConfigTree.GetBool(config, "uglyURLs") ?? false;
        _lowerCase = !(ConfigTree.GetBool(config, "disablePathToLower") ?? false);
        _definitionTermIds = ConfigTree.GetBool(config, "markup", "goldmark", "parser", "autoDefinitionTermID") ?? false;
        string layouts = At("layouts");
        _customLinkHook = files.IsFile(layouts + "/_markup/render-link.html") || files.IsFile(layouts + "/_default/_markup/render-link.html");
        _index = new Lazy<Index>(Build);
    }

    public override string Name => "hugo";
    // Hugo's themes print the title from front matter; the content starts below it.
    public override bool RendersTitleAsH1 => true;

    private string? ContentRootOf(string rel)
    {
        foreach (var root in _contentRoots)
            if (root.Length == 0 || rel.StartsWith(root + "/", StringComparison.Ordinal)) return root;
        return null;
    }

    public override bool Publishes(string rel) => IsMarkdown(rel) && ContentRootOf(rel) is not null;

    public override bool IsInclude(string rel) => _index.Value.Headless.Contains(rel);

    public override HashSet<string> Anchors(MarkdownFile file, string rel) => Anchors(file, rel, 0);

    private HashSet<string> Anchors(MarkdownFile file, string rel, int depth)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var slugger = new GitHubSlugger();
        // Definition terms take their ids first: a heading with the same text then gets '-1'.
        if (_definitionTermIds) foreach (var term in DefinitionTerms(file.Text)) set.Add(slugger.Slug(TermText(term)));
        foreach (var h in file.Headings)
            set.Add(DocumentOutline.CustomId(h.PlainText) ?? slugger.Slug(h.PlainText));
        foreach (var tag in DocumentHtml.GetTags(file))
            foreach (var attr in tag.Attributes)
                if (attr.Value is { Length: > 0 } v && (attr.Name.Equals("id", StringComparison.OrdinalIgnoreCase) || attr.Name.Equals("name", StringComparison.OrdinalIgnoreCase))) set.Add(v.Trim());
        foreach (Match m in BlockAttribute.Matches(file.Text)) set.Add(m.Groups[1].Value);
        if (depth < 4 && file.Text.IndexOf("include", StringComparison.Ordinal) >= 0)
        {
            foreach (Match m in IncludeShortcode.Matches(file.Text))
            {
                string? included = LookupPage(rel, m.Groups[1].Value);
                if (included is null) continue;
                var inner = SiteDocuments.Load(Files.FullPath(included));
                if (inner is not null) set.UnionWith(Anchors(inner, included, depth + 1));
            }
        }
        return set;
    }

    /// <summary>List pages (<c>_index.md</c>) render their children through templates, which may add anchors of their own.</summary>
    public override bool AnchorsUnknown(string rel) => Path.GetFileName(rel) == "_index.md";

    /// <summary>The terms of definition lists: the lines of the paragraph right before a line that starts with ': '.</summary>
    internal static IEnumerable<string> DefinitionTerms(string text)
    {
        var lines = text.Split('\n');
        bool inFence = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            string trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)) { inFence = !inFence; continue; }
            if (inFence || !(line.StartsWith(": ", StringComparison.Ordinal) || line.StartsWith(":\t", StringComparison.Ordinal))) continue;
            int j = i - 1;
            if (j >= 0 && lines[j].Trim().Length == 0) j--;
            // A term is a paragraph line; the previous definition's lines are not terms.
            while (j >= 0 && lines[j].Trim().Length > 0 && !lines[j].StartsWith(":", StringComparison.Ordinal) && !lines[j].StartsWith(" ", StringComparison.Ordinal))
            {
                yield return lines[j].Trim();
                j--;
            }
        }
    }

    /// <summary>A term as rendered: link text for links, code spans and emphasis marks gone.</summary>
    internal static string TermText(string markdown) =>
        Regex.Replace(markdown, @"\[([^\]]*)\]\([^)]*\)", "$1").Replace("`", "").Replace("**", "").Trim();

    public override SiteLink Resolve(SiteLinkRequest r)
    {
        var idx = _index.Value;
        string path = r.Path;
        if (!r.IsHtml && LookupPage(r.FromFile, path) is { } page) return SiteLink.Found(page);
        string pageUrl = idx.PageUrls.TryGetValue(r.FromFile, out var u) ? u : "/";
        string url = ResolveUrl(pageUrl, path);
        if (idx.Routes.TryGet(url, out var file)) return SiteLink.Found(file.Length == 0 ? null : file);
        string staticRel = _staticDir + url;
        if (Files.IsFile(staticRel) || Files.FoldCase(staticRel) is not null && !url.EndsWith("/", StringComparison.Ordinal)) return SiteLink.Found(Files.FoldCase(staticRel));
        if (_customLinkHook && !r.IsHtml)
        {
            string? assetRel = Combine(_assetsDir, path.TrimStart('/'));
            if (assetRel is not null && Files.IsFile(assetRel)) return SiteLink.Found(assetRel);
            // A destination that is one bare word ('g', 'glossary') is a name the site's render hook gives a meaning to.
            if (path.IndexOf('/') < 0 && path.IndexOf('.') < 0) return SiteLink.Unchecked("resolved by the site's link render hook");
        }
        return SiteLink.Missing($"no page, page resource or static file answers '{path}'", idx.Routes.Near(url));
    }

    /// <summary>GetPage from the page's folder, then from the content root: the page (or page resource) file, or null.</summary>
    private string? LookupPage(string fromRel, string path)
    {
        var idx = _index.Value;
        string? root = ContentRootOf(fromRel);
        if (root is null) return null;
        string p = path;
        foreach (var ext in new[] { ".md", ".markdown" })
            if (p.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) { p = p.Substring(0, p.Length - ext.Length); break; }
        string fromLogical = Logical(fromRel, root);
        string name = Path.GetFileNameWithoutExtension(fromRel);
        // A bundle's index and a section's _index resolve from their own folder, a regular page from the folder it is in.
        string baseDir = name is "index" or "_index" ? fromLogical : DirectoryOf(fromLogical);
        var candidates = new List<string?>();
        if (!p.StartsWith("/", StringComparison.Ordinal)) candidates.Add(Combine(baseDir, p));
        candidates.Add(Combine("", p.TrimStart('/')));
        foreach (var c in candidates)
        {
            if (c is null) continue;
            string key = c.Trim('/').ToLowerInvariant();
            if (idx.Logical.TryGetValue(key, out var f)) return f;
            // A page resource: a non-Markdown file inside the content tree.
            string? resource = Files.FoldCase(Combine(root, c) ?? "");
            if (resource is not null && Files.IsFile(resource) && !IsMarkdown(resource)) return resource;
        }
        return null;
    }

    private static string Logical(string rel, string root)
    {
        string inRoot = root.Length == 0 ? rel : rel.Substring(root.Length + 1);
        string dir = DirectoryOf(inRoot);
        string name = Path.GetFileNameWithoutExtension(inRoot);
        string logical = name is "index" or "_index" ? dir : (dir.Length == 0 ? name : dir + "/" + name);
        return logical.ToLowerInvariant();
    }

    private Index Build()
    {
        var idx = new Index();
        var cascadeHeadless = new List<string>();
        // Section front matter first: a cascade of build.render never applies to the whole branch.
        foreach (var rel in Files.Files)
        {
            if (ContentRootOf(rel) is null || Path.GetFileName(rel) is not ("_index.md" or "index.md")) continue;
            var fm = ReadFrontMatter(rel);
            if (IsHeadless(fm.Values) || IsHeadless(ConfigTree.Get(fm.Values, "cascade") as Dictionary<string, object?>))
                cascadeHeadless.Add(DirectoryOf(rel) + "/");
        }
        foreach (var rel in Files.Files)
        {
            string? root = ContentRootOf(rel);
            if (root is null) continue;
            if (!IsMarkdown(rel) && !rel.EndsWith(".html", StringComparison.OrdinalIgnoreCase)) continue;
            string logical = Logical(rel, root);
            if (!idx.Logical.ContainsKey(logical) || Path.GetFileName(rel) == "_index.md") idx.Logical[logical] = rel;
            bool headless = false;
            foreach (var h in cascadeHeadless) if (rel.StartsWith(h, StringComparison.Ordinal)) headless = true;
            var fm = ReadFrontMatter(rel);
            if (headless || IsHeadless(fm.Values)) { idx.Headless.Add(rel); continue; }
            string url = PageUrl(logical, fm);
            idx.PageUrls[rel] = url;
            idx.Routes.Add(url, rel);
            foreach (var a in fm.GetList("aliases")) idx.Routes.Add(a.StartsWith("/", StringComparison.Ordinal) ? a : ResolveUrl(url, a), rel);
        }
        // Page resources are published beside their page.
        foreach (var rel in Files.Files)
        {
            string? root = ContentRootOf(rel);
            if (root is null || IsMarkdown(rel)) continue;
            string inRoot = root.Length == 0 ? rel : rel.Substring(root.Length + 1);
            idx.Routes.Add("/" + (_lowerCase ? inRoot.ToLowerInvariant() : inRoot), rel);
        }
        return idx;
    }

    private string PageUrl(string logical, PageFrontMatter fm)
    {
        if (fm.Get("url") is { Length: > 0 } explicitUrl) return NormalizeUrl("/" + explicitUrl.TrimStart('/'));
        string path = logical;
        if (fm.Get("slug") is { Length: > 0 } slug)
            path = (DirectoryOf(logical).Length == 0 ? "" : DirectoryOf(logical) + "/") + (_lowerCase ? slug.ToLowerInvariant() : slug);
        if (path.Length == 0) return "/";
        return _ugly ? "/" + path + ".html" : "/" + path + "/";
    }

    private static bool IsHeadless(Dictionary<string, object?>? values)
    {
        if (values is null) return false;
        if (ConfigTree.GetBool(values, "headless") == true) return true;
        foreach (var key in new[] { "build", "_build" })
        {
            string? render = ConfigTree.GetString(values, key, "render");
            if (render is "never" or "false") return true;
        }
        return false;
    }
}
