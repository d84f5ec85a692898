using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Engine;

namespace PolicyLint.Tests.TestSupport;

/// <summary>
/// Lints span markup and asserts that the diagnostics in scope are exactly the marked spans.
/// Scope: the rule IDs passed in <c>rules</c>, or else those that appear in the markup; with neither, every rule must be silent.
/// </summary>
public static class LintVerifier
{
    public static readonly DateTimeOffset FixedNow = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static ImmutableArray<Diagnostic> Verify(string markup, string? config = null, string[]? rules = null, string path = "document.md",
        string? baseDirectory = null, IEnumerable<MarkdownAnalyzer>? analyzers = null, DateTimeOffset? now = null)
    {
        var (text, expected) = SpanMarkup.Parse(markup);
        var diagnostics = Lint(text, config, path, baseDirectory, analyzers, now);
        var scope = rules is { Length: > 0 } ? new HashSet<string>(rules) : new HashSet<string>(expected.Select(e => e.Id));
        var actual = diagnostics.Where(d => scope.Count == 0 || scope.Contains(d.Id))
            .Select(d => new SpanMarkup.Expected(d.Id, d.Location.Span.Start, d.Location.Span.End))
            .OrderBy(e => e.Start).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        if (!actual.SequenceEqual(expected))
        {
            var messages = string.Join("\n", diagnostics.Where(d => scope.Count == 0 || scope.Contains(d.Id)).Select(d => "  " + d));
            Assert.Fail($"Diagnostics differ.\n--- expected ---\n{SpanMarkup.Render(text, expected)}\n--- actual ---\n{SpanMarkup.Render(text, actual)}\n--- messages ---\n{messages}");
        }
        return diagnostics.Where(d => scope.Count == 0 || scope.Contains(d.Id)).ToImmutableArray();
    }

    public static ImmutableArray<Diagnostic> Lint(string text, string? config = null, string path = "document.md", string? baseDirectory = null,
        IEnumerable<MarkdownAnalyzer>? analyzers = null, DateTimeOffset? now = null)
    {
        var engine = new LintEngine(analyzers);
        var when = now ?? FixedNow;
        return engine.LintText(text, path, config, baseDirectory ?? NeutralDirectory, () => when).Diagnostics;
    }

    /// <summary>Applies the fixes of the in-scope diagnostics (repeatedly, like --fix) and asserts the result.</summary>
    public static void VerifyFix(string before, string after, string? config = null, string[]? rules = null, bool includeUnsafe = false,
        string path = "document.md", string? baseDirectory = null)
    {
        string text = before;
        for (int pass = 0; pass < 10; pass++)
        {
            var diags = Lint(text, config, path, baseDirectory).Where(d => rules is null || rules.Contains(d.Id)).ToList();
            var result = FixApplier.Apply(text, diags, includeUnsafe);
            if (result.Text == text) break;
            text = result.Text;
        }
        Assert.Equal(after, text);
    }

    /// <summary>An empty folder, so that link rules resolving relative paths see no stray files.</summary>
    public static string NeutralDirectory { get; } = CreateNeutral();

    private static string CreateNeutral()
    {
        string d = Path.Combine(Path.GetTempPath(), "policylint-tests-neutral-" + Environment.ProcessId);
        Directory.CreateDirectory(d);
        return d;
    }
}
