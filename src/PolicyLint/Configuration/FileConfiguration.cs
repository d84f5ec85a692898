using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Configuration;

/// <summary>The effective configuration for one file: severities and options per rule, and shared settings.</summary>
internal sealed class FileConfiguration
{
    private readonly Dictionary<string, Severity> _severities;
    private readonly Dictionary<string, RuleOptions> _options;
    private readonly Dictionary<string, (YamlNode Node, string Source, string Directory)> _settings;

    internal FileConfiguration(Dictionary<string, Severity> severities, Dictionary<string, RuleOptions> options,
        Dictionary<string, (YamlNode, string, string)> settings, bool requireJustification, long maxFileSize,
        ImmutableArray<string> sources)
    {
        _severities = severities; _options = options; _settings = settings;
        RequireJustification = requireJustification; MaxFileSize = maxFileSize; Sources = sources;
    }

    /// <summary>Default maximum file size: 10 MB.</summary>
    public const long DefaultMaxFileSize = 10L * 1024 * 1024;

    /// <summary>The defaults: every rule at its default severity, no options.</summary>
    public static FileConfiguration Default { get; } = new(new(), new(), new(), false, DefaultMaxFileSize, ImmutableArray<string>.Empty);

    /// <summary>True when suppression directives must give a reason after <c>--</c>.</summary>
    public bool RequireJustification { get; }
    /// <summary>Files larger than this (bytes) are skipped with PL0007.</summary>
    public long MaxFileSize { get; }
    /// <summary>Configuration files and packs that contributed, farthest first.</summary>
    public ImmutableArray<string> Sources { get; }

    /// <summary>The effective severity of <paramref name="rule"/> here (None when off).</summary>
    public Severity GetSeverity(RuleDescriptor rule)
    {
        if (_severities.TryGetValue(rule.Id, out var s)) return s;
        return rule.IsEnabledByDefault ? rule.DefaultSeverity : Severity.None;
    }

    /// <summary>Rules the command line's selection turned off here (their suppression comments are not "unused").</summary>
    internal HashSet<string>? DeselectedRules { get; init; }

    /// <summary>True when the configuration names <paramref name="rule"/> with a severity.</summary>
    public bool IsConfigured(RuleDescriptor rule) => _severities.ContainsKey(rule.Id);

    /// <summary>The options of <paramref name="rule"/> (empty when none).</summary>
    public RuleOptions GetOptions(RuleDescriptor rule) => _options.TryGetValue(rule.Id, out var o) ? o : RuleOptions.Empty;

    /// <summary>A shared setting (e.g. <c>siteRoots</c>) as YAML, with the file it came from and that file's directory.</summary>
    internal bool TryGetSetting(string key, out YamlNode node, out string source, out string directory)
    {
        if (_settings.TryGetValue(key, out var v)) { node = v.Node; source = v.Source; directory = v.Directory; return true; }
        node = null!; source = directory = string.Empty;
        return false;
    }

    /// <summary>The settings several rules share, typed; each is parsed and validated on first use, once per configuration.</summary>
    public SharedSettings Settings => _sharedSettings ??= CreateSettings();

    private SharedSettings? _sharedSettings;

    /// <summary>
    /// <c>siteRoots</c>: URL prefixes (such as <c>/blog/</c>) mapped to full folder paths, longest prefix first.
    /// Folders are relative to the configuration file that declares them.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> SiteRoots => Settings.SiteRoots;

    private SharedSettings CreateSettings() => new(
        ReadSiteRoots,
        () => TryGetSetting("indexFiles", out var node, out var source, out _)
            ? YamlConfigReader.StringList(source, node, "indexFiles") : SharedSettings.DefaultIndexFiles,
        () =>
        {
            if (!TryGetSetting("slugStyle", out var node, out var source, out _)) return SlugStyle.GitHub;
            string name = YamlConfigReader.Scalar(source, node, "slugStyle");
            return SlugStyle.Find(name)
                ?? throw YamlConfigReader.Error(source, node, $"Unknown slugStyle '{name}'; use one of: {string.Join(", ", SlugStyle.Names)}");
        },
        () => TryGetSetting("htmlExtensionMapsToMd", out var node, out var source, out _) && YamlConfigReader.Bool(source, node, "htmlExtensionMapsToMd"),
        () => TryGetSetting("frontMatterTitleIsH1", out var node, out var source, out _) ? YamlConfigReader.Bool(source, node, "frontMatterTitleIsH1") : null,
        // Written as PL3001's option (where users look for it), but PL3002 resolves links the same way: one reading, shared.
        () => _options.TryGetValue(ImplicitExtensionsRule, out var o)
            ? o.GetStringList("implicitExtensions", SharedSettings.DefaultImplicitExtensions) : SharedSettings.DefaultImplicitExtensions,
        ReadSite, ReadLinks);

