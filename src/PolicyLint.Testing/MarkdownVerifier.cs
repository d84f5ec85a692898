using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Engine;

namespace PolicyLint.Testing;

/// <summary>
/// Lints span markup with your analyzers (and the built-in rules, unless <see cref="IncludeBuiltIns"/> is off) and checks the
/// result exactly: every marked span has its diagnostic, nothing unmarked is reported, messages match, fixes give the
/// expected text and the fixed text re-lints clean. Set the properties once per test class and call the Verify methods.
/// </summary>
public sealed class MarkdownVerifier
{
    private static readonly Lazy<string> Neutral = new(() =>
    {
        string d = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "policylint-testing-neutral-" + System.Diagnostics.Process.GetCurrentProcess().Id);
        Directory.CreateDirectory(d);
        return d;
    });

    /// <summary>The analyzers under test.</summary>
    public IReadOnlyList<MarkdownAnalyzer> Analyzers { get; set; } = Array.Empty<MarkdownAnalyzer>();
    /// <summary>Run PolicyLint's built-in rules too (default true, as a user's run does).</summary>
    public bool IncludeBuiltIns { get; set; } = true;
    /// <summary>The <c>.policylint.yml</c> text that applies (null: defaults).</summary>
    public string? Config { get; set; }
    /// <summary>The path the document is linted as, relative to <see cref="BaseDirectory"/>.</summary>
    public string Path { get; set; } = "document.md";
    /// <summary>The folder the run resolves paths against (default: an empty folder, so link rules see no stray files).</summary>
    public string? BaseDirectory { get; set; }
    /// <summary>The time the run sees (review dates and caches); null means the real clock.</summary>
    public DateTimeOffset? Now { get; set; }
    /// <summary>Apply unsafe fixes too in <see cref="VerifyFix"/>.</summary>
    public bool IncludeUnsafeFixes { get; set; }

    /// <summary>An empty folder of this process, the default <see cref="BaseDirectory"/>.</summary>
    public static string NeutralDirectory => Neutral.Value;

    /// <summary>Lints <paramref name="text"/> and returns every diagnostic, sorted.</summary>
    public ImmutableArray<Diagnostic> Lint(string text)
    {
        var engine = new LintEngine(Analyzers, IncludeBuiltIns);
        var when = Now;
        return engine.LintText(text, Path, Config, BaseDirectory ?? NeutralDirectory, when is { } w ? () => w : null).Diagnostics;
    }

    /// <summary>
    /// Lints the text of <paramref name="markup"/> and checks that the diagnostics in scope are exactly the marked spans. Scope:
    /// <paramref name="rules"/> when given, else the IDs that appear in the markup; with neither, every rule must be silent.
    /// With <paramref name="messages"/>, the in-scope messages must be those, in document order.
    /// </summary>
    /// <returns>The in-scope diagnostics, for further checks.</returns>
    /// <exception cref="VerificationException">The diagnostics or messages differ.</exception>
    public ImmutableArray<Diagnostic> Verify(string markup, IReadOnlyCollection<string>? rules = null, IReadOnlyList<string>? messages = null)
    {
        var (text, expected) = SpanMarkup.Parse(markup);
        var scope = Scope(rules, expected, null);
        var inScope = InScope(Lint(text), scope);
        Compare(text, expected, inScope, "Diagnostics differ.");
        if (messages is not null)
        {
            var actual = inScope.Select(d => d.Message).ToList();
            if (!actual.SequenceEqual(messages, StringComparer.Ordinal))
                throw new VerificationException("Messages differ.\n--- expected ---\n" + string.Join("\n", messages)
                    + "\n--- actual ---\n" + string.Join("\n", actual));
        }
        return inScope;
    }

    /// <summary>
    /// Applies the fixes of the in-scope diagnostics the way <c>--fix</c> does (pass after pass until nothing changes), checks
    /// the result against the text of <paramref name="afterMarkup"/>, then re-lints it: the in-scope diagnostics left must be
    /// exactly those marked in <paramref name="afterMarkup"/> (none, for plain text: the fixed document is clean). Scope:
    /// <paramref name="rules"/>, else the IDs marked in <paramref name="afterMarkup"/> plus those whose fixes applied.
    /// </summary>
    /// <exception cref="VerificationException">The fixed text or what is left differs.</exception>
    public string VerifyFix(string before, string afterMarkup, IReadOnlyCollection<string>? rules = null)
    {
        var (after, remaining) = SpanMarkup.Parse(afterMarkup);
        string text = before;
        var fixedIds = new HashSet<string>(StringComparer.Ordinal);
        for (int pass = 0; pass < 10; pass++)
        {
            var diagnostics = Lint(text).Where(d => rules is null || rules.Contains(d.Id)).ToList();
            var result = FixApplier.Apply(text, diagnostics, IncludeUnsafeFixes);
            foreach (var d in result.Applied) fixedIds.Add(d.Id);
            if (result.Text == text) break;
            text = result.Text;
        }
        if (!string.Equals(text, after, StringComparison.Ordinal))
            throw new VerificationException($"The fixed text differs.\n--- expected ---\n{Show(after)}\n--- actual ---\n{Show(text)}");
        var scope = Scope(rules, remaining, fixedIds);
        Compare(text, remaining, InScope(Lint(text), scope), "The fixed text does not re-lint as expected.");
        return text;
    }

    private static HashSet<string> Scope(IReadOnlyCollection<string>? rules, IReadOnlyList<MarkedSpan> marked, IEnumerable<string>? more)
    {
        if (rules is { Count: > 0 }) return new HashSet<string>(rules, StringComparer.Ordinal);
        var scope = new HashSet<string>(marked.Select(m => m.Id), StringComparer.Ordinal);
        if (more is not null) scope.UnionWith(more);
        return scope;
    }

    private static ImmutableArray<Diagnostic> InScope(ImmutableArray<Diagnostic> diagnostics, HashSet<string> scope) =>
        diagnostics.Where(d => scope.Count == 0 || scope.Contains(d.Id)).ToImmutableArray();

    private static void Compare(string text, IReadOnlyList<MarkedSpan> expected, ImmutableArray<Diagnostic> actual, string what)
    {
        var spans = actual.Select(d => new MarkedSpan(d.Id, d.Location.Span.Start, d.Location.Span.End)).ToList();
        spans.Sort(SpanMarkup.Compare);
        if (spans.SequenceEqual(expected)) return;
        throw new VerificationException($"{what}\n--- expected ---\n{SpanMarkup.Render(text, expected)}\n--- actual ---\n"
            + $"{SpanMarkup.Render(text, spans)}\n--- messages ---\n{string.Join("\n", actual.Select(d => "  " + d))}");
    }

    private static string Show(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c == '\r') sb.Append("\\r");
            else if (c == '\n') sb.Append("\\n\n");
            else if (c < ' ' || (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E')) sb.Append("\\u").Append(((int)c).ToString("X4"));
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
