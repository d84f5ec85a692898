using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PolicyLint.Diagnostics;

namespace PolicyLint.Engine;

/// <summary>The result of a run: diagnostics sorted by path, line, column and ID, and per-file details.</summary>
public sealed class LintResult
{
    /// <summary>Creates a result (for tools that replace or combine results, such as a fixer or a cache).</summary>
    public LintResult(ImmutableArray<FileResult> files, ImmutableArray<RuleDescriptor> rules, TimeSpan elapsed)
        : this(files, rules, elapsed, null, null) { }

    /// <summary>Creates a result that also says which site models resolved links and which links were not checked.</summary>
    public LintResult(ImmutableArray<FileResult> files, ImmutableArray<RuleDescriptor> rules, TimeSpan elapsed,
        IReadOnlyList<string>? siteModels, IReadOnlyDictionary<string, int>? uncheckedLinks)
    {
        Files = files;
        Rules = rules;
        Elapsed = elapsed;
        SiteModels = siteModels ?? [];
        UncheckedLinks = uncheckedLinks ?? new Dictionary<string, int>();
        Diagnostics = files.SelectMany(f => f.Diagnostics).ToImmutableArray().Sort(DiagnosticComparer.Instance);
    }

    /// <summary>All diagnostics, sorted.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }
    /// <summary>Each linted file, in path order.</summary>
    public ImmutableArray<FileResult> Files { get; }
    /// <summary>Every rule the engine knew in this run.</summary>
    public ImmutableArray<RuleDescriptor> Rules { get; }
    /// <summary>Wall time of the run.</summary>
    public TimeSpan Elapsed { get; }
    /// <summary>The site models links were resolved with, e.g. "site model: hugo (from hugo.toml)" (empty for plain files only).</summary>
    public IReadOnlyList<string> SiteModels { get; }
    /// <summary>Links that were not checked, by reason (another repository serves them, an ignore setting, a generated page...).</summary>
    public IReadOnlyDictionary<string, int> UncheckedLinks { get; }
    /// <summary>How many files of the run were served from the result cache (not analysed).</summary>
    public int CachedFiles { get; internal set; }

    /// <summary>Files the result cache read (documents, and files their findings depend on) because no trusted stamp stood for them: for tests.</summary>
    internal int FilesReadThroughCache { get; set; }

    /// <summary>How many folders of the walk were taken from the cache's listings instead of being read (for tests).</summary>
    internal int FoldersListedFromCache { get; set; }

    /// <summary>Number of diagnostics at <paramref name="severity"/>.</summary>
    public int Count(Severity severity) => Diagnostics.Count(d => d.Severity == severity);

    /// <summary>Diagnostics per rule ID.</summary>
    public IReadOnlyDictionary<string, int> CountsByRule() =>
        Diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
}

/// <summary>One file of a run.</summary>
public sealed class FileResult
{
    /// <summary>Creates a file result (for tools that replace or combine results, such as a fixer or a cache).</summary>
    public FileResult(string path, string fullPath, ImmutableArray<Diagnostic> diagnostics, bool linted, DateTime? lastWriteUtc, long length)
    {
        Path = path; FullPath = fullPath; Diagnostics = diagnostics; Linted = linted; LastWriteTimeUtc = lastWriteUtc; Length = length;
    }

    /// <summary>Display path (as in diagnostics).</summary>
    public string Path { get; }
    /// <summary>Full path.</summary>
    public string FullPath { get; }
    /// <summary>Its diagnostics, sorted.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }
    /// <summary>False when the file was skipped (unreadable, binary, too large).</summary>
    public bool Linted { get; }
    /// <summary>Modification time when read (null for in-memory documents); --fix refuses to write if it changed.</summary>
    public DateTime? LastWriteTimeUtc { get; }
    /// <summary>Length in bytes when read.</summary>
    public long Length { get; }
}

/// <summary>Orders diagnostics by path, line, column, rule ID, then message.</summary>
public sealed class DiagnosticComparer : IComparer<Diagnostic>
{
    /// <summary>The instance.</summary>
    public static DiagnosticComparer Instance { get; } = new();

    /// <inheritdoc/>
    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int c = string.CompareOrdinal(x.Location.Path, y.Location.Path);
        if (c == 0) c = x.Location.StartLine.CompareTo(y.Location.StartLine);
        if (c == 0) c = x.Location.StartColumn.CompareTo(y.Location.StartColumn);
        if (c == 0) c = string.CompareOrdinal(x.Id, y.Id);
        if (c == 0) c = x.Location.Span.CompareTo(y.Location.Span);
        if (c == 0) c = string.CompareOrdinal(x.Message, y.Message);
        return c;
    }
}