    private string ReadSite()
    {
        if (!TryGetSetting("site", out var node, out var source, out _)) return "auto";
        string name = YamlConfigReader.Scalar(source, node, "site").Trim().ToLowerInvariant();
        if (name != "auto" && name != "none" && Array.IndexOf(Sites.SiteDetector.Names, name) < 0)
            throw YamlConfigReader.Error(source, node, $"Unknown site model '{name}'; use one of: auto, none, {string.Join(", ", Sites.SiteDetector.Names)}");
        return name;
    }

    private LinkIgnores ReadLinks()
    {
        if (!TryGetSetting("links", out var node, out var source, out _)) return LinkIgnores.None;
        var map = YamlConfigReader.Mapping(source, node, "links");
        var targets = new List<System.Text.RegularExpressions.Regex>();
        var fragments = new List<System.Text.RegularExpressions.Regex>();
        var external = new List<string>();
        foreach (var kv in map.Children)
        {
            string key = YamlConfigReader.Scalar(source, kv.Key, "links");
            switch (key)
            {
                case "ignoreTargets": foreach (var p in YamlConfigReader.StringList(source, kv.Value, "links.ignoreTargets")) targets.Add(LinkPattern(source, kv.Value, p)); break;
                case "ignoreFragments": foreach (var p in YamlConfigReader.StringList(source, kv.Value, "links.ignoreFragments")) fragments.Add(LinkPattern(source, kv.Value, p)); break;
                case "external":
                    foreach (var p in YamlConfigReader.StringList(source, kv.Value, "links.external"))
                    {
                        if (!p.StartsWith("/", StringComparison.Ordinal)) throw YamlConfigReader.Error(source, kv.Value, $"links.external prefix '{p}' must start with '/'");
                        external.Add(p);
                    }
                    break;
                default: throw YamlConfigReader.Error(source, kv.Key, $"Unknown links setting '{key}'; use ignoreTargets, ignoreFragments or external");
            }
        }
        return new LinkIgnores(targets.ToArray(), fragments.ToArray(), external.ToArray());
    }

    private static System.Text.RegularExpressions.Regex LinkPattern(string source, YamlDotNet.RepresentationModel.YamlNode node, string pattern)
    {
        try { return LinkIgnores.Pattern(pattern); }
        catch (ArgumentException ex) { throw YamlConfigReader.Error(source, node, $"Invalid pattern '{pattern}': {ex.Message}"); }
    }

    private const string ImplicitExtensionsRule = "PL3001";

    private IReadOnlyList<KeyValuePair<string, string>> ReadSiteRoots()
    {
        var list = new List<KeyValuePair<string, string>>();
        if (!TryGetSetting("siteRoots", out var node, out var source, out var dir)) return list;
        foreach (var kv in YamlConfigReader.Mapping(source, node, "siteRoots").Children)
        {
            string prefix = YamlConfigReader.Scalar(source, kv.Key, "siteRoots");
            string folder = YamlConfigReader.Scalar(source, kv.Value, "siteRoots");
            if (!prefix.StartsWith("/", StringComparison.Ordinal))
                throw YamlConfigReader.Error(source, kv.Key, $"siteRoots prefix '{prefix}' must start with '/'");
            list.Add(new(prefix.EndsWith("/", StringComparison.Ordinal) ? prefix : prefix + "/", Path.GetFullPath(Path.Combine(dir, folder))));
        }
        list.Sort((a, b) => b.Key.Length.CompareTo(a.Key.Length));
        return list;
    }
}
