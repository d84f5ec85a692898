using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using PolicyLint.Analysis;
using PolicyLint.Configuration;
using PolicyLint.Documents;
using PolicyLint.IO;

namespace PolicyLint.Engine;

/// <summary>
/// The engine's side of <see cref="AnalysisWorkspace"/>: the files of one lint run, its root folder, cached file-system lookups,
/// and the outlines of documents (from the run's parses, or read once through <see cref="DocumentReader"/>).
/// </summary>
internal sealed class Workspace : AnalysisWorkspace
{
    private readonly ConcurrentDictionary<string, FolderListing?> _dirListings;
    private readonly WorkspaceState? _state;
    /// <summary>The root and its direct subfolders, listed once per run for site detection and its fingerprint.</summary>
    private readonly Lazy<Sites.SiteFiles> _shallowRoot;
    private readonly ConcurrentDictionary<string, DocumentOutline> _outlines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<DocumentOutline?>> _readOutlines = new(StringComparer.Ordinal);
    private readonly Func<string, FileConfiguration> _configuration;
    private readonly ImmutableHashSet<string> _files;
    private readonly Func<DateTimeOffset> _clock;

    /// <summary>The current time as the run sees it (injectable for tests). A document whose analysis reads it is cached for that day only.</summary>
    public override DateTimeOffset Now
    {
        get
        {
            if (DependencyRecorder.Current is { } r) r.ReadClock = true;
            var now = _clock();
            InputLog.ValidUntil(InputLog.NextDayUtcTicks(now)); // as the result cache keeps it: for that calendar day
            return now;
        }
    }

    internal DateTimeOffset NowUnrecorded => _clock();

    /// <summary>
    /// Whole days from today to <paramref name="date"/> (negative when it has passed): by calendar day in the clock's offset for
    /// a date, as instants (rounded down) for a date-time. The result cache keeps a document's findings while these stay the same.
    /// </summary>
    /// <remarks>Findings that do not change while the count stays above <paramref name="stableAbove"/> pass it, and the cache
    /// keeps them until the count reaches it.</remarks>
    internal override int DaysUntil(DateTimeOffset date, bool hasTime, int stableAbove = int.MaxValue)
    {
        int days = DaysUntilUnrecorded(date, hasTime);
        DependencyRecorder.Current?.Day(date, hasTime, stableAbove, Clamp(days, stableAbove));
        return days;
    }

    internal static int Clamp(int days, int stableAbove) => days > stableAbove ? int.MaxValue : days;

    internal int DaysUntilUnrecorded(DateTimeOffset date, bool hasTime)
    {
        var now = _clock();
        int days = DaysBetween(now, date, hasTime);
        if (InputLog.Current is not null)
        {
            // The count holds until the next midnight (a date) or until the instant it drops by one (a date-time).
            InputLog.ValidUntil(InputLog.NextDayUtcTicks(now));
            if (hasTime) InputLog.ValidUntil(date.UtcTicks - days * TimeSpan.TicksPerDay);
        }
        return days;
    }

    /// <summary>Tells the result cache that the current document's findings depend on another document (its content, outline, configuration).</summary>
    internal override void DependsOnDocument(string fullPath) => DependencyRecorder.Current?.Document(fullPath);

    /// <summary>Tells the result cache that the current document's findings depend on the content of another file (a JSON Schema).</summary>
    internal override void DependsOnFile(string fullPath) => DependencyRecorder.Current?.File(fullPath);

    internal Workspace(string rootDirectory, string baseDirectory, IEnumerable<string> files, Func<DateTimeOffset>? clock = null,
        Func<string, FileConfiguration>? configuration = null, WorkspaceState? state = null, Lazy<Sites.SiteFiles>? shallowRoot = null,
        ConcurrentDictionary<string, FolderListing?>? listings = null)
    {
        _state = state;
        _dirListings = listings ?? state?.Listings ?? new ConcurrentDictionary<string, FolderListing?>(StringComparer.Ordinal);
        _configuration = configuration ?? (_ => FileConfiguration.Default);
        _clock = clock ?? (() => DateTimeOffset.Now);
        RootDirectory = Path.GetFullPath(rootDirectory);
        _shallowRoot = shallowRoot ?? new Lazy<Sites.SiteFiles>(() => Sites.SiteFiles.Shallow(RootDirectory));
        BaseDirectory = Path.GetFullPath(baseDirectory);
        _files = files.ToImmutableHashSet(StringComparer.Ordinal);
        // Look-ups start at the root, which the run stands in: the folders above it are not listed to check its spelling
        // (a run record would otherwise depend on every entry of /tmp or the home folder).
        if (InputLog.DirectoryExists(RootDirectory)) _lookups[RootDirectory] = new PathLookup(PathKind.Directory, null);
    }

