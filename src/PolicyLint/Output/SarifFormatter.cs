using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PolicyLint.Diagnostics;
using PolicyLint.Engine;

namespace PolicyLint.Output;

/// <summary>
/// SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps, IDE viewers): rule metadata with help URIs,
/// repository-relative URIs (<c>%SRCROOT%</c>), partial fingerprints and fixes as <c>artifactChanges</c>.
/// </summary>
public static class SarifFormatter
{
    /// <summary>The schema URI written in <c>$schema</c>.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>Formats the result as a SARIF log, ending with a newline.</summary>
    public static string Format(LintResult result, OutputOptions? options = null)
    {
        if (result is null) throw new ArgumentNullException(nameof(result));
        return OutputSupport.ToText(w => Write(result, w, options));
    }

    /// <summary>Writes the result as a SARIF log, ending with a newline, to <paramref name="output"/> as it goes.</summary>
    public static void Write(LintResult result, TextWriter output, OutputOptions? options = null)
    {
        if (result is null) throw new ArgumentNullException(nameof(result));
        if (output is null) throw new ArgumentNullException(nameof(output));
        options ??= new OutputOptions();
        var support = new OutputSupport(options);
        string baseDir = options.GetBaseDirectory(), root = options.GetRootDirectory();
        var rules = result.Diagnostics.Select(d => d.Descriptor).Distinct().OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);

        using var chunks = new JsonChunks(output);
        var w = chunks.Writer;
        {
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();

            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "PolicyLint");
            string version = options.GetToolVersion();
            w.WriteString("version", version);
            w.WriteString("semanticVersion", version.Split('+')[0]);
            w.WriteString("informationUri", "https://github.com/policylint/policylint");
            w.WriteStartArray("rules");
            foreach (var r in rules) WriteRule(w, r);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();

            // Where %SRCROOT% is, so viewers can open the files; the invocation says how the run ended.
            w.WriteStartObject("originalUriBaseIds");
            w.WriteStartObject("%SRCROOT%");
            w.WriteString("uri", new Uri(root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? root : root + Path.DirectorySeparatorChar).AbsoluteUri);
            w.WriteEndObject();
            w.WriteEndObject();
            WriteInvocation(w, options);

