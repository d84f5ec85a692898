using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using PolicyLint.Configuration;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Rules.Links;

/// <summary>
/// The <c>links</c> setting: <c>ignoreTargets</c> and <c>ignoreFragments</c> (globs, or regular expressions written
/// <c>re:...</c>) and <c>external</c> (site-rooted prefixes served by another repository). A link skipped this way is counted
/// in the run summary, never dropped silently.
/// </summary>
internal sealed class LinkIgnores
{
    public const string IgnoredReason = "ignored by the links setting";
    public const string ExternalReason = "served elsewhere (links.external)";

    private static readonly ConditionalWeakTable<FileConfiguration, LinkIgnores> Cache = new();
    private static readonly LinkIgnores Empty = new([], [], []);

    private readonly Regex[] _targets;
    private readonly Regex[] _fragments;
    private readonly string[] _external;

    private LinkIgnores(Regex[] targets, Regex[] fragments, string[] external)
    {
        _targets = targets; _fragments = fragments; _external = external;
    }

    public static LinkIgnores For(FileConfiguration configuration) => Cache.GetValue(configuration, Read);

    /// <summary>True when the target's path (as written, percent-decoded, without fragment) is ignored.</summary>
    public bool IgnoresTarget(string path)
    {
        foreach (var r in _targets) if (r.IsMatch(path)) return true;
        return false;
    }

    public bool IgnoresFragment(string fragment)
    {
        foreach (var r in _fragments) if (r.IsMatch(fragment)) return true;
        return false;
    }

    /// <summary>True when a site-rooted path starts with one of the <c>external</c> prefixes.</summary>
    public bool IsExternal(string path)
    {
        foreach (var p in _external)
            if (path.StartsWith(p, StringComparison.Ordinal) || path + "/" == p) return true;
        return false;
    }

    private static LinkIgnores Read(FileConfiguration c)
    {
        if (!c.TryGetSetting("links", out var node, out var source, out _)) return Empty;
        if (node is not YamlMappingNode map) throw YamlConfigReader.Error(source, node, "'links' must be a mapping (ignoreTargets, ignoreFragments, external)");
        var targets = new List<Regex>();
        var fragments = new List<Regex>();
        var external = new List<string>();
        foreach (var kv in map.Children)
        {
            string key = (kv.Key as YamlScalarNode)?.Value ?? "";
            switch (key)
            {
                case "ignoreTargets": foreach (var p in YamlConfigReader.StringList(source, kv.Value, "links.ignoreTargets")) targets.Add(Pattern(source, kv.Value, p)); break;
                case "ignoreFragments": foreach (var p in YamlConfigReader.StringList(source, kv.Value, "links.ignoreFragments")) fragments.Add(Pattern(source, kv.Value, p)); break;
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

    private static Regex Pattern(string source, YamlNode node, string p)
    {
        try
        {
            if (p.StartsWith("re:", StringComparison.Ordinal))
                return new Regex(p.Substring(3), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            return new Regex(GlobToRegex(p), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException ex)
        {
            throw YamlConfigReader.Error(source, node, $"Invalid pattern '{p}': {ex.Message}");
        }
    }

    /// <summary><c>**</c> any characters, <c>*</c> any but '/', <c>?</c> one; the whole target must match.</summary>
    internal static string GlobToRegex(string glob)
    {
        var sb = new StringBuilder("^");
        for (int i = 0; i < glob.Length; i++)
        {
            char ch = glob[i];
            if (ch == '*' && i + 1 < glob.Length && glob[i + 1] == '*') { sb.Append(".*"); i++; }
            else if (ch == '*') sb.Append("[^/]*");
            else if (ch == '?') sb.Append("[^/]");
            else sb.Append(Regex.Escape(ch.ToString()));
        }
        return sb.Append('$').ToString();
    }
}
