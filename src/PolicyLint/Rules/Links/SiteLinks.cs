using System;
using System.Threading;
using PolicyLint.Configuration;
using PolicyLint.Engine;
using PolicyLint.Sites;

namespace PolicyLint.Rules.Links;

/// <summary>The site model a link rule uses for a file: the <c>site</c> setting ("auto" by default: detected from the repository).</summary>
internal static class SiteLinks
{
    public static SiteModel? For(FileConfiguration configuration, Workspace workspace)
    {
        string name = "auto";
        if (configuration.TryGetSetting("site", out var node, out var source, out _))
        {
            name = YamlConfigReader.Scalar(source, node, "site").Trim().ToLowerInvariant();
            if (name != "auto" && name != "none" && Array.IndexOf(SiteDetector.Names, name) < 0)
                throw YamlConfigReader.Error(source, node, $"Unknown site model '{name}'; use one of: auto, none, {string.Join(", ", SiteDetector.Names)}");
        }
        // siteRoots written by hand keep today's resolution unless a model is asked for by name.
        if (name == "auto" && configuration.SiteRoots.Count > 0) return null;
        var lazy = workspace.SiteModels.GetOrAdd(name, n => new Lazy<SiteModel?>(() => SiteDetector.Create(workspace.RootDirectory, n), LazyThreadSafetyMode.ExecutionAndPublication));
        return lazy.Value;
    }

    /// <summary>The model and the file's path relative to the root, when the model publishes the file; else null (GitHub rules apply).</summary>
    public static (SiteModel Site, string Rel)? Publishing(FileConfiguration configuration, Workspace workspace, string fullPath)
    {
        var site = For(configuration, workspace);
        if (site is null) return null;
        string? rel = site.Files.Relative(fullPath);
        if (rel is null || !site.Publishes(rel)) return null;
        return (site, rel);
    }
}
