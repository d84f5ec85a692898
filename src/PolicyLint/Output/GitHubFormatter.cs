using System;
using System.IO;
using System.Text;
using PolicyLint.Diagnostics;
using PolicyLint.Engine;

namespace PolicyLint.Output;

/// <summary>
/// GitHub Actions workflow commands: <c>::error file=...,line=...,col=...,endLine=...,endColumn=...,title=PL4001::message</c>,
/// which the runner turns into annotations on the pull request. Info findings become <c>::notice</c>.
/// </summary>
public static class GitHubFormatter
{
    /// <summary>Formats every diagnostic as one workflow command line.</summary>
    public static string Format(LintResult result, OutputOptions? options = null)
    {
        if (result is null) throw new ArgumentNullException(nameof(result));
        return OutputSupport.ToText(w => Write(result, w, options));
    }

    /// <summary>Writes every diagnostic as one workflow command line to <paramref name="output"/> as it goes.</summary>
    public static void Write(LintResult result, TextWriter output, OutputOptions? options = null)
    {
        if (result is null) throw new ArgumentNullException(nameof(result));
        if (output is null) throw new ArgumentNullException(nameof(output));
        options ??= new OutputOptions();
        // Annotations need paths relative to the repository root: a job with 'working-directory:' lints from a subfolder.
        string baseDir = options.GetBaseDirectory(), root = options.GetRootDirectory();
        foreach (var d in result.Diagnostics)
        {
            output.Write(FormatDiagnostic(d, OutputSupport.RepoRelativePath(baseDir, root, d.Location.Path)));
            output.Write('\n');
        }
    }

    /// <summary>One workflow command for <paramref name="d"/>, with its display path.</summary>
    public static string FormatDiagnostic(Diagnostic d) => FormatDiagnostic(d, d?.Location.Path ?? "");

    private static string FormatDiagnostic(Diagnostic d, string path)
    {
        if (d is null) throw new ArgumentNullException(nameof(d));
        var loc = d.Location;
        string command = d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
        var sb = new StringBuilder("::").Append(command)
            .Append(" file=").Append(EscapeProperty(path))
            .Append(",line=").Append(loc.StartLine)
            .Append(",col=").Append(loc.StartColumn)
            .Append(",endLine=").Append(loc.EndLine)
            .Append(",endColumn=").Append(loc.EndColumn)
            .Append(",title=").Append(EscapeProperty(d.Id))
            .Append("::").Append(EscapeData(d.Message));
        return sb.ToString();
    }

    /// <summary>Escapes a command's message (<c>%</c>, CR, LF).</summary>
    public static string EscapeData(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>Escapes a property value (also <c>:</c> and <c>,</c>).</summary>
    public static string EscapeProperty(string s) => EscapeData(s).Replace(":", "%3A").Replace(",", "%2C");
}
