using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PolicyLint.Diagnostics;
using PolicyLint.Engine;

namespace PolicyLint.Output;

/// <summary>
/// The human format: one MSBuild canonical line per finding (<c>path(line,col): error PL4001: message</c>, which editors and
/// CI parse), optionally a source excerpt with a caret line and colours, per-rule counts and a closing summary.
/// </summary>
public static class TextFormatter
{
    private const string Reset = "\u001b[0m", Bold = "\u001b[1m", Dim = "\u001b[2m", Red = "\u001b[31m", Yellow = "\u001b[33m", Cyan = "\u001b[36m", Green = "\u001b[32m";

    /// <summary>Formats the whole result.</summary>
    public static string Format(LintResult result, OutputOptions? options = null)
    {
        if (result is null) throw new ArgumentNullException(nameof(result));
        return OutputSupport.ToText(w => Write(result, w, options));
    }

    /// <summary>Writes the whole result to <paramref name="output"/> as it goes.</summary>
    public static void Write(LintResult result, TextWriter output, OutputOptions? options = null)
    {
        if (result is null) throw new ArgumentNullException(nameof(result));
        if (output is null) throw new ArgumentNullException(nameof(output));
        options ??= new OutputOptions();
        var support = new OutputSupport(options);
        var sb = new StringBuilder();
        foreach (var d in result.Diagnostics)
        {
            AppendDiagnostic(sb, d, options, support);
            if (sb.Length >= 32 * 1024) { Flush(sb, output); sb.Clear(); }
        }
        if (options.Excerpts && result.Diagnostics.Length > 0 && (options.Stats || options.Summary)) sb.Append('\n');
        if (options.Stats) AppendStats(sb, result, options);
        if (options.Summary)
        {
            foreach (var site in result.SiteModels) sb.Append(Paint(site, Dim, options)).Append('\n');
            sb.Append(FormatSummary(result, options)).Append('\n');
        }
        Flush(sb, output);
    }

    /// <summary>Writes what <paramref name="sb"/> holds without making a string of it where the runtime allows.</summary>
    private static void Flush(StringBuilder sb, TextWriter output)
    {
#if NET
        foreach (var chunk in sb.GetChunks()) output.Write(chunk.Span);
#else
        output.Write(sb.ToString());
#endif
    }

    /// <summary>The MSBuild canonical line of one diagnostic, without colours.</summary>
    public static string FormatCanonical(Diagnostic diagnostic) =>
        diagnostic is null ? throw new ArgumentNullException(nameof(diagnostic)) : diagnostic.ToString();

