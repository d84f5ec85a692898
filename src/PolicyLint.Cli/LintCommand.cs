using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PolicyLint.Diagnostics;
using PolicyLint.Engine;
using PolicyLint.Output;

namespace PolicyLint.Cli;

/// <summary>Settings of a lint run, as parsed from the command line.</summary>
internal sealed class LintSettings
{
    public IReadOnlyList<string> Paths { get; set; } = Array.Empty<string>();
    public string? Config { get; set; }
    public string Format { get; set; } = "text";
    public string? Output { get; set; }
    public bool Fix { get; set; }
    public bool FixUnsafe { get; set; }
    public bool Diff { get; set; }
    public Severity FailOn { get; set; } = Severity.Error;
    public int? MaxWarnings { get; set; }
    public bool Stdin { get; set; }
    public string? StdinFilename { get; set; }
    public bool NoColor { get; set; }
    public bool Quiet { get; set; }
    public bool Stats { get; set; }
    public bool NoIgnore { get; set; }
    public bool CheckExternal { get; set; }
    public bool ShowFixes { get; set; }
    public bool NoErrorOnUnmatchedPattern { get; set; }
    public RuleSelection Selection { get; set; } = new();
    /// <summary>The baseline file to write (--write-baseline), or null.</summary>
    public string? WriteBaseline { get; set; }
    /// <summary>The baseline file to compare with (--baseline), or null.</summary>
    public string? Baseline { get; set; }
    public bool UpdateBaseline { get; set; }
    public bool AddSuppressions { get; set; }
    /// <summary>The reason after '--' for --add-suppressions.</summary>
    public string? SuppressionReason { get; set; }
    public bool FollowLinksOutsideRoot { get; set; }
    public bool NoCache { get; set; }
    public string? CacheLocation { get; set; }
}

/// <summary>A usage error found after parsing (exit code 2).</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }
}

/// <summary>The default command: lint, optionally fix or show the diff, report, and choose the exit code.</summary>
internal sealed class LintCommand
{
    private readonly TextWriter _out, _stderr;
    /// <summary>Where messages go: stderr, or stderr and the run record's copy while a run is recorded.</summary>
    private TextWriter _err;
    private RunRecord.Recording? _recording;
    private (string Report, byte StandIn)? _recorded;
    private readonly Stream _stdin;
    private readonly Stream _stdout;
    private readonly List<string> _notifications = new();

    public LintCommand(TextWriter stdout, TextWriter stderr, Stream stdin, Stream rawStdout)
    {
        _out = stdout; _err = _stderr = stderr; _stdin = stdin; _stdout = rawStdout;
    }

    /// <summary>At most this many files named one by one are linted without the result cache.</summary>
    internal const int UncachedNamedFiles = 16;

    /// <summary>
    /// True when the paths are at most <see cref="UncachedNamedFiles"/> files (no folder, no glob): reading the cache (it holds
    /// every file of earlier runs) then costs more than it saves; a one-file run took twice as long through it.
    /// </summary>
    internal static bool FewNamedFiles(IReadOnlyList<string> paths, string baseDir)
    {
        if (paths.Count == 0 || paths.Count > UncachedNamedFiles) return false;
        foreach (var p in paths)
        {
            if (p.IndexOfAny(['*', '?', '[']) >= 0) return false;
            try { if (!RunRecords.FileExists(Path.Combine(baseDir, p))) return false; }
            catch (ArgumentException) { return false; }
        }
        return true;
    }

    public async Task<int> RunAsync(LintSettings s, CancellationToken ct)
    {
        _recording = RunRecord.Begin(s, _stderr);
        if (_recording is null) return await RunCoreAsync(s, ct).ConfigureAwait(false);
        _err = new TeeWriter(_stderr, _recording.Errors);
        int exit;
        try { exit = await RunCoreAsync(s, ct).ConfigureAwait(false); }
        catch
        {
            _recording.Abandon();
            throw;
        }
        finally { _err = _stderr; }
        if (_recorded is { } r) _recording.Finish(exit, r.Report, r.StandIn, _stderr);
        else _recording.Abandon();
        return exit;
    }

