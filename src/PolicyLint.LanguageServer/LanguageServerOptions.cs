using System;
using System.Collections.Generic;
using System.IO;
using PolicyLint.Analysis;

namespace PolicyLint.LanguageServer;

/// <summary>How the host (the <c>policylint server</c> command, or a test) sets up the server.</summary>
public sealed class LanguageServerOptions
{
    /// <summary>
    /// Makes a fresh "would git ignore this full path?" filter (a trailing separator marks a directory); called again when a
    /// <c>.gitignore</c> changes. Null: nothing is ignored beyond the configuration's exclude patterns.
    /// </summary>
    public Func<Func<string, bool>>? CreateIgnoreFilter { get; set; }

    /// <summary>Analyzers to run beside the built-in ones (library hosts and tests).</summary>
    public IReadOnlyList<MarkdownAnalyzer> AdditionalAnalyzers { get; set; } = Array.Empty<MarkdownAnalyzer>();

    /// <summary>Load plugin assemblies named in configuration, as the command line does (default true).</summary>
    public bool LoadPlugins { get; set; } = true;

    /// <summary>Quiet time after an edit before the document is linted (clients may override it with the <c>debounceMs</c> initialization option).</summary>
    public int DebounceMilliseconds { get; set; } = 25;

    /// <summary>
    /// Quiet time after the last lint before the server compacts its memory and returns what it no longer uses to the system
    /// (a full, compacting garbage collection, once per quiet period), so that a long editing session does not keep the
    /// peak of its busiest minute. 0 turns it off. Default 1,000 ms.
    /// </summary>
    public int IdleCollectMilliseconds { get; set; } = 1000;

    /// <summary>Largest message accepted; larger ones are skipped with a log message (default 256 MiB).</summary>
    public long MaxMessageBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>The version reported in <c>serverInfo</c>.</summary>
    public string? Version { get; set; }

    /// <summary>Where internal errors are written besides <c>window/logMessage</c> (the command uses standard error).</summary>
    public TextWriter? Log { get; set; }
}