    /// <summary>The closing summary, e.g. <c>3 files, 2 errors, 1 warning (1 fixable with --fix) in 0.12 s</c>.</summary>
    public static string FormatSummary(LintResult result, OutputOptions? options = null)
    {
        if (result is null) throw new ArgumentNullException(nameof(result));
        options ??= new OutputOptions();
        var sb = new StringBuilder();
        sb.Append(OutputSupport.Plural(result.Files.Length, "file", "files")).Append(", ");
        int errors = result.Count(Severity.Error), warnings = result.Count(Severity.Warning), infos = result.Count(Severity.Info);
        if (errors + warnings + infos == 0) sb.Append(Paint("no problems", Green + Bold, options));
        else
        {
            var parts = new System.Collections.Generic.List<string>
            {
                Paint(OutputSupport.Plural(errors, "error", "errors"), errors > 0 ? Red + Bold : "", options),
                Paint(OutputSupport.Plural(warnings, "warning", "warnings"), warnings > 0 ? Yellow + Bold : "", options),
            };
            if (infos > 0) parts.Add(Paint(infos.ToString(CultureInfo.InvariantCulture) + " info", Cyan, options));
            sb.Append(string.Join(", ", parts));
            int safe = OutputSupport.CountFixable(result.Diagnostics, safe: true);
            int unsafeCount = OutputSupport.CountFixable(result.Diagnostics, safe: false);
            if (safe > 0 && unsafeCount > 0) sb.Append($" ({safe} fixable with --fix, {unsafeCount} more with --fix-unsafe)");
            else if (safe > 0) sb.Append($" ({safe} fixable with --fix)");
            else if (unsafeCount > 0) sb.Append($" ({unsafeCount} fixable with --fix-unsafe)");
        }
        if (result.UncheckedLinks.Count > 0)
        {
            int total = 0;
            foreach (var kv in result.UncheckedLinks) total += kv.Value;
            var reasons = new System.Collections.Generic.List<string>();
            foreach (var kv in System.Linq.Enumerable.OrderByDescending(result.UncheckedLinks, kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
                reasons.Add(kv.Key + ": " + kv.Value.ToString(CultureInfo.InvariantCulture));
            sb.Append("; ").Append(OutputSupport.Plural(total, "link", "links")).Append(" not checked (").Append(string.Join(", ", reasons)).Append(')');
        }
        if (options.ShowElapsed)
            sb.Append(" in ").Append(result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)).Append(" s");
        return sb.ToString();
    }

    private static void AppendDiagnostic(StringBuilder sb, Diagnostic d, OutputOptions options, OutputSupport support)
    {
        var loc = d.Location;
        if (!options.Color) d.AppendTo(sb).Append('\n');
        else
        {
            string sevColor = d.Severity switch { Severity.Error => Red, Severity.Warning => Yellow, _ => Cyan };
            sb.Append(Bold).Append(loc.Path).Append(Reset).Append(Dim).Append('(').Append(loc.StartLine).Append(',').Append(loc.StartColumn)
              .Append("):").Append(Reset).Append(' ').Append(sevColor).Append(Bold).Append(d.Severity.ToDisplayString()).Append(Reset)
              .Append(' ').Append(Dim).Append(d.Id).Append(':').Append(Reset).Append(' ').Append(d.Message).Append('\n');
        }
        if (!options.Excerpts)
        {
            if (options.ShowFixes && d.Fix is not null)
                sb.Append("  ").Append(Paint($"fix{(d.Fix.IsSafe ? "" : " (unsafe)")}: {d.Fix.Title}", Green, options)).Append('\n');
            return;
        }
        string? line = support.GetLine(loc.Path, loc.StartLine);
        if (line is not null && !(loc.Span.IsEmpty && loc.StartLine == 1 && loc.StartColumn == 1 && loc.EndColumn == 1 && line.Length == 0))
        {
            string number = loc.StartLine.ToString(CultureInfo.InvariantCulture);
            string gutter = new string(' ', number.Length);
            int start = Math.Min(loc.StartColumn - 1, line.Length);
            int end = loc.EndLine == loc.StartLine ? Math.Min(Math.Max(loc.EndColumn - 1, start + 1), line.Length) : line.Length;
            int? room = options.TerminalWidth is > 0 and var w ? Math.Max(1, w - (2 + number.Length + 3)) : null;   // "  12 | "
            var layout = ExcerptLayout.Layout(line, start, end, room);
            string shown = layout.Text;
            int caretStart = layout.CaretStart;
            string carets = new string('^', layout.CaretWidth);
            sb.Append("  ").Append(Paint(number + " |", Dim, options)).Append(' ').Append(shown).Append('\n');
            sb.Append("  ").Append(Paint(gutter + " |", Dim, options)).Append(' ').Append(new string(' ', caretStart))
              .Append(Paint(carets, d.Severity == Severity.Error ? Red + Bold : d.Severity == Severity.Warning ? Yellow + Bold : Cyan, options)).Append('\n');
        }
        if (d.Fix is not null)
            sb.Append("  ").Append(Paint($"fix{(d.Fix.IsSafe ? "" : " (unsafe)")}: {d.Fix.Title}", Green, options)).Append('\n');
        if (d.Descriptor.HelpLink is { } link) sb.Append("  ").Append(Paint("help: " + link, Dim, options)).Append('\n');
    }

    /// <summary>Per-rule counts (rule, count, fixable, name), most frequent first; empty when there is no finding.</summary>
    public static string FormatStats(LintResult result, OutputOptions? options = null)
    {
        if (result is null) throw new ArgumentNullException(nameof(result));
        var sb = new StringBuilder();
        AppendStats(sb, result, options ?? new OutputOptions());
        return sb.ToString();
    }

    private static void AppendStats(StringBuilder sb, LintResult result, OutputOptions options)
    {
        var counts = result.CountsByRule();
        if (counts.Count == 0) return;
        var byId = result.Diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First().Descriptor, StringComparer.Ordinal);
        int idWidth = Math.Max(4, counts.Keys.Max(k => k.Length));
        int countWidth = Math.Max(5, counts.Values.Max().ToString(CultureInfo.InvariantCulture).Length);
        sb.Append(Paint("Rule".PadRight(idWidth) + "  " + "Count".PadLeft(countWidth) + "  Fixable  Name", Bold, options)).Append('\n');
        foreach (var kv in counts.OrderByDescending(k => k.Value).ThenBy(k => k.Key, StringComparer.Ordinal))
        {
            int fixable = result.Diagnostics.Count(d => d.Id == kv.Key && d.Fix is not null);
            sb.Append(kv.Key.PadRight(idWidth)).Append("  ").Append(kv.Value.ToString(CultureInfo.InvariantCulture).PadLeft(countWidth))
              .Append("  ").Append(fixable.ToString(CultureInfo.InvariantCulture).PadLeft(7)).Append("  ").Append(byId[kv.Key].Name).Append('\n');
        }
    }

    private static string Paint(string text, string code, OutputOptions options) =>
        options.Color && code.Length > 0 ? code + text + Reset : text;
}
