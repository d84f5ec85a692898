using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.Extensions.FileSystemGlobbing;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using YamlDotNet.RepresentationModel;
using PolicyLint.IO;

namespace PolicyLint.Configuration;

/// <summary>
/// Finds and merges configuration for each file: packs named by <c>extends</c>, then <c>.policylint.yml</c> files from the
/// farthest ancestor to the nearest (nearest wins; <c>root: true</c> stops the walk), then matching <c>overrides</c>.
/// </summary>
internal sealed class ConfigurationResolver
{
    /// <summary>Default include globs.</summary>
    public static readonly IReadOnlyList<string> DefaultInclude = ["**/*.md", "**/*.markdown"];
    /// <summary>Default exclude globs.</summary>
    public static readonly IReadOnlyList<string> DefaultExclude = ["**/node_modules/**", "**/bin/**", "**/obj/**", "**/.git/**"];

    private readonly Dictionary<string, RuleDescriptor> _rulesByKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConfigFile? _explicit;
    private readonly ConcurrentDictionary<string, ImmutableArray<ConfigFile>> _chains = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConfigFile> _loaded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<OverrideSection, (Matcher Include, Matcher? Exclude)> _matchers = new();
    private readonly ConcurrentDictionary<OverrideSection, ImmutableArray<ConfigFile>> _overrideExtends = new();
    private readonly ConcurrentDictionary<string, ConfigFile?> _configIn = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FileConfiguration> _configurations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _validated = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _fingerprints = new(StringComparer.Ordinal);
    private readonly bool _validate;

    /// <summary>Creates a resolver. With <paramref name="explicitConfigPath"/> or <paramref name="configText"/>, discovery is off.</summary>
    public ConfigurationResolver(IEnumerable<RuleDescriptor> knownRules, string? explicitConfigPath = null, string? configText = null,
        string? configTextDirectory = null, bool discover = true)
        : this(knownRules, explicitConfigPath, configText, configTextDirectory, discover, validate: true)
    {
    }

    /// <summary>
    /// With <paramref name="validate"/> false, rule keys are not checked: used to read <c>plugins:</c> before the plugins'
    /// rules are known (a configuration may set plugin rules); the run then validates with every rule known.
    /// </summary>
    internal ConfigurationResolver(IEnumerable<RuleDescriptor> knownRules, string? explicitConfigPath, string? configText,
        string? configTextDirectory, bool discover, bool validate)
    {
        _validate = validate;
        foreach (var r in knownRules) { _rulesByKey[r.Id] = r; _rulesByKey[r.Name] = r; }
        if (explicitConfigPath is not null)
        {
            if (!InputLog.FileExists(explicitConfigPath)) throw new ConfigurationException("The configuration file does not exist", explicitConfigPath);
            _explicit = ConfigFile.Load(explicitConfigPath);
        }
        else if (configText is not null)
            _explicit = ConfigFile.Parse(configText, "<configuration>", Path.GetFullPath(configTextDirectory ?? Directory.GetCurrentDirectory()));
        Discover = discover && _explicit is null;
        if (_explicit is not null) Validate(Expand(_explicit, new HashSet<string>()));
    }

    /// <summary>True when configuration files are searched for upward from each file.</summary>
    public bool Discover { get; }

    /// <summary>Severities by rule ID that win over every configuration file (command-line switches such as --check-external).</summary>
    public IReadOnlyDictionary<string, Severity> SeverityOverrides { get; set; } = new Dictionary<string, Severity>();

    /// <summary>The command line's rule selection (--select, --ignore, --extend-select, --severity), applied last.</summary>
    internal Engine.RuleSelection? Selection { get; set; }

    /// <summary>Every rule known, once each.</summary>
    internal IReadOnlyCollection<RuleDescriptor> KnownRules => _rulesByKey.Values.Distinct().ToArray();

    /// <summary>Finds a rule by ID or name.</summary>
    public RuleDescriptor? FindRule(string key) => _rulesByKey.TryGetValue(key, out var r) ? r : null;

