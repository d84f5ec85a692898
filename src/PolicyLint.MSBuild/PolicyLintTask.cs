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

    private void Report(Diagnostic d)
    {
        var l = d.Location;
        string file = Path.IsPathRooted(l.Path) ? l.Path : Path.Combine(ProjectDirectory, l.Path.Replace('/', Path.DirectorySeparatorChar));
        switch (d.Severity)
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
