using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyLint.Configuration;
using PolicyLint.Diagnostics;
using PolicyLint.IO;

namespace PolicyLint.Engine;

/// <summary>
/// Findings recorded at one point in time (a JSON file, by default <c>.policylint-baseline.json</c>), so that later runs
/// report only new ones. An entry matches by rule, file and a fingerprint of the message and of the finding's text with
/// a few characters around it, never by line or column: edits elsewhere in the file and moved lines keep matching; each entry has a count, so a
/// second identical finding in the same file is new. Paths are relative to the baseline file's folder, which lets the
/// command line (from any folder), the MSBuild task (from the project folder) and the library share one file.
/// </summary>
public sealed class Baseline
{
    /// <summary>The file name used when none is given.</summary>
    public const string DefaultFileName = ".policylint-baseline.json";

    private const int FormatVersion = 1;
    private const int ContextChars = 12;
    private static readonly Regex LineReference = new(@"\b(lines?|columns?) \d+(?:(?:-|, | and )\d+)*", RegexOptions.CultureInvariant);

    private Baseline(string path, ImmutableArray<BaselineEntry> entries)
    {
        Path = System.IO.Path.GetFullPath(path);
        Entries = entries;
    }

    /// <summary>The baseline file (full path); entry paths are relative to its folder.</summary>
    public string Path { get; }

    /// <summary>The entries, sorted by path, rule and fingerprint.</summary>
    public ImmutableArray<BaselineEntry> Entries { get; }

    /// <summary>The number of findings recorded (entries times their counts).</summary>
    public int FindingCount => Entries.Sum(e => e.Count);

    private string Directory => System.IO.Path.GetDirectoryName(Path) ?? ".";

    /// <summary>A baseline of every finding of <paramref name="result"/>, to be saved at <paramref name="path"/>.</summary>
    /// <param name="result">The run to record.</param>
    /// <param name="path">Where the baseline will live; entry paths are relative to its folder.</param>
    /// <param name="sourceText">The decoded text of a file by display path (as <see cref="Output.OutputOptions.SourceText"/>); by default files are read from disk.</param>
    /// <param name="include">Records only the findings it accepts (default: all).</param>
    public static Baseline Create(LintResult result, string path, Func<string, string?>? sourceText = null, Func<Diagnostic, bool>? include = null)
    {
        if (result is null) throw new ArgumentNullException(nameof(result));
        var empty = new Baseline(path, ImmutableArray<BaselineEntry>.Empty);
        var entries = empty.Keys(result, sourceText)
            .Where(k => include is null || include(k.Diagnostic))
            .GroupBy(k => k.Key)
            .Select(g => new BaselineEntry(g.Key.Rule, g.Key.Path, g.First().Message, g.Key.Fingerprint, g.Count()));
        return new Baseline(path, Sort(entries));
    }

    /// <summary>This baseline and the entries of <paramref name="other"/> (counts of the same entry add up), saved at this one's path.</summary>
    public Baseline Combine(Baseline other)
    {
        if (other is null) throw new ArgumentNullException(nameof(other));
        var mine = other.Entries.Select(e => new BaselineEntry(e.Rule,
            ConfigurationResolver.GetRelativePath(Directory, System.IO.Path.Combine(other.Directory, e.Path)), e.Message, e.Fingerprint, e.Count));
        var merged = Entries.Concat(mine).GroupBy(e => (e.Rule, e.Path, e.Fingerprint))
            .Select(g => g.First().WithCount(g.Sum(e => e.Count)));
        return new Baseline(Path, Sort(merged));
    }

