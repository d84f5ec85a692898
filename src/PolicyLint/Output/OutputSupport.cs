using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace PolicyLint.Output;

/// <summary>Helpers shared by the formatters: source text cache, positions of fix edits, JSON writer setup.</summary>
internal sealed class OutputSupport
{
    private readonly ConcurrentDictionary<string, (string? Text, LineMap? Lines)> _sources = new(StringComparer.Ordinal);
    private readonly Func<string, string?>? _provider;

    public OutputSupport(OutputOptions options) { _provider = options.SourceText; }

    public static string LibraryVersion { get; } =
        typeof(OutputSupport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(OutputSupport).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    public (string? Text, LineMap? Lines) Source(string path) => _sources.GetOrAdd(path, p =>
    {
        string? text = null;
        try { text = _provider?.Invoke(p); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { text = null; }
        return text is null ? (null, null) : (text, new LineMap(text));
    });

    /// <summary>1-based start and end positions of <paramref name="span"/> in the file, when its text is known.</summary>
    public bool TryGetPositions(string path, TextSpan span, out int startLine, out int startColumn, out int endLine, out int endColumn)
    {
        var (text, lines) = Source(path);
        if (text is null || lines is null || span.End > text.Length)
        {
            startLine = startColumn = endLine = endColumn = 0;
            return false;
        }
        (startLine, startColumn) = lines.GetPosition(span.Start);
        (endLine, endColumn) = lines.GetPosition(span.End);
        return true;
    }

    /// <summary>The text of the 1-based line, without its line break, or null.</summary>
    /// <summary>A display path relative to the repository root (forward slashes); the display path itself outside the root.</summary>
    public static string RepoRelativePath(string baseDir, string root, string displayPath)
    {
        string full = Path.GetFullPath(Path.Combine(baseDir, displayPath));
        string rel = Configuration.ConfigurationResolver.GetRelativePath(root, full);
        return rel.StartsWith("../", StringComparison.Ordinal) || rel == ".." || Path.IsPathRooted(rel) ? displayPath : rel;
    }

    /// <summary>A stable fingerprint of a finding: rule, repository path, message and the trimmed text of its line, plus which occurrence it is.</summary>
    public string Fingerprint(Diagnostic d, string path, Dictionary<string, int> occurrences)
    {
        string line = (GetLine(d.Location.Path, d.Location.StartLine) ?? "").Trim();
        string key = d.Id + "\u0000" + path + "\u0000" + line + "\u0000" + d.Message;
        occurrences.TryGetValue(key, out int n);
        occurrences[key] = n + 1;
        return Fnv1a64(key).ToString("x16", CultureInfo.InvariantCulture) + ":" + (n + 1).ToString(CultureInfo.InvariantCulture);
    }

    internal static ulong Fnv1a64(string s)
    {
        ulong h = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(s)) { h ^= b; h *= 1099511628211UL; }
        return h;
    }

    public string? GetLine(string path, int line)
    {
        var (text, lines) = Source(path);
        if (text is null || lines is null || line < 1 || line > lines.LineCount) return null;
        int start = lines.GetLineStart(line - 1);
        return text.Substring(start, lines.GetLineEnd(line - 1, text) - start);
    }

    public static Utf8JsonWriter CreateWriter(Stream stream) => new(stream, new JsonWriterOptions
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    });

    /// <summary>
    /// Runs <paramref name="write"/> into a string: what the <c>Format</c> methods return, the same text their
    /// <c>Write</c> methods stream.
    /// </summary>
    public static string ToText(Action<TextWriter> write)
    {
        using var sw = new StringWriter(CultureInfo.InvariantCulture);
        write(sw);
        return sw.ToString();
    }

    public static string ToUtf8String(MemoryStream stream) => new UTF8Encoding(false).GetString(stream.ToArray()) + "\n";

    public static string Plural(int n, string one, string many) => n.ToString("N0", CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);

    public static int CountFixable(System.Collections.Generic.IEnumerable<Diagnostic> diagnostics, bool safe) =>
        diagnostics.Count(d => d.Fix is not null && d.Fix.IsSafe == safe);
}
