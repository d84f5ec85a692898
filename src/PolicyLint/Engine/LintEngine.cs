using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using PolicyLint.IO;
using PolicyLint.Analysis;
using PolicyLint.Configuration;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;
using PolicyLint.Rules;
using PolicyLint.Rules.Core;

namespace PolicyLint.Engine;

/// <summary>
/// Runs analyzers over documents: each file is read and parsed once, files are analysed in parallel, cross-file rules
/// resolve at workspace end, then configuration severities and suppressions apply. The output does not depend on thread timing.
/// </summary>
public sealed class LintEngine
{
    private const int MaxBlockNesting = MarkdownFile.MaxBlockNesting;
    private const int MaxInlineNesting = MarkdownFile.MaxInlineNesting;
    private const int BigStackSize = 256 * 1024 * 1024;

    private readonly ImmutableArray<MarkdownAnalyzer> _analyzers;

    /// <summary>Creates an engine with the built-in analyzers plus <paramref name="additionalAnalyzers"/>.</summary>
    public LintEngine(IEnumerable<MarkdownAnalyzer>? additionalAnalyzers = null, bool includeBuiltIns = true)
    {
        var list = new List<MarkdownAnalyzer>();
        if (includeBuiltIns) list.AddRange(BuiltInCatalog.CreateAnalyzers());
        if (additionalAnalyzers is not null) list.AddRange(additionalAnalyzers);
        _analyzers = list.ToImmutableArray();
        Rules = BuiltInCatalog.EngineRules.Concat(_analyzers.SelectMany(a => a.SupportedRules.IsDefault ? [] : a.SupportedRules))
            .Distinct().OrderBy(r => r.Id, StringComparer.Ordinal).ToImmutableArray();
        var dup = Rules.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ArgumentException($"Two rules share the name '{dup.Key}': {string.Join(", ", dup.Select(r => r.Id))}");
    }

    /// <summary>The analyzers this engine runs (plugins from configuration come on top, per run).</summary>
    public ImmutableArray<MarkdownAnalyzer> Analyzers => _analyzers;

    /// <summary>Every rule known: engine rules and those of the analyzers.</summary>
    public ImmutableArray<RuleDescriptor> Rules { get; }

    /// <summary>Lints one Markdown string (configuration from <paramref name="configText"/>, no discovery).</summary>
    public LintResult LintText(string markdown, string path = "document.md", string? configText = null, string? baseDirectory = null,
        Func<DateTimeOffset>? clock = null)
    {
        var request = new LintRequest
        {
            Paths = Array.Empty<string>(),
            Documents = [new InMemoryDocument(path, markdown)],
            ConfigText = configText ?? string.Empty,
            DiscoverConfiguration = false,
            BaseDirectory = baseDirectory,
            LoadPlugins = false,
            Clock = clock,
        };
        return LintAsync(request).GetAwaiter().GetResult();
    }

    /// <summary>Lints the files, directories and globs of <paramref name="request"/>.</summary>
    /// <exception cref="ConfigurationException">A configuration file is invalid.</exception>
    /// <exception cref="LintInputException">A path or glob matched nothing.</exception>
    public Task<LintResult> LintAsync(LintRequest request, IProgress<LintProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Run(request, progress, cancellationToken), cancellationToken);

    /// <summary>
    /// Lints like <see cref="LintAsync"/>, but starts on the calling thread (files are still analysed in parallel). For
    /// a command line that has nothing else to do, this spares a thread hop, which shows on one-file runs.
    /// </summary>
    /// <exception cref="ConfigurationException">A configuration file is invalid.</exception>
    /// <exception cref="LintInputException">A path or glob matched nothing.</exception>
    public LintResult Lint(LintRequest request, IProgress<LintProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Run(request, progress, cancellationToken);
    }

    /// <summary>
    /// Every rule a run of <paramref name="request"/> knows: the engine's, its analyzers', and those of the plugins named by the
    /// configuration that applies to the request's base directory (what <c>dotnet policylint rules</c> lists). Rule keys in the
    /// configuration are not validated here.
    /// </summary>
    /// <exception cref="ConfigurationException">A configuration file is invalid, or a plugin cannot be loaded.</exception>
    public ImmutableArray<RuleDescriptor> GetRules(LintRequest request)
    {
        string baseDir = Path.GetFullPath(request.BaseDirectory ?? Directory.GetCurrentDirectory());
        var configPath = request.ConfigPath is null ? null : Path.GetFullPath(Path.Combine(baseDir, request.ConfigPath));
        return WithPlugins(request, baseDir, configPath).Rules;
    }

    private (ImmutableArray<MarkdownAnalyzer> Analyzers, ImmutableArray<RuleDescriptor> Rules, IReadOnlyList<string> Plugins) WithPlugins(LintRequest request, string baseDir, string? configPath)
    {
        var analyzers = _analyzers;
        var rules = Rules;
        IReadOnlyList<string> plugins = Array.Empty<string>();
        if (request.LoadPlugins)
        {
            // Plugins are read before their rules are known, so this first pass does not validate rule keys.
            plugins = new ConfigurationResolver(rules, configPath, request.ConfigText, baseDir, request.DiscoverConfiguration, validate: false)
                .GetPlugins(baseDir);
            if (plugins.Count > 0)
            {
                analyzers = analyzers.AddRange(PluginLoader.Load(plugins));
                rules = rules.Concat(analyzers.SelectMany(a => a.SupportedRules)).Distinct().OrderBy(r => r.Id, StringComparer.Ordinal).ToImmutableArray();
            }
        }
        return (analyzers, rules, plugins);
    }