    private async Task<int> RunCoreAsync(LintSettings s, CancellationToken ct)
    {
        Validate(s);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string baseDir = Directory.GetCurrentDirectory();
        var engine = new LintEngine();
        var ignore = s.NoIgnore ? null : new GitIgnoreFilter((file, reason) =>
        {
            string message = $"{CliPaths.GetDisplayPath(baseDir, file)}: not read ({reason}); its ignore patterns were not applied";
            lock (_notifications)
            {
                _err.WriteLine($"policylint: warning: {message}");
                _notifications.Add(message);
            }
        });
        var sources = new SourceReader(baseDir);

        byte[]? stdinBytes = null;
        string? stdinFull = null;
        if (s.Stdin)
        {
            stdinFull = Path.GetFullPath(Path.Combine(baseDir, s.StdinFilename ?? "stdin.md"));
            stdinBytes = await ReadStdinAsync(StdinLimit, ct).ConfigureAwait(false);
        }

        LintRequest MakeRequest() => new()
        {
            BaseDirectory = baseDir,
            ConfigPath = s.Config,
            IsIgnored = ignore is null ? null : ignore.IsIgnored,
            FollowLinksOutsideRoot = s.FollowLinksOutsideRoot,
            RuleSeverityOverrides = s.CheckExternal ? new Dictionary<string, Severity> { ["PL3009"] = Severity.Error } : null,
            Selection = s.Selection,
            OnUnmatchedPattern = s.NoErrorOnUnmatchedPattern ? message =>
            {
                _err.WriteLine($"policylint: warning: {message}");
                _notifications.Add(message);
            } : null,
            // The cache stores results per configuration; a run with --select/--ignore/--severity reports other rules.
            // A few files named on the command line (a pre-commit hook's batch) are linted faster than the cache is read.
            UseCache = !s.NoCache && s.Selection.IsEmpty && !FewNamedFiles(s.Paths, baseDir),
            CacheDirectory = s.CacheLocation,
        };

        var request = MakeRequest();
        if (s.Stdin)
        {
            request.Paths = Array.Empty<string>();
            request.Documents = [new InMemoryDocument(stdinFull!, stdinBytes!)];
        }
        else request.Paths = s.Paths.Count == 0 ? ["."] : s.Paths;

        if (request.UseCache && !s.Stdin) WarmRunCollections.Defer(LintEngine.GetCacheDirectory(request));
        LintResult result;
        using (var progress = Terminal.StderrIsTerminal && !s.Quiet && !s.Stdin ? new ProgressLine(_stderr) : null)
            result = engine.Lint(request, progress, ct); // on this thread: the tool has nothing else to do meanwhile
        if (s.Stdin)
            sources.AddMemory(result.Files.Length > 0 ? result.Files[0].Path : s.StdinFilename ?? "stdin.md", SourceReader.Decode(stdinBytes!));

        // Machine formats keep stdout clean: notes about fixes go to stderr then.
        bool textOnStdout = s.Format == "text" && s.Output is null && !(s.Stdin && (s.Fix || s.FixUnsafe));
        TextWriter notes = textOnStdout ? _out : _err;

        if (s.WriteBaseline is not null)
        {
            var written = Baseline.Create(result, Path.GetFullPath(s.WriteBaseline), sources.Read);
            written.Save();
            if (!s.Quiet)
                _err.WriteLine($"Wrote {Plural(written.FindingCount, "finding", "findings")} of {Plural(result.Files.Length, "file", "files")} to {s.WriteBaseline}; "
                               + $"runs with --baseline {s.WriteBaseline} report only new findings.");
            return Program.ExitClean;
        }
        if (s.AddSuppressions)
            return new SuppressionInserter(_out, _err).Run(result, s, sources);

        if (s.Diff || s.Fix || s.FixUnsafe)
        {
            var memory = s.Stdin ? new Dictionary<string, byte[]>(StringComparer.Ordinal) { [stdinFull!] = stdinBytes! } : null;
            var fixer = new Fixer(engine, MakeRequest, s.FixUnsafe);
            var fixes = await fixer.ComputeAsync(result, memory, ct).ConfigureAwait(false);

            if (s.Diff) return WriteDiff(s, fixes, result);

            if (s.Stdin)
            {
                var fix = fixes.FirstOrDefault();
                byte[] output = fix?.FixedBytes ?? stdinBytes!;
                await _out.FlushAsync(ct).ConfigureAwait(false); // anything written through the text writer comes first
                await _stdout.WriteAsync(output, ct).ConfigureAwait(false);
                await _stdout.FlushAsync(ct).ConfigureAwait(false);
                if (fix is not null)
                {
                    result = Replace(result, fix);
                    sources.AddMemory(fix.File.Path, fix.FixedText);
                }
                ReportFixes(fixes, notes, s.Quiet);
            }
            else
            {
                Fixer.Write(fixes);
                ReportFixes(fixes, notes, s.Quiet);
                if (fixes.Any(f => f.Changed && f.Refused is null))
                {
                    // Report what is left as the disk now stands (cross-file rules included).
                    var again = MakeRequest();
                    again.Paths = request.Paths;
                    result = await engine.LintAsync(again, null, ct).ConfigureAwait(false);
                    result = new LintResult(result.Files, result.Rules, clock.Elapsed, result.SiteModels, result.UncheckedLinks);
                }
            }
        }

        List<BaselineEntry>? gone = null;
        int baselined = 0;
        if (s.Baseline is not null)
        {
            var loaded = Baseline.Load(Path.GetFullPath(s.Baseline));
            var comparison = loaded.Compare(result, sources.Read);
            result = comparison.Result;
            baselined = comparison.Matched;
            gone = comparison.Gone.ToList();
            if (s.UpdateBaseline && gone.Count > 0) comparison.Pruned.Save();
        }

        var options = new OutputOptions
        {
            BaseDirectory = baseDir,
            SourceText = sources.Read,
            ToolVersion = Program.Version,
            Stats = s.Stats && s.Format == "text",
            Summary = !s.Quiet,
            ShowFixes = s.ShowFixes,
            ExitCode = IsFailing(result, s) ? Program.ExitFindings : Program.ExitClean,
            Notifications = _notifications,
        };
        if (gone is { Count: > 0 })
            _notifications.Add($"{gone.Sum(e => e.Count)} entries of the baseline {s.Baseline} no longer occur" + (s.UpdateBaseline ? " and were removed" : ""));
        bool toTerminal = s.Output is null && Terminal.StdoutIsTerminal && !(s.Stdin && (s.Fix || s.FixUnsafe));
        if (s.Format == "text")
        {
            options.Color = toTerminal && Terminal.ColorAllowed(s.NoColor);
            options.Excerpts = toTerminal && !s.Quiet;
            if (options.Excerpts) options.TerminalWidth = Terminal.Width();
        }
        // Written as it is formatted (never whole in memory): to the --output file, or to stdout (stderr when stdout holds
        // the fixed text of standard input).
        void WriteReport(TextWriter w) => FormatInto(result, w, s, options);
        if (s.Output is not null)
        {
            string outPath = Path.GetFullPath(s.Output);
            Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
            using var file = new StreamWriter(outPath, append: false, new UTF8Encoding(false), bufferSize: 64 * 1024);
            WriteReport(file);
        }
        else if (_recording is not null) WriteRecordedReport(result, s, options);
        else WriteReport(s.Stdin && (s.Fix || s.FixUnsafe) ? _err : _out);

        if (s.Stats && s.Format != "text")
            _err.Write(TextFormatter.FormatStats(result, new OutputOptions()));
        if (s.Baseline is not null) ReportBaseline(s, baselined, gone!, notes);

        return ExitCode(result, s);
    }

