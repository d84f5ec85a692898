using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using PolicyLint.Configuration;
using PolicyLint.Diagnostics;
using PolicyLint.Engine;

namespace PolicyLint.LanguageServer;

/// <summary>
/// The workspace as the server knows it: its folders, the Markdown files the configuration and .gitignore let the linter
/// see (walked on start and again when a config or ignore file changes), and the outline of each file (anchors with
/// positions, read once and re-read when the file changes). Outlines of open documents come from the editor's text.
/// The lint itself reads unopened files through the engine; this index serves completion, related information,
/// exclusion and the choice of documents to re-check.
/// </summary>
internal sealed class WorkspaceIndex
{
    private readonly IReadOnlyList<RuleDescriptor> _rules;
    private readonly Func<Func<string, bool>>? _ignoreFactory;
    private readonly PolicyLint.IO.FileStampCache<List<AnchorEntry>?> _outlines = new();
    private readonly object _gate = new();
    private List<string> _roots = new();
    private HashSet<string>? _files;
    private Func<string, bool>? _ignore;
    private ConfigurationResolver? _resolver;
    private int _rebuilds;

    public WorkspaceIndex(IReadOnlyList<RuleDescriptor> rules, Func<Func<string, bool>>? ignoreFactory)
    {
        _rules = rules;
        _ignoreFactory = ignoreFactory;
        _ignore = ignoreFactory?.Invoke();
    }

    /// <summary>Returns the text of an open document at a full path, or null (set by the server).</summary>
    public Func<string, string?> OpenText { get; set; } = _ => null;
    /// <summary>Returns the URI an open document was opened with, or null (set by the server).</summary>
    public Func<string, string?> OpenUri { get; set; } = _ => null;

    public IReadOnlyList<string> Roots { get { lock (_gate) return _roots; } }

    public bool IsReady { get { lock (_gate) return _files is not null; } }

    /// <summary>Number of Markdown files in the lint set (0 before the first walk).</summary>
    public int FileCount { get { lock (_gate) return _files?.Count ?? 0; } }

    /// <summary>The configuration error of the last walk, if the configuration could not be read.</summary>
    public ConfigurationException? ConfigError { get; private set; }

    public Func<string, bool>? IgnoreFilter { get { lock (_gate) return _ignore; } }

    public void SetRoots(IEnumerable<string> roots)
    {
        lock (_gate) _roots = roots.Select(r => Path.GetFullPath(r).TrimEnd(Path.DirectorySeparatorChar)).Distinct().ToList();
    }

    /// <summary>The workspace folder holding <paramref name="fullPath"/> (the deepest), or null.</summary>
    public string? RootFor(string fullPath)
    {
        string? best = null;
        foreach (var r in Roots)
            if ((fullPath.StartsWith(r + Path.DirectorySeparatorChar, StringComparison.Ordinal) || fullPath == r) && (best is null || r.Length > best.Length))
                best = r;
        return best;
    }

    public string UriFor(string fullPath) => OpenUri(fullPath) ?? Uris.FromPath(fullPath);

    /// <summary>Walks every folder again (after a configuration or .gitignore change); outlines of unchanged files stay.</summary>
    public void Rebuild(bool warmOutlines, CancellationToken ct)
    {
        int generation = Interlocked.Increment(ref _rebuilds);
        var ignore = _ignoreFactory?.Invoke();
        var files = new HashSet<string>(StringComparer.Ordinal);
        ConfigurationException? error = null;
        ConfigurationResolver? lastResolver = null;
        foreach (var root in Roots)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                var resolver = new ConfigurationResolver(_rules, null, null, root, true);
                lastResolver = resolver;
                foreach (var f in FileDiscovery.Expand(["."], root, resolver, ignore)) files.Add(f);
            }
            catch (ConfigurationException ex) { error = ex; }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LintInputException) { }
        }
        lock (_gate)
        {
            if (generation != _rebuilds) return; // a newer walk started
            // A configuration that cannot be read excludes nothing: the lint itself reports the error.
            _files = error is null ? files : null;
            _ignore = ignore;
            _resolver = lastResolver;
            ConfigError = error;
        }
        if (!warmOutlines) return;
        foreach (var f in files)
        {
            ct.ThrowIfCancellationRequested();
            GetOutline(f);
        }
    }

    /// <summary>True when the file is in a workspace folder and the configuration or .gitignore keeps it out of the lint.</summary>
    public bool IsExcluded(string fullPath)
    {
        HashSet<string>? files;
        lock (_gate) files = _files;
        if (files is null || RootFor(fullPath) is null || files.Contains(fullPath)) return false;
        // A new file that is not on disk yet is linted; a file on disk that the walk left out is not.
        return File.Exists(fullPath);
    }

    public bool Contains(string fullPath)
    {
        lock (_gate) return _files?.Contains(fullPath) ?? false;
    }

    public IReadOnlyCollection<string> Files
    {
        get { lock (_gate) return (IReadOnlyCollection<string>?)_files ?? Array.Empty<string>(); }
    }

    /// <summary>A file changed, appeared or went away on disk.</summary>
    public void Invalidate(string fullPath) => _outlines.Remove(fullPath);

    /// <summary>The anchors of a Markdown file: the editor's text when it is open, else the file on disk (cached by time stamp).</summary>
    public List<AnchorEntry>? GetOutline(string fullPath)
    {
        var config = ConfigFor(fullPath);
        if (OpenText(fullPath) is { } text) return EngineBridge.Outline(fullPath, text, config);
        return _outlines.Get(fullPath, p => EngineBridge.OutlineFromDisk(p, config));
    }

    private FileConfiguration? ConfigFor(string fullPath)
    {
        ConfigurationResolver? resolver;
        lock (_gate) resolver = _resolver;
        if (resolver is null) return null;
        try { return resolver.GetConfiguration(fullPath); }
        catch (ConfigurationException) { return null; }
    }
}
