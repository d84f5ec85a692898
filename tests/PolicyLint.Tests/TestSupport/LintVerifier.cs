using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Testing;

namespace PolicyLint.Tests.TestSupport;

/// <summary>
/// PolicyLint's own tests on the public testing package (<see cref="MarkdownVerifier"/>), with the defaults they share: a fixed
/// clock and an empty base folder. Scope: the rule IDs passed in <c>rules</c>, or else those that appear in the markup; with
/// neither, every rule must be silent.
/// </summary>
public static class LintVerifier
{
    public static readonly DateTimeOffset FixedNow = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static MarkdownVerifier Create(string? config, string path, string? baseDirectory, IEnumerable<MarkdownAnalyzer>? analyzers,
        DateTimeOffset? now, bool includeUnsafe = false) => new()
    {
        Analyzers = analyzers is null ? Array.Empty<MarkdownAnalyzer>() : [.. analyzers],
        Config = config,
        Path = path,
        BaseDirectory = baseDirectory ?? NeutralDirectory,
        Now = now ?? FixedNow,
        IncludeUnsafeFixes = includeUnsafe,
    };

    public static ImmutableArray<Diagnostic> Verify(string markup, string? config = null, string[]? rules = null, string path = "document.md",
        string? baseDirectory = null, IEnumerable<MarkdownAnalyzer>? analyzers = null, DateTimeOffset? now = null) =>
        Create(config, path, baseDirectory, analyzers, now).Verify(markup, rules);

    public static ImmutableArray<Diagnostic> Lint(string text, string? config = null, string path = "document.md", string? baseDirectory = null,
        IEnumerable<MarkdownAnalyzer>? analyzers = null, DateTimeOffset? now = null) =>
        Create(config, path, baseDirectory, analyzers, now).Lint(text);

    /// <summary>
    /// Applies the fixes of the in-scope diagnostics (repeatedly, like --fix), asserts the result, and that the result re-lints
    /// with exactly the in-scope diagnostics marked in <paramref name="after"/> (none for plain text).
    /// </summary>
    public static void VerifyFix(string before, string after, string? config = null, string[]? rules = null, bool includeUnsafe = false,
        string path = "document.md", string? baseDirectory = null) =>
        Create(config, path, baseDirectory, null, null, includeUnsafe).VerifyFix(before, after, rules);

    /// <summary>
    /// Lints and expects the run to stop on a configuration error (a wrong option or shared setting is one located error, not a
    /// finding per file); returns it.
    /// </summary>
    public static PolicyLint.Configuration.ConfigurationException ConfigError(string text, string config, string path = "document.md", string? baseDirectory = null,
        IEnumerable<MarkdownAnalyzer>? analyzers = null) =>
        Xunit.Assert.Throws<PolicyLint.Configuration.ConfigurationException>(() => Create(config, path, baseDirectory, analyzers, null).Lint(text));

    /// <summary>An empty folder, so that link rules resolving relative paths see no stray files.</summary>
    public static string NeutralDirectory => MarkdownVerifier.NeutralDirectory;
}
