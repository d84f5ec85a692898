using System;
using System.Collections.Generic;
using PolicyLint.Documents;

namespace PolicyLint.Analysis;

/// <summary>
/// The settings several rules share, parsed and validated once per configuration (each member on first use, so that a bad
/// value stops the run as a configuration error at its place when a rule first needs it). Rules read them from their context.
/// </summary>
public sealed class SharedSettings
{
    /// <summary>Index files used when none are configured.</summary>
    public static readonly IReadOnlyList<string> DefaultIndexFiles = ["README.md", "index.md"];
    /// <summary>Implicit extensions used when none are configured.</summary>
    public static readonly IReadOnlyList<string> DefaultImplicitExtensions = [".md"];

    private readonly Lazy<IReadOnlyList<KeyValuePair<string, string>>> _siteRoots;
    private readonly Lazy<IReadOnlyList<string>> _indexFiles;
    private readonly Lazy<SlugStyle> _slugStyle;
    private readonly Lazy<bool> _htmlExtensionMapsToMd;
    private readonly Lazy<bool?> _frontMatterTitleIsH1;
    private readonly Lazy<IReadOnlyList<string>> _implicitExtensions;
    private readonly Lazy<string> _site;
    private readonly Lazy<LinkIgnores> _links;

    internal SharedSettings(Func<IReadOnlyList<KeyValuePair<string, string>>> siteRoots, Func<IReadOnlyList<string>> indexFiles,
        Func<SlugStyle> slugStyle, Func<bool> htmlExtensionMapsToMd, Func<bool?> frontMatterTitleIsH1, Func<IReadOnlyList<string>> implicitExtensions,
        Func<string>? site = null, Func<LinkIgnores>? links = null)
    {
        _site = new(site ?? (() => "auto"));
        _links = new(links ?? (() => LinkIgnores.None));
        _siteRoots = new(siteRoots);
        _indexFiles = new(indexFiles);
        _slugStyle = new(slugStyle);
        _htmlExtensionMapsToMd = new(htmlExtensionMapsToMd);
        _frontMatterTitleIsH1 = new(frontMatterTitleIsH1);
        _implicitExtensions = new(implicitExtensions);
    }

    /// <summary>The defaults: no site roots, README.md and index.md, GitHub slugs, <c>.md</c> implied.</summary>
    public static SharedSettings Default { get; } = new(() => Array.Empty<KeyValuePair<string, string>>(), () => DefaultIndexFiles,
        () => SlugStyle.GitHub, () => false, () => null, () => DefaultImplicitExtensions);

    /// <summary>
    /// <c>siteRoots</c>: URL prefixes (such as <c>/blog/</c>, always ending in '/') mapped to full folder paths, longest prefix first.
    /// Folders are relative to the configuration file that declares them.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> SiteRoots => _siteRoots.Value;
    /// <summary><c>indexFiles</c>: file names that stand for a directory link, first match wins.</summary>
    public IReadOnlyList<string> IndexFiles => _indexFiles.Value;
    /// <summary><c>slugStyle</c>: how headings become anchors.</summary>
    public SlugStyle SlugStyle => _slugStyle.Value;
    /// <summary><c>htmlExtensionMapsToMd</c>: <c>page.html</c> may be written for <c>page.md</c> (sites that render Markdown to HTML).</summary>
    public bool HtmlExtensionMapsToMd => _htmlExtensionMapsToMd.Value;
    /// <summary><c>frontMatterTitleIsH1</c>: the front matter title stands for the H1 (structure rules may override it per rule).</summary>
    public bool FrontMatterTitleIsH1 => _frontMatterTitleIsH1.Value ?? false;
    /// <summary>
    /// <c>frontMatterTitleIsH1</c> as configured; null when the configuration does not say. The structure rules then ask the
    /// site model that publishes the document whether the site shows the front matter title as the page's H1 (on where it
    /// does), and otherwise give titled documents the benefit of the doubt.
    /// </summary>
    public bool? FrontMatterTitleIsH1Known => _frontMatterTitleIsH1.Value;
    /// <summary>Extensions a site adds to extension-less links (PL3001's <c>implicitExtensions</c>), tried in order.</summary>
    public IReadOnlyList<string> ImplicitExtensions => _implicitExtensions.Value;

    /// <summary>The <c>site</c> setting: <c>auto</c> (detect the site model from the repository), <c>none</c>, or a model's name.</summary>
    public string Site => _site.Value;
    /// <summary>The <c>links</c> setting: targets, fragments and site-rooted prefixes the link rules leave alone.</summary>
    public LinkIgnores Links => _links.Value;
}
