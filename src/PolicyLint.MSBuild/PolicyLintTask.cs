using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using PolicyLint.Configuration;
using PolicyLint.Diagnostics;
using PolicyLint.Engine;
using MSTask = Microsoft.Build.Utilities.Task;

namespace PolicyLint.MSBuild;

/// <summary>
/// Lints Markdown files with the PolicyLint engine and logs each finding as a build error, warning or message,
/// with the rule ID as its code so that -warnaserror, WarningsAsErrors and NoWarn work per rule.
/// </summary>
public sealed class PolicyLintTask : MSTask, ICancelableTask
{
    private readonly CancellationTokenSource _cancel = new();

    /// <summary>The Markdown files to lint.</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Diagnostic paths are relative to this folder (the project folder).</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>An explicit configuration file; when empty, <c>.policylint.yml</c> files are discovered as the tool does.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>The result cache folder (the targets pass obj/policylint-cache); empty: no cache.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>False to lint every document every time (default true when <see cref="CacheDirectory"/> is set).</summary>
    public string? UseCache { get; set; }

    /// <summary>Also write a SARIF 2.1.0 log to this path.</summary>
    public string? SarifFile { get; set; }

    /// <summary>A baseline file (<c>--write-baseline</c> of the tool): findings it records are not reported.</summary>
    public string? BaselineFile { get; set; }

    /// <summary>The project's <c>TreatWarningsAsErrors</c>: PolicyLint warnings fail the build too, as compiler warnings do.</summary>
    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>The project's <c>WarningsAsErrors</c>: rule IDs whose warnings are errors.</summary>
    public string? WarningsAsErrors { get; set; }

    /// <summary>The project's <c>WarningsNotAsErrors</c>: rule IDs that stay warnings under <see cref="TreatWarningsAsErrors"/>.</summary>
    public string? WarningsNotAsErrors { get; set; }

    /// <summary>The project's <c>NoWarn</c>: rule IDs whose warnings are not shown.</summary>
    public string? NoWarn { get; set; }

    /// <summary>Number of errors reported (for targets that want to act on it).</summary>
    [Output]
    public int ErrorCount { get; private set; }

    /// <summary>Number of warnings reported.</summary>
    [Output]
    public int WarningCount { get; private set; }

    /// <inheritdoc/>
    public void Cancel() => _cancel.Cancel();

    /// <inheritdoc/>
    public override bool Execute()
    {
        try
        {
            var files = Files.Select(f => f.GetMetadata("FullPath")).Where(p => !string.IsNullOrEmpty(p))
                .Distinct(StringComparer.Ordinal).ToArray();
            if (files.Length == 0) return true;
            var request = new LintRequest
            {
                Paths = files,
                BaseDirectory = ProjectDirectory,
                ConfigPath = string.IsNullOrWhiteSpace(ConfigFile) ? null : ConfigFile,
                UseCache = !string.IsNullOrWhiteSpace(CacheDirectory) && !string.Equals(UseCache, "false", StringComparison.OrdinalIgnoreCase),
                CacheDirectory = string.IsNullOrWhiteSpace(CacheDirectory) ? null : CacheDirectory,
            };
            var result = new LintEngine().LintAsync(request, null, _cancel.Token).GetAwaiter().GetResult();
            if (!string.IsNullOrWhiteSpace(BaselineFile))
            {
                string baselinePath = Path.GetFullPath(Path.Combine(ProjectDirectory, BaselineFile));
                if (!File.Exists(baselinePath))
                {
                    Log.LogError(null, "PL0000", null, baselinePath, 0, 0, 0, 0,
                        "PolicyLintBaselineFile '{0}' does not exist; create it with 'dotnet policylint --write-baseline {0}'", BaselineFile);
                    return false;
                }
                var comparison = Baseline.Load(baselinePath).Compare(result);
                result = comparison.Result;
                if (comparison.Matched > 0)
                    Log.LogMessage(MessageImportance.Normal, "PolicyLint: {0} finding(s) recorded in the baseline {1} are not shown", comparison.Matched, BaselineFile);
                if (!comparison.Gone.IsEmpty)
                    Log.LogMessage(MessageImportance.High,
                        "PolicyLint: {0} baseline entr(ies) of {1} no longer occur; run 'dotnet policylint --baseline {1} --update-baseline' to remove them",
                        comparison.Gone.Sum(e => e.Count), BaselineFile);
            }
            _warningsAsErrors = Ids(WarningsAsErrors);
            _warningsNotAsErrors = Ids(WarningsNotAsErrors);
            _noWarn = Ids(NoWarn);
            foreach (var d in result.Diagnostics) Report(d);
            if (!string.IsNullOrWhiteSpace(SarifFile)) WriteSarif(result);
            Log.LogMessage(MessageImportance.Normal, "PolicyLint: {0} file(s) ({4} unchanged, from the cache), {1} error(s), {2} warning(s) in {3:0.00} s",
                result.Files.Length, ErrorCount, WarningCount, result.Elapsed.TotalSeconds, result.CachedFiles);
        }
        catch (ConfigurationException ex)
        {
            Log.LogError(null, "PL0000", null, ex.FilePath ?? ProjectDirectory, ex.Line, ex.Column, 0, 0, "Invalid PolicyLint configuration: {0}", ex.Reason);
        }
        catch (LintInputException ex)
        {
            Log.LogError(null, "PL0000", null, null, 0, 0, 0, 0, "PolicyLint: {0}", ex.Message);
        }
        catch (OperationCanceledException)
        {
            Log.LogWarning("PolicyLint was cancelled.");
        }
        catch (Exception ex)
        {
            // Never pass silently: a task that cannot run fails the build and says why.
            Log.LogError(null, "PL0000", null, null, 0, 0, 0, 0, "PolicyLint could not run: {0}: {1}", ex.GetType().Name, ex.Message);
        }
        return !Log.HasLoggedErrors;
    }

