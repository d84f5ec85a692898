using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PolicyLint.Documents;
using PolicyLint.IO;

namespace PolicyLint.Sites;

/// <summary>What a site model found for a link target.</summary>
internal enum SiteLinkStatus
{
    /// <summary>The link reaches a page or file of the published site (<see cref="SiteLink.File"/>; null for a generated page).</summary>
    Found,
    /// <summary>Nothing on the site answers the link.</summary>
    Missing,
    /// <summary>Only a differently cased file or URL exists, and this site's URLs are case-sensitive.</summary>
    CaseMismatch,
    /// <summary>The target is outside what this repository can check (another repository, a generated page, a plugin's URL...).</summary>
    Unchecked,
}

/// <summary>A site model's answer for one link target.</summary>
internal readonly struct SiteLink
{
    private SiteLink(SiteLinkStatus status, string? file, string? detail, string? suggestion)
    {
        Status = status; File = file; Detail = detail; Suggestion = suggestion;
    }

    public SiteLinkStatus Status { get; }
    /// <summary>Found: the file (relative to the root) whose page or content the link reaches, when there is one.</summary>
    public string? File { get; }
    /// <summary>Missing: what was looked for; Unchecked: why it is not checked (a counter key in the run summary).</summary>
    public string? Detail { get; }
    /// <summary>Missing or CaseMismatch: the target as it should be written, when one is known.</summary>
    public string? Suggestion { get; }

    public static SiteLink Found(string? file) => new(SiteLinkStatus.Found, file, null, null);
    public static SiteLink Missing(string detail, string? suggestion = null) => new(SiteLinkStatus.Missing, null, detail, suggestion);
    public static SiteLink Case(string actualFile, string? suggestion) => new(SiteLinkStatus.CaseMismatch, actualFile, null, suggestion);
    public static SiteLink Unchecked(string reason) => new(SiteLinkStatus.Unchecked, null, reason, null);
}

/// <summary>One link as the site model sees it.</summary>
internal readonly struct SiteLinkRequest
{
    public SiteLinkRequest(string fromFile, string path, bool isHtml, bool isImage)
    {
        FromFile = fromFile; Path = path; IsHtml = isHtml; IsImage = isImage;
    }
    /// <summary>The linking file, relative to the root.</summary>
    public string FromFile { get; }
    /// <summary>The target's path part: percent-decoded, without query and fragment; never empty.</summary>
    public string Path { get; }
    /// <summary>Written as raw HTML (<c>&lt;a href&gt;</c>, <c>&lt;img src&gt;</c>): the browser resolves it, not the generator.</summary>
    public bool IsHtml { get; }
    public bool IsImage { get; }
}

/// <summary>
/// How the site that publishes the Markdown maps files to URLs, resolves links and makes anchors: one object per run,
/// chosen from the repository's own generator configuration (<see cref="SiteDetector"/>) or named by the <c>site</c> setting.
/// Thread-safe after construction; indexes are built lazily, once.
/// </summary>
internal abstract class SiteModel
{
    protected SiteModel(SiteFiles files, string? configFile)
    {
        Files = files; ConfigFile = configFile;
    }

    /// <summary>The model's name, as the <c>site</c> setting spells it.</summary>
    public abstract string Name { get; }
    /// <summary>The configuration file the model was read from (relative to the root), or null.</summary>
    public string? ConfigFile { get; }
    public SiteFiles Files { get; }

    /// <summary>True when the site shows the front matter <c>title</c> as the page's H1 (so the Markdown needs none).</summary>
    public virtual bool RendersTitleAsH1 => false;

    /// <summary>
    /// True when the page made from <paramref name="file"/> shows its front matter <c>title</c> as the H1: on a site that renders
    /// the title (<see cref="RendersTitleAsH1"/>), unless the model knows this page does not.
    /// </summary>
    public virtual bool ShowsFrontMatterTitle(MarkdownFile file) => RendersTitleAsH1;

    /// <summary>True when the generator renders <paramref name="rel"/> as a page; other files (a README the build excludes) are read on GitHub.</summary>
    public abstract bool Publishes(string rel);

    /// <summary>Where a link written in a published page leads.</summary>
    public abstract SiteLink Resolve(SiteLinkRequest request);

    /// <summary>The anchors the generator gives a page made from <paramref name="file"/> (slugs, explicit ids, generated ids, included content).</summary>
    public abstract HashSet<string> Anchors(MarkdownFile file, string rel);

