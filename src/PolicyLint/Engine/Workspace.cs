using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;

namespace PolicyLint.Engine;

/// <summary>The files of one lint run, its root folder, and cached file-system lookups shared by cross-file rules.</summary>
public sealed class Workspace
{
    private readonly ConcurrentDictionary<string, string[]?> _dirListings = new(StringComparer.Ordinal);
    private readonly ImmutableHashSet<string> _files;
    private readonly Func<DateTimeOffset> _clock;

    /// <summary>The current time as the run sees it (injectable for tests). A document whose analysis reads it is cached for that day only.</summary>
    public DateTimeOffset Now
    {
        get
        {
            if (DependencyRecorder.Current is { } r) r.ReadClock = true;
            return _clock();
        }
    }

    internal DateTimeOffset NowUnrecorded => _clock();

    /// <summary>
    /// Whole days from today to <paramref name="date"/> (negative when it has passed): by calendar day in the clock's offset for
    /// a date, as instants (rounded down) for a date-time. The result cache keeps a document's findings while these stay the same.
    /// </summary>
    /// <remarks>Findings that do not change while the count stays above <paramref name="stableAbove"/> pass it, and the cache
    /// keeps them until the count reaches it.</remarks>
    internal int DaysUntil(DateTimeOffset date, bool hasTime, int stableAbove = int.MaxValue)
    {
        int days = DaysUntilUnrecorded(date, hasTime);
        DependencyRecorder.Current?.Day(date, hasTime, stableAbove, Clamp(days, stableAbove));
        return days;
    }

    internal static int Clamp(int days, int stableAbove) => days > stableAbove ? int.MaxValue : days;

    internal int DaysUntilUnrecorded(DateTimeOffset date, bool hasTime)
    {
        var now = _clock();
        return hasTime ? (int)Math.Floor((date - now).TotalDays) : (int)(date.Date - now.Date).TotalDays;
    }

    /// <summary>Tells the result cache that the current document's findings depend on another document (its content, outline, configuration).</summary>
    internal void DependsOnDocument(string fullPath) => DependencyRecorder.Current?.Document(fullPath);

    /// <summary>Tells the result cache that the current document's findings depend on the content of another file (a JSON Schema).</summary>
    internal void DependsOnFile(string fullPath) => DependencyRecorder.Current?.File(fullPath);

    internal Workspace(string rootDirectory, string baseDirectory, IEnumerable<string> files, Func<DateTimeOffset>? clock = null)
    {
        _clock = clock ?? (() => DateTimeOffset.Now);
        RootDirectory = Path.GetFullPath(rootDirectory);
        BaseDirectory = Path.GetFullPath(baseDirectory);
        _files = files.ToImmutableHashSet(StringComparer.Ordinal);
    }

    /// <summary>The repository root: links may not leave it and nothing outside it is read.</summary>
    public string RootDirectory { get; }
    /// <summary>Diagnostic paths are relative to this folder.</summary>
    public string BaseDirectory { get; }
    /// <summary>Full paths of the files linted in this run.</summary>
    public IReadOnlyCollection<string> Files => _files;

    /// <summary>True when <paramref name="fullPath"/> is one of the linted files.</summary>
    public bool IsLinted(string fullPath) => _files.Contains(fullPath);

    /// <summary>True when <paramref name="fullPath"/> is inside <see cref="RootDirectory"/>.</summary>
    public bool IsInsideRoot(string fullPath)
    {
        string root = RootDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return fullPath.StartsWith(root, StringComparison.Ordinal) || fullPath == RootDirectory;
    }

    /// <summary>The display path (relative to <see cref="BaseDirectory"/>, forward slashes) of a full path.</summary>
    public string GetDisplayPath(string fullPath) => PathUtil.GetDisplayPath(BaseDirectory, fullPath);

    /// <summary>
    /// Looks up a path exactly as spelled, case included, whatever the file system's case rules.
    /// Returns Exists; and when a differently cased entry exists, its actual spelling.
    /// </summary>
    public PathLookup Lookup(string fullPath)
    {
        // No file system accepts paths this long (Windows' limit is 32,767): nothing to look up.
        if (fullPath.Length > 32767) return default;
        fullPath = Path.GetFullPath(fullPath);
        var result = LookupCore(fullPath);
        DependencyRecorder.Current?.Lookup(fullPath, result);
        return result;
    }

    private PathLookup LookupCore(string fullPath)
    {
        // Iterative, top-down: a link target can have thousands of segments, and recursion would overflow the stack.
        var chain = new List<string>();
        for (string? p = fullPath; p is not null; p = Path.GetDirectoryName(p)) chain.Add(p);
        string top = chain[chain.Count - 1];
        var result = Directory.Exists(top) ? new PathLookup(PathKind.Directory, null) : default;
        for (int i = chain.Count - 2; i >= 0; i--)
        {
            if (result.Kind != PathKind.Directory) return default;
            result = LookupIn(chain[i + 1], chain[i]);
        }
        return result;
    }

    private PathLookup LookupIn(string dir, string fullPath)
    {
        string name = Path.GetFileName(fullPath);
        if (name.Length == 0) return Directory.Exists(fullPath) ? new PathLookup(PathKind.Directory, null) : default;
        var entries = _dirListings.GetOrAdd(dir, d =>
        {
            try { return Directory.EnumerateFileSystemEntries(d).Select(Path.GetFileName).ToArray()!; }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
        });
        if (entries is null) return default;
        string? caseMatch = null;
        foreach (var e in entries)
        {
            if (string.Equals(e, name, StringComparison.Ordinal))
                return new PathLookup(Directory.Exists(fullPath) ? PathKind.Directory : PathKind.File, null);
            if (caseMatch is null && string.Equals(e, name, StringComparison.OrdinalIgnoreCase)) caseMatch = e;
        }
        return caseMatch is not null ? new PathLookup(PathKind.CaseMismatch, Path.Combine(dir, caseMatch)) : default;
    }
}

/// <summary>What a path lookup found.</summary>
public enum PathKind
{
    /// <summary>Nothing.</summary>
    Missing,
    /// <summary>A file (or device or other non-directory entry).</summary>
    File,
    /// <summary>A directory.</summary>
    Directory,
    /// <summary>An entry that differs only in case.</summary>
    CaseMismatch,
}

/// <summary>Result of <see cref="Workspace.Lookup"/>.</summary>
public readonly struct PathLookup
{
    /// <summary>Creates a result.</summary>
    public PathLookup(PathKind kind, string? actualPath) { Kind = kind; ActualPath = actualPath; }
    /// <summary>What was found.</summary>
    public PathKind Kind { get; }
    /// <summary>For <see cref="PathKind.CaseMismatch"/>: the entry as spelled on disk.</summary>
    public string? ActualPath { get; }
    /// <summary>True for a file or directory spelled exactly.</summary>
    public bool Exists => Kind is PathKind.File or PathKind.Directory;
}

internal static class PathUtil
{
    public static string GetDisplayPath(string baseDirectory, string fullPath)
    {
        string rel = Configuration.ConfigurationResolver.GetRelativePath(baseDirectory, fullPath);
        return rel.StartsWith("../../../", StringComparison.Ordinal) ? fullPath.Replace('\\', '/') : rel;
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> holding <c>.git</c>, or null.</summary>
    public static string? FindGitRoot(string start)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, ".git")) || File.Exists(Path.Combine(d.FullName, ".git"))) return d.FullName;
        return null;
    }
}