    private LintResult Run(LintRequest request, IProgress<LintProgress>? progress, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        string baseDir = Path.GetFullPath(request.BaseDirectory ?? Directory.GetCurrentDirectory());
        string rootDir = request.RootDirectory is not null ? Path.GetFullPath(Path.Combine(baseDir, request.RootDirectory))
            : PathUtil.FindGitRoot(baseDir) ?? baseDir;

        // The folders' listings of the last walk, reused while each folder is unchanged (the same run's cache folder): read
        // on another thread while the configuration is set up.
        var listingCacheOpening = request.UseCache && request.Documents.Count == 0 && request.State is null
            ? System.Threading.Tasks.Task.Run(() => ListingCache.Open(CacheDirectoryOf(request, rootDir, baseDir), rootDir))
            : null;
        var configPath = request.ConfigPath is null ? null : Path.GetFullPath(Path.Combine(baseDir, request.ConfigPath));
        var (analyzers, rules, plugins) = WithPlugins(request, baseDir, configPath);
        var resolver = new ConfigurationResolver(rules, configPath, request.ConfigText, baseDir, request.DiscoverConfiguration);
        if (request.RuleSeverityOverrides is { Count: > 0 } overrides)
        {
            var resolved = new Dictionary<string, Severity>(StringComparer.Ordinal);
            foreach (var kv in overrides)
                resolved[(resolver.FindRule(kv.Key) ?? throw new ConfigurationException($"Unknown rule '{kv.Key}'")).Id] = kv.Value;
            resolver.SeverityOverrides = resolved;
        }
        if (request.Selection is { IsEmpty: false } selection)
        {
            selection.Validate(rules);
            resolver.Selection = selection;
        }

        // Inputs: in-memory documents win over files at the same path.
        var memory = new Dictionary<string, InMemoryDocument>(StringComparer.Ordinal);
        foreach (var d in request.Documents) memory[Path.GetFullPath(Path.Combine(baseDir, d.Path))] = d;
        // Docusaurus renders .mdx pages: on such a site they are linted too (unless include says otherwise).
        var shallowRoot = new Lazy<Sites.SiteFiles>(() => Sites.SiteFiles.Shallow(rootDir));
        if (request.Paths.Count > 0 && Sites.SiteDetector.HasDocusaurusConfig(rootDir, shallowRoot.Value)) resolver.ExtraDefaultInclude = ["**/*.mdx"];
        // The cache file is read and parsed on another thread while the files are found (its key does not depend on them).
        var opening = request.UseCache && request.Documents.Count == 0
            ? System.Threading.Tasks.Task.Run(() => OpenCache(request, rootDir, baseDir, configPath, plugins, analyzers))
            : null;
        var unreadableFolders = new Dictionary<string, string>(StringComparer.Ordinal);
        // The walk's folder listings are the workspace's too (the language server's kept listings when it has them).
        var listings = request.State?.Listings ?? new System.Collections.Concurrent.ConcurrentDictionary<string, FolderListing?>(StringComparer.Ordinal);
        // A folder link out of the root would read (and print in excerpts) files the run was not given, as a file link would.
        var outOfRoot = request.FollowLinksOutsideRoot ? null : new IO.FoldersOutOfRoot(rootDir);
        var listingCache = listingCacheOpening?.GetAwaiter().GetResult();
        var files = FileDiscovery.Expand(request.Paths, baseDir, resolver, request.IsIgnored, unreadableFolders, request.OnUnmatchedPattern, listings,
            dir => outOfRoot is not null && outOfRoot.LeadsOut(dir) ? FolderOutOfRoot : null, listingCache);
        foreach (var dir in unreadableFolders.Keys) files.Add(dir);
        foreach (var m in memory.Keys) if (!files.Contains(m)) files.Add(m);
        var ordered = files.OrderBy(f => f, StringComparer.Ordinal).ToArray();
        var workspace = new Workspace(rootDir, baseDir, ordered, request.Clock, resolver.GetConfiguration, request.State, shallowRoot, listings);

        // Initialize analyzers for this run, then run workspace-start actions.
        var actions = new List<AnalyzerActions>();
        foreach (var a in analyzers)
        {
            var acts = new AnalyzerActions(a);
            a.Initialize(new Registrar(acts, false, workspace, ct));
            foreach (var start in acts.WorkspaceStart.ToArray())
                start(new Registrar(acts, true, workspace, ct));
            actions.Add(acts);
        }
        var dispatch = new NodeDispatch(actions);
        var findRule = new Func<string, RuleDescriptor?>(resolver.FindRule);
        var cache = opening?.GetAwaiter().GetResult();
        // A plugin or additional analyzer with a workspace-end action may report anything about any document: such a run is never cached.
        var own = typeof(LintEngine).Assembly;
        if (actions.Any(a => a.Analyzer.GetType().Assembly != own && a.WorkspaceEnd.Count > 0)) cache = null;

        var states = new FileState[ordered.Length];
        int done = 0;
        var options = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Math.Max(1, request.MaxDegreeOfParallelism) };
        void Analyze(int i)
        {
            string full = ordered[i];
            memory.TryGetValue(full, out var mem);
            if (unreadableFolders.TryGetValue(full, out var why))
            {
                var folder = new FileState(workspace.GetDisplayPath(full), full, resolver.GetConfiguration(full));
                folder.Raw.Add(Diagnostic.Create(EngineRules.FileUnreadable, Location.ForFile(folder.DisplayPath), why));
                states[i] = folder;
            }
            else if (mem is null && outOfRoot is not null && outOfRoot.FileLeadsOut(full))
            {
                var refused = new FileState(workspace.GetDisplayPath(full), full, resolver.GetConfiguration(full));
                refused.Raw.Add(Diagnostic.Create(EngineRules.FileUnreadable, Location.ForFile(refused.DisplayPath), FileInFolderOutOfRoot));
                states[i] = refused;
            }
            else states[i] = cache is not null && mem is null
                ? AnalyzeCached(full, workspace, resolver, actions, dispatch, findRule, cache, request.FollowLinksOutsideRoot, ct)
                : AnalyzeFile(full, workspace, resolver, actions, dispatch, findRule, mem, null, null, request.FollowLinksOutsideRoot, ct);
            int n = Interlocked.Increment(ref done);
            progress?.Report(new LintProgress(n, ordered.Length, states[i].DisplayPath));
        }
        if (ordered.Length <= 1 || options.MaxDegreeOfParallelism == 1)
        {
            // One file (the pre-commit case) or no parallelism: no worker threads to start.
            for (int i = 0; i < ordered.Length; i++) { ct.ThrowIfCancellationRequested(); Analyze(i); }
        }
        else
        {
            // Same exceptions as the sequential path (a configuration error, not an AggregateException around it).
            try { Parallel.For(0, ordered.Length, options, Analyze); }
            catch (AggregateException ex)
            {
                // Several workers may hit the same configuration error: rethrow it as itself, configuration errors first.
                var first = ex.Flatten().InnerExceptions.OrderBy(x => x is ConfigurationException ? 0 : 1).First();
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
                throw;
            }
        }

