using System;
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

    internal static string Version { get; } =
        typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static async Task<int> Main(string[] args)
    {
        using var cts = new CancellationTokenSource();
        var stdout = Console.Out;
        var stderr = Console.Error;
        using var sigint = StopOn(PosixSignal.SIGINT, 130, cts, stderr);
        using var sigterm = StopOn(PosixSignal.SIGTERM, 143, cts, stderr);
        try
        {
            return await RunAsync(args, stdout, stderr, cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("policylint: cancelled");
            return 130;
        }
        catch (Exception ex)
        {
            return ReportError(ex, stderr);
        }
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
                var watchdog = new Thread(() =>
                {
                    Thread.Sleep(StopGrace);
                    DeleteTemp();
                    try { stderr.WriteLine("policylint: stopped"); stderr.Flush(); } catch (IOException) { }
                    Environment.Exit(exitCode);
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
                stderr.WriteLine("Run 'dotnet policylint --help' for usage.");
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

    internal static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files, directories or globs to lint (default: the current directory)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var config = new Option<string?>("--config", "-c") { Description = "Use this configuration file (turns discovery off)", HelpName = "file" };
        var format = new Option<string>("--format", "-f") { Description = "Output format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of stdout", HelpName = "file" };
        var fix = new Option<bool>("--fix") { Description = "Apply safe fixes to the files" };
        var fixUnsafe = new Option<bool>("--fix-unsafe") { Description = "Apply safe and unsafe fixes (unsafe ones may change meaning: review them)" };
        var diff = new Option<bool>("--diff") { Description = "Print what --fix would change as a unified diff; write nothing (exit 1 when there is a change)" };
        var failOn = new Option<string>("--fail-on") { Description = "Lowest severity that makes the exit code 1", DefaultValueFactory = _ => "error", HelpName = "info|warning|error" };
        failOn.AcceptOnlyFromAmong("info", "warning", "error");
        var maxWarnings = new Option<int?>("--max-warnings") { Description = "Also fail when there are more than N warnings", HelpName = "N" };
        var stdin = new Option<bool>("--stdin") { Description = "Lint standard input (with --fix, write the fixed text to stdout)" };
        var stdinFilename = new Option<string?>("--stdin-filename") { Description = "Path to lint standard input as: configuration and messages use it (default: stdin.md)", HelpName = "path" };
        var noColor = new Option<bool>("--no-color") { Description = "No colours (NO_COLOR is respected too)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print findings only: no excerpts, no summary" };
        var stats = new Option<bool>("--stats") { Description = "Print counts per rule" };
        var noIgnore = new Option<bool>("--no-ignore") { Description = "Lint files that .gitignore excludes too" };
        var checkExternal = new Option<bool>("--check-external") { Description = "Check that external links resolve (PL3009, off by default; uses the network)" };
        var noCache = new Option<bool>("--no-cache") { Description = "Do not read or write the result cache (.policylint-cache in the repository root)" };
        var cacheLocation = new Option<string?>("--cache-location") { Description = "Keep the result cache in this folder instead", HelpName = "dir" };

        var followLinks = new Option<bool>("--follow-links-outside-root") { Description = "Read files that are symbolic links to a place outside the root (the git root); by default they are reported (PL0001) and not read" };
        var root = new RootCommand("PolicyLint: lint Markdown policy and blog documents (front matter, encoding, links, headings).")
        {
            paths, config, format, output, fix, fixUnsafe, diff, failOn, maxWarnings, stdin, stdinFilename, noColor, quiet, stats, noIgnore, checkExternal,
            followLinks,
            noCache, cacheLocation,
        };
        root.SetAction((pr, token) =>
        {
            var settings = new LintSettings
            {
                Paths = pr.GetValue(paths) ?? Array.Empty<string>(),
                Config = pr.GetValue(config),
                Format = pr.GetValue(format) ?? "text",
                Output = pr.GetValue(output),
                Fix = pr.GetValue(fix),
                FixUnsafe = pr.GetValue(fixUnsafe),
                Diff = pr.GetValue(diff),
                FailOn = SeverityExtensions.TryParse(pr.GetValue(failOn), out var sev) ? sev : Severity.Error,
                MaxWarnings = pr.GetValue(maxWarnings),
                Stdin = pr.GetValue(stdin),
                StdinFilename = pr.GetValue(stdinFilename),
                NoColor = pr.GetValue(noColor),
                Quiet = pr.GetValue(quiet),
                Stats = pr.GetValue(stats),
                NoIgnore = pr.GetValue(noIgnore),
                CheckExternal = pr.GetValue(checkExternal),
                FollowLinksOutsideRoot = pr.GetValue(followLinks),
                NoCache = pr.GetValue(noCache),
                CacheLocation = pr.GetValue(cacheLocation),
            };
            var raw = Console.OpenStandardOutput();
            return new LintCommand(stdout, stderr, Console.OpenStandardInput(), raw).RunAsync(settings, token);
        });

        var rulesFormat = new Option<string>("--format", "-f") { Description = "Output format", DefaultValueFactory = _ => "text" };
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

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) stderr.WriteLine($"policylint: {e.Message}");
            stderr.WriteLine("Run 'dotnet policylint --help' for usage.");
            return ExitError;
        }
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        return await parse.InvokeAsync(invocation, ct).ConfigureAwait(false);
    }
}
