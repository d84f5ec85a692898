using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using PolicyLint.Configuration;
using PolicyLint.Diagnostics;
using PolicyLint.Engine;

namespace PolicyLint.Cli;

/// <summary>Entry point of <c>dotnet policylint</c>. Exit codes: 0 clean, 1 findings at or above the fail level, 2 usage or configuration error, or a crash.</summary>
public static class Program
{
    internal const int ExitClean = 0, ExitFindings = 1, ExitError = 2;

    /// <summary>The command as the user typed it, for usage lines: <c>dotnet policylint</c>, or the native binary's name.</summary>
    internal static string CommandName { get; } = GetCommandName();

    private static string GetCommandName()
    {
        string? name = Environment.ProcessPath is { } p ? Path.GetFileNameWithoutExtension(p) : null;
        return name is null or "" or "dotnet" or "PolicyLint.Cli" ? "dotnet policylint" : name;
    }

    internal static string Version { get; } =
        typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static async Task<int> Main(string[] args)
    {
        // A run on an unchanged tree with the same command line prints its run record (see RunRecord) and is done.
        RunRecord.RawArgs = args;
        Stream? rawStdout = Console.IsOutputRedirected ? Console.OpenStandardOutput() : null;
        if (rawStdout is not null)
        {
            if (RunRecord.TryReplay(args, rawStdout, Console.Error) is { } code) return code;
        }
        using var cts = new CancellationTokenSource();
        // Redirected output (a pipe, a file, CI's log) is written in blocks: the console's writer makes a system call per
        // write, about 1,500 for the corpus's report. A terminal keeps the console's writer (each line shows as it comes).
        var stdout = rawStdout is not null
            ? new StreamWriter(rawStdout, new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false }
            : Console.Out;
        var stderr = Console.Error;
        using var sigint = StopOn(PosixSignal.SIGINT, 130, cts, stderr);
        using var sigterm = StopOn(PosixSignal.SIGTERM, 143, cts, stderr);
        try
        {
            return await RunAsync(args, stdout, stderr, cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped by a signal: the run listened and wound down before the watchdog. Same message and exit code as when
            // the watchdog ends it (130 for Ctrl+C, 143 for SIGTERM), whichever comes first.
            int code = Volatile.Read(ref s_stopExitCode);
            DeleteTemp();
            ReportStopped(stderr);
            return code != 0 ? code : 130;
        }
        catch (Exception ex)
        {
            return ReportError(ex, stderr);
        }
        finally
        {
            try { stdout.Flush(); }
            catch (IOException) { } // a closed pipe (| head): what was written is what the reader wanted
        }
    }

    /// <summary>The exit code of the first stop signal (0: none yet); the message is written once.</summary>
    private static int s_stopExitCode, s_stopReported;

    private static void ReportStopped(TextWriter stderr)
    {
        if (Interlocked.Exchange(ref s_stopReported, 1) != 0) return;
        try { stderr.WriteLine("policylint: stopped"); stderr.Flush(); } catch (IOException) { }
    }

    /// <summary>How long a stopped run may take to wind down (cancellation reaches every loop that checks it) before it is ended.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Ctrl+C and SIGTERM cancel the run, and end the process shortly after if something does not listen (a parse, a read
    /// that blocks): the run always stops within a second. A temporary file being written by --fix is removed; the file it
    /// was to replace is untouched (the rename is atomic).
    /// </summary>
    private static PosixSignalRegistration? StopOn(PosixSignal signal, int exitCode, CancellationTokenSource cts, TextWriter stderr)
    {
        try
        {
            return PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                Interlocked.CompareExchange(ref s_stopExitCode, exitCode, 0);
                var watchdog = new Thread(() =>
                {
                    Thread.Sleep(StopGrace);
                    DeleteTemp();
                    ReportStopped(stderr);
                    Environment.Exit(Volatile.Read(ref s_stopExitCode));
                }) { IsBackground = true };
                watchdog.Start();
                // Cancellation callbacks run on this thread; one that blocks must not keep the watchdog from ending the run.
                ThreadPool.QueueUserWorkItem(_ => { try { cts.Cancel(); } catch (ObjectDisposedException) { } catch (AggregateException) { } });
            });
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }

