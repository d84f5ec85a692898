using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using PolicyLint.Diagnostics;
using PolicyLint.Engine;

namespace PolicyLint.Output;

/// <summary>
/// The JSON format (documented in <c>docs/json-format.md</c>; <c>"version": 1</c>). Written with <see cref="Utf8JsonWriter"/>,
/// no reflection, so it works trimmed and ahead-of-time compiled.
/// </summary>
public static class JsonFormatter
{
    /// <summary>The version of the JSON shape; raised only on breaking changes.</summary>
    public const int FormatVersion = 1;

    /// <summary>Formats the result as indented JSON, ending with a newline.</summary>
    public static string Format(LintResult result, OutputOptions? options = null)
    {
        if (result is null) throw new ArgumentNullException(nameof(result));
        return OutputSupport.ToText(w => Write(result, w, options));
    }

    /// <summary>Writes the result as indented JSON, ending with a newline, to <paramref name="output"/> as it goes.</summary>
    public static void Write(LintResult result, TextWriter output, OutputOptions? options = null)
    {
        if (result is null) throw new ArgumentNullException(nameof(result));
        if (output is null) throw new ArgumentNullException(nameof(output));
        options ??= new OutputOptions();
        var support = new OutputSupport(options);
        using var chunks = new JsonChunks(output);
        var w = chunks.Writer;
        {
            w.WriteStartObject();
            w.WriteNumber("version", FormatVersion);
            w.WriteStartObject("tool");
            w.WriteString("name", "PolicyLint");
            w.WriteString("version", options.GetToolVersion());
            w.WriteEndObject();

            w.WriteStartObject("summary");
            w.WriteNumber("files", result.Files.Length);
            w.WriteNumber("errors", result.Count(Severity.Error));
            w.WriteNumber("warnings", result.Count(Severity.Warning));
            w.WriteNumber("infos", result.Count(Severity.Info));
            w.WriteNumber("fixable", OutputSupport.CountFixable(result.Diagnostics, safe: true));
            w.WriteNumber("fixableUnsafe", OutputSupport.CountFixable(result.Diagnostics, safe: false));
            w.WriteEndObject();

            w.WriteStartArray("files");
            foreach (var f in result.Files)
            {
                w.WriteStartObject();
                w.WriteString("path", f.Path);
                w.WriteBoolean("linted", f.Linted);
                w.WriteNumber("diagnostics", f.Diagnostics.Length);
                w.WriteEndObject();
                chunks.MaybeDrain();
            }
            w.WriteEndArray();

            w.WriteStartArray("diagnostics");
            foreach (var d in result.Diagnostics) { WriteDiagnostic(w, d, support); chunks.MaybeDrain(); }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        chunks.Finish();
    }

    private static void WriteDiagnostic(Utf8JsonWriter w, Diagnostic d, OutputSupport support)
    {
        var loc = d.Location;
        w.WriteStartObject();
        w.WriteString("ruleId", d.Id);
        w.WriteString("ruleName", d.Descriptor.Name);
        w.WriteString("category", CategoryName(d.Descriptor.Category));
        w.WriteString("severity", d.Severity.ToDisplayString());
        w.WriteString("path", loc.Path);
        w.WriteNumber("startLine", loc.StartLine);
        w.WriteNumber("startColumn", loc.StartColumn);
        w.WriteNumber("endLine", loc.EndLine);
        w.WriteNumber("endColumn", loc.EndColumn);
        w.WriteNumber("offset", loc.Span.Start);
        w.WriteNumber("length", loc.Span.Length);
        if (loc.ByteOffset is { } bo) w.WriteNumber("byteOffset", bo);
        w.WriteString("message", d.Message);
        w.WriteString("helpUri", d.Descriptor.HelpLink);
        if (d.Fix is null) w.WriteNull("fix");
        else
        {
            w.WriteStartObject("fix");
            w.WriteString("title", d.Fix.Title);
            w.WriteBoolean("safe", d.Fix.IsSafe);
            w.WriteStartArray("edits");
            foreach (var e in d.Fix.Edits)
            {
                w.WriteStartObject();
                if (support.TryGetPositions(loc.Path, e.Span, out int l1, out int c1, out int l2, out int c2))
                {
                    w.WriteNumber("startLine", l1);
                    w.WriteNumber("startColumn", c1);
                    w.WriteNumber("endLine", l2);
                    w.WriteNumber("endColumn", c2);
                }
                w.WriteNumber("offset", e.Span.Start);
                w.WriteNumber("length", e.Span.Length);
                w.WriteString("newText", e.NewText);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>The category's name in output (<c>front-matter</c>, <c>links</c>, ...).</summary>
    public static string CategoryName(RuleCategory category) => category switch
    {
        RuleCategory.Engine => "engine",
        RuleCategory.FrontMatter => "front-matter",
        RuleCategory.Encoding => "encoding",
        RuleCategory.Links => "links",
        RuleCategory.Headings => "headings",
        _ => "custom",
    };
}
