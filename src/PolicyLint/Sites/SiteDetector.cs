using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyLint.IO;

namespace PolicyLint.Sites;

/// <summary>
/// Chooses the site model from the repository's own generator files, with no PolicyLint configuration: <c>mkdocs.yml</c>,
/// <c>docusaurus.config.*</c>, <c>hugo.*</c> (or <c>config.*</c> beside a <c>content</c> folder), <c>docfx.json</c>, and a
/// <c>_config.yml</c> with Jekyll keys. The root is looked at first, then its direct subfolders (a site in <c>website/</c>).
/// No generator found means the plain-files model (links read as GitHub shows them: today's behaviour).
/// </summary>
internal static class SiteDetector
{
    public static readonly string[] Names = ["github", "jekyll", "hugo", "docusaurus", "mkdocs", "docfx"];

    private static readonly string[] JekyllKeys =
        ["permalink", "collections", "plugins", "gems", "theme", "remote_theme", "baseurl", "exclude", "include", "markdown", "kramdown", "defaults", "jekyll"];
    private static readonly string[] JupyterBookKeys = ["execute", "sphinx", "parse", "bibtex_bibfiles"];

    /// <summary>
    /// The model for <paramref name="root"/>: <paramref name="name"/> "auto" (or null) detects; "none"/"github" is the plain-files
    /// model (null). <paramref name="shallow"/> is the root's shallow listing when the caller already made it (one per run).
    /// </summary>
    public static SiteModel? Create(string root, string? name, SiteFiles? shallow = null)
    {
        name = string.IsNullOrWhiteSpace(name) ? "auto" : name!.Trim().ToLowerInvariant();
        if (name is "none" or "github") return null;
        // Probing needs only the root and its direct subfolders; the whole tree is listed once a generator is found.
        var probe = shallow ?? SiteFiles.Shallow(root);
        var full = new Lazy<SiteFiles>(() => new SiteFiles(root));
        foreach (var dir in CandidateDirs(probe))
        {
            var model = TryCreate(probe, full, dir, name);
            if (model is not null) return model;
        }
        if (name == "auto") return null;
        var files = full.Value;
        // Named but no configuration file: the model with its defaults.
        return name switch
        {
            "jekyll" => new JekyllSite(files, null, null),
            "hugo" => new HugoSite(files, null, null),
            "mkdocs" => new MkDocsSite(files, "mkdocs.yml", null),
            "docusaurus" => new DocusaurusSite(files, "docusaurus.config.js", ""),
            "docfx" => new DocfxSite(files, "docfx.json", null),
            _ => throw new ArgumentException($"Unknown site model '{name}'; use one of: auto, none, {string.Join(", ", Names)}"),
        };
    }

    /// <summary>True when the root or one of its direct subfolders has a Docusaurus configuration file.</summary>
    public static bool HasDocusaurusConfig(string root, SiteFiles? shallow = null)
    {
        var probe = shallow ?? SiteFiles.Shallow(root);
        foreach (var dir in CandidateDirs(probe))
            foreach (var f in DocusaurusConfigs)
                if (probe.IsFile(dir.Length == 0 ? f : dir + "/" + f)) return true;
        return false;
    }

    private static readonly string[] DocusaurusConfigs =
        ["docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs", "docusaurus.config.cjs", "docusaurus.config.mts"];

    private static readonly string[] HugoConfigs =
        ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config/_default/hugo.toml", "config/_default/hugo.yaml", "config/_default/config.toml"];
    private static readonly string[] HugoLegacyConfigs = ["config.toml", "config.yaml", "config.yml", "config.json"];

    /// <summary>
    /// What detection looks at, as text: which generator files and marker folders exist in the root and its direct subfolders,
    /// and the content of the root's <c>_config.yml</c> and <c>Gemfile</c>. While it is unchanged, detection finds no model again
    /// (the result cache's key for documents read as plain files).
    /// </summary>
    public static string Probe(string root, SiteFiles? shallow = null)
    {
        var probe = shallow ?? SiteFiles.Shallow(root);
        var sb = new System.Text.StringBuilder();
        foreach (var dir in CandidateDirs(probe))
            foreach (var f in new[] { "mkdocs.yml", "mkdocs.yaml", "docfx.json", "content", "archetypes" }.Concat(DocusaurusConfigs).Concat(HugoConfigs).Concat(HugoLegacyConfigs))
            {
                string rel = dir.Length == 0 ? f : dir + "/" + f;
                if (probe.Exists(rel)) sb.Append(rel).Append('\n');
            }
        foreach (var f in new[] { "_config.yml", "_config.yaml", "Gemfile" })
            if (probe.IsFile(f)) sb.Append(f).Append(':').Append(ReadText(probe.FullPath(f))).Append('\n');
        return sb.ToString();
    }

    private static IEnumerable<string> CandidateDirs(SiteFiles files)
    {
        yield return "";
        foreach (var child in files.Children("").OrderBy(c => c, StringComparer.Ordinal))
            if (files.IsDirectory(child) && !child.StartsWith(".", StringComparison.Ordinal) && child != "node_modules") yield return child;
    }

    private static SiteModel? TryCreate(SiteFiles probe, Lazy<SiteFiles> full, string dir, string name)
    {
        var files = probe;
        string At(string f) => dir.Length == 0 ? f : dir + "/" + f;
        bool want(string n) => name == "auto" || name == n;
        if (want("mkdocs"))
            foreach (var f in new[] { "mkdocs.yml", "mkdocs.yaml" })
                if (files.IsFile(At(f))) return new MkDocsSite(full.Value, At(f), ConfigTree.Read(files.FullPath(At(f))));
        if (want("docusaurus"))
            foreach (var f in DocusaurusConfigs)
                if (files.IsFile(At(f))) return new DocusaurusSite(full.Value, At(f), ReadText(files.FullPath(At(f))));
        if (want("hugo"))
        {
            foreach (var f in HugoConfigs)
                if (files.IsFile(At(f))) return new HugoSite(full.Value, At(f), ConfigTree.Read(files.FullPath(At(f))));
            foreach (var f in HugoLegacyConfigs)
                if (files.IsFile(At(f)) && (files.IsDirectory(At("content")) || files.IsDirectory(At("archetypes")) || name == "hugo"))
                    return new HugoSite(full.Value, At(f), ConfigTree.Read(files.FullPath(At(f))));
        }
        if (want("docfx") && files.IsFile(At("docfx.json")))
            return new DocfxSite(full.Value, At("docfx.json"), ConfigTree.Read(files.FullPath(At("docfx.json"))));
        if (want("jekyll") && dir.Length == 0)
            foreach (var f in new[] { "_config.yml", "_config.yaml" })
            {
                if (!files.IsFile(At(f))) continue;
                var config = ConfigTree.Read(files.FullPath(At(f)));
                bool jupyter = config is not null && JupyterBookKeys.Any(config.ContainsKey);
                bool jekyll = config is not null && JekyllKeys.Any(config.ContainsKey) || GemfileMentionsJekyll(files, At("Gemfile"));
                if ((jekyll && !jupyter) || name == "jekyll") return new JekyllSite(full.Value, At(f), config);
            }
        return null;
    }

    private static bool GemfileMentionsJekyll(SiteFiles files, string gemfile)
    {
        if (!files.IsFile(gemfile)) return false;
        string text = ReadText(files.FullPath(gemfile));
        return text.IndexOf("jekyll", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("github-pages", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    private static string ReadText(string full)
    {
        try { return InputLog.Info(full).Length > ConfigTree.MaxConfigSize ? "" : File.ReadAllText(full); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return ""; }
    }
}