    private static void DeleteTemp()
    {
        if (Fixer.CurrentTemp is { } temp)
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    internal static int ReportError(Exception ex, TextWriter stderr)
    {
        switch (ex)
        {
            case UsageException u:
                stderr.WriteLine($"policylint: {u.Message}");
                stderr.WriteLine($"Run '{CommandName} --help' for usage.");
                break;
            case ConfigurationException c:
                stderr.WriteLine($"policylint: configuration error: {FormatConfigError(c)}");
                break;
            case LintInputException i:
                stderr.WriteLine($"policylint: {i.Message}");
                break;
            default:
                stderr.WriteLine($"policylint: internal error: {ex.GetType().Name}: {ex.Message}");
                if (Environment.GetEnvironmentVariable("POLICYLINT_DEBUG") == "1") stderr.WriteLine(ex.ToString());
                else stderr.WriteLine("Set POLICYLINT_DEBUG=1 to see the stack trace, and please report it.");
                break;
        }
        return ExitError;
    }

    private static string FormatConfigError(ConfigurationException c)
    {
        if (c.FilePath is null || c.FilePath.StartsWith("pack:", StringComparison.Ordinal) || c.FilePath.StartsWith("<", StringComparison.Ordinal))
            return c.FilePath is null ? c.Reason : $"{c.FilePath}: {c.Reason}";
        string path = Path.IsPathRooted(c.FilePath) ? CliPaths.GetDisplayPath(Directory.GetCurrentDirectory(), c.FilePath) : c.FilePath;
        return c.Line > 0 ? $"{path}({c.Line},{c.Column}): {c.Reason}" : $"{path}: {c.Reason}";
    }

    /// <summary>Every option name and alias of the lint command, for "did you mean" on a mistyped one.</summary>
    internal static IReadOnlyList<string> RootOptionNames { get; private set; } = Array.Empty<string>();

    internal static readonly string[] Formats = ["text", "json", "sarif", "github", "junit", "gitlab", "checkstyle"];

    internal static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        // 'help' as a command, as git and dotnet have it: 'help', 'help explain'.
        if (args.Length > 0 && args[0] == "help") args = [.. args.Skip(1), "--help"];

        var paths = new Argument<string[]>("paths")
        {
            Description = "Files, directories or globs to lint (default: the current directory; '-' reads standard input)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var config = new Option<string?>("--config", "-c") { Description = "Use this configuration file (turns discovery off)", HelpName = "file" };
        var format = new Option<string>("--format", "-f", "--output-format") { Description = "Output format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of stdout", HelpName = "file" };
        var fix = new Option<bool>("--fix") { Description = "Apply safe fixes to the files" };
        var fixUnsafe = new Option<bool>("--fix-unsafe") { Description = "Apply safe and unsafe fixes (unsafe ones may change meaning: review them)" };
        var diff = new Option<bool>("--diff") { Description = "Print what --fix (or --add-suppressions) would change as a unified diff; write nothing (exit 1 when there is a change)" };
        var showFixes = new Option<bool>("--show-fixes") { Description = "Print each finding's fix under it, also when the output is not a terminal" };
        var failOn = new Option<string>("--fail-on") { Description = "Lowest severity that makes the exit code 1", DefaultValueFactory = _ => "error", HelpName = "info|warning|error" };
        failOn.AcceptOnlyFromAmong("info", "warning", "error");
        var maxWarnings = new Option<string?>("--max-warnings") { Description = "Also fail when there are more than N warnings", HelpName = "N" };
        var stdin = new Option<bool>("--stdin") { Description = "Lint standard input (with --fix, write the fixed text to stdout); the path '-' does the same" };
        var stdinFilename = new Option<string?>("--stdin-filename") { Description = "Path to lint standard input as: configuration and messages use it (default: stdin.md)", HelpName = "path" };
        var noColor = new Option<bool>("--no-color") { Description = "No colours (NO_COLOR is respected too)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print findings only: no excerpts, no summary" };
        var stats = new Option<bool>("--stats", "--statistics") { Description = "Print counts per rule" };
        var noIgnore = new Option<bool>("--no-ignore") { Description = "Lint files that .gitignore excludes too" };
        var noErrorUnmatched = new Option<bool>("--no-error-on-unmatched-pattern") { Description = "A path or glob that matches nothing is a warning, not an error" };
        var checkExternal = new Option<bool>("--check-external") { Description = "Check that external links resolve (PL3009, off by default; uses the network)" };
        var select = new Option<string[]>("--select") { Description = "Report only these rules: IDs, names, prefixes (PL3) or categories (links), comma-separated or repeated", HelpName = "rules" };
        var extendSelect = new Option<string[]>("--extend-select") { Description = "Report these rules too, on top of the configuration or --select", HelpName = "rules" };
        var ignore = new Option<string[]>("--ignore") { Description = "Do not report these rules", HelpName = "rules" };
        var severity = new Option<string[]>("--severity") { Description = "Set a rule's severity for this run: RULE=error|warning|info|none (RULE may be a prefix or category)", HelpName = "RULE=LEVEL" };
        var writeBaseline = new Option<string?>("--write-baseline")
        {
            Description = $"Record every current finding in a baseline file (default {Baseline.DefaultFileName}) and exit 0",
            HelpName = "file", Arity = ArgumentArity.ZeroOrOne,
        };
        var baseline = new Option<string?>("--baseline") { Description = "Report only findings that this baseline file does not record, and the entries that are gone", HelpName = "file" };
        var updateBaseline = new Option<bool>("--update-baseline") { Description = "Remove the entries that are gone from the --baseline file (never adds one)" };
        var addSuppressions = new Option<bool>("--add-suppressions")
        {
            Description = "Insert a policylint-disable-next-line comment, with the reason given after '--', above every current finding; findings where a comment cannot go are written to the baseline",
        };

        var noCache = new Option<bool>("--no-cache") { Description = "Do not read or write the result cache (.policylint-cache in the repository root)" };
        var cacheLocation = new Option<string?>("--cache-location") { Description = "Keep the result cache in this folder instead", HelpName = "dir" };

        var followLinks = new Option<bool>("--follow-links-outside-root") { Description = "Read files that are symbolic links, or lie behind folder links, to a place outside the root (the git root); by default they are reported (PL0001) and not read" };
        var root = new RootCommand("PolicyLint: lint Markdown policy and blog documents (front matter, encoding, links, headings).")
        {
            paths, config, format, output, fix, fixUnsafe, diff, showFixes, failOn, maxWarnings, stdin, stdinFilename, noColor, quiet, stats, noIgnore,
            noErrorUnmatched, checkExternal, select, extendSelect, ignore, severity, writeBaseline, baseline, updateBaseline, addSuppressions,
            followLinks,
            noCache, cacheLocation,
        };
        root.SetAction((pr, token) =>
        {
            var given = pr.GetValue(paths) ?? Array.Empty<string>();
            var settings = new LintSettings
            {
                Paths = given,
                Config = pr.GetValue(config),
                Format = pr.GetValue(format) ?? "text",
                Output = pr.GetValue(output),
                Fix = pr.GetValue(fix),
                FixUnsafe = pr.GetValue(fixUnsafe),
                Diff = pr.GetValue(diff),
                ShowFixes = pr.GetValue(showFixes),
                FailOn = SeverityExtensions.TryParse(pr.GetValue(failOn), out var sev) ? sev : Severity.Error,
                MaxWarnings = ParseMaxWarnings(pr.GetValue(maxWarnings)),
                Stdin = pr.GetValue(stdin),
                StdinFilename = pr.GetValue(stdinFilename),
                NoColor = pr.GetValue(noColor),
                Quiet = pr.GetValue(quiet),
                Stats = pr.GetValue(stats),
                NoIgnore = pr.GetValue(noIgnore),
                NoErrorOnUnmatchedPattern = pr.GetValue(noErrorUnmatched),
                CheckExternal = pr.GetValue(checkExternal),
                Selection = new RuleSelection
                {
                    Select = SplitList(pr.GetValue(select)),
                    ExtendSelect = SplitList(pr.GetValue(extendSelect)),
                    Ignore = SplitList(pr.GetValue(ignore)),
                    Severities = ParseSeverities(pr.GetValue(severity)),
                },
                WriteBaseline = pr.GetResult(writeBaseline) is null ? null : pr.GetValue(writeBaseline) ?? Baseline.DefaultFileName,
                Baseline = pr.GetValue(baseline),
                UpdateBaseline = pr.GetValue(updateBaseline),
                AddSuppressions = pr.GetValue(addSuppressions),
                FollowLinksOutsideRoot = pr.GetValue(followLinks),
                NoCache = pr.GetValue(noCache),
                CacheLocation = pr.GetValue(cacheLocation),
            };
            if (given.Count(p => p == "-") > 0)
            {
                if (given.Length > 1) throw new UsageException("'-' reads standard input; give no other path with it");
                settings.Paths = Array.Empty<string>();
                settings.Stdin = true;
            }
            if (settings.AddSuppressions)
            {
                // Everything after '--' is the reason (System.CommandLine hands it over as arguments after the separator).
                int sep = Array.IndexOf(args, "--");
                settings.SuppressionReason = sep >= 0 ? string.Join(" ", args.Skip(sep + 1)).Trim() : null;
                int reasonTokens = sep >= 0 ? args.Length - sep - 1 : 0;
                settings.Paths = settings.Paths.Take(settings.Paths.Count - reasonTokens).ToArray();
            }
            var raw = Console.OpenStandardOutput();
            return new LintCommand(stdout, stderr, Console.OpenStandardInput(), raw).RunAsync(settings, token);
        });

        var rulesFormat = new Option<string>("--format", "-f", "--output-format") { Description = "Output format", DefaultValueFactory = _ => "text" };
        rulesFormat.AcceptOnlyFromAmong("text", "json");
        var rulesConfig = new Option<string?>("--config", "-c") { Description = "Configuration file whose plugins to include", HelpName = "file" };
        var rules = new Command("rules", "List every rule: ID, name, category, default severity, fixable") { rulesFormat, rulesConfig };
        rules.SetAction(pr => InfoCommands.Rules(stdout, pr.GetValue(rulesFormat) ?? "text", pr.GetValue(rulesConfig)));

        var explainRule = new Argument<string>("rule") { Description = "Rule ID (PL4001) or name (heading-increment)" };
        var explainConfig = new Option<string?>("--config", "-c") { Description = "Configuration file whose plugins to include", HelpName = "file" };
        var explain = new Command("explain", "Print a rule's documentation page (works offline)") { explainRule, explainConfig };
        explain.SetAction(pr => InfoCommands.Explain(stdout, stderr, pr.GetValue(explainRule)!, pr.GetValue(explainConfig)));

        var force = new Option<bool>("--force") { Description = "Overwrite an existing configuration file" };
        var init = new Command("init", "Write a commented starter .policylint.yml in the current directory") { force };
        init.SetAction(pr => InfoCommands.Init(stdout, stderr, pr.GetValue(force)));

        var cleanLocation = new Option<string?>("--cache-location") { Description = "The cache folder, if not the default", HelpName = "dir" };
        var cacheClean = new Command("clean", "Delete the result cache (.policylint-cache in the repository root, or --cache-location)") { cleanLocation };
        cacheClean.SetAction(pr => InfoCommands.CacheClean(stdout, stderr, pr.GetValue(cleanLocation)));
        var cache = new Command("cache", "Manage the result cache") { cacheClean };
        var server = new Command("server", "Run the language server (LSP over standard input and output) for editors");
        server.SetAction((_, token) => new LanguageServer.PolicyLintLanguageServer(Console.OpenStandardInput(), Console.OpenStandardOutput(),
            new LanguageServer.LanguageServerOptions { CreateIgnoreFilter = () => new GitIgnoreFilter().IsIgnored, Version = Version, Log = stderr })
            .RunAsync(token));

        root.Add(rules);
        root.Add(cache);
        root.Add(explain);
        root.Add(init);
        root.Add(server);
        var help = new Command("help", "Show help for the tool or for a command (help explain)");
        root.Add(help);

        RootOptionNames = root.Options.SelectMany(o => new[] { o.Name }.Concat(o.Aliases)).ToArray();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var command = parse.CommandResult.Command;
            foreach (var e in parse.Errors) stderr.WriteLine($"policylint: {Explain(e.Message, command)}");
            stderr.WriteLine($"Run '{CommandName}{(command == root ? "" : " " + command.Name)} --help' for usage.");
            return ExitError;
        }
        if (parse.Action is System.CommandLine.Help.HelpAction)
        {
            // Usage lines name the command the user typed ('dotnet policylint explain <rule>'), not the assembly.
            var text = new StringWriter();
            int code = await parse.InvokeAsync(new InvocationConfiguration { Output = text, Error = stderr }, ct).ConfigureAwait(false);
            stdout.Write(System.Text.RegularExpressions.Regex.Replace(text.ToString(), @"(?m)^(Usage:\r?\n  )\S+", m => m.Groups[1].Value + CommandName));
            return code;
        }
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        return await parse.InvokeAsync(invocation, ct).ConfigureAwait(false);
    }