    /// <summary>True when the file's own fragment-only links cannot be checked (content included into other pages).</summary>
    public virtual bool IsInclude(string rel) => false;

    /// <summary>True when fragments of links into <paramref name="rel"/> cannot be checked (anchors made at build time).</summary>
    public virtual bool AnchorsUnknown(string rel) => false;

    /// <summary>
    /// The files besides the Markdown pages whose content the model's answers depend on (relative to the root): the generator
    /// configuration, and per model the layouts, version lists and redirect files it reads. The result cache keeps a finding
    /// that used the model only while these, the site's file listing and every page's front matter are unchanged.
    /// </summary>
    protected virtual IEnumerable<string> InputFiles() => ConfigFile is null ? [] : [ConfigFile];

    /// <summary>
    /// A hash of everything the model's answers are computed from: its name and configuration file, the listing of every file
    /// and folder (link targets), the bytes of <see cref="InputFiles"/>, and the front matter block of every Markdown file
    /// (permalinks, ids, slugs, aliases). A page's body is not part of it: anchors are checked through the target's outline.
    /// </summary>
    public string Fingerprint => _fingerprint ??= ComputeFingerprint();

    private string? _fingerprint;

    private string ComputeFingerprint()
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        void Add(string s) { var b = Encoding.UTF8.GetBytes(s); hash.AppendData(b); hash.AppendData([0]); }
        Add(Describe());
        Add(Files.ListingFingerprint());
        foreach (var rel in InputFiles().Distinct(StringComparer.Ordinal).OrderBy(r => r, StringComparer.Ordinal))
        {
            Add(rel);
            try
            {
                var info = InputLog.Info(Files.FullPath(rel));
                Add(!info.Exists ? "-" : info.Length > ConfigTree.MaxConfigSize ? "big:" + info.Length + ":" + info.LastWriteTimeUtc.Ticks : Convert.ToBase64String(File.ReadAllBytes(info.FullName)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException) { Add("?"); }
        }
        foreach (var rel in Files.Files.Where(IsMarkdown).OrderBy(r => r, StringComparer.Ordinal))
        {
            Add(rel);
            Add(PageFrontMatter.ReadBlock(Files.FullPath(rel)) is { } block ? block.Fence + "\n" + block.Text : "-");
        }
        var sb = new StringBuilder();
        foreach (var b in hash.GetHashAndReset()) sb.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>"site model: hugo (from hugo.toml)".</summary>
    public string Describe() => ConfigFile is null ? $"site model: {Name}" : $"site model: {Name} (from {ConfigFile})";

    // Shared helpers.

    /// <summary>True for the Markdown extensions the models read.</summary>
    public static bool IsMarkdown(string rel)
    {
        string ext = System.IO.Path.GetExtension(rel);
        return ext.Equals(".md", StringComparison.OrdinalIgnoreCase) || ext.Equals(".markdown", StringComparison.OrdinalIgnoreCase)
            || ext.Equals(".mdx", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Joins a folder and a relative path (forward slashes), resolving '.' and '..'; null when it climbs above the root.</summary>
    public static string? Combine(string dir, string relative)
    {
        var parts = new List<string>();
        if (!relative.StartsWith("/", StringComparison.Ordinal) && dir.Length > 0) parts.AddRange(dir.Split('/'));
        foreach (var p in relative.Split('/'))
        {
            if (p.Length == 0 || p == ".") continue;
            if (p == "..") { if (parts.Count == 0) return null; parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(p);
        }
        return string.Join("/", parts);
    }

    /// <summary>The folder part of a relative path ("" at the root).</summary>
    public static string DirectoryOf(string rel)
    {
        int slash = rel.LastIndexOf('/');
        return slash < 0 ? "" : rel.Substring(0, slash);
    }

    /// <summary>Resolves an href against a page URL as a browser does (a URL path that starts and, for folders, ends with '/').</summary>
    public static string ResolveUrl(string pageUrl, string href)
    {
        if (href.StartsWith("/", StringComparison.Ordinal)) return NormalizeUrl(href);
        int slash = pageUrl.LastIndexOf('/');
        string baseDir = slash < 0 ? "/" : pageUrl.Substring(0, slash + 1);
        return NormalizeUrl(baseDir + href);
    }

    /// <summary>Removes '.', '..' (never above the root, as browsers do) and repeated slashes; keeps a trailing slash.</summary>
    public static string NormalizeUrl(string url)
    {
        bool trailing = url.EndsWith("/", StringComparison.Ordinal) || url.EndsWith("/.", StringComparison.Ordinal) || url.EndsWith("/..", StringComparison.Ordinal);
        var parts = new List<string>();
        foreach (var p in url.Split('/'))
        {
            if (p.Length == 0 || p == ".") continue;
            if (p == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(p);
        }
        var sb = new StringBuilder("/");
        sb.Append(string.Join("/", parts));
        if (trailing && parts.Count > 0) sb.Append('/');
        return sb.ToString();
    }

    /// <summary>The route key of a URL: no trailing slash, no <c>index.html</c>, optionally lower-cased.</summary>
    public static string RouteKey(string url, bool ignoreCase)
    {
        string u = NormalizeUrl(url);
        if (u.EndsWith("/index.html", StringComparison.OrdinalIgnoreCase)) u = u.Substring(0, u.Length - "index.html".Length);
        if (u.Length > 1 && u.EndsWith("/", StringComparison.Ordinal)) u = u.Substring(0, u.Length - 1);
        return ignoreCase ? u.ToLowerInvariant() : u;
    }

    /// <summary>Front matter fields of a file, read without parsing its Markdown (cached per model).</summary>
    protected PageFrontMatter ReadFrontMatter(string rel) => _frontMatter.GetOrAdd(rel, r => PageFrontMatter.Read(Files.FullPath(r)));

    private readonly ConcurrentDictionary<string, PageFrontMatter> _frontMatter = new(StringComparer.Ordinal);

    /// <summary>GitHub slugs, explicit <c>{#id}</c> heading ids and HTML ids: what most generators share.</summary>
    protected static HashSet<string> CommonAnchors(MarkdownFile file) => new(DocumentOutline.Create(file, SlugStyle.GitHub).Anchors, StringComparer.Ordinal);
}

/// <summary>The front matter fields site models read, from YAML, TOML (<c>+++</c>) or JSON front matter.</summary>
internal sealed class PageFrontMatter
{
    public const long MaxSize = 2 * 1024 * 1024;
    public static readonly PageFrontMatter None = new(null, false);

    private PageFrontMatter(Dictionary<string, object?>? values, bool present) { Values = values; Present = present; }

    public Dictionary<string, object?>? Values { get; }
    /// <summary>True when the file starts with front matter (Jekyll renders only such files).</summary>
    public bool Present { get; }

    public string? Get(string key) => ConfigTree.GetString(Values, key);
    public List<string> GetList(string key) => ConfigTree.GetStrings(Values, key);

    public static PageFrontMatter Read(string fullPath)
    {
        if (ReadBlock(fullPath) is not { } block) return None;
        return block.Fence switch
        {
            "---" => new PageFrontMatter(ConfigTree.FromYaml(block.Text), true),
            "+++" => new PageFrontMatter(ConfigTree.FromToml(block.Text), true),
            _ => new PageFrontMatter(ConfigTree.FromJson(block.Text), true),
        };
    }

    /// <summary>The front matter block of a file as written: its opening fence ("---", "+++" or "{" for JSON) and its text; null when there is none.</summary>
    public static (string Fence, string Text)? ReadBlock(string fullPath)
    {
        try
        {
            var info = InputLog.Info(fullPath);
            if (!info.Exists || info.Length == 0 || info.Length > MaxSize) return null;
            using var reader = new StreamReader(fullPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            string? first = reader.ReadLine();
            if (first is null) return null;
            string fence = first.TrimEnd();
            bool json = fence.StartsWith("{", StringComparison.Ordinal);
            if (fence != "---" && fence != "+++" && !json) return null;
            var sb = new StringBuilder();
            if (json) sb.Append(first).Append('\n');
            string? line;
            int lines = 0;
            while ((line = reader.ReadLine()) is not null && lines++ < 5000)
            {
                string t = line.TrimEnd();
                if (fence == "---" && (t == "---" || t == "...")) return (fence, sb.ToString());
                if (fence == "+++" && t == "+++") return (fence, sb.ToString());
                sb.Append(line).Append('\n');
                if (json && t == "}") return ("{", sb.ToString());
            }
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
