using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PolicyLint.IO;

namespace PolicyLint.Engine;

/// <summary>
/// Run records: what a host (the command line) printed for a run, kept in the cache folder with every input the run
/// consulted, so that the next run with the same key on an unchanged tree can print it again without linting. The engine
/// logs the inputs as it goes (each file read or stamped, each folder listed, each path looked for, as it stood when first
/// consulted; until when the review dates' day counts hold); the host gives the key (everything else that decides what it
/// prints: its command line, folder, build, environment) and the payload (what it printed), and logs its own reads with
/// <see cref="FileExists"/>, <see cref="DirectoryExists"/> and <see cref="NoteRead"/>.
/// </summary>
/// <remarks>
/// A record is not kept when the run did something a log cannot capture (a plugin, the network), when any input changed
/// within the result cache's window (2 s) of the run's start (its stamp could hide a second change in the same clock tick),
/// or when the platform gives no stamps (statx). It is used only while every input has the stamp it had.
/// </remarks>
public static class RunRecords
{
    private const int Magic = 0x52524C50; // "PLRR"
    private const int FormatVersion = 1;
    /// <summary>How many run records a cache folder keeps; older ones are deleted.</summary>
    public const int Kept = 8;

    /// <summary>
    /// The record's file: named by two 64-bit FNV-1a hashes of the key (the record holds the key itself and is used only when
    /// it matches, so a collision costs a miss, never a wrong report). Not SHA-256: that loads OpenSSL, about a millisecond
    /// of a replay that takes eight.
    /// </summary>
    private static string FileName(string cacheDirectory, string key)
    {
        ulong a = 14695981039346656037UL, b = 14695981039346656037UL ^ 0x9E3779B97F4A7C15UL;
        foreach (char c in key)
        {
            a = (a ^ c) * 1099511628211UL;
            b = (b ^ (uint)(c * 31 + 7)) * 1099511628211UL;
        }
        return Path.Combine(cacheDirectory, "run-" + a.ToString("x16", System.Globalization.CultureInfo.InvariantCulture)
            + b.ToString("x16", System.Globalization.CultureInfo.InvariantCulture).Substring(0, 4) + ".bin");
    }

    /// <summary>
    /// Starts recording the run in this async flow (and the work it starts) under <paramref name="key"/>; creates the cache
    /// folder and its marker first (made during the run, they would change the stamp of the folder they are in). Null when
    /// the platform gives no file stamps.
    /// </summary>
    public static RunRecording? Begin(string cacheDirectory, string key)
    {
        if (cacheDirectory is null) throw new ArgumentNullException(nameof(cacheDirectory));
        if (key is null) throw new ArgumentNullException(nameof(key));
        string dir = Path.GetFullPath(cacheDirectory);
        if (FileStamp.TryOfPath(dir, true, out _) is null) return null;
        Directory.CreateDirectory(dir);
        ResultCache.EnsureMarker(dir);
        return new RunRecording(dir, key, InputLog.Start(dir));
    }