    private static int? ParseMaxWarnings(string? value)
    {
        if (value is null) return null;
        if (int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int n)) return n;
        throw new UsageException($"--max-warnings takes a whole number, not '{value}'");
    }

    private static string[] SplitList(string[]? values) =>
        (values ?? Array.Empty<string>()).SelectMany(v => v.Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();

    private static KeyValuePair<string, Severity>[] ParseSeverities(string[]? values)
    {
        var list = new List<KeyValuePair<string, Severity>>();
        foreach (var v in SplitList(values))
        {
            int eq = v.IndexOf('=');
            if (eq <= 0 || !SeverityExtensions.TryParse(v.Substring(eq + 1).Trim(), out var sev))
                throw new UsageException($"--severity takes RULE=LEVEL with LEVEL one of error, warning, info, none; not '{v}'");
            list.Add(new(v.Substring(0, eq).Trim(), sev));
        }
        return list.ToArray();
    }

    /// <summary>A parse error in the user's words: no .NET type names, and a suggestion for a mistyped option.</summary>
    internal static string Explain(string message, Command command)
    {
        const string unrecognized = "Unrecognized command or argument '";
        if (message.StartsWith(unrecognized, StringComparison.Ordinal) && message.EndsWith("'.", StringComparison.Ordinal))
        {
            string token = message.Substring(unrecognized.Length, message.Length - unrecognized.Length - 2);
            if (token.StartsWith("-", StringComparison.Ordinal)) return UnknownOption(token, command);
            return $"unexpected argument '{token}'";
        }
        // "Cannot parse argument 'x' for option '--y' as expected type 'System.Int32'." names a .NET type: say it plainly.
        var m = System.Text.RegularExpressions.Regex.Match(message, @"^Cannot parse argument '(.*)' for option '(.*)' as expected type '.*'\.?$");
        if (m.Success) return $"{m.Groups[2].Value}: '{m.Groups[1].Value}' is not a valid value";
        return System.Text.RegularExpressions.Regex.Replace(message, @"\s*as expected type '[^']*'", "");
    }

    /// <summary>"unknown option '--quite'; did you mean '--quiet'?"</summary>
    internal static string UnknownOption(string token, Command command) =>
        UnknownOption(token, command.Options.SelectMany(o => new[] { o.Name }.Concat(o.Aliases)));

    internal static string UnknownOption(string token, IEnumerable<string> options)
    {
        string name = token.Split('=')[0];
        var aliases = options.Where(a => a.StartsWith("--", StringComparison.Ordinal)).Distinct().ToList();
        var best = aliases.Select(a => (Alias: a, Distance: Text.EditDistance.Compute(name.ToLowerInvariant(), a)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Alias, StringComparer.Ordinal).FirstOrDefault();
        return best.Alias is not null && best.Distance <= Math.Max(2, name.Length / 4)
            ? $"unknown option '{name}'; did you mean '{best.Alias}'?"
            : $"unknown option '{name}'";
    }
}