        // Cross-file rules.
        bool endFailed = false;
        var byDisplay = states.ToDictionary(s => s.DisplayPath, StringComparer.Ordinal);
        foreach (var acts in actions)
        {
            foreach (var end in acts.WorkspaceEnd)
            {
                var endCtx = new WorkspaceEndAnalysisContext(workspace, d =>
                {
                    if (!acts.RuleIds.Contains(d.Id))
                        throw new InvalidOperationException($"Analyzer '{acts.Analyzer.Name}' reported {d.Id}, which is not in its SupportedRules");
                    if (byDisplay.TryGetValue(d.Location.Path, out var st)) lock (st) st.Raw.Add(d);
                }, (rule, full) => resolver.GetConfiguration(full).GetOptions(rule), ct);
                try { end(endCtx); }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // An options error stops the run as one located configuration error, as in a document action.
                    if (AsConfigurationError(ex, acts, null) is { } configError) throw configError;
                    endFailed = true;
                    var first = states.FirstOrDefault();
                    if (first is not null)
                        first.Raw.Add(Diagnostic.Create(EngineRules.AnalyzerException, Location.ForFile(first.DisplayPath),
                            acts.Analyzer.Name, ex.GetType().Name, ex.Message + " (in its workspace-end action)"));
                }
            }
        }

        var results = states.Select(s => s.Finish(findRule)).ToImmutableArray();
        if (cache is not null && !endFailed)
        {
            for (int i = 0; i < states.Length; i++)
            {
                if (states[i].CacheKey is not { } key) continue;
                // Findings that come from the machine rather than the inputs (an unreadable file, a crashed analyzer) are not kept.
                if (results[i].Diagnostics.Any(d => d.Id == EngineRules.FileUnreadable.Id || d.Id == EngineRules.AnalyzerException.Id)) continue;
                cache.Put(ordered[i], key.ContentHash, key.ConfigFingerprint, key.Recorder, results[i], workspace, resolver);
            }
            cache.Save();
        }
        listingCache?.Save();
        var sites = workspace.SiteModels.Values.Where(l => l.IsValueCreated && l.Value is not null).Select(l => l.Value!.Describe())
            .Distinct().OrderBy(d => d, StringComparer.Ordinal).ToList();
        return new LintResult(results, rules, stopwatch.Elapsed, sites, workspace.UncheckedLinks.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal))
            { CachedFiles = states.Count(s => s.Cached is not null), FilesReadThroughCache = cache?.FilesRead ?? 0, FoldersListedFromCache = listingCache?.Reused ?? 0 };
    }

    /// <summary>
    /// The result cache folder a run of <paramref name="request"/> uses: its <see cref="LintRequest.CacheDirectory"/>, else
    /// <c>.policylint-cache</c> in the root directory (the git root above the base directory, else the base directory).
    /// </summary>
    public static string GetCacheDirectory(LintRequest request)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        string baseDir = Path.GetFullPath(request.BaseDirectory ?? Directory.GetCurrentDirectory());
        if (request.CacheDirectory is not null) return Path.GetFullPath(Path.Combine(baseDir, request.CacheDirectory));
        string rootDir = request.RootDirectory is not null ? Path.GetFullPath(Path.Combine(baseDir, request.RootDirectory))
            : PathUtil.FindGitRoot(baseDir) ?? baseDir;
        return Path.Combine(rootDir, ResultCache.DefaultFolderName);
    }

    private static string CacheDirectoryOf(LintRequest request, string rootDir, string baseDir) =>
        request.CacheDirectory is not null ? Path.GetFullPath(Path.Combine(baseDir, request.CacheDirectory)) : Path.Combine(rootDir, ResultCache.DefaultFolderName);

    /// <summary>Deletes the result cache in <paramref name="directory"/> (only the files PolicyLint wrote); false when there is none.</summary>
    public static bool CleanCache(string directory) => ResultCache.Clean(directory);

    /// <summary>
    /// The run's result cache, or null when caching is off or cannot be exact: a plugin or additional analyzer with a
    /// workspace-end action may report anything about any document, so such a run is never cached.
    /// </summary>