    /// <summary>
    /// The payload of the record kept under <paramref name="key"/> when every input it lists is as it was and its dates
    /// still hold; else null, with <paramref name="reason"/> saying why (none kept, an input changed, a day count changed).
    /// </summary>
    public static byte[]? TryReplay(string cacheDirectory, string key, out string reason)
    {
        if (cacheDirectory is null) throw new ArgumentNullException(nameof(cacheDirectory));
        if (key is null) throw new ArgumentNullException(nameof(key));
        byte[] bytes;
        try { bytes = File.ReadAllBytes(FileName(Path.GetFullPath(cacheDirectory), key)); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            reason = "none kept for this command line";
            return null;
        }
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
            if (r.ReadInt32() != Magic || r.ReadInt32() != FormatVersion) { reason = "written by another version"; return null; }
            if (r.ReadString() != key) { reason = "kept for another command line"; return null; }
            if (DateTime.UtcNow.Ticks >= r.ReadInt64()) { reason = "a review date's day count has changed since"; return null; }
            byte[] payload = r.ReadBytes(r.ReadInt32());
            int count = r.ReadInt32();
            for (int i = 0; i < count; i++)
            {
                string path = r.ReadString();
                bool follow = r.ReadBoolean();
                var kind = (PathStateKind)r.ReadByte();
                var stamp = FileStamp.ReadFrom(r);
                if (FileStamp.TryOfPath(path, follow, out var now) != true) { reason = "file stamps are not available"; return null; }
                if (now.Kind != kind || kind != PathStateKind.Missing && !now.Stamp.Equals(stamp)) { reason = path + " changed"; return null; }
            }
            reason = "";
            return payload;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException or ArgumentException or OverflowException)
        {
            reason = "the record is damaged";
            return null;
        }
    }

    /// <summary><see cref="File.Exists"/>, logged as an input of the run being recorded (if any).</summary>
    public static bool FileExists(string? path) => InputLog.FileExists(path);

    /// <summary><see cref="Directory.Exists"/>, logged as an input of the run being recorded (if any).</summary>
    public static bool DirectoryExists(string? path) => InputLog.DirectoryExists(path);

    /// <summary>Logs <paramref name="path"/> as read by the run being recorded (call before reading it).</summary>
    public static void NoteRead(string path)
    {
        if (path is null) throw new ArgumentNullException(nameof(path));
        InputLog.Read(path);
    }

    /// <summary>Marks the run being recorded (if any) as not recordable: it did something no log can capture.</summary>
    public static void Refuse(string reason) => InputLog.Refuse(reason ?? throw new ArgumentNullException(nameof(reason)));

    /// <summary>Keeps the <see cref="Kept"/> most recently written records of <paramref name="directory"/>.</summary>
    internal static void Prune(string directory, string keep)
    {
        var old = new DirectoryInfo(directory).GetFiles("run-*.bin")
            .Where(f => !string.Equals(f.FullName, keep, StringComparison.Ordinal))
            .OrderByDescending(f => f.LastWriteTimeUtc).Skip(Kept - 1);
        foreach (var f in old)
            try { f.Delete(); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    internal static void Write(string directory, string key, InputLog log, byte[] payload)
    {
        var entries = log.Snapshot();
        var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic); w.Write(FormatVersion);
            w.Write(key);
            w.Write(log.ValidUntilUtcTicks);
            w.Write(payload.Length); w.Write(payload);
            w.Write(entries.Count);
            foreach (var (path, follow, state) in entries)
            {
                w.Write(path); w.Write(follow); w.Write((byte)state.Kind);
                state.Stamp.WriteTo(w);
            }
        }
        string file = FileName(directory, key);
        ResultCache.WriteAtomically(file, ms.ToArray());
        Prune(directory, file);
    }
}

/// <summary>A run being recorded (<see cref="RunRecords.Begin"/>): keep it with what the host printed, or abandon it.</summary>
public sealed class RunRecording
{
    private readonly string _directory, _key;
    private readonly InputLog _log;

    internal RunRecording(string directory, string key, InputLog log)
    {
        _directory = directory;
        _key = key;
        _log = log;
    }

    /// <summary>
    /// Stops recording and keeps the record with <paramref name="payload"/>; returns null when kept, else why not (the run
    /// loaded a plugin or asked the network, an input changed within the window of the run's start, a day count changed
    /// during the run, or the record could not be written).
    /// </summary>
    public string? Keep(byte[] payload)
    {
        if (payload is null) throw new ArgumentNullException(nameof(payload));
        InputLog.Stop();
        if (_log.Refused is { } refused) return refused;
        long trustBefore = _log.BeganUtcTicks - ResultCache.RacyWindowTicks;
        foreach (var (path, _, state) in _log.Snapshot())
            if (state.Kind != PathStateKind.Missing && state.Stamp.ChangedTicks > trustBefore)
                return path + " changed just before the run (its stamp cannot be trusted yet)";
        if (DateTime.UtcNow.Ticks >= _log.ValidUntilUtcTicks) return "a review date's day count changed during the run";
        try
        {
            RunRecords.Write(_directory, _key, _log, payload);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }

    /// <summary>Stops recording without keeping anything (the run failed).</summary>
    public void Abandon() => InputLog.Stop();
}
