using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Engine;

namespace PolicyLint;

/// <summary>The short way in: lint a string, a file, or paths and globs with the built-in rules (plus your analyzers).</summary>
public static class PolicyLinter
{
    /// <summary>Lints Markdown text as if it were the file at <paramref name="path"/>. Configuration comes from <paramref name="configYaml"/> only.</summary>
    public static ImmutableArray<Diagnostic> Lint(string markdown, string path = "document.md", string? configYaml = null,
        IEnumerable<MarkdownAnalyzer>? analyzers = null) =>
        new LintEngine(analyzers).LintText(markdown, path, configYaml).Diagnostics;

    /// <summary>Lints one file, with configuration discovered from its folder upward.</summary>
    public static async Task<ImmutableArray<Diagnostic>> LintFileAsync(string path, IEnumerable<MarkdownAnalyzer>? analyzers = null,
        CancellationToken cancellationToken = default)
    {
        var result = await new LintEngine(analyzers).LintAsync(new LintRequest { Paths = [path] }, null, cancellationToken).ConfigureAwait(false);
        return result.Diagnostics;
    }

    /// <summary>Lints files, directories and globs, with configuration discovery, in parallel.</summary>
    public static Task<LintResult> LintAsync(IReadOnlyList<string> pathsOrGlobs, IEnumerable<MarkdownAnalyzer>? analyzers = null,
        IProgress<LintProgress>? progress = null, CancellationToken cancellationToken = default) =>
        new LintEngine(analyzers).LintAsync(new LintRequest { Paths = pathsOrGlobs }, progress, cancellationToken);
}
