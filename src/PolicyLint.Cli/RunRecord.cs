using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PolicyLint.Engine;

namespace PolicyLint.Cli;

/// <summary>
/// The run record: a lint run whose report goes to a pipe or a file keeps, in the cache folder, what it printed (report,
/// messages, exit code) with every input it consulted (<see cref="RunRecords"/>: each file read or stamped, each folder
/// listed, each path looked for, as it stood) and until when its review dates hold. The next run with the same command
/// line, folder, tool build and environment checks those inputs (one stat each) and, when every one is as it was, prints
/// the same report without reading the configuration or any document: what a cold run would print, because it would read
/// exactly the same inputs. Anything else, and any doubt, runs the linter as usual.
/// </summary>
/// <remarks>
/// Not recorded: runs that write (--fix, --diff, --output, baselines, suppressions), read standard input, ask the network
/// (--check-external, or a PL3009 that checks), load a plugin, print timings (--stats), write to a terminal, or that read a
/// file changed within the result cache's window (2 s) of the run's start (its stamp could hide a second change in the same
/// instant). <c>POLICYLINT_DEBUG=1</c> says on stderr why a record was not used or not kept.
/// </remarks>
internal static class RunRecord
{
    /// <summary>Stands for the run's elapsed time in a recorded report (text: 2 decimals, JUnit: 3); a replay writes its own.</summary>
    internal static readonly TimeSpan ElapsedStandIn = TimeSpan.FromTicks(987_654_321_000);
    private static readonly string TextStandIn = ElapsedStandIn.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
    private static readonly string JUnitStandIn = ElapsedStandIn.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>The command line as given to Main (set there), or null (in-process callers: nothing recorded).</summary>
    internal static string[]? RawArgs { get; set; }

    private static readonly Stopwatch s_clock = Stopwatch.StartNew();

    private static bool Debug => Environment.GetEnvironmentVariable("POLICYLINT_DEBUG") == "1";

    // ---- Which record --------------------------------------------------------------------------------------------------

    /// <summary>Everything besides the inputs that decides what a run prints: the command line, the folder, the build, the environment.</summary>
    private static string Key(string[] args, string cwd)
    {
        var sb = new StringBuilder("policylint-run\n");
        sb.Append(Program.Version).Append('\n').Append(Environment.ProcessPath).Append('\n')
          .Append(AppContext.BaseDirectory).Append('\n').Append(cwd).Append('\n');
        foreach (var a in args) sb.Append(a.Length).Append(':').Append(a).Append('\n');
        var env = Environment.GetEnvironmentVariables();
        var names = new List<string>();
        foreach (System.Collections.DictionaryEntry e in env)
        {
            string name = (string)e.Key;
            if (name.StartsWith("POLICYLINT_", StringComparison.Ordinal) || name is "NO_COLOR" or "TERM" or "COLUMNS" or "TZ" or "LANG" or "LC_ALL")
                names.Add(name);
        }
        names.Sort(StringComparer.Ordinal);
        foreach (var n in names) sb.Append(n).Append('=').Append(env[n]).Append('\n');
        sb.Append(CultureInfo.CurrentCulture.Name).Append('\n').Append(TimeZoneInfo.Local.Id).Append('\n');
        return sb.ToString();
    }