    private HashSet<string> _warningsAsErrors = new(), _warningsNotAsErrors = new(), _noWarn = new();

    private static HashSet<string> Ids(string? list) =>
        new((list ?? "").Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0),
            StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The severity to log, as the compiler treats its own warnings: NoWarn hides a warning, WarningsAsErrors and
    /// TreatWarningsAsErrors make it an error, WarningsNotAsErrors keeps it a warning under TreatWarningsAsErrors.
    /// (MSBuild's own -warnaserror still applies on top, since the warning keeps its rule ID as its code.)
    /// </summary>
    private Severity Effective(Diagnostic d)
    {
        if (d.Severity != Severity.Warning) return d.Severity;
        if (_noWarn.Contains(d.Id)) return Severity.None;
        if (_warningsAsErrors.Contains(d.Id)) return Severity.Error;
        if (TreatWarningsAsErrors && !_warningsNotAsErrors.Contains(d.Id)) return Severity.Error;
        return Severity.Warning;
    }

    private void Report(Diagnostic d)
    {
        var l = d.Location;
        string file = Path.IsPathRooted(l.Path) ? l.Path : Path.Combine(ProjectDirectory, l.Path.Replace('/', Path.DirectorySeparatorChar));
        switch (Effective(d))
        {
            case Severity.Error:
                ErrorCount++;
                Log.LogError(null, d.Id, null, d.Descriptor.HelpLink, file, l.StartLine, l.StartColumn, l.EndLine, l.EndColumn, "{0}", d.Message);
                break;
            case Severity.Warning:
                WarningCount++;
                Log.LogWarning(null, d.Id, null, d.Descriptor.HelpLink, file, l.StartLine, l.StartColumn, l.EndLine, l.EndColumn, "{0}", d.Message);
                break;
            case Severity.Info:
                Log.LogMessage(null, d.Id, null, file, l.StartLine, l.StartColumn, l.EndLine, l.EndColumn, MessageImportance.High, "{0}", d.Message);
                break;
        }
    }

    private void WriteSarif(LintResult result)
    {
        string path = Path.GetFullPath(Path.Combine(ProjectDirectory, SarifFile!));
        string? dir = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var options = new PolicyLint.Output.OutputOptions
        {
            BaseDirectory = ProjectDirectory,
            SourceText = display =>
            {
                try { return File.ReadAllText(Path.Combine(ProjectDirectory, display)); }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
            },
        };
        string sarif = PolicyLint.Output.SarifFormatter.Format(result, options);
        string temp = path + ".tmp";
        File.WriteAllText(temp, sarif, new System.Text.UTF8Encoding(false));
        if (File.Exists(path)) File.Delete(path);
        File.Move(temp, path);
    }
}