    /// <summary>Reads a baseline file.</summary>
    /// <exception cref="ConfigurationException">The file cannot be read or is not a PolicyLint baseline.</exception>
    public static Baseline Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException("Cannot read the baseline: " + ex.Message, path, inner: ex);
        }
        return Parse(text, path);
    }

    /// <summary>Reads a baseline from its JSON text; <paramref name="path"/> is where it lives (entry paths are relative to its folder).</summary>
    /// <exception cref="ConfigurationException">The text is not a PolicyLint baseline.</exception>
    public static Baseline Parse(string json, string path)
    {
        ConfigurationException Bad(string why) => new("Not a PolicyLint baseline: " + why, path);
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Bad("the file must hold a JSON object");
            if (!root.TryGetProperty("version", out var v) || v.ValueKind != JsonValueKind.Number || v.GetInt32() != FormatVersion)
                throw Bad($"\"version\" must be {FormatVersion}");
            if (!root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
                throw Bad("\"findings\" must be a list");
            var entries = new List<BaselineEntry>();
            foreach (var f in findings.EnumerateArray())
            {
                string Str(string name) => f.ValueKind == JsonValueKind.Object && f.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String
                    ? p.GetString()! : throw Bad($"finding {entries.Count + 1} has no \"{name}\" text");
                int count = f.TryGetProperty("count", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out int n) && n > 0 ? n
                    : throw Bad($"finding {entries.Count + 1} has no positive \"count\"");
                entries.Add(new BaselineEntry(Str("rule"), Str("path"), Str("message"), Str("fingerprint"), count));
            }
            return new Baseline(path, Sort(entries));
        }
        catch (JsonException ex)
        {
            throw Bad("invalid JSON (" + ex.Message + ")");
        }
        catch (InvalidOperationException ex)
        {
            throw Bad(ex.Message);
        }
    }

    /// <summary>The baseline as JSON: stable order, one entry per finding kind, LF line endings.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = Output.OutputSupport.CreateWriter(stream))
        {
            w.WriteStartObject();
            w.WriteNumber("version", FormatVersion);
            w.WriteString("comment", "PolicyLint baseline: findings that existed when it was written; runs with --baseline report only new ones. "
                                     + "Regenerate with --write-baseline, shrink with --update-baseline.");
            w.WriteStartArray("findings");
            foreach (var e in Entries)
            {
                w.WriteStartObject();
                w.WriteString("rule", e.Rule);
                w.WriteString("path", e.Path);
                w.WriteString("message", e.Message);
                w.WriteString("fingerprint", e.Fingerprint);
                w.WriteNumber("count", e.Count);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes the baseline to <see cref="Path"/>, atomically (a temporary file renamed over it).</summary>
    public void Save()
    {
        string dir = Directory;
        System.IO.Directory.CreateDirectory(dir);
        string temp = System.IO.Path.Combine(dir, "." + System.IO.Path.GetFileName(Path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
        try
        {
            File.WriteAllText(temp, ToJson(), new UTF8Encoding(false));
            if (File.Exists(Path)) File.Replace(temp, Path, null);
            else File.Move(temp, Path);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>
    /// Splits the findings of <paramref name="result"/> into new ones (kept in <see cref="BaselineComparison.Result"/>) and
    /// those the baseline records, and lists the entries of the run's files that no longer occur.
    /// </summary>
    public BaselineComparison Compare(LintResult result, Func<string, string?>? sourceText = null)
    {
        if (result is null) throw new ArgumentNullException(nameof(result));
        var remaining = Entries.ToDictionary(e => (e.Rule, e.Path, e.Fingerprint), e => e.Count);
        var known = new HashSet<Diagnostic>(ReferenceEqualityComparer.Instance);
        foreach (var (d, key, _) in Keys(result, sourceText))
        {
            if (!remaining.TryGetValue(key, out int left) || left == 0) continue;
            remaining[key] = left - 1;
            known.Add(d);
        }
        var files = result.Files.Select(f => new FileResult(f.Path, f.FullPath, f.Diagnostics.Where(d => !known.Contains(d)).ToImmutableArray(),
            f.Linted, f.LastWriteTimeUtc, f.Length)).ToImmutableArray();
        // Everything else about the run stays: site models, unchecked links, and how many files came from the cache.
        var filtered = new LintResult(files, result.Rules, result.Elapsed, result.SiteModels, result.UncheckedLinks) { CachedFiles = result.CachedFiles };

        // Only the files of this run can tell that an entry is gone; entries of other files stay as they are.
        var runFiles = new HashSet<string>(result.Files.Select(f => RelativePath(f.FullPath)), StringComparer.Ordinal);
        var gone = Entries.Where(e => runFiles.Contains(e.Path) && remaining[(e.Rule, e.Path, e.Fingerprint)] > 0)
            .Select(e => e.WithCount(remaining[(e.Rule, e.Path, e.Fingerprint)])).ToImmutableArray();
        var pruned = new Baseline(Path, Entries
            .Select(e => runFiles.Contains(e.Path) ? e.WithCount(e.Count - remaining[(e.Rule, e.Path, e.Fingerprint)]) : e)
            .Where(e => e.Count > 0).ToImmutableArray());
        return new BaselineComparison(filtered, known.Count, gone, pruned);
    }

    private IEnumerable<(Diagnostic Diagnostic, (string Rule, string Path, string Fingerprint) Key, string Message)> Keys(
        LintResult result, Func<string, string?>? sourceText)
    {
        foreach (var file in result.Files)
        {
            if (file.Diagnostics.IsEmpty) continue;
            string rel = RelativePath(file.FullPath);
            string? text = null;
            bool read = false;
            foreach (var d in file.Diagnostics)
            {
                if (!read)
                {
                    read = true;
                    text = sourceText is not null ? sourceText(file.Path) : ReadText(file.FullPath);
                }
                string message = LineReference.Replace(d.Message, "$1 #");
                yield return (d, (d.Id, rel, Fingerprint(d.Id + "\u0000" + message + "\u0000" + Context(text, d.Location.Span))), d.Message);
            }
        }
    }

    /// <summary>
    /// The finding's text (its first line only) with a few characters either side on the same line: an edit elsewhere,
    /// even on the same line, leaves it as it is; moving the line does too.
    /// </summary>
    private static string Context(string? text, TextSpan span)
    {
        if (text is null || span.Start > text.Length) return "";
        int start = span.Start, end = Math.Min(text.Length, span.End);
        int lineStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        int lineEnd = text.IndexOf('\n', start);
        if (lineEnd < 0) lineEnd = text.Length;
        if (end > lineEnd) end = lineEnd;
        int from = Math.Max(lineStart, start - ContextChars), to = Math.Min(lineEnd, end + ContextChars);
        return text.Substring(from, start - from).TrimStart() + "\u0001" + text.Substring(start, end - start) + "\u0001" + text.Substring(end, to - end).TrimEnd();
    }

    private string RelativePath(string fullPath) => ConfigurationResolver.GetRelativePath(Directory, fullPath);

    private static string? ReadText(string fullPath)
    {
        try { return InputLog.FileExists(fullPath) ? Documents.MarkdownFile.DecodeText(File.ReadAllBytes(fullPath)) : null; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
    }

    private static string Fingerprint(string s)
    {
        ulong h = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(s)) { h ^= b; h *= 1099511628211UL; }
        return h.ToString("x16", CultureInfo.InvariantCulture);
    }

    private static ImmutableArray<BaselineEntry> Sort(IEnumerable<BaselineEntry> entries) =>
        entries.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Rule, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal).ToImmutableArray();

    private sealed class ReferenceEqualityComparer : IEqualityComparer<Diagnostic>
    {
        public static ReferenceEqualityComparer Instance { get; } = new();
        public bool Equals(Diagnostic? x, Diagnostic? y) => ReferenceEquals(x, y);
        public int GetHashCode(Diagnostic obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}

/// <summary>One kind of finding recorded in a <see cref="Baseline"/>.</summary>
public sealed class BaselineEntry
{
    /// <summary>Creates an entry.</summary>
    public BaselineEntry(string rule, string path, string message, string fingerprint, int count)
    {
        Rule = rule; Path = path; Message = message; Fingerprint = fingerprint; Count = count;
    }

    /// <summary>The rule ID.</summary>
    public string Rule { get; }
    /// <summary>The file, relative to the baseline's folder, with forward slashes.</summary>
    public string Path { get; }
    /// <summary>The message when it was recorded (for people reading the file; matching uses the fingerprint).</summary>
    public string Message { get; }
    /// <summary>A hash of the rule, the message, and the finding's text with a few characters of its line either side.</summary>
    public string Fingerprint { get; }
    /// <summary>How many such findings the file had.</summary>
    public int Count { get; }

    internal BaselineEntry WithCount(int count) => new(Rule, Path, Message, Fingerprint, count);

    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Rule}: {Message}" + (Count > 1 ? $" (x{Count})" : "");
}

/// <summary>A run compared with a <see cref="Baseline"/>.</summary>
public sealed class BaselineComparison
{
    internal BaselineComparison(LintResult result, int matched, ImmutableArray<BaselineEntry> gone, Baseline pruned)
    {
        Result = result; Matched = matched; Gone = gone; Pruned = pruned;
    }

    /// <summary>The run with only the findings the baseline does not record.</summary>
    public LintResult Result { get; }
    /// <summary>Findings the baseline recorded (left out of <see cref="Result"/>).</summary>
    public int Matched { get; }
    /// <summary>Entries of the run's files that no longer occur, with how many of each are gone.</summary>
    public ImmutableArray<BaselineEntry> Gone { get; }
    /// <summary>The baseline without the gone entries (what <c>--update-baseline</c> writes); it never gains an entry.</summary>
    public Baseline Pruned { get; }
}