    /// <summary>
    /// A recorded run's report: formatted once with the elapsed time's stand-in (kept in the record, for a replay to put
    /// its own time in), and printed with the run's own time.
    /// </summary>
    private void WriteRecordedReport(LintResult result, LintSettings s, OutputOptions options)
    {
        var elapsed = result.Elapsed;
        var standing = new LintResult(result.Files, result.Rules, RunRecord.ElapsedStandIn, result.SiteModels, result.UncheckedLinks);
        var text = new StringWriter();
        byte standIn = s.Format switch { "text" => 1, "junit" => 2, _ => 0 };
        int expected = s.Format == "junit" || s.Format == "text" && !s.Quiet ? 1 : 0;
        FormatInto(standing, text, s, options);
        string report = text.ToString();
        if (standIn != 0 && RunRecord.Recording.StandIns(report, standIn) != expected)
        {
            // The stand-in's digits occur in the report itself: not recorded, printed as usual.
            FormatInto(result, _out, s, options);
            return;
        }
        _recorded = (report, standIn);
        _out.Write(RunRecord.Recording.Printed(report, standIn, elapsed));
        _out.Flush();
    }

    private static void FormatInto(LintResult result, TextWriter w, LintSettings s, OutputOptions options)
    {
        switch (s.Format)
        {
            case "json": JsonFormatter.Write(result, w, options); break;
            case "sarif": SarifFormatter.Write(result, w, options); break;
            case "github": GitHubFormatter.Write(result, w, options); break;
            case "junit": JUnitFormatter.Write(result, w, options); break;
            case "gitlab": GitLabFormatter.Write(result, w, options); break;
            case "checkstyle": CheckstyleFormatter.Write(result, w, options); break;
            default: TextFormatter.Write(result, w, options); break;
        }
        w.Flush();
    }

