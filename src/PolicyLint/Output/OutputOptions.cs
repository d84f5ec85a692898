using System;
using System.Collections.Generic;
using System.IO;

namespace PolicyLint.Output;

/// <summary>Options shared by the output formatters (<see cref="TextFormatter"/>, <see cref="JsonFormatter"/>, <see cref="SarifFormatter"/>, <see cref="GitHubFormatter"/>).</summary>
public sealed class OutputOptions
{
    /// <summary>The folder display paths are relative to (the run's base directory; default: the current directory).</summary>
    public string? BaseDirectory { get; set; }

    /// <summary>The repository root: SARIF URIs are relative to it (default: the git root above <see cref="BaseDirectory"/>, else the base directory).</summary>
    public string? RootDirectory { get; set; }

    /// <summary>
    /// Returns the decoded text of a file by its display path, or null. Used for source excerpts, for the line and column of
    /// fix edits and for SARIF fingerprints. When null, formatters do without (fix edits keep their character offsets).
    /// </summary>
    public Func<string, string?>? SourceText { get; set; }

    /// <summary>Text format: ANSI colours.</summary>
    public bool Color { get; set; }

    /// <summary>Text format: a source excerpt with a caret line under each finding.</summary>
    public bool Excerpts { get; set; }

    /// <summary>
    /// Text format: the terminal's width in columns. An excerpt line wider than the room left after its gutter is cut around
    /// the finding, with an ellipsis where text was left out. Null or 0: lines are never cut.
    /// </summary>
    public int? TerminalWidth { get; set; }

    /// <summary>Text format: the closing summary line (files, errors, warnings, fixable, elapsed time).</summary>
    public bool Summary { get; set; } = true;

    /// <summary>Text format: each finding's fix under it, also without excerpts (the tool's --show-fixes).</summary>
    public bool ShowFixes { get; set; }

    /// <summary>SARIF: the exit code of the run, written in <c>invocations</c> (null: the invocation is written without one).</summary>
    public int? ExitCode { get; set; }

    /// <summary>SARIF: messages of the tool about the run (not findings), written as <c>toolExecutionNotifications</c>.</summary>
    public IReadOnlyList<string>? Notifications { get; set; }

    /// <summary>Text format: per-rule counts before the summary.</summary>
    public bool Stats { get; set; }

    /// <summary>Text format: show the elapsed time in the summary (tests turn it off for stable output).</summary>
    public bool ShowElapsed { get; set; } = true;

    /// <summary>The tool version written in JSON and SARIF (default: the PolicyLint library's informational version).</summary>
    public string? ToolVersion { get; set; }

    internal string GetBaseDirectory() => Path.GetFullPath(BaseDirectory ?? Directory.GetCurrentDirectory());

    internal string GetRootDirectory()
    {
        if (RootDirectory is not null) return Path.GetFullPath(RootDirectory);
        string b = GetBaseDirectory();
        return Engine.PathUtil.FindGitRoot(b) ?? b;
    }

    internal string GetToolVersion() => ToolVersion ?? OutputSupport.LibraryVersion;
}
