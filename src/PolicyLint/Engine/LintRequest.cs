using System;
using System.Collections.Generic;

namespace PolicyLint.Engine;

/// <summary>What to lint and how.</summary>
public sealed class LintRequest
{
    /// <summary>Files, directories and globs (default: the base directory).</summary>
    public IReadOnlyList<string> Paths { get; set; } = ["."];
    /// <summary>Documents given in memory (for stdin and for library callers); linted as if at their path.</summary>
    public IReadOnlyList<InMemoryDocument> Documents { get; set; } = Array.Empty<InMemoryDocument>();
    /// <summary>Relative paths are resolved against it and diagnostics are shown relative to it (default: current directory).</summary>
    public string? BaseDirectory { get; set; }
    /// <summary>Links may not leave it (default: the git root above the base directory, else the base directory).</summary>
    public string? RootDirectory { get; set; }
    /// <summary>
    /// Read files that are symbolic links, or lie behind folder links, to a place outside <see cref="RootDirectory"/> (default false: they are reported
    /// as PL0001 and not read, so a link in a repository cannot make the run read or print a file elsewhere).
    /// </summary>
    public bool FollowLinksOutsideRoot { get; set; }
    /// <summary>An explicit configuration file; turns discovery off.</summary>
    public string? ConfigPath { get; set; }
    /// <summary>Configuration as YAML text; turns discovery off.</summary>
    public string? ConfigText { get; set; }
    /// <summary>Search <c>.policylint.yml</c> upward from each file (default true).</summary>
    public bool DiscoverConfiguration { get; set; } = true;
    /// <summary>Extra filter for directory walks (e.g. .gitignore); returns true to skip a full path. Directories get a trailing separator.</summary>
    public Func<string, bool>? IsIgnored { get; set; }
    /// <summary>Load plugin assemblies named in configuration (default true).</summary>
    public bool LoadPlugins { get; set; } = true;
    /// <summary>Parallelism (default: processor count).</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;
    /// <summary>Severities by rule ID or name that win over configuration (e.g. the tool's --check-external turns PL3009 on).</summary>
    public IReadOnlyDictionary<string, Diagnostics.Severity>? RuleSeverityOverrides { get; set; }
    /// <summary>Which rules report, on top of configuration (the tool's --select, --ignore, --extend-select, --severity).</summary>
    public RuleSelection? Selection { get; set; }
    /// <summary>
    /// Called with a message for a path or glob that matches nothing, instead of throwing <see cref="LintInputException"/>
    /// (the tool's --no-error-on-unmatched-pattern).
    /// </summary>
    public Action<string>? OnUnmatchedPattern { get; set; }
    /// <summary>The clock rules use for dates (tests inject one).</summary>
    public Func<DateTimeOffset>? Clock { get; set; }
    /// <summary>
    /// Keep each document's findings in an incremental cache and reuse them while nothing they depend on has changed (off by
    /// default for library callers; the command line and the MSBuild task turn it on). Results are the same as without it.
    /// </summary>
    public bool UseCache { get; set; }
    /// <summary>The cache folder (default: <c>.policylint-cache</c> in the root directory). Nothing is written elsewhere.</summary>
    public string? CacheDirectory { get; set; }
    /// <summary>Disk facts kept across runs by a long-lived host (the language server); null: every run reads afresh.</summary>
    internal WorkspaceState? State { get; set; }
}

/// <summary>A document given as bytes rather than read from disk.</summary>
public sealed class InMemoryDocument
{
    /// <summary>Creates a document. <paramref name="path"/> is relative to the base directory or absolute.</summary>
    public InMemoryDocument(string path, byte[] bytes) { Path = path; Bytes = bytes; }
    /// <summary>Creates a UTF-8 document from text.</summary>
    public InMemoryDocument(string path, string text) : this(path, new System.Text.UTF8Encoding(false).GetBytes(text)) { }
    /// <summary>Where the document claims to live.</summary>
    public string Path { get; }
    /// <summary>Its content.</summary>
    public byte[] Bytes { get; }
}

/// <summary>Progress of a run.</summary>
public readonly struct LintProgress
{
    /// <summary>Creates a progress report.</summary>
    public LintProgress(int done, int total, string path) { Done = done; Total = total; Path = path; }
    /// <summary>Files finished.</summary>
    public int Done { get; }
    /// <summary>Files in the run.</summary>
    public int Total { get; }
    /// <summary>The file just finished.</summary>
    public string Path { get; }
}

/// <summary>A path or glob given to the engine matched nothing.</summary>
public sealed class LintInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LintInputException(string message) : base(message) { }
}
