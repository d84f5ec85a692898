using System;
using System.Collections.Generic;
using System.IO;
using PolicyLint.Diagnostics;
using PolicyLint.Engine;

namespace PolicyLint.Output;

/// <summary>
/// GitLab Code Quality JSON (a CodeClimate subset), shown in merge request widgets: one object per finding with a
/// description, the rule as <c>check_name</c>, a stable <c>fingerprint</c>, a severity and the repository-relative path and line.
/// </summary>
public static class GitLabFormatter
{
    /// <summary>Formats the result as a Code Quality report (a JSON array), ending with a newline.</summary>
    public static string Format(LintResult result, OutputOptions? options = null)
    {
        if (result is null) throw new ArgumentNullException(nameof(result));
        return OutputSupport.ToText(w => Write(result, w, options));
    }

    /// <summary>Writes the result as a Code Quality report, ending with a newline, to <paramref name="output"/> as it goes.</summary>
    public static void Write(LintResult result, TextWriter output, OutputOptions? options = null)
    {
        if (result is null) throw new ArgumentNullException(nameof(result));
        if (output is null) throw new ArgumentNullException(nameof(output));
        options ??= new OutputOptions();
        var support = new OutputSupport(options);
        string baseDir = options.GetBaseDirectory(), root = options.GetRootDirectory();
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        using var chunks = new JsonChunks(output);
        var w = chunks.Writer;
        {
            w.WriteStartArray();
            foreach (var d in result.Diagnostics)
            {
                string path = OutputSupport.RepoRelativePath(baseDir, root, d.Location.Path);
                w.WriteStartObject();
                w.WriteString("type", "issue");
                w.WriteString("description", $"{d.Id}: {d.Message}");
                w.WriteString("check_name", d.Id);
                w.WriteStartArray("categories");
                w.WriteStringValue(d.Descriptor.Category == RuleCategory.Links ? "Bug Risk" : "Style");
                w.WriteEndArray();
                w.WriteString("fingerprint", support.Fingerprint(d, path, occurrences));
                w.WriteString("severity", d.Severity switch { Severity.Error => "major", Severity.Warning => "minor", _ => "info" });
                w.WriteStartObject("location");
                w.WriteString("path", path);
                w.WriteStartObject("lines");
                w.WriteNumber("begin", Math.Max(1, d.Location.StartLine));
                w.WriteNumber("end", Math.Max(d.Location.StartLine, d.Location.EndLine));
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
                chunks.MaybeDrain();
            }
            w.WriteEndArray();
        }
        chunks.Finish();
    }
}