            w.WriteString("columnKind", "utf16CodeUnits");
            w.WriteStartArray("results");
            foreach (var d in result.Diagnostics)
            {
                WriteResult(w, d, ruleIndex[d.Id], RepoRelativeUri(baseDir, root, d.Location.Path), support, occurrences);
                chunks.MaybeDrain();
            }
            w.WriteEndArray();

            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        chunks.Finish();
    }

    private static void WriteInvocation(Utf8JsonWriter w, OutputOptions options)
    {
        w.WriteStartArray("invocations");
        w.WriteStartObject();
        // Findings are a successful run; exit code 2 (usage, configuration, crash) is not.
        w.WriteBoolean("executionSuccessful", options.ExitCode is null or 0 or 1);
        if (options.ExitCode is { } code) w.WriteNumber("exitCode", code);
        if (options.Notifications is { Count: > 0 } notes)
        {
            w.WriteStartArray("toolExecutionNotifications");
            foreach (var n in notes)
            {
                w.WriteStartObject();
                w.WriteString("level", "warning");
                w.WriteStartObject("message");
                w.WriteString("text", n);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void WriteRule(Utf8JsonWriter w, RuleDescriptor r)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("name", r.Name);
        w.WriteStartObject("shortDescription");
        w.WriteString("text", r.Title);
        w.WriteEndObject();
        w.WriteStartObject("fullDescription");
        w.WriteString("text", r.Description);
        w.WriteEndObject();
        if (r.HelpLink is { } helpUri) w.WriteString("helpUri", helpUri);
        w.WriteStartObject("help");
        if (r.HelpLink is { } link)
        {
            w.WriteString("text", $"{r.Title}. See {link} or run 'dotnet policylint explain {r.Id}'.");
            w.WriteString("markdown", $"{r.Title}. See [{r.Id}]({link}) or run `dotnet policylint explain {r.Id}`.");
        }
        else
        {
            w.WriteString("text", $"{r.Title}. Run 'dotnet policylint explain {r.Id}'.");
            w.WriteString("markdown", $"{r.Title}. Run `dotnet policylint explain {r.Id}`.");
        }
        w.WriteEndObject();
        w.WriteStartObject("defaultConfiguration");
        w.WriteBoolean("enabled", r.IsEnabledByDefault);
        w.WriteString("level", Level(r.DefaultSeverity == Severity.None ? Severity.Warning : r.DefaultSeverity));
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteStartArray("tags");
        w.WriteStringValue("markdown");
        w.WriteStringValue(JsonFormatter.CategoryName(r.Category));
        w.WriteEndArray();
        w.WriteString("precision", "very-high");
        w.WriteString("problem.severity", r.DefaultSeverity == Severity.Info ? "recommendation" : r.DefaultSeverity.ToDisplayString());
        w.WriteBoolean("fixable", r.HasFix);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, Diagnostic d, int index, string uri, OutputSupport support, Dictionary<string, int> occurrences)
    {
        var loc = d.Location;
        w.WriteStartObject();
        w.WriteString("ruleId", d.Id);
        w.WriteNumber("ruleIndex", index);
        w.WriteString("level", Level(d.Severity));
        w.WriteStartObject("message");
        w.WriteString("text", d.Message);
        w.WriteEndObject();
        w.WriteStartArray("locations");
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        WriteArtifact(w, uri);
        w.WriteStartObject("region");
        w.WriteNumber("startLine", Math.Max(1, loc.StartLine));
        w.WriteNumber("startColumn", Math.Max(1, loc.StartColumn));
        w.WriteNumber("endLine", Math.Max(loc.StartLine, loc.EndLine));
        w.WriteNumber("endColumn", Math.Max(1, loc.EndColumn));
        w.WriteNumber("charOffset", loc.Span.Start);
        w.WriteNumber("charLength", loc.Span.Length);
        if (loc.ByteOffset is { } bo) w.WriteNumber("byteOffset", bo);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();

        // A fingerprint that survives unrelated edits: rule, file and the trimmed text of the line, plus which occurrence it is.
        w.WriteStartObject("partialFingerprints");
        w.WriteString("policylint/v1", support.Fingerprint(d, uri, occurrences));
        w.WriteEndObject();

        if (d.Fix is not null)
        {
            w.WriteStartArray("fixes");
            w.WriteStartObject();
            w.WriteStartObject("description");
            w.WriteString("text", d.Fix.Title);
            w.WriteEndObject();
            w.WriteStartArray("artifactChanges");
            w.WriteStartObject();
            WriteArtifact(w, uri);
            w.WriteStartArray("replacements");
            foreach (var e in d.Fix.Edits)
            {
                w.WriteStartObject();
                w.WriteStartObject("deletedRegion");
                if (support.TryGetPositions(loc.Path, e.Span, out int l1, out int c1, out int l2, out int c2))
                {
                    w.WriteNumber("startLine", l1);
                    w.WriteNumber("startColumn", c1);
                    w.WriteNumber("endLine", l2);
                    w.WriteNumber("endColumn", c2);
                }
                w.WriteNumber("charOffset", e.Span.Start);
                w.WriteNumber("charLength", e.Span.Length);
                w.WriteEndObject();
                w.WriteStartObject("insertedContent");
                w.WriteString("text", e.NewText);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartObject("properties");
            w.WriteBoolean("safe", d.Fix.IsSafe);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteArtifact(Utf8JsonWriter w, string uri)
    {
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", uri);
        if (!uri.StartsWith("file:", StringComparison.Ordinal)) w.WriteString("uriBaseId", "%SRCROOT%");
        w.WriteEndObject();
    }

    private static string Level(Severity s) => s switch { Severity.Error => "error", Severity.Warning => "warning", Severity.Info => "note", _ => "none" };

    /// <summary>The URI of a display path relative to the repository root (percent-encoded), or a file: URI outside it.</summary>
    internal static string RepoRelativeUri(string baseDir, string root, string displayPath)
    {
        string full = Path.GetFullPath(Path.Combine(baseDir, displayPath));
        string rel = Configuration.ConfigurationResolver.GetRelativePath(root, full);
        if (rel.StartsWith("../", StringComparison.Ordinal) || rel == ".." || Path.IsPathRooted(rel))
            return new Uri(full).AbsoluteUri;
        return string.Join("/", rel.Split('/').Select(Uri.EscapeDataString));
    }
}
