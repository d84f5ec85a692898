using System;
using System.Collections.Generic;
using PolicyLint.Documents;

namespace PolicyLint.Analysis;

/// <summary>
/// What a cross-file rule may know about the run beyond its document: the files of the run, the repository root, exact-case
/// path lookups, link target resolution (through the shared settings' site roots), and other documents' outlines, read
/// through the engine's one reading pipeline with its guards. Rules never touch the file system themselves.
/// </summary>
public abstract class AnalysisWorkspace
{
    /// <summary>The repository root: links may not leave it and nothing outside it is read.</summary>
    public abstract string RootDirectory { get; }
    /// <summary>Diagnostic paths are relative to this folder.</summary>
    public abstract string BaseDirectory { get; }
    /// <summary>Full paths of the files linted in this run.</summary>
    public abstract IReadOnlyCollection<string> Files { get; }
    /// <summary>The current time as the run sees it (fixed in tests).</summary>
    public abstract DateTimeOffset Now { get; }

    /// <summary>True when <paramref name="fullPath"/> is one of the linted files.</summary>
    public abstract bool IsLinted(string fullPath);

    /// <summary>True when <paramref name="fullPath"/> is inside <see cref="RootDirectory"/>.</summary>
    public abstract bool IsInsideRoot(string fullPath);

    /// <summary>The display path (relative to <see cref="BaseDirectory"/>, forward slashes) of a full path.</summary>
    public abstract string GetDisplayPath(string fullPath);

    /// <summary>The path of <paramref name="fullPath"/> relative to <see cref="RootDirectory"/>, with forward slashes.</summary>
    public string GetPathFromRoot(string fullPath) => Text.PathText.GetRelativePath(RootDirectory, fullPath);

    /// <summary>
    /// Looks up a path exactly as spelled, case included, whatever the file system's case rules.
    /// Returns what is there; when a differently cased entry exists, its actual spelling.
    /// </summary>
    public abstract PathLookup Lookup(string fullPath);

    /// <summary>
    /// Resolves a link target or path-valued field written in the file at <paramref name="fromFileFullPath"/>: percent-decoding,
    /// query and fragment split off, site-rooted paths through <paramref name="settings"/>' site roots, nothing outside the root.
    /// </summary>
    public abstract ResolvedTarget ResolveTarget(string target, string fromFileFullPath, SharedSettings settings);

    /// <summary>The shared settings that apply to the file at <paramref name="fullPath"/>.</summary>
    public abstract SharedSettings GetSettings(string fullPath);

    /// <summary>
    /// The outline (anchors) of the Markdown file at <paramref name="fullPath"/>: from the run's own parse when the file is
    /// linted, else read once through the engine's guards (inside the root, not too large, not binary, not too deeply nested).
    /// Null when it cannot be known.
    /// </summary>
    public abstract DocumentOutline? GetOutline(string fullPath);

    /// <summary>The site model that publishes the documents these settings apply to (the <c>site</c> setting, detected once per run), or null for plain files.</summary>
    internal virtual Sites.SiteModel? GetSite(SharedSettings settings) => null;

    /// <summary>Tells the result cache that the current document's findings depend on the anchors of another document.</summary>
    internal virtual void DependsOnOutline(string fullPath) { }

    /// <summary>Counts a link that was not checked, by reason; the run summary shows the counts.</summary>
    internal virtual void CountUnchecked(string reason) { }

    /// <summary>The outline of a document as the site that publishes it makes its anchors, or null when no site model publishes it.</summary>
    internal DocumentOutline? SiteOutline(MarkdownFile file, string fullPath, SharedSettings settings)
    {
        var site = GetSite(settings);
        string? rel = site?.Files.Relative(fullPath);
        if (site is null || rel is null || !site.Publishes(rel)) return null;
        return DocumentOutline.FromAnchors(site.Anchors(file, rel));
    }
    /// <summary>
    /// Whole days from today to <paramref name="date"/> (negative when it has passed): by calendar day in the clock's offset for
    /// a date, as instants (rounded down) for a date-time. The engine's result cache keeps a document's findings while these
    /// counts stay the same, or stay above <paramref name="stableAbove"/>.
    /// </summary>
    internal virtual int DaysUntil(DateTimeOffset date, bool hasTime, int stableAbove = int.MaxValue) => DaysBetween(Now, date, hasTime);

    internal static int DaysBetween(DateTimeOffset now, DateTimeOffset date, bool hasTime) =>
        hasTime ? (int)Math.Floor((date - now).TotalDays) : (int)(date.Date - now.Date).TotalDays;

    /// <summary>Tells the engine's result cache that the current document's findings depend on another document (read at workspace end).</summary>
    internal virtual void DependsOnDocument(string fullPath) { }

    /// <summary>Tells the engine's result cache that the current document's findings depend on the content of another file.</summary>
    internal virtual void DependsOnFile(string fullPath) { }
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

/// <summary>Result of <see cref="AnalysisWorkspace.Lookup"/>.</summary>
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

/// <summary>What kind of target a link or path field holds.</summary>
public enum TargetKind
{
    /// <summary>Empty or whitespace.</summary>
    Empty,
    /// <summary>Only a fragment: <c>#section</c>.</summary>
    FragmentOnly,
    /// <summary>Has a scheme (<c>https:</c>, <c>mailto:</c>, <c>javascript:</c>...) or is protocol-relative (<c>//host</c>).</summary>
    External,
    /// <summary>A relative path, resolved against the linking file's folder.</summary>
    Local,
    /// <summary>A site-rooted path (<c>/blog/x.png</c>) mapped to a folder through <c>siteRoots</c>.</summary>
    SiteRooted,
    /// <summary>A site-rooted path with no matching <c>siteRoots</c> prefix: it cannot be checked.</summary>
    SiteRootedUnmapped,
    /// <summary>A path that resolves outside the repository root: never read.</summary>
    OutsideRoot,
}

/// <summary>A resolved link target or path-valued field.</summary>
public sealed class ResolvedTarget
{
    /// <summary>Creates a result (workspaces other than the engine's, such as test doubles, build these).</summary>
    public ResolvedTarget(TargetKind kind, string original, string path, string? query, string? fragment, string? fullPath, PathLookup lookup)
    {
        Kind = kind; Original = original; Path = path; Query = query; Fragment = fragment; FullPath = fullPath; Lookup = lookup;
    }

    /// <summary>What it is.</summary>
    public TargetKind Kind { get; }
    /// <summary>The target as written.</summary>
    public string Original { get; }
    /// <summary>The path part, percent-decoded (no query, no fragment).</summary>
    public string Path { get; }
    /// <summary>The query without '?', or null.</summary>
    public string? Query { get; }
    /// <summary>The fragment without '#', percent-decoded, or null.</summary>
    public string? Fragment { get; }
    /// <summary>For local and site-rooted targets: the full path on disk.</summary>
    public string? FullPath { get; }
    /// <summary>For local and site-rooted targets: what is on disk there (exact case).</summary>
    public PathLookup Lookup { get; }
    /// <summary>True for targets that name a file on disk (local or mapped site-rooted).</summary>
    public bool IsOnDisk => Kind is TargetKind.Local or TargetKind.SiteRooted;
}