    private static bool IsFailing(LintResult result, LintSettings s) =>
        result.Diagnostics.Any(d => d.Severity >= s.FailOn) || s.MaxWarnings is { } max && result.Count(Severity.Warning) > max;
    /// <summary>
    /// Reads standard input up to one byte past <see cref="StdinLimit"/>, never all of it: more is an input error (exit 2)
    /// instead of the run holding gigabytes. Below it, the engine applies the configuration's maxFileSize (PL0007) as for files.
    /// </summary>
    internal static long StdinLimit { get; set; } = 256L * 1024 * 1024;

    private async Task<byte[]> ReadStdinAsync(long limit, CancellationToken ct)
    {
        var ms = new MemoryStream();
        byte[] buffer = new byte[81920];
        long cap = limit + 1;
        int read;
        while (ms.Length < cap && (read = await _stdin.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, cap - ms.Length)), ct).ConfigureAwait(false)) > 0)
            ms.Write(buffer, 0, read);
        if (ms.Length > limit)
            throw new LintInputException($"standard input holds more than {limit:N0} bytes, the most PolicyLint reads from it; it was not linted");
        return ms.ToArray();
    }

    private int ExitCode(LintResult result, LintSettings s)
    {
        int warnings = result.Count(Severity.Warning);
        if (s.MaxWarnings is { } max && warnings > max)
            _err.WriteLine($"PolicyLint found {OutputPluralWarnings(warnings)}, more than --max-warnings {max}.");
        return IsFailing(result, s) ? Program.ExitFindings : Program.ExitClean;
    }

    private static void ReportBaseline(LintSettings s, int baselined, List<BaselineEntry> gone, TextWriter notes)
    {
        if (s.Quiet && gone.Count == 0) return;
        if (!s.Quiet && baselined > 0) notes.WriteLine($"{Plural(baselined, "finding is", "findings are")} recorded in the baseline {s.Baseline} and not shown.");
        if (gone.Count == 0) return;
        int count = gone.Sum(e => e.Count);
        notes.WriteLine(s.UpdateBaseline
            ? $"Removed {Plural(count, "entry", "entries")} that no longer occur from the baseline {s.Baseline}:"
            : $"{Plural(count, "baseline entry no longer occurs", "baseline entries no longer occur")} (run with --update-baseline to remove them):");
        foreach (var e in gone) notes.WriteLine("  " + e);
    }

    private static string OutputPluralWarnings(int n) => n == 1 ? "1 warning" : n + " warnings";

    private int WriteDiff(LintSettings s, List<FileFix> fixes, LintResult result)
    {
        var sb = new StringBuilder();
        int files = 0, applied = 0;
        foreach (var f in fixes.OrderBy(f => f.File.Path, StringComparer.Ordinal))
        {
            if (f.Refused is not null) { _err.WriteLine($"{f.File.Path}: not fixed: {f.Refused}"); continue; }
            if (!f.Changed) continue;
            files++; applied += f.Applied;
            sb.Append(UnifiedDiff.Create(f.OriginalText, f.FixedText, "a/" + f.File.Path, "b/" + f.File.Path));
        }
        if (s.Output is not null) File.WriteAllText(Path.GetFullPath(s.Output), sb.ToString(), new UTF8Encoding(false));
        else _out.Write(sb.ToString());
        if (!s.Quiet)
            _err.WriteLine(files == 0 ? "No fixes to apply." : $"Would fix {Plural(applied, "problem", "problems")} in {Plural(files, "file", "files")} (nothing was written).");
        return files > 0 ? 1 : 0;
    }

    private static void ReportFixes(List<FileFix> fixes, TextWriter notes, bool quiet)
    {
        foreach (var f in fixes.Where(f => f.Refused is not null))
            notes.WriteLine($"{f.File.Path}: not fixed: {f.Refused}");
        foreach (var f in fixes.Where(f => f.Refused is null && f.HeldBack > 0))
            notes.WriteLine($"{f.File.Path}: held back {Plural(f.HeldBack, "fix", "fixes")} that would change the document's structure or add findings; fix those by hand");
        foreach (var f in fixes.Where(f => f.Changed && !f.Stable))
            notes.WriteLine($"{f.File.Path}: fixes did not settle after {Fixer.MaxPasses} passes; run again or fix by hand");
        var done = fixes.Where(f => f.Changed && f.Refused is null).ToList();
        if (quiet || done.Count == 0) return;
        notes.WriteLine($"Fixed {Plural(done.Sum(f => f.Applied), "problem", "problems")} in {Plural(done.Count, "file", "files")}.");
    }

    private static string Plural(int n, string one, string many) => n + " " + (n == 1 ? one : many);

    /// <summary>The result with one file's diagnostics replaced by what is left after fixing it in memory.</summary>
    private static LintResult Replace(LintResult result, FileFix fix)
    {
        var files = result.Files.Select(f => f.FullPath == fix.File.FullPath
            ? new FileResult(f.Path, f.FullPath, fix.Remaining.Select(d => d.Location.Path == f.Path ? d : d.WithLocation(d.Location.WithPath(f.Path)))
                .OrderBy(d => d, DiagnosticComparer.Instance).ToImmutableArray(), f.Linted, f.LastWriteTimeUtc, f.Length)
            : f).ToImmutableArray();
        return new LintResult(files, result.Rules, result.Elapsed, result.SiteModels, result.UncheckedLinks);
    }

    private static void Validate(LintSettings s)
    {
        if (s.StdinFilename is not null && !s.Stdin) throw new UsageException("--stdin-filename needs --stdin");
        if (s.Stdin && s.Paths.Count > 0) throw new UsageException("--stdin lints standard input; give no paths with it");
        foreach (var p in s.Paths)
            if (p.Length > 1 && p[0] == '-' && !RunRecords.FileExists(p) && !RunRecords.DirectoryExists(p))
                throw new UsageException(Program.UnknownOption(p, Program.RootOptionNames) + $" (a file whose name starts with '-' is written './{p}')");
        if (s.MaxWarnings is < 0) throw new UsageException("--max-warnings must be 0 or more");
        if (s.UpdateBaseline && s.Baseline is null)
        {
            if (!RunRecords.FileExists(Engine.Baseline.DefaultFileName))
                throw new UsageException($"--update-baseline needs --baseline FILE (there is no {Engine.Baseline.DefaultFileName} here)");
            s.Baseline = Engine.Baseline.DefaultFileName;
        }
        if (s.WriteBaseline is not null)
        {
            if (RunRecords.DirectoryExists(s.WriteBaseline) || s.WriteBaseline.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                throw new UsageException($"--write-baseline {s.WriteBaseline}: that is a path to lint, not a baseline file; "
                                         + $"write '--write-baseline={Engine.Baseline.DefaultFileName}' or give the paths first");
            if (s.Baseline is not null || s.Fix || s.FixUnsafe || s.Diff || s.AddSuppressions)
                throw new UsageException("--write-baseline records the findings as they are; use it without --baseline, --fix, --diff or --add-suppressions");
        }
        if (s.Baseline is not null && !RunRecords.FileExists(s.Baseline)) throw new UsageException($"--baseline {s.Baseline}: the file does not exist (create it with --write-baseline)");
        if (s.AddSuppressions)
        {
            if (string.IsNullOrWhiteSpace(s.SuppressionReason))
                throw new UsageException("--add-suppressions needs a reason after '--': --add-suppressions -- \"why these findings are accepted\"");
            if (s.SuppressionReason.Contains("-->") || s.SuppressionReason.IndexOfAny(['\n', '\r']) >= 0)
                throw new UsageException("the reason for --add-suppressions must be one line without '-->'");
            if (s.Fix || s.FixUnsafe || s.Stdin) throw new UsageException("--add-suppressions cannot be combined with --fix, --fix-unsafe or --stdin");
        }
    }
}
