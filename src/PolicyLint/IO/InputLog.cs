using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace PolicyLint.IO;

/// <summary>How a path stood when a run looked at it: missing, or its kind and stamp (size, times, inode).</summary>
internal readonly record struct PathState(PathStateKind Kind, FileStamp Stamp)
{
    public static readonly PathState Missing = new(PathStateKind.Missing, default);
}

internal enum PathStateKind : byte { Missing = 0, File = 1, Folder = 2, Other = 3 }

/// <summary>
/// Everything a run consulted outside its arguments, for the command line's run record (a second run with the same
/// arguments on an unchanged tree prints the first run's report without linting): every file it read or took a stamp of,
/// every folder it listed, every path it looked for (found or not), and until when the clock keeps its answers. Each path
/// is stat'ed at the moment the run first consults it, before the run uses it: anything that changes it afterwards, during
/// the run or later, leaves a stamp that no longer matches (a missing path that appears, a file or folder with another
/// size, time or inode). A missing path keeps no stamp of the folder it would be in: the run looks for configuration files
/// in every folder above the repository, and a busy one (the temporary folder) would void every record.
/// </summary>
/// <remarks>
/// Off (a null <see cref="Current"/>, one read of an async-local per call) unless the command line starts a log for its
/// run; the library's callers never see it. A run that does something a log cannot capture (loads a plugin, asks the
/// network) calls <see cref="Refuse"/>, and no record is kept.
/// </remarks>
internal sealed class InputLog
{
    private static readonly AsyncLocal<InputLog?> s_current = new();

    /// <summary>The log of the run in this async flow, or null (nothing is logged).</summary>
    public static InputLog? Current => s_current.Value;

    private readonly Dictionary<(string Path, bool Follow), PathState> _entries = new();
    private readonly string? _ignoreUnder;

    private InputLog(string? ignoreUnder, long beganTicks)
    {
        _ignoreUnder = ignoreUnder is null ? null : ignoreUnder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        BeganUtcTicks = beganTicks;
    }

    /// <summary>Starts a log for this async flow (and the work it starts); paths under <paramref name="ignoreUnder"/> (the cache's own files) are left out.</summary>
    public static InputLog Start(string? ignoreUnder)
    {
        var log = new InputLog(ignoreUnder, DateTime.UtcNow.Ticks);
        s_current.Value = log;
        return log;
    }

    /// <summary>Stops logging in this async flow.</summary>
    public static void Stop() => s_current.Value = null;

    public long BeganUtcTicks { get; }
    /// <summary>Why the run cannot be replayed (the first reason given), or null.</summary>
    public string? Refused { get; private set; }
    /// <summary>The run's findings hold until this instant (UTC ticks): a review date's day count changes then.</summary>
    public long ValidUntilUtcTicks { get; private set; } = long.MaxValue;

    /// <summary>The paths consulted and their states, in no particular order.</summary>
    public List<(string Path, bool Follow, PathState State)> Snapshot()
    {
        lock (_entries)
        {
            var list = new List<(string, bool, PathState)>(_entries.Count);
            foreach (var kv in _entries) list.Add((kv.Key.Path, kv.Key.Follow, kv.Value));
            return list;
        }
    }

    // ---- What the run calls ----------------------------------------------------------------------------------------

    /// <summary>The run reads <paramref name="path"/> (a link followed): call before reading.</summary>
    public static void Read(string path) { if (s_current.Value is { } log) log.Add(path, follow: true, known: null); }

    /// <summary>The run asks whether <paramref name="path"/> exists, or what it is: call before asking.</summary>
    public static void Probe(string path) { if (s_current.Value is { } log) log.Add(path, follow: true, known: null); }

    /// <summary>The run lists the entries of the folder <paramref name="path"/>: call before listing.</summary>
    public static void Listed(string path) { if (s_current.Value is { } log) log.Add(path, follow: true, known: null); }

    /// <summary>A stamp the run just took (by <see cref="FileStamp"/>'s statx): kept as it is, with no second call.</summary>
    internal static void Stamped(string fullPath, bool follow, PathState state)
    {
        if (s_current.Value is { } log) log.Add(fullPath, follow, state);
    }

    /// <summary>A <see cref="FileInfo"/> of <paramref name="path"/>, logged as read (its size and times are about to be used, and usually its content).</summary>
    public static FileInfo Info(string path)
    {
        Read(path);
        return new FileInfo(path);
    }

    /// <summary><see cref="File.Exists"/>, logged.</summary>
    public static bool FileExists(string? path)
    {
        if (path is not null) Probe(path);
        return File.Exists(path);
    }

    /// <summary><see cref="Directory.Exists"/>, logged.</summary>
    public static bool DirectoryExists(string? path)
    {
        if (path is not null) Probe(path);
        return Directory.Exists(path);
    }

    /// <summary>The run did something no log can capture: it is not recorded.</summary>
    public static void Refuse(string reason)
    {
        if (s_current.Value is { } log) lock (log._entries) log.Refused ??= reason;
    }

    /// <summary>The run's answers hold only until <paramref name="utcTicks"/>.</summary>
    public static void ValidUntil(long utcTicks)
    {
        if (s_current.Value is not { } log) return;
        lock (log._entries) if (utcTicks < log.ValidUntilUtcTicks) log.ValidUntilUtcTicks = utcTicks;
    }

    /// <summary>
    /// The first instant after <paramref name="now"/> at which the calendar day changes in its offset, less an hour (a
    /// daylight-saving change may move midnight by one): what a count of days by calendar day is good until.
    /// </summary>
    public static long NextDayUtcTicks(DateTimeOffset now)
    {
        var midnight = new DateTimeOffset(now.Date.AddDays(1), now.Offset);
        return midnight.UtcTicks - TimeSpan.TicksPerHour;
    }

    // ---- Inside ---------------------------------------------------------------------------------------------------

    private void Add(string path, bool follow, PathState? known)
    {
        string full;
        try { full = Path.GetFullPath(path); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException) { return; } // the run's own call fails the same way
        if (_ignoreUnder is not null && (full + Path.DirectorySeparatorChar).StartsWith(_ignoreUnder, StringComparison.Ordinal)) return;
        lock (_entries) if (_entries.ContainsKey((full, follow))) return;
        PathState state;
        if (known is { } k) state = k;
        else
        {
            bool? ok = FileStamp.TryOfPath(full, follow, out state);
            if (ok is null) { Refuse("this platform gives no file stamps"); return; }
        }
        lock (_entries) if (!_entries.ContainsKey((full, follow))) _entries[(full, follow)] = state;
    }
}