#if NET
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "An empty Location falls back to the process path.")]
#endif
    private static ResultCache? OpenCache(LintRequest request, string rootDir, string baseDir, string? configPath, IReadOnlyList<string> plugins,
        ImmutableArray<MarkdownAnalyzer> analyzers)
    {
        // Documents given in memory stand in for files that other documents' cached findings were checked against: no cache.
        if (!request.UseCache || request.Documents.Count > 0) return null;
        var own = typeof(LintEngine).Assembly;

        static string Stamp(string? path)
        {
            if (string.IsNullOrEmpty(path)) return "";
            try
            {
                var info = InputLog.Info(path!);
                return info.Exists ? path + ":" + info.Length + ":" + info.LastWriteTimeUtc.Ticks : path!;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException) { return path!; }
        }
        var key = new System.Text.StringBuilder("policylint-cache\n");
        string? version = own.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion;
        key.Append(version).Append('\n');
        // The build itself: a rebuilt tool (same version, new code) starts a new cache.
        string ownPath = own.Location;
#if NET
        if (string.IsNullOrEmpty(ownPath)) ownPath = Environment.ProcessPath ?? "";
#endif
        key.Append(Stamp(ownPath)).Append('\n');
        foreach (var a in analyzers)
        {
            var asm = a.GetType().Assembly;
            key.Append(a.GetType().FullName).Append('|').Append(a.Name);
            if (asm != own) key.Append('|').Append(asm.FullName).Append('|').Append(Stamp(asm.Location));
            key.Append('\n');
        }
        foreach (var p in plugins)
        {
            string hash;
            try { hash = ResultCache.Hash(File.ReadAllBytes(p)); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException) { hash = "-"; }
            key.Append("plugin ").Append(p).Append(':').Append(hash).Append('\n');
        }
        key.Append(rootDir).Append('\n').Append(baseDir).Append('\n').Append(configPath).Append('\n').Append(request.ConfigText).Append('\n')
            .Append(request.DiscoverConfiguration).Append(request.LoadPlugins).Append('\n');
        if (request.RuleSeverityOverrides is { } o)
            foreach (var kv in o.OrderBy(kv => kv.Key, StringComparer.Ordinal)) key.Append(kv.Key).Append('=').Append(kv.Value).Append(';');
        string dir = CacheDirectoryOf(request, rootDir, baseDir);
        return ResultCache.Open(dir, ResultCache.Hash(key.ToString()));
    }

    /// <summary>A file through the cache: its stored findings when every input is unchanged, else analysed while its dependencies are recorded.</summary>
    private static FileState AnalyzeCached(string full, Workspace workspace, ConfigurationResolver resolver, List<AnalyzerActions> actions,
        NodeDispatch dispatch, Func<string, RuleDescriptor?> findRule, ResultCache cache, bool followLinksOutsideRoot, CancellationToken ct)
    {
        var config = resolver.GetConfiguration(full);
        // External links are checked over the network: never cached.
        if (config.GetSeverity(PolicyLint.Rules.Links.PL3009DeadExternalLink.Rule) != Severity.None)
            return AnalyzeFile(full, workspace, resolver, actions, dispatch, findRule, null, null, null, followLinksOutsideRoot, ct);
        byte[]? bytes = null;
        string hash;
        long length;
        DateTime writeTimeUtc;
        try
        {
            FileStamp? stamp;
            if (FileStamp.TryOfEntry(full, out var entryStamp, out bool regular))
            {
                // One statx call where the platform has it (no link followed): the same checks as below, on its answer.
                if (!regular || entryStamp.Length > config.MaxFileSize || entryStamp.Length > int.MaxValue)
                    return AnalyzeFile(full, workspace, resolver, actions, dispatch, findRule, null, null, null, followLinksOutsideRoot, ct);
                stamp = entryStamp;
                length = entryStamp.Length;
                writeTimeUtc = new DateTime(entryStamp.WriteTicks, DateTimeKind.Utc);
            }
            else
            {
                var info = InputLog.Info(full);
                // Links and anything but a plain file take the guarded path (root check, regular files only), uncached.
                if (!info.Exists || (info.Attributes & FileAttributes.ReparsePoint) != 0 || info.Length > config.MaxFileSize || info.Length > int.MaxValue)
                    return AnalyzeFile(full, workspace, resolver, actions, dispatch, findRule, null, null, null, followLinksOutsideRoot, ct);
                stamp = FileStamp.Of(full, info);
                length = info.Length;
                writeTimeUtc = info.LastWriteTimeUtc;
            }
            // An unchanged stamp (taken before any read) stands for the bytes it was stored with: the file is not read.
            if (stamp is { } s && cache.KnownHash(full, s) is { } known) hash = known;
            else
            {
                bytes = cache.ReadCounted(full, config.MaxFileSize);
                hash = ResultCache.Hash(bytes);
                if (stamp is { } taken) cache.RecordHash(full, taken, hash);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            return AnalyzeFile(full, workspace, resolver, actions, dispatch, findRule, null, null, null, followLinksOutsideRoot, ct);
        }
        cache.KnowHash(full, hash);
        string configFingerprint = resolver.GetFingerprint(full);
        if (cache.TryGet(full, hash, configFingerprint, workspace, resolver) is { } entry)
        {
            var diagnostics = new List<Diagnostic>(entry.Diagnostics.Count);
            foreach (var stored in entry.Diagnostics)
                if (stored.ToDiagnostic(findRule) is { } d) diagnostics.Add(d);
            if (diagnostics.Count == entry.Diagnostics.Count)
            {
                foreach (var (reason, count) in entry.UncheckedLinks) workspace.AddUnchecked(reason, count);
                string display = workspace.GetDisplayPath(full);
                return new FileState(display, full, config)
                {
                    Cached = new FileResult(display, full, diagnostics.ToImmutableArray(), entry.Linted, writeTimeUtc, length),
                };
            }
        }
        if (bytes is null)
        {
            // Known by its stamp, but some other input changed: analysed from its bytes (stored under their own hash).
            try { bytes = cache.ReadCounted(full, config.MaxFileSize); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
            {
                return AnalyzeFile(full, workspace, resolver, actions, dispatch, findRule, null, null, null, followLinksOutsideRoot, ct);
            }
            hash = ResultCache.Hash(bytes);
        }
        var recorder = new DependencyRecorder();
        var state = AnalyzeFile(full, workspace, resolver, actions, dispatch, findRule, null, (bytes, writeTimeUtc, length), recorder, followLinksOutsideRoot, ct);
        state.CacheKey = (hash, configFingerprint, recorder);
        return state;
    }

    private const string FolderOutOfRoot =
        "the folder is reached through a symbolic link to a place outside the root; its files were not read (--follow-links-outside-root allows it)";
    private const string FileInFolderOutOfRoot =
        "it is in a folder reached through a symbolic link to a place outside the root; it was not read (--follow-links-outside-root allows it)";

    private static FileState AnalyzeFile(string full, Workspace workspace, ConfigurationResolver resolver, List<AnalyzerActions> actions,
        NodeDispatch dispatch, Func<string, RuleDescriptor?> findRule, InMemoryDocument? memory, (byte[] Bytes, DateTime WriteTimeUtc, long Length)? read,
        DependencyRecorder? recorder, bool followLinksOutsideRoot, CancellationToken ct)
    {
        string display = workspace.GetDisplayPath(full);
        var config = resolver.GetConfiguration(full);
        var state = new FileState(display, full, config);
        byte[] bytes;
        if (memory is not null) bytes = memory.Bytes;
        else if (read is { } r)
        {
            bytes = r.Bytes;
            state.LastWriteUtc = r.WriteTimeUtc;
            state.Length = r.Length;
        }
        else
        {
            try
            {
                var info = InputLog.Info(full);
#if NET
                if (info.LinkTarget is not null)
                {
                    var target = File.ResolveLinkTarget(full, returnFinalTarget: true);
                    if (!followLinksOutsideRoot && target is not null && !IO.RootPolicy.IsInside(workspace.RootDirectory, Path.GetFullPath(target.FullName)))
                    {
                        // A link out of the repository would read (and print in excerpts) a file the run was not given.
                        state.Raw.Add(Diagnostic.Create(EngineRules.FileUnreadable, Location.ForFile(display),
                            "it is a symbolic link to a file outside the root; it was not read (--follow-links-outside-root allows it)"));
                        return state;
                    }
                    // Size and time stamp are the target's (a link's own are those of the link text).
                    if (target is not null) info = InputLog.Info(target.FullName);
                }
#endif
                state.LastWriteUtc = info.LastWriteTimeUtc;
                state.Length = info.Length;
                if (info.Length > config.MaxFileSize)
                {
                    state.Raw.Add(Diagnostic.Create(EngineRules.FileTooLarge, Location.ForFile(display), info.Length, config.MaxFileSize));
                    return state;
                }
                bytes = SafeFile.ReadAllBytes(full, config.MaxFileSize);
            }
            catch (SafeFile.TooLargeException)
            {
                // The recorded size was smaller than what the file holds (a /proc file, a file growing meanwhile).
                state.Raw.Add(Diagnostic.Create(EngineRules.FileUnreadable, Location.ForFile(display),
                    $"it holds more than the limit of {config.MaxFileSize:N0} bytes (maxFileSize) although its size is recorded as {state.Length:N0}; it was not linted"));
                return state;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
            {
                state.Raw.Add(Diagnostic.Create(EngineRules.FileUnreadable, Location.ForFile(display), ex.Message));
                return state;
            }
        }
        var verdict = DocumentReader.Check(bytes, config.MaxFileSize, out int blockDepth, out int inlineDepth, out var cost);
        if (verdict == ReadVerdict.TooLarge)
        {
            state.Raw.Add(Diagnostic.Create(EngineRules.FileTooLarge, Location.ForFile(display), (long)bytes.Length, config.MaxFileSize));
            return state;
        }
        if (verdict == ReadVerdict.Binary)
        {
            state.Raw.Add(Diagnostic.Create(EngineRules.BinaryFile, Location.ForFile(display)));
            return state;
        }

        void Work()
        {
            var previous = DependencyRecorder.Enter(recorder);
            try { WorkRecorded(); }
            finally { DependencyRecorder.Enter(previous); }
        }

        void WorkRecorded()
        {
            MarkdownFile file;
            try { file = MarkdownFile.FromBytes(display, bytes); }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
            {
                // Markdig refuses pathological input (e.g. thousands of nested block quotes) with an exception; past its
                // limit of open delimiters in one paragraph, the paragraph is named.
                string reason = cost.MostDelimiters > ParseCost.MarkdigDelimiterLimit && ex.Message.Contains("depth limit", StringComparison.Ordinal)
                    ? $"the paragraph or table at line {cost.MostDelimitersLine} holds about {cost.MostDelimiters:N0} emphasis, link or table delimiters, and Markdown's parser (Markdig) nests at most {ParseCost.MarkdigDelimiterLimit:N0} open ones in one paragraph; split it"
                    : "the document could not be parsed as Markdown (" + ex.Message.TrimEnd('.') + ")";
                state.Raw.Add(Diagnostic.Create(EngineRules.FileUnreadable, Location.ForFile(display), reason));
                return;
            }
            foreach (var span in file.LeftOut)
            {
                // Markdig refused this paragraph or table (more open delimiters than it nests): the rest was parsed without it.
                int line = file.Lines.GetPosition(span.Start).Line;
                string count = cost.MostDelimitersLine == line ? $"about {cost.MostDelimiters:N0}" : "more than that many";
                state.Raw.Add(Diagnostic.Create(EngineRules.FileUnreadable, file.GetLocation(new TextSpan(span.Start, 0)),
                    $"the paragraph or table at line {line} holds {count} emphasis, link or table delimiters, and Markdown's parser (Markdig) nests at most {ParseCost.MarkdigDelimiterLimit:N0} open ones in one paragraph; it was not parsed (split it), the rest of the file was linted"));
            }
            state.Linted = true;
            state.FixesCannotBeWritten = file.HasInvalidUtf16Or32;
            try { RunActions(file, state, workspace, actions, dispatch, ct); }
            finally { PolicyLint.Rules.Links.ProseText.Release(file); } // no action reads it any more
            state.Suppressions = SuppressionDirectives.Parse(file, findRule);
            state.Lines = file.Lines;
        }

        if (verdict == ReadVerdict.BlocksTooDeep)
        {
            state.Raw.Add(Diagnostic.Create(EngineRules.FileUnreadable, Location.ForFile(display),
                $"block quotes or lists are too deeply nested (about {blockDepth} levels; Markdown parsers accept at most {MaxBlockNesting})"));
            return state;
        }
        if (verdict == ReadVerdict.InlinesTooDeep)
        {
            state.Raw.Add(Diagnostic.Create(EngineRules.FileUnreadable, Location.ForFile(display),
                $"a line nests brackets about {inlineDepth} levels deep, more than the {MaxInlineNesting} PolicyLint parses (parsing time grows with the square of the depth)"));
            return state;
        }
        if (verdict == ReadVerdict.TooCostly)
        {
            state.Raw.Add(Diagnostic.Create(EngineRules.FileUnreadable, Location.ForFile(display),
                $"{cost.Place} holds {cost.Pattern}, a pattern whose parsing time grows with the square of its size; the file was not parsed"));
            return state;
        }
        if (verdict == ReadVerdict.ParseOnBigStack)
        {
            // Markdig and tree walks recurse; very deep documents get a big stack instead of a crash.
            Exception? error = null;
            var thread = new Thread(() => { try { Work(); } catch (Exception ex) { error = ex; } }, BigStackSize);
            thread.Start();
            thread.Join();
            if (error is OperationCanceledException or ConfigurationException) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
            if (error is not null)
                state.Raw.Add(Diagnostic.Create(EngineRules.FileUnreadable, Location.ForFile(display), "the document could not be parsed: " + error.Message));
        }
        else
        {
            // Markdig refuses documents nested past its depth limit with an ArgumentException: a finding, not a crash.
            try { Work(); }
            catch (ArgumentException ex) when (!state.Linted)
            {
                state.Raw.Add(Diagnostic.Create(EngineRules.FileUnreadable, Location.ForFile(display), "the document could not be parsed: " + ex.Message));
            }
        }
        return state;
    }

    private static void RunActions(MarkdownFile file, FileState state, Workspace workspace, List<AnalyzerActions> actions, NodeDispatch dispatch,
        CancellationToken ct)
    {
        var config = state.Config;
        Func<RuleDescriptor, bool> isEnabled = r => config.GetSeverity(r) != Severity.None;
        var scope = new DocumentScope(file, state.FullPath, workspace, config.Settings, config.GetOptions, isEnabled,
            outline => workspace.AddOutline(state.FullPath, outline), ct);
        var active = new HashSet<AnalyzerActions>();
        foreach (var acts in actions)
            if (acts.HasDocumentWork && acts.Rules.Any(isEnabled)) active.Add(acts);
        if (active.Count == 0) return;

        Action<Diagnostic> ReporterFor(AnalyzerActions acts) => d =>
        {
            if (!acts.RuleIds.Contains(d.Id))
                throw new InvalidOperationException($"Analyzer '{acts.Analyzer.Name}' reported {d.Id}, which is not in its SupportedRules");
            state.Raw.Add(d);
        };

        void Guard(AnalyzerActions acts, Action body)
        {
            try { body(); }
            catch (OperationCanceledException) { throw; }
            catch (Exception ex) when (ex is ConfigurationException or Values.InvalidValueException)
            {
                // A wrong option or shared setting is one configuration error at its place in the configuration (exit 2), not
                // a finding on every file the rule reads it for.
                if (AsConfigurationError(ex, acts, file.Path) is { } configError) throw configError;
                // A value located in the document itself (front matter) is no configuration error: the rule stops on this file.
                state.Raw.Add(Diagnostic.Create(EngineRules.InvalidRuleOptions, Location.ForFile(file.Path),
                    string.Join(", ", acts.Rules.Select(r => $"{r.Id} ({r.Name})")), ex.Message));
                state.FailedAnalyzers.Add(acts);
            }
            catch (Exception ex)
            {
                state.Raw.Add(Diagnostic.Create(EngineRules.AnalyzerException, Location.ForFile(file.Path), acts.Analyzer.Name, ex.GetType().Name, ex.Message));
                state.FailedAnalyzers.Add(acts);
            }
        }

        foreach (var acts in actions)
        {
            if (!active.Contains(acts)) continue;
            var report = ReporterFor(acts);
            foreach (var a in acts.FrontMatter)
            {
                if (state.FailedAnalyzers.Contains(acts)) break;
                Guard(acts, () => a(new FrontMatterAnalysisContext(scope, report)));
            }
            foreach (var a in acts.Document)
            {
                if (state.FailedAnalyzers.Contains(acts)) break;
                Guard(acts, () => a(new DocumentAnalysisContext(scope, report)));
            }
        }
        ct.ThrowIfCancellationRequested();

        if (dispatch.IsEmpty) return;
        var seeds = new Dictionary<AnalyzerActions, NodeContextSeed>();
        foreach (var node in file.Index.Nodes)
        {
            if (node is YamlFrontMatterBlock) continue;
            foreach (var (owner, invoke) in dispatch.For(node.GetType()))
            {
                if (!active.Contains(owner) || state.FailedAnalyzers.Contains(owner)) continue;
                if (!seeds.TryGetValue(owner, out var seed))
                    seeds[owner] = seed = new NodeContextSeed(scope, ReporterFor(owner));
                Guard(owner, () => invoke(node, _ => seed));
            }
        }
    }

    /// <summary>
    /// The configuration error that <paramref name="ex"/> (thrown while a rule read its options or a shared setting) stands
    /// for, naming the rules; null when the value is located in the document being linted (<paramref name="documentPath"/>).
    /// </summary>
    private static ConfigurationException? AsConfigurationError(Exception ex, AnalyzerActions acts, string? documentPath)
    {
        if (ex is ConfigurationException c) return c;
        if (ex is not Values.InvalidValueException v) return null;
        if (documentPath is not null && v.FilePath is not null && string.Equals(v.FilePath, documentPath, StringComparison.Ordinal)) return null;
        string rules = string.Join(", ", acts.Rules.Select(r => $"{r.Id} ({r.Name})"));
        return new ConfigurationException($"Invalid options for {rules}: {v.Reason}", v.FilePath, v.Line, v.Column, v);
    }

    /// <summary>What the engine keeps per file between the parallel phase and the end of the run.</summary>
    private sealed class FileState
    {
        public FileState(string display, string full, FileConfiguration config) { DisplayPath = display; FullPath = full; Config = config; }
        public string DisplayPath { get; }
        public string FullPath { get; }
        public FileConfiguration Config { get; }
        public List<Diagnostic> Raw { get; } = new();
        public HashSet<AnalyzerActions> FailedAnalyzers { get; } = new();
        public SuppressionDirectives? Suppressions { get; set; }
        public LineMap? Lines { get; set; }
        public bool Linted { get; set; }
        /// <summary>A UTF-16 or UTF-32 file with sequences that do not decode: writing it back would replace them with U+FFFD,
        /// so its findings carry no fix (none would be written, and none is counted as fixable).</summary>
        public bool FixesCannotBeWritten { get; set; }
        public DateTime? LastWriteUtc { get; set; }
        public long Length { get; set; }
        /// <summary>The result served from the cache (nothing was analysed).</summary>
        public FileResult? Cached { get; set; }
        /// <summary>For a file analysed with the cache on: what to store it under, and what its findings depended on.</summary>
        public (string ContentHash, string ConfigFingerprint, DependencyRecorder Recorder)? CacheKey { get; set; }

        public FileResult Finish(Func<string, RuleDescriptor?> findRule)
        {
            if (Cached is not null) return Cached;
            var output = new List<Diagnostic>();
            foreach (var d in Raw)
            {
                var sev = Config.GetSeverity(d.Descriptor);
                if (sev == Severity.None) continue;
                // An analyzer may report a milder finding of its rule (e.g. PL2002's note on UTF-16 files); a severity the
                // configuration names explicitly still wins.
                if (d.Severity < d.Descriptor.DefaultSeverity && d.Severity != Severity.None && !Config.IsConfigured(d.Descriptor)) sev = d.Severity;
                if (d.Descriptor.Category != RuleCategory.Engine && Suppressions is not null
                    && Suppressions.IsSuppressed(d.Id, d.Location.StartLine - 1)) continue;
                output.Add(d.WithSeverity(sev));
            }
            if (Suppressions is not null && Lines is not null) AddDirectiveDiagnostics(output, findRule);
            if (FixesCannotBeWritten)
                for (int i = 0; i < output.Count; i++)
                    if (output[i].Fix is not null) output[i] = output[i].WithFix(null);
            output.Sort(DiagnosticComparer.Instance);
            CapFindings(output);
            return new FileResult(DisplayPath, FullPath, output.ToImmutableArray(), Linted, LastWriteUtc, Length);
        }

        /// <summary>Findings of one rule kept per file; the rest are counted in one PL0009 (200,000 findings took 1 GB).</summary>
        internal const int MaxFindingsPerRule = 10_000;

        private void CapFindings(List<Diagnostic> output)
        {
            Dictionary<string, int>? counts = null;
            foreach (var d in output)
            {
                counts ??= new Dictionary<string, int>(StringComparer.Ordinal);
                counts[d.Id] = counts.TryGetValue(d.Id, out int n) ? n + 1 : 1;
            }
            if (counts is null || counts.Values.All(n => n <= MaxFindingsPerRule)) return;
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var kept = new List<Diagnostic>(output.Count);
            foreach (var d in output)
            {
                int n = seen.TryGetValue(d.Id, out int k) ? k + 1 : 1;
                seen[d.Id] = n;
                if (n <= MaxFindingsPerRule || d.Descriptor.Category == RuleCategory.Engine && d.Id == EngineRules.FindingsCapped.Id) kept.Add(d);
            }
            var sev = Config.GetSeverity(EngineRules.FindingsCapped);
            if (sev != Severity.None)
                foreach (var kv in counts.Where(kv => kv.Value > MaxFindingsPerRule).OrderBy(kv => kv.Key, StringComparer.Ordinal))
                    kept.Add(Diagnostic.Create(EngineRules.FindingsCapped, Location.ForFile(DisplayPath),
                        kv.Key, kv.Value, MaxFindingsPerRule, kv.Value - MaxFindingsPerRule).WithSeverity(sev));
            kept.Sort(DiagnosticComparer.Instance);
            output.Clear();
            output.AddRange(kept);
        }

        private void AddDirectiveDiagnostics(List<Diagnostic> output, Func<string, RuleDescriptor?> findRule)
        {
            foreach (var dir in Suppressions!.Directives)
            {
                if (dir.IsMarkdownlint) continue; // markdownlint's own comments: not ours to judge
                string text = DirectiveText(dir);
                void Add(RuleDescriptor rule, TextSpan span, params object?[] args)
                {
                    var sev = Config.GetSeverity(rule);
                    if (sev == Severity.None) return;
                    var (l1, c1) = Lines!.GetPosition(span.Start);
                    var (l2, c2) = Lines.GetPosition(span.End);
                    output.Add(Diagnostic.Create(rule, new Location(DisplayPath, span, l1, c1, l2, c2), args).WithSeverity(sev));
                }
                bool anyUnknown = false;
                foreach (var (key, span) in dir.Rules)
                    if (findRule(key) is null)
                    {
                        anyUnknown = true;
                        Add(EngineRules.UnknownRuleInDirective, span, key, SuggestRule(key, findRule));
                    }
                if (Config.RequireJustification && dir.Kind != DirectiveKind.Enable && dir.Justification is null)
                    Add(EngineRules.MissingJustification, dir.Span, text);
                bool allUnknown = anyUnknown && dir.RuleIds is { Count: 0 };
                // A comment for rules that this run's --select/--ignore left out is not unused: the rules just did not run.
                bool deselected = dir.RuleIds is { Count: > 0 } ids && Config.DeselectedRules is { } off && ids.All(off.Contains);
                if (!dir.Used && !allUnknown && !deselected && dir.Kind != DirectiveKind.Enable)
                    Add(EngineRules.UnusedSuppression, dir.Span, text);
            }
        }

        private static string DirectiveText(Directive d) => d.Kind switch
        {
            DirectiveKind.Disable => "policylint-disable",
            DirectiveKind.Enable => "policylint-enable",
            DirectiveKind.DisableLine => "policylint-disable-line",
            DirectiveKind.DisableNextLine => "policylint-disable-next-line",
            _ => "policylint-disable-file",
        } + (d.Rules.Count > 0 ? " " + string.Join(" ", d.Rules.Select(r => r.Key)) : "");

        private static string SuggestRule(string key, Func<string, RuleDescriptor?> findRule)
        {
            // Common slip: lower-case ID or a name with a typo; the resolver knows both spellings.
            var r = findRule(key.ToUpperInvariant());
            return r is not null ? $"; did you mean '{r.Id}'?" : string.Empty;
        }
    }
}
