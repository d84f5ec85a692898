using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PolicyLint.Engine;
using PolicyLint.IO;

namespace PolicyLint.Cli;

/// <summary>
/// The run record: a lint run whose report goes to a pipe or a file keeps, in the cache folder, what it printed (report,
/// messages, exit code) with every input it consulted (<see cref="InputLog"/>: each file read or stamped, each folder
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
    private const int Magic = 0x52524C50; // "PLRR"
    private const int FormatVersion = 1;
    /// <summary>How many run records a cache folder keeps (one per command line); older ones are deleted.</summary>
    internal const int Kept = 8;
    internal const string Prefix = "run-";

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

    private static string FileName(string cacheDirectory, string key) =>
        Path.Combine(cacheDirectory, Prefix + ResultCache.Hash(key).Substring(0, 20) + ".bin");

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
        string key = Key(args, cwd);
        byte[] bytes;
        try { bytes = File.ReadAllBytes(FileName(dir, key)); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException) { return "none kept for this command line"; }
        string text, errors;
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
            if (r.ReadInt32() != Magic || r.ReadInt32() != FormatVersion) return "written by another version";
            if (r.ReadString() != key) return "kept for another command line";
            if (DateTime.UtcNow.Ticks >= r.ReadInt64()) return "a review date's day count has changed since";
            exit = r.ReadInt32();
            byte standIn = r.ReadByte();
            text = r.ReadString();
            errors = r.ReadString();
            int count = r.ReadInt32();
            for (int i = 0; i < count; i++)
            {
                string path = r.ReadString();
                bool follow = r.ReadBoolean();
                var kind = (PathStateKind)r.ReadByte();
                var stamp = FileStamp.ReadFrom(r);
                if (FileStamp.TryOfPath(path, follow, out var now) != true) return "file stamps are not available";
                if (now.Kind != kind || kind != PathStateKind.Missing && !now.Stamp.Equals(stamp)) return $"{path} changed";
            }
            text = Recording.Printed(text, standIn, s_clock.Elapsed);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException or ArgumentException or OverflowException)
        {
            return "the record is damaged";
        }
        var utf8 = new UTF8Encoding(false).GetBytes(text);
        stdout.Write(utf8, 0, utf8.Length);
        stdout.Flush();
        if (errors.Length > 0) { stderr.Write(errors); stderr.Flush(); }
        return null;
    }

    // ---- Recording -----------------------------------------------------------------------------------------------------

    /// <summary>Why a run with these settings is not recorded, or null when it may be.</summary>
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
            // The folder and its marker exist before the run looks at anything: made during the run, they would change the
            // stamp of the folder they are in, which the run lists.
            Directory.CreateDirectory(dir);
            ResultCache.EnsureMarker(dir);
            string key = Key(RawArgs!, cwd);
            var log = InputLog.Start(dir);
            // The tool itself: a rebuilt or updated one (same version) is another input.
            if (Environment.ProcessPath is { Length: > 0 } exe) InputLog.Read(exe);
            foreach (var name in new[] { "PolicyLint.Cli.dll", "PolicyLint.dll" })
                InputLog.Read(Path.Combine(AppContext.BaseDirectory, name)); // the portable build's code (missing in the native one)
            return new Recording(dir, key, log);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            if (Debug) stderr.WriteLine($"policylint: run record not kept: {ex.Message}");
            return null;
        }
    }

    /// <summary>A run being recorded: its log, and what it writes to stderr.</summary>
    internal sealed class Recording
    {
        private readonly string _directory, _key;
        private readonly InputLog _log;

        internal Recording(string directory, string key, InputLog log)
        {
            _directory = directory;
            _key = key;
            _log = log;
        }

        /// <summary>What the run wrote to stderr (everything but the progress line, which only a terminal gets).</summary>
        public StringWriter Errors { get; } = new();

        /// <summary>Keeps the record of a run that ended with <paramref name="exitCode"/> and printed <paramref name="report"/> (with the elapsed stand-in: 1 text, 2 JUnit, 0 none).</summary>
        public void Finish(int exitCode, string report, byte standIn, TextWriter stderr)
        {
            InputLog.Stop();
            string? reason = _log.Refused;
            var entries = _log.Snapshot();
            if (reason is null)
            {
                long trustBefore = _log.BeganUtcTicks - ResultCache.RacyWindowTicks;
                foreach (var (path, _, state) in entries)
                    if (state.Kind != PathStateKind.Missing && state.Stamp.ChangedTicks > trustBefore)
                    {
                        reason = $"{path} changed just before the run (its stamp cannot be trusted yet)";
                        break;
                    }
            }
            if (reason is null && DateTime.UtcNow.Ticks >= _log.ValidUntilUtcTicks) reason = "a review date's day count changed during the run";
            if (reason is not null)
            {
                if (Debug) stderr.WriteLine($"policylint: run record not kept: {reason}");
                return;
            }
            try
            {
                var ms = new MemoryStream();
                using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
                {
                    w.Write(Magic); w.Write(FormatVersion);
                    w.Write(_key);
                    w.Write(_log.ValidUntilUtcTicks);
                    w.Write(exitCode);
                    w.Write(standIn);
                    w.Write(report);
                    w.Write(Errors.ToString());
                    w.Write(entries.Count);
                    foreach (var (path, follow, state) in entries)
                    {
                        w.Write(path); w.Write(follow); w.Write((byte)state.Kind);
                        state.Stamp.WriteTo(w);
                    }
                }
                string file = FileName(_directory, _key);
                ResultCache.WriteAtomically(file, ms.ToArray());
                Prune(_directory, file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (Debug) stderr.WriteLine($"policylint: run record not kept: {ex.Message}");
            }
        }

        /// <summary>Stops recording without keeping anything (the run failed).</summary>
        public void Abandon() => InputLog.Stop();

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

    /// <summary>Keeps the <see cref="Kept"/> most recently written records of <paramref name="directory"/>.</summary>
    private static void Prune(string directory, string keep)
    {
        var old = new DirectoryInfo(directory).GetFiles(Prefix + "*.bin")
            .Where(f => !string.Equals(f.FullName, keep, StringComparison.Ordinal))
            .OrderByDescending(f => f.LastWriteTimeUtc).Skip(Kept - 1);
        foreach (var f in old)
            try { f.Delete(); } catch (IOException) { } catch (UnauthorizedAccessException) { }
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