    /// <summary>The repository root: links may not leave it and nothing outside it is read.</summary>
    public override string RootDirectory { get; }
    /// <summary>Diagnostic paths are relative to this folder.</summary>
    public override string BaseDirectory { get; }
    /// <summary>Full paths of the files linted in this run.</summary>
    public override IReadOnlyCollection<string> Files => _files;

    /// <summary>The site models of this run by <c>site</c> setting ("auto" when unset), detected once each.</summary>
    internal ConcurrentDictionary<string, Lazy<Sites.SiteModel?>> SiteModels { get; } = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, int> _unchecked = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    internal override Sites.SiteModel? GetSite(SharedSettings settings)
    {
        string name = settings.Site;
        // siteRoots written by hand keep plain-file resolution unless a model is asked for by name.
        if (name == "auto" && settings.SiteRoots.Count > 0) return null;
        DependencyRecorder.Current?.Site(name);
        return Site(name);
    }

    private Sites.SiteModel? Site(string name) =>
        SiteModels.GetOrAdd(name, n => new Lazy<Sites.SiteModel?>(() => _state is null ? Sites.SiteDetector.Create(RootDirectory, n, _shallowRoot.Value)
            : _state.Site(RootDirectory, n, () => Sites.SiteDetector.Create(RootDirectory, n, _shallowRoot.Value)),
            System.Threading.LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private readonly ConcurrentDictionary<string, Lazy<string>> _siteFingerprints = new(StringComparer.Ordinal);

    /// <summary>
    /// What the answers of the site model named <paramref name="name"/> depend on, as a hash (once per run): the model's
    /// <see cref="Sites.SiteModel.Fingerprint"/>, or, when detection finds none, the generator files detection looks at.
    /// </summary>
    internal string SiteFingerprint(string name) => _siteFingerprints.GetOrAdd(name, n => new Lazy<string>(() =>
    {
        string text;
        try
        {
            var site = Site(n);
            text = site is not null ? "model:" + site.Fingerprint : n == "auto" ? "none:" + Sites.SiteDetector.Probe(RootDirectory, _shallowRoot.Value) : "none";
        }
        catch (ArgumentException ex) { text = "error:" + ex.Message; } // an unknown model name: the configuration error repeats
        return ResultCache.Hash(text);
    }, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>A hash of the anchors of the document at <paramref name="fullPath"/> as its outline gives them ("-" when unknown).</summary>
    internal string OutlineFingerprint(string fullPath)
    {
        var outline = GetOutlineUnrecorded(fullPath);
        return outline is null ? "-" : ResultCache.Hash(string.Join("\n", outline.Anchors.OrderBy(a => a, StringComparer.Ordinal)));
    }

    /// <summary>Tells the result cache that the current document's findings depend on the anchors of another document (as its site makes them).</summary>
    internal override void DependsOnOutline(string fullPath) => DependencyRecorder.Current?.Outline(fullPath);

    /// <inheritdoc/>
    internal override void CountUnchecked(string reason)
    {
        DependencyRecorder.Current?.Unchecked(reason);
        AddUnchecked(reason, 1);
    }

    /// <summary>Adds links not checked by a document served from the result cache.</summary>
    internal void AddUnchecked(string reason, int count) => _unchecked.AddOrUpdate(reason, count, (_, n) => n + count);

    /// <summary>Links not checked in this run, by reason.</summary>
    internal IReadOnlyDictionary<string, int> UncheckedLinks => _unchecked;

    /// <summary>True when <paramref name="fullPath"/> is one of the linted files.</summary>
    public override bool IsLinted(string fullPath) => _files.Contains(fullPath);

    /// <summary>True when <paramref name="fullPath"/> is inside <see cref="RootDirectory"/>.</summary>
    public override bool IsInsideRoot(string fullPath)
    {
        string root = RootDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return fullPath.StartsWith(root, StringComparison.Ordinal) || fullPath == RootDirectory;
    }

    /// <summary>The display path (relative to <see cref="BaseDirectory"/>, forward slashes) of a full path.</summary>
    public override string GetDisplayPath(string fullPath) => PathUtil.GetDisplayPath(BaseDirectory, fullPath);

    /// <summary>
    /// Looks up a path exactly as spelled, case included, whatever the file system's case rules.
    /// Returns Exists; and when a differently cased entry exists, its actual spelling.
    /// </summary>
    public override PathLookup Lookup(string fullPath)
    {
        // No file system accepts paths this long (Windows' limit is 32,767): nothing to look up.
        // Nor a NUL ('a%00b.md' decoded): no file has one in its name.
        if (fullPath.Length > 32767 || fullPath.IndexOf('\0') >= 0) return default;
        fullPath = Path.GetFullPath(fullPath);
        var result = LookupCore(fullPath);
        DependencyRecorder.Current?.Lookup(fullPath, result);
        return result;
    }

    /// <summary>Every path looked up in this run, folders on the way included: the run sees one state of the file system.</summary>
    private readonly ConcurrentDictionary<string, PathLookup> _lookups = new(StringComparer.Ordinal);

    private PathLookup LookupCore(string fullPath)
    {
        if (_lookups.TryGetValue(fullPath, out var known)) return known;
        // Iterative, top-down from the nearest folder already looked up: a link target can have thousands of segments, and
        // recursion would overflow the stack.
        var chain = new List<string>();
        string? parent = null;
        var result = default(PathLookup);
        for (string? p = fullPath; p is not null; p = Path.GetDirectoryName(p))
        {
            if (_lookups.TryGetValue(p, out var r)) { parent = p; result = r; break; }
            chain.Add(p);
        }
        int i = chain.Count - 1;
        if (parent is null)
        {
            parent = chain[i];
            result = InputLog.DirectoryExists(parent) ? new PathLookup(PathKind.Directory, null) : default;
            _lookups.TryAdd(parent, result);
            i--;
        }
        for (; i >= 0; i--)
        {
            result = result.Kind == PathKind.Directory ? LookupIn(parent, chain[i]) : default;
            _lookups.TryAdd(chain[i], result);
            parent = chain[i];
        }
        return result;
    }

    /// <inheritdoc/>
    public override ResolvedTarget ResolveTarget(string target, string fromFileFullPath, SharedSettings settings) =>
        TargetResolver.Resolve(target, fromFileFullPath, settings, this);

    /// <inheritdoc/>
    public override SharedSettings GetSettings(string fullPath) => _configuration(fullPath).Settings;

    /// <summary>Keeps the outline the run built for one of its documents.</summary>
    internal void AddOutline(string fullPath, DocumentOutline outline) => _outlines[fullPath] = outline;

    /// <inheritdoc/>
    public override DocumentOutline? GetOutline(string fullPath)
    {
        DependencyRecorder.Current?.Document(fullPath);
        return GetOutlineUnrecorded(fullPath);
    }

    private DocumentOutline? GetOutlineUnrecorded(string fullPath)
    {
        if (_outlines.TryGetValue(fullPath, out var outline)) return outline;
        return _readOutlines.GetOrAdd(fullPath, p => new Lazy<DocumentOutline?>(() => _state is null ? ReadOutline(p) : _state.Outline(p, ReadOutline))).Value;
    }

    private DocumentOutline? ReadOutline(string fullPath)
    {
        if (!DocumentReader.IsMarkdownPath(fullPath) || !IsInsideRoot(fullPath) || !RealPathIsInsideRoot(fullPath)) return null;
        try
        {
            var config = _configuration(fullPath);
            var file = DocumentReader.ReadForOutline(fullPath, config.MaxFileSize);
            return file is null ? null : SiteOutline(file, fullPath, config.Settings) ?? DocumentOutline.Create(file, config.Settings.SlugStyle);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ConfigurationException
            or Values.InvalidValueException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>False when a symbolic link on the way leads out of the root (checked where the runtime can resolve links).</summary>
    private bool RealPathIsInsideRoot(string fullPath) => IO.RootPolicy.IsInside(RootDirectory, fullPath);

    private PathLookup LookupIn(string dir, string fullPath)
    {
        string name = Path.GetFileName(fullPath);
        if (name.Length == 0) return InputLog.DirectoryExists(fullPath) ? new PathLookup(PathKind.Directory, null) : default;
        var listing = _dirListings.GetOrAdd(dir, FolderListing.Read);
        if (listing is null) return default;
        if (listing.Find(name, out bool isDirectory, out var caseMatch)) return new PathLookup(isDirectory ? PathKind.Directory : PathKind.File, null);
        return caseMatch is not null ? new PathLookup(PathKind.CaseMismatch, Path.Combine(dir, caseMatch)) : default;
    }
}

internal static class PathUtil
{
    public static string GetDisplayPath(string baseDirectory, string fullPath)
    {
        string rel = Text.PathText.GetRelativePath(baseDirectory, fullPath);
        return rel.StartsWith("../../../", StringComparison.Ordinal) ? fullPath.Replace('\\', '/') : rel;
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> holding <c>.git</c>, or null.</summary>
    public static string? FindGitRoot(string start)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            if (InputLog.DirectoryExists(Path.Combine(d.FullName, ".git")) || InputLog.FileExists(Path.Combine(d.FullName, ".git"))) return d.FullName;
        return null;
    }
}

/// <summary>
/// A folder's entries as the lookups need them: the exact names, the first spelling of each name when case is ignored, and
/// which names are folders (a link to one counts), from the listing itself where the runtime gives entry types.
/// </summary>
internal sealed class FolderListing
{
    private FolderListing(List<(string Name, bool IsDirectory)> entries) => _entries = entries;

    private readonly List<(string Name, bool IsDirectory)> _entries;
    private Dictionary<string, bool>? _kinds;
    private Dictionary<string, string>? _folded;

    /// <summary>
    /// The entry named <paramref name="name"/> exactly (true, with whether it is a folder); else false, with
    /// <paramref name="caseMatch"/> the first entry (in listing order, as a scan finds it) whose name differs only in case,
    /// or null. The maps are made on the first look-up, the case-folded one on the first miss: a walk lists every folder,
    /// look-ups reach few of them, and most of those find the name as written.
    /// </summary>
    public bool Find(string name, out bool isDirectory, out string? caseMatch)
    {
        caseMatch = null;
        var kinds = System.Threading.LazyInitializer.EnsureInitialized(ref _kinds, () =>
        {
            var map = new Dictionary<string, bool>(_entries.Count, StringComparer.Ordinal);
            foreach (var (n, dir) in _entries) map[n] = dir;
            return map;
        })!;
        if (kinds.TryGetValue(name, out isDirectory)) return true;
        var folded = System.Threading.LazyInitializer.EnsureInitialized(ref _folded, () =>
        {
            var map = new Dictionary<string, string>(_entries.Count, StringComparer.OrdinalIgnoreCase);
            foreach (var (n, _) in _entries) if (!map.ContainsKey(n)) map[n] = n;
            return map;
        })!;
        folded.TryGetValue(name, out caseMatch);
        return false;
    }

    /// <summary>A listing from entries in the order the folder gave them.</summary>
    internal static FolderListing From(List<(string Name, bool IsDirectory)> entries) => new(entries);

    /// <summary>The listing of <paramref name="directory"/>, or null when it cannot be listed.</summary>
    public static FolderListing? Read(string directory)
    {
        InputLog.Listed(directory);
        var entries = new List<(string Name, bool IsDirectory)>();
        try
        {
#if NET
            entries.AddRange(new System.IO.Enumeration.FileSystemEnumerable<(string Name, bool IsDirectory)>(directory,
                (ref System.IO.Enumeration.FileSystemEntry e) => (e.FileName.ToString(), e.IsDirectory),
                new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0, ReturnSpecialDirectories = false }));
#else
            foreach (var entry in Directory.EnumerateFileSystemEntries(directory))
                entries.Add((Path.GetFileName(entry), InputLog.DirectoryExists(entry)));
#endif
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
        return new FolderListing(entries);
    }
}
