using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using PolicyLint.Configuration;

namespace PolicyLint.Rules.Links;

/// <summary>
/// The top-level settings that link rules share (<c>indexFiles</c>, <c>slugStyle</c>, <c>htmlExtensionMapsToMd</c>), read once per
/// configuration. <c>siteRoots</c> is read by <see cref="PolicyLint.Engine.TargetResolver"/>.
/// </summary>
internal sealed class LinkSettings
{
    private static readonly ConditionalWeakTable<FileConfiguration, LinkSettings> Cache = new();

    public static readonly IReadOnlyList<string> DefaultIndexFiles = ["README.md", "index.md"];

    private LinkSettings(IReadOnlyList<string> indexFiles, SlugStyle slugStyle, bool htmlMapsToMd)
    {
        IndexFiles = indexFiles; SlugStyle = slugStyle; HtmlExtensionMapsToMd = htmlMapsToMd;
    }

    /// <summary>File names that stand for a directory link, first match wins.</summary>
    public IReadOnlyList<string> IndexFiles { get; }
    /// <summary>How headings become anchors.</summary>
    public SlugStyle SlugStyle { get; }
    /// <summary>True when <c>page.html</c> may be written for <c>page.md</c> (sites that render Markdown to HTML).</summary>
    public bool HtmlExtensionMapsToMd { get; }

    public static LinkSettings For(FileConfiguration configuration) => Cache.GetValue(configuration, Read);

    private static LinkSettings Read(FileConfiguration c)
    {
        IReadOnlyList<string> index = DefaultIndexFiles;
        if (c.TryGetSetting("indexFiles", out var node, out var source, out _))
            index = YamlConfigReader.StringList(source, node, "indexFiles");
        var style = SlugStyle.GitHub;
        if (c.TryGetSetting("slugStyle", out node, out source, out _))
        {
            string name = YamlConfigReader.Scalar(source, node, "slugStyle");
            style = SlugStyle.Find(name)
                ?? throw YamlConfigReader.Error(source, node, $"Unknown slugStyle '{name}'; use one of: {string.Join(", ", SlugStyle.Names)}");
        }
        bool html = c.TryGetSetting("htmlExtensionMapsToMd", out node, out source, out _) && YamlConfigReader.Bool(source, node, "htmlExtensionMapsToMd");
        return new LinkSettings(index, style, html);
    }
}