    /// <summary>The plugin assemblies named by the configuration that applies to <paramref name="directory"/>.</summary>
    public IReadOnlyList<string> GetPlugins(string directory) =>
        GetChain(directory).SelectMany(c => c.Plugins).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Globs added to the default include for this run (<c>**/*.mdx</c> on a Docusaurus site).</summary>
    internal IReadOnlyList<string> ExtraDefaultInclude { get; set; } = [];

    /// <summary>Include and exclude globs for files under <paramref name="directory"/>, and the folder they are relative to.</summary>
    public (IReadOnlyList<string> Include, IReadOnlyList<string> Exclude, string BaseDirectory) GetFilters(string directory)
    {
        var chain = GetChain(Path.GetFullPath(directory));
        IReadOnlyList<string> include = ExtraDefaultInclude.Count == 0 ? DefaultInclude : DefaultInclude.Concat(ExtraDefaultInclude).ToArray(), exclude = DefaultExclude;
        string baseDir = Path.GetFullPath(directory);
        foreach (var c in chain)
        {
            if (c.Include is not null) { include = c.Include; baseDir = c.Directory; }
            if (c.Exclude is not null) { exclude = DefaultExclude.Concat(c.Exclude).ToArray(); baseDir = c.Directory; }
        }
        return (include, exclude, baseDir);
    }

    /// <summary>The effective configuration of the file at <paramref name="fileFullPath"/>.</summary>
    public FileConfiguration GetConfiguration(string fileFullPath)
    {
        string directory = Path.GetDirectoryName(fileFullPath) ?? ".";
        var chain = GetChain(directory);
        // Files of one folder share their configuration unless overrides pick some of them: the cache key is the folder
        // plus which overrides matched (in the order Build applies them), which is all Build depends on.
        var key = new System.Text.StringBuilder(directory).Append('|');
        foreach (var c in chain) AppendOverrideMatches(c, fileFullPath, 0, key);
        return _configurations.GetOrAdd(key.ToString(), _ => Build(chain, fileFullPath));
    }

    /// <summary>
    /// A fingerprint of everything the effective configuration of <paramref name="fileFullPath"/> is built from: every
    /// configuration file of its chain (path and text, including what they extend and the built-in packs), which overrides
    /// match it, and the severity overrides. Equal fingerprints give equal configurations (the result cache's key).
    /// </summary>
    internal string GetFingerprint(string fileFullPath)
    {
        string directory = Path.GetDirectoryName(fileFullPath) ?? ".";
        var chain = GetChain(directory);
        var key = new System.Text.StringBuilder(directory).Append('|');
        foreach (var c in chain) AppendOverrideMatches(c, fileFullPath, 0, key);
        return _fingerprints.GetOrAdd(key.ToString(), k =>
        {
            var sb = new System.Text.StringBuilder(k).Append('\n');
            void Add(ConfigFile c, int depth)
            {
                sb.Append(c.Path).Append('\0').Append(c.Directory).Append('\0').Append(c.Text.Length).Append('\0').Append(c.Text).Append('\0');
                if (depth >= 8) return;
                foreach (var o in c.Overrides)
                    if (o.Extends.Count > 0)
                        foreach (var parent in ExpandOverrideExtends(o, c)) Add(parent, depth + 1);
            }
            foreach (var c in chain) Add(c, 0);
            foreach (var kv in SeverityOverrides.OrderBy(kv => kv.Key, StringComparer.Ordinal)) sb.Append(kv.Key).Append('=').Append(kv.Value).Append(';');
            return Engine.ResultCache.Hash(sb.ToString());
        });
    }

    private void AppendOverrideMatches(ConfigFile c, string fileFullPath, int depth, System.Text.StringBuilder key)
    {
        foreach (var o in c.Overrides)
        {
            bool match = Matches(o, c.Directory, fileFullPath);
            key.Append(match ? '1' : '0');
            if (match && depth < 8)
                foreach (var parent in ExpandOverrideExtends(o, c))
                    AppendOverrideMatches(parent, fileFullPath, depth + 1, key);
        }
    }

    private FileConfiguration Build(ImmutableArray<ConfigFile> chain, string fileFullPath)
    {
        var severities = new Dictionary<string, Severity>(StringComparer.Ordinal);
        var options = new Dictionary<string, RuleOptions>(StringComparer.Ordinal);
        var settings = new Dictionary<string, (YamlNode, string, string)>(StringComparer.Ordinal);
        bool requireJustification = false;
        long maxFileSize = FileConfiguration.DefaultMaxFileSize;
        void ApplyConfig(ConfigFile c, int depth)
        {
            Apply(c.Rules, severities, options);
            foreach (var s in c.Settings) settings[s.Key] = (s.Value, c.Path, c.Directory);
            if (c.RequireJustification is { } rj) requireJustification = rj;
            if (c.MaxFileSize is { } mfs) maxFileSize = mfs;
            foreach (var o in c.Overrides)
            {
                if (!Matches(o, c.Directory, fileFullPath)) continue;
                if (depth < 8)
                    foreach (var parent in ExpandOverrideExtends(o, c))
                        ApplyConfig(parent, depth + 1);
                Apply(o.Rules, severities, options);
                foreach (var s in o.Settings) settings[s.Key] = (s.Value, c.Path, c.Directory);
            }
        }
        foreach (var c in chain) ApplyConfig(c, 0);
        foreach (var kv in SeverityOverrides) severities[kv.Key] = kv.Value;
        HashSet<string>? deselected = null;
        if (Selection is { IsEmpty: false } selection)
            foreach (var rule in _rulesByKey.Values.Distinct())
            {
                var configured = severities.TryGetValue(rule.Id, out var s) ? s : rule.IsEnabledByDefault ? rule.DefaultSeverity : Severity.None;
                if (selection.Apply(rule, configured) is not { } applied) continue;
                severities[rule.Id] = applied;
                if (applied == Severity.None) (deselected ??= new HashSet<string>(StringComparer.Ordinal)).Add(rule.Id);
            }
        return new FileConfiguration(severities, options, settings, requireJustification, maxFileSize,
            chain.Select(c => c.Path).ToImmutableArray()) { DeselectedRules = deselected };
    }

    private void Apply(List<RuleSetting> rules, Dictionary<string, Severity> severities, Dictionary<string, RuleOptions> options)
    {
        foreach (var r in rules)
        {
            var rule = FindRule(r.Key)!; // validated when the chain was built
            if (r.Severity is { } sev) severities[rule.Id] = sev;
            if (r.Options is not null)
                options[rule.Id] = YamlConfigReader.MergeOptions(options.TryGetValue(rule.Id, out var existing) ? existing : RuleOptions.Empty, r.OptionValues);
        }
    }

    private ImmutableArray<ConfigFile> ExpandOverrideExtends(OverrideSection o, ConfigFile owner)
    {
        if (o.Extends.Count == 0) return ImmutableArray<ConfigFile>.Empty;
        return _overrideExtends.GetOrAdd(o, _ =>
        {
            var holder = new ConfigFile(owner.Path + "#override", owner.Directory);
            holder.Extends.AddRange(o.Extends);
            var expanded = Expand(holder, new HashSet<string>());
            var parents = expanded.RemoveAt(expanded.Length - 1);
            Validate(parents);
            return parents;
        });
    }

    private bool Matches(OverrideSection o, string baseDir, string fileFullPath)
    {
        var (inc, exc) = _matchers.GetOrAdd(o, s =>
        {
            var m = new Matcher(StringComparison.OrdinalIgnoreCase);
            m.AddIncludePatterns(s.Files);
            Matcher? x = null;
            if (s.ExcludeFiles.Count > 0) { x = new Matcher(StringComparison.OrdinalIgnoreCase); x.AddIncludePatterns(s.ExcludeFiles); }
            return (m, x);
        });
        string rel = GetRelativePath(baseDir, fileFullPath);
        if (rel.StartsWith("..", StringComparison.Ordinal)) return false;
        return inc.Match(rel).HasMatches && (exc is null || !exc.Match(rel).HasMatches);
    }

    internal static string GetRelativePath(string baseDir, string fullPath) => Text.PathText.GetRelativePath(baseDir, fullPath);

    private ImmutableArray<ConfigFile> GetChain(string directory)
    {
        if (_explicit is not null) return _chains.GetOrAdd("", _ => Expand(_explicit, new HashSet<string>()));
        if (!Discover) return ImmutableArray<ConfigFile>.Empty;
        if (_chains.TryGetValue(directory, out var known)) return known;
        // A folder without a configuration file has its parent's chain: go up to the nearest folder whose chain is known or
        // that has a configuration, and give every folder on the way that chain (a walk asks for every folder of a tree).
        var pending = new List<string>();
        ImmutableArray<ConfigFile>? found = null;
        for (string? d = directory; d is not null; d = Path.GetDirectoryName(d))
        {
            if (_chains.TryGetValue(d, out var k)) { found = k; break; }
            if (FindIn(d) is not null) { found = BuildChain(d); break; }
            pending.Add(d);
        }
        var chain = found ?? BuildChain(directory);
        foreach (var p in pending) _chains.TryAdd(p, chain);
        return _chains.TryGetValue(directory, out var result) ? result : chain;
    }

    private ImmutableArray<ConfigFile> BuildChain(string directory)
    {
        return _chains.GetOrAdd(directory, d =>
        {
            var found = new List<ConfigFile>();
            for (var dir = new DirectoryInfo(d); dir is not null; dir = dir.Parent)
            {
                var cfg = FindIn(dir.FullName);
                if (cfg is null) continue;
                found.Add(cfg);
                if (cfg.Root) break;
            }
            found.Reverse();
            var chain = found.SelectMany(c => Expand(c, new HashSet<string>())).ToImmutableArray();
            Validate(chain);
            return chain;
        });
    }

    /// <summary>
    /// Tells discovery's answer for a folder whose file names were just listed: when none of them is a configuration file name,
    /// the folder has no configuration (no look-up per name); otherwise the names are looked up as usual.
    /// </summary>
    internal void KnowFolderFileNames(string directory, IEnumerable<string> fileNames)
    {
        if (_explicit is not null || !Discover) return;
        foreach (var name in fileNames)
            foreach (var c in ConfigFile.FileNames)
                if (string.Equals(name, c, StringComparison.OrdinalIgnoreCase)) return; // (a case-insensitive file system finds it too)
        _configIn.TryAdd(directory, null);
    }

    private ConfigFile? FindIn(string dir) => _configIn.GetOrAdd(dir, d =>
    {
        foreach (var name in ConfigFile.FileNames)
        {
            string p = Path.Combine(d, name);
            if (InputLog.FileExists(p)) return _loaded.GetOrAdd(p, ConfigFile.Load);
        }
        return null;
    });

    /// <summary>A config preceded by everything it extends (depth first), cycles refused.</summary>
    private ImmutableArray<ConfigFile> Expand(ConfigFile config, HashSet<string> visiting)
    {
        if (!visiting.Add(config.Path)) throw new ConfigurationException($"'extends' forms a cycle through '{config.Path}'", config.Path);
        var result = ImmutableArray.CreateBuilder<ConfigFile>();
        foreach (var e in config.Extends)
        {
            ConfigFile parent;
            if (e.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || e.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || e.Contains("/"))
            {
                string p = Path.GetFullPath(Path.Combine(config.Directory, e));
                // Only inside the git work tree of the extending file (or its own folder outside git), links resolved.
                string root = PolicyLint.IO.RootPolicy.GitRootOf(config.Directory);
                if (!PolicyLint.IO.RootPolicy.IsInside(root, p))
                    throw new ConfigurationException($"'extends' names '{e}', which is outside the root ({root}); configuration is read only inside it", config.Path);
                if (!InputLog.FileExists(p)) throw new ConfigurationException($"'extends' names '{e}', which does not exist", config.Path);
                parent = _loaded.GetOrAdd(p, ConfigFile.Load);
            }
            else
            {
                var text = Packs.GetText(e) ?? throw new ConfigurationException(
                    $"'extends' names unknown pack '{e}'; built-in packs are {string.Join(", ", Packs.Names)}", config.Path);
                parent = _loaded.GetOrAdd("pack:" + e + "@" + config.Directory, _ => ConfigFile.Parse(text, "pack:" + e, config.Directory));
            }
            result.AddRange(Expand(parent, visiting));
        }
        visiting.Remove(config.Path);
        result.Add(config);
        return result.ToImmutable();
    }

    private void Validate(IEnumerable<ConfigFile> chain)
    {
        if (!_validate) return;
        foreach (var c in chain)
        {
            // Marked valid only once it is: a second look-up (another thread's, or a caller's after the error) meets the same error.
            string chainKey = c.Path + "|" + c.Directory;
            if (_validated.ContainsKey(chainKey)) continue;
            foreach (var r in c.Rules.Concat(c.Overrides.SelectMany(o => o.Rules)))
            {
                var rule = FindRule(r.Key) ?? throw new ConfigurationException(
                    $"Unknown rule '{r.Key}'" + Suggest(r.Key), r.Source, r.Line, r.Column);
                if (r.Options is null) continue;
                foreach (var kv in r.Options.Children)
                {
                    string key = (kv.Key as YamlScalarNode)?.Value ?? "";
                    if (!rule.OptionNames.Contains(key))
                        throw new ConfigurationException(rule.OptionNames.IsEmpty
                                ? $"Rule {rule.Id} ({rule.Name}) takes no options, but '{key}' is given"
                                : $"Rule {rule.Id} ({rule.Name}) has no option '{key}'; its options are {string.Join(", ", rule.OptionNames)}",
                            r.Source, (int)kv.Key.Start.Line, (int)kv.Key.Start.Column);
                }
            }
            _validated.TryAdd(chainKey, true);
        }
    }

    private string Suggest(string key)
    {
        string? best = null; int bestDistance = int.MaxValue;
        foreach (var k in _rulesByKey.Keys)
        {
            int d = Text.EditDistance.Compute(key.ToLowerInvariant(), k.ToLowerInvariant());
            if (d < bestDistance) { bestDistance = d; best = k; }
        }
        return best is not null && bestDistance <= Math.Max(2, key.Length / 4) ? $"; did you mean '{best}'?" : "; run 'dotnet policylint rules' for the list";
    }
}