    /// <summary>The cache folder a command line uses, read off the raw arguments; null when it turns caching off or cannot be told.</summary>
    private static string? CacheDirectory(string[] args, string cwd)
    {
        string? location = null;
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            if (a == "--") break;
            if (a == "--no-cache" || a.StartsWith('@')) return null; // a response file: its content is not in the key
            if (a == "--cache-location") { if (i + 1 >= args.Length) return null; location = args[++i]; }
            else if (a.StartsWith("--cache-location=", StringComparison.Ordinal) || a.StartsWith("--cache-location:", StringComparison.Ordinal))
                location = a.Substring("--cache-location=".Length);
        }
        return LintEngine.GetCacheDirectory(new LintRequest { BaseDirectory = cwd, CacheDirectory = location });
    }

    // ---- Replay --------------------------------------------------------------------------------------------------------

    /// <summary>
    /// When a record of this command line holds (every input as it was, its dates still good), writes what the run printed
    /// and returns its exit code; else null, and the run goes on as usual.
    /// </summary>
    public static int? TryReplay(string[] args, Stream stdout, TextWriter stderr)
    {
        if (!OperatingSystem.IsLinux() || !Console.IsOutputRedirected || args.Length > 0 && args[0] is "help" or "rules" or "explain" or "cache" or "init" or "server" or "lsp")
            return null;
        string? reason = Replay(args, stdout, stderr, out int exit);
        if (reason is null) return exit;
        if (Debug && reason.Length > 0) stderr.WriteLine($"policylint: run record not used: {reason}");
        return null;
    }

    private static string? Replay(string[] args, Stream stdout, TextWriter stderr, out int exit)
    {
        exit = 0;
        string cwd;
        string? dir;
        try
        {
            cwd = Directory.GetCurrentDirectory();
            dir = CacheDirectory(args, cwd);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException) { return ""; }
        if (dir is null) return "";
        byte[]? payload = RunRecords.TryReplay(dir, Key(args, cwd), out string reason);
        if (payload is null) return reason;
        string text, errors;
        try
        {
            using var r = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
            exit = r.ReadInt32();
            byte standIn = r.ReadByte();
            text = Recording.Printed(r.ReadString(), standIn, s_clock.Elapsed);
            errors = r.ReadString();
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException) { return "the record is damaged"; }
        var utf8 = new UTF8Encoding(false).GetBytes(text);
        try
        {
            stdout.Write(utf8, 0, utf8.Length);
            stdout.Flush();
            if (errors.Length > 0) { stderr.Write(errors); stderr.Flush(); }
        }
        catch (IOException) { } // a closed pipe (| head), as at the end of a run that lints: the exit code is still the run's
        return null;
    }

    // ---- Recording -----------------------------------------------------------------------------------------------------

    /// <summary>Why a run with these settings is not recorded ("" when nothing need be said), or null when it may be.</summary>
    private static string? NotRecorded(LintSettings s)
    {
        if (RawArgs is null) return "";
        if (s.NoCache) return "";
        if (!OperatingSystem.IsLinux()) return "file stamps are not available on this platform";
        if (!Console.IsOutputRedirected) return "the report goes to a terminal";
        if (s.Fix || s.FixUnsafe || s.Diff) return "the run fixes files or prints a diff";
        if (s.Stdin) return "the run reads standard input";
        if (s.Output is not null) return "the report goes to a file (--output)";
        if (s.Baseline is not null || s.WriteBaseline is not null || s.UpdateBaseline || s.AddSuppressions) return "the run uses or writes a baseline or suppressions";
        if (s.CheckExternal) return "the run checks external links";
        if (s.Stats) return "the run prints timings (--stats)";
        if (RawArgs.Any(a => a.StartsWith('@'))) return "the command line uses a response file";
        return null;
    }

    /// <summary>Starts recording a run of <paramref name="s"/>, or returns null when such a run is not recorded.</summary>
    public static Recording? Begin(LintSettings s, TextWriter stderr)
    {
        string? reason = NotRecorded(s);
        if (reason is not null)
        {
            if (Debug && reason.Length > 0) stderr.WriteLine($"policylint: run record not kept: {reason}");
            return null;
        }
        try
        {
            string cwd = Directory.GetCurrentDirectory();
            string? dir = CacheDirectory(RawArgs!, cwd);
            if (dir is null) return null;
            var recording = RunRecords.Begin(dir, Key(RawArgs!, cwd));
            if (recording is null) return null;
            // The tool itself: a rebuilt or updated one (same version) is another input.
            if (Environment.ProcessPath is { Length: > 0 } exe) RunRecords.NoteRead(exe);
            foreach (var name in new[] { "PolicyLint.Cli.dll", "PolicyLint.dll" })
                RunRecords.NoteRead(Path.Combine(AppContext.BaseDirectory, name)); // the portable build's code (missing in the native one)
            return new Recording(recording);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            if (Debug) stderr.WriteLine($"policylint: run record not kept: {ex.Message}");
            return null;
        }
    }

    /// <summary>A run being recorded: the library's recording, and what the run writes to stderr.</summary>
    internal sealed class Recording
    {
        private readonly RunRecording _recording;

        internal Recording(RunRecording recording) => _recording = recording;

        /// <summary>What the run wrote to stderr (everything but the progress line, which only a terminal gets).</summary>
        public StringWriter Errors { get; } = new();

        /// <summary>Keeps the record of a run that ended with <paramref name="exitCode"/> and printed <paramref name="report"/> (with the elapsed stand-in: 1 text, 2 JUnit, 0 none).</summary>
        public void Finish(int exitCode, string report, byte standIn, TextWriter stderr)
        {
            var ms = new MemoryStream();
            using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
            {
                w.Write(exitCode);
                w.Write(standIn);
                w.Write(report);
                w.Write(Errors.ToString());
            }
            string? reason = _recording.Keep(ms.ToArray());
            if (reason is not null && Debug) stderr.WriteLine($"policylint: run record not kept: {reason}");
        }

        /// <summary>Stops recording without keeping anything (the run failed).</summary>
        public void Abandon() => _recording.Abandon();

        /// <summary>The report as it is printed now: the stand-in replaced by <paramref name="elapsed"/>.</summary>
        public static string Printed(string report, byte standIn, TimeSpan elapsed) => standIn switch
        {
            1 => report.Replace(TextStandIn, elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture), StringComparison.Ordinal),
            2 => report.Replace(JUnitStandIn, elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture), StringComparison.Ordinal),
            _ => report,
        };

        /// <summary>How often the stand-in occurs in <paramref name="report"/> for <paramref name="standIn"/>.</summary>
        public static int StandIns(string report, byte standIn)
        {
            string s = standIn == 1 ? TextStandIn : JUnitStandIn;
            int n = 0;
            for (int i = report.IndexOf(s, StringComparison.Ordinal); i >= 0; i = report.IndexOf(s, i + s.Length, StringComparison.Ordinal)) n++;
            return n;
        }
    }
}

/// <summary>Writes to two writers: what a recorded run prints to stderr goes to stderr and to its record.</summary>
internal sealed class TeeWriter : TextWriter
{
    private readonly TextWriter _first, _second;

    public TeeWriter(TextWriter first, TextWriter second)
    {
        _first = first;
        _second = second;
    }

    public override Encoding Encoding => _first.Encoding;
    public override void Write(char value) { _first.Write(value); _second.Write(value); }
    public override void Write(string? value) { _first.Write(value); _second.Write(value); }
    public override void Write(char[] buffer, int index, int count) { _first.Write(buffer, index, count); _second.Write(buffer, index, count); }
    public override void WriteLine(string? value) { _first.WriteLine(value); _second.WriteLine(value); }
    public override void Flush() { _first.Flush(); _second.Flush(); }
}
