using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using PolicyLint.Analysis;
using PolicyLint.Configuration;
using PolicyLint.Diagnostics;

using PolicyLint.IO;

namespace PolicyLint.Engine;

/// <summary>
/// What one document's findings depended on besides its own bytes and configuration, recorded while it was analysed: every
/// path looked up (link targets, index files), every other document whose content or outline a cross-file rule used, every
/// other file read (a JSON Schema), and how the clock was used (whole days to each review date). The engine installs a
/// recorder on the thread that analyses a document; <see cref="Workspace"/> writes to it.
/// </summary>
internal sealed class DependencyRecorder
{
    [ThreadStatic] private static DependencyRecorder? t_current;

    public static DependencyRecorder? Current => t_current;

    /// <summary>Makes <paramref name="recorder"/> current on this thread; returns the previous one to restore.</summary>
    public static DependencyRecorder? Enter(DependencyRecorder? recorder)
    {
        var previous = t_current;
        t_current = recorder;
        return previous;
    }

    public Dictionary<string, PathLookup> Lookups { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Documents { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Files { get; } = new(StringComparer.Ordinal);
    /// <summary>Documents whose anchors (as their site model makes them, includes and all) a finding was checked against.</summary>
    public HashSet<string> Outlines { get; } = new(StringComparer.Ordinal);
    /// <summary>The <c>site</c> settings ("auto", "hugo"...) whose model the document's link rules consulted.</summary>
    public HashSet<string> Sites { get; } = new(StringComparer.Ordinal);
    /// <summary>Links the document's analysis counted as not checked, by reason (replayed when it is served from the cache).</summary>
    public Dictionary<string, int> UncheckedLinks { get; } = new(StringComparer.Ordinal);
    public List<(DateTimeOffset Date, bool HasTime, int StableAbove, int Days)> Days { get; } = new();
    /// <summary>The clock was read directly (not through <see cref="Workspace.DaysUntil"/>): valid for that calendar day only.</summary>
    public bool ReadClock { get; set; }

    public void Lookup(string fullPath, PathLookup result) { lock (Lookups) Lookups[fullPath] = result; }
    public void Document(string fullPath) { lock (Documents) Documents.Add(fullPath); }
    public void File(string fullPath) { lock (Files) Files.Add(fullPath); }
    public void Outline(string fullPath) { lock (Outlines) Outlines.Add(fullPath); }
    public void Site(string name) { lock (Sites) Sites.Add(name); }
    public void Unchecked(string reason) { lock (UncheckedLinks) UncheckedLinks[reason] = UncheckedLinks.TryGetValue(reason, out var n) ? n + 1 : 1; }
    public void Day(DateTimeOffset date, bool hasTime, int stableAbove, int days) { lock (Days) Days.Add((date, hasTime, stableAbove, days)); }
}

/// <summary>One cached document: the inputs it was linted from and its final findings.</summary>
internal sealed class CacheEntry
{
    public string ContentHash = "";
    public string ConfigFingerprint = "";
    public string? ClockDate;
    public bool Linted;
    public List<(string Path, PathKind Kind, string? Actual)> Lookups = new();
    public List<(string Path, string Fingerprint)> Documents = new();
    public List<(string Path, string Hash)> Files = new();
    public List<(string Path, string Fingerprint)> Outlines = new();
    public List<(string Name, string Fingerprint)> Sites = new();
    public List<(string Reason, int Count)> UncheckedLinks = new();
    public List<(DateTimeOffset Date, bool HasTime, int StableAbove, int Days)> Days = new();
    public List<StoredDiagnostic> Diagnostics = new();
}

internal sealed class StoredDiagnostic
{
    public string RuleId = "";
    public Severity Severity;
    public string Path = "";
    public int SpanStart, SpanLength, StartLine, StartColumn, EndLine, EndColumn;
    public long? ByteOffset;
    public string Message = "";
    public string? Suppression;
    public List<(byte Kind, string? Value)> Arguments = new();
    public string? FixTitle;
    public bool FixSafe;
    public List<(int Start, int Length, string Text)> Edits = new();

    public static StoredDiagnostic From(Diagnostic d)
    {
        var l = d.Location;
        var s = new StoredDiagnostic
        {
            RuleId = d.Id, Severity = d.Severity, Path = l.Path, SpanStart = l.Span.Start, SpanLength = l.Span.Length,
            StartLine = l.StartLine, StartColumn = l.StartColumn, EndLine = l.EndLine, EndColumn = l.EndColumn, ByteOffset = l.ByteOffset,
            Message = d.Message, Suppression = d.SuppressionJustification,
        };
        foreach (var a in d.Arguments)
        {
            switch (a)
            {
                case null: s.Arguments.Add((0, null)); break;
                case string str: s.Arguments.Add((1, str)); break;
                case int i: s.Arguments.Add((2, i.ToString(System.Globalization.CultureInfo.InvariantCulture))); break;
                case long n: s.Arguments.Add((3, n.ToString(System.Globalization.CultureInfo.InvariantCulture))); break;
                default: s.Arguments.Add((1, Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture))); break;
            }
        }
        if (d.Fix is { } fix)
        {
            s.FixTitle = fix.Title;
            s.FixSafe = fix.IsSafe;
            foreach (var e in fix.Edits) s.Edits.Add((e.Span.Start, e.Span.Length, e.NewText));
        }
        return s;
    }

    public Diagnostic? ToDiagnostic(Func<string, RuleDescriptor?> ruleById)
    {
        var rule = ruleById(RuleId);
        if (rule is null) return null;
        var location = new Location(Path, new TextSpan(SpanStart, SpanLength), StartLine, StartColumn, EndLine, EndColumn, ByteOffset);
        var args = ImmutableArray.CreateBuilder<object?>(Arguments.Count);
        foreach (var a in Arguments)
            args.Add(a.Kind switch
            {
                0 => null,
                2 => (object?)int.Parse(a.Value!, System.Globalization.CultureInfo.InvariantCulture),
                3 => long.Parse(a.Value!, System.Globalization.CultureInfo.InvariantCulture),
                _ => a.Value,
            });
        Fix? fix = null;
        if (FixTitle is not null)
        {
            var edits = new TextEdit[Edits.Count];
            for (int i = 0; i < edits.Length; i++) edits[i] = new TextEdit(new TextSpan(Edits[i].Start, Edits[i].Length), Edits[i].Text);
            fix = new Fix(FixTitle, edits, FixSafe);
        }
        return Diagnostic.Restore(rule, Severity, location, args.MoveToImmutable(), fix, Suppression, Message);
    }
}

/// <summary>
/// The incremental cache of a lint run: per document, its findings and everything they were computed from. An entry is used
/// only when every input is unchanged: the document's bytes, its effective configuration, the paths it looked up, the documents
/// its cross-file findings came from (their bytes, configuration, and whether they are in the run), other files read, the
/// anchors of the pages its site-model links reach, the site model's fingerprint (generator configuration, redirect files,
/// the listing of every file, every page's front matter; or, with no model, the generator files detection looks at), and the
/// clock's whole days to each date it compared; the links it counted as not checked are kept and counted again; the tool, its analyzers and plugins, the root, base directory and command-line
/// overrides select the cache file. The file is read once and replaced atomically (write to a unique temporary file, then
/// rename), so concurrent runs never see a torn file: the last writer wins, and a lost entry only costs a re-lint.
/// </summary>
internal sealed class ResultCache
{
    private const int FormatVersion = 3;
    /// <summary>A stamp is trusted only when the file had not changed for this long before the run that took it.</summary>
    private static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);
    /// <summary>For tests: another window than <see cref="RacyWindow"/> for the caches opened in this async flow.</summary>
    internal static readonly System.Threading.AsyncLocal<TimeSpan?> RacyWindowOverride = new();
    private const string Magic = "PolicyLintCache";
    private const long MaxHashedFileSize = 64L * 1024 * 1024;
    private readonly string _directory;
    private readonly string _path;
    private readonly string _key;
    private readonly Dictionary<string, CacheEntry> _entries;
    private readonly ConcurrentDictionary<string, CacheEntry> _updates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _fileHashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _documentFingerprints = new(StringComparer.Ordinal);
    private bool _hits;
    /// <summary>File hashes by path, each under the stamp the file had when it was hashed (from the cache file).</summary>
    private readonly Dictionary<string, StampedHash> _stamps = new(StringComparer.Ordinal);
    /// <summary>The stamps this run saw or took; written back when any of them is new.</summary>
    private readonly ConcurrentDictionary<string, StampedHash> _seenStamps = new(StringComparer.Ordinal);
    private volatile bool _stampsChanged;
    /// <summary>A stamp taken in this run is trusted in later runs when the file last changed before this (UTC ticks).</summary>
    private readonly long _trustBefore = TrustBefore();

    /// <summary>
    /// A stamp taken now is trusted by later runs when the file (or folder) last changed before this (UTC ticks): the racy
    /// window before now, or the tests' override.
    /// </summary>
    /// <summary>How long after a change a stamp is not trusted (<see cref="RacyWindow"/>, or the tests' override), in ticks.</summary>
    internal static long RacyWindowTicks => (RacyWindowOverride.Value ?? RacyWindow).Ticks;

    internal static long TrustBefore() => DateTime.UtcNow.Ticks - (RacyWindowOverride.Value ?? RacyWindow).Ticks;
    private int _filesRead;

    private sealed record StampedHash(FileStamp Stamp, string Hash, bool Trusted);

    private ResultCache(string directory, string key, Dictionary<string, CacheEntry> entries)
    {
        _directory = directory;
        _key = key;
        _path = Path.Combine(directory, "results-" + key.Substring(0, 16) + ".bin");
        _entries = entries;
    }

    /// <summary>The folder name the command line and the MSBuild task use.</summary>
    public const string DefaultFolderName = ".policylint-cache";

    public string FilePath => _path;

    /// <summary>Opens the cache file for <paramref name="key"/> in <paramref name="directory"/>; a missing, foreign or damaged file is an empty cache.</summary>
    public static ResultCache Open(string directory, string key)
    {
        var cache = new ResultCache(directory, key, new Dictionary<string, CacheEntry>(StringComparer.Ordinal));
        bool read = TryReadFile(cache._path, reader =>
        {
            if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion || reader.ReadString() != key) return;
            int n = reader.ReadInt32();
            for (int i = 0; i < n; i++)
            {
                string path = reader.ReadString();
                cache._entries[path] = ReadEntry(reader);
            }
            n = reader.ReadInt32();
            for (int i = 0; i < n; i++)
            {
                string path = reader.ReadString();
                var stamp = FileStamp.ReadFrom(reader);
                bool trusted = reader.ReadBoolean();
                cache._stamps[path] = new StampedHash(stamp, reader.ReadString(), trusted);
            }
        });
        if (!read)
        {
            cache._entries.Clear(); // damaged or half-written by an older build: start afresh
            cache._stamps.Clear();
        }
        return cache;
    }

    /// <summary>
    /// Reads the cache file at <paramref name="path"/> with <paramref name="read"/> when it is there and a regular file (a FIFO
    /// in its place would block the run); false when it is damaged or cannot be read, and the caller starts afresh.
    /// </summary>
    internal static bool TryReadFile(string path, Action<BinaryReader> read)
    {
        try
        {
            if (!File.Exists(path) || SafeFile.Kind(path) is not (null or "regular")) return true;
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            read(reader);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException or ArgumentException
            or OverflowException or DecoderFallbackException or OutOfMemoryException)
        {
            return false;
        }
    }

    /// <summary>
    /// Writes a cache file atomically with <paramref name="write"/>, making its folder (with the marker that keeps it out of
    /// git) first. Throws what the file system throws: callers keep going without the cache.
    /// </summary>
    internal static void WriteFile(string path, Action<BinaryWriter> write)
    {
        string directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        EnsureMarker(directory);
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, new UTF8Encoding(false), leaveOpen: true)) write(w);
        WriteAtomically(path, ms.ToArray());
    }

    // ---- Hashing -------------------------------------------------------------------------------------------------------

    public static string Hash(string text) => Hash(Encoding.UTF8.GetBytes(text));

    public static string Hash(byte[] bytes)
    {
#if NET
        byte[] h = SHA256.HashData(bytes);
#else
        byte[] h;
        using (var sha = SHA256.Create()) h = sha.ComputeHash(bytes);
#endif
        var sb = new StringBuilder(32);
        for (int i = 0; i < 16; i++) sb.Append(h[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>
    /// The hash of a file's bytes as it is now ("-" when it is missing, a folder or unreadable), once per run: the stored hash
    /// while the file's stamp is the one it was stored under (and was taken well after the file last changed), else read.
    /// </summary>
    public string FileHash(string fullPath) => _fileHashes.GetOrAdd(fullPath, p =>
    {
        try
        {
            var info = InputLog.Info(p);
            if (!info.Exists) return "-";
            if (info.Length > MaxHashedFileSize) return Big(info);
            var stamp = FileStamp.Of(p, info);
            if (stamp is { } s && KnownHash(p, s) is { } known) return known;
            // The engine's bounded read: a FIFO is never opened (it would block), a device never read past the limit.
            string hash;
            try { hash = Hash(ReadCounted(p, MaxHashedFileSize)); }
            catch (SafeFile.TooLargeException) { info.Refresh(); return Big(info); } // it grew while it was read
            if (stamp is { } taken) RecordHash(p, taken, hash);
            return hash;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            return "-";
        }
    });

    /// <summary>Reads a file for hashing or analysis, counted (<see cref="FilesRead"/>).</summary>
    internal byte[] ReadCounted(string fullPath, long limit)
    {
        System.Threading.Interlocked.Increment(ref _filesRead);
        return SafeFile.ReadAllBytes(fullPath, limit);
    }

    /// <summary>How many files this run read through the cache (documents and the files their findings depend on): for tests.</summary>
    internal int FilesRead => _filesRead;

    /// <summary>
    /// The stored hash of <paramref name="fullPath"/> when <paramref name="stamp"/> (taken before any read) is the stamp it was
    /// stored under and that stamp is trusted; else null (the caller reads the file and calls <see cref="RecordHash"/>).
    /// </summary>
    public string? KnownHash(string fullPath, FileStamp stamp)
    {
        if (!_stamps.TryGetValue(fullPath, out var stored) || !stored.Trusted || !stored.Stamp.Equals(stamp)) return null;
        _seenStamps[fullPath] = stored;
        return stored.Hash;
    }

    /// <summary>Keeps the hash of bytes read after <paramref name="stamp"/> was taken, for the next run.</summary>
    public void RecordHash(string fullPath, FileStamp stamp, string hash)
    {
        var record = new StampedHash(stamp, hash, stamp.ChangedTicks < _trustBefore);
        _seenStamps[fullPath] = record;
        if (!_stamps.TryGetValue(fullPath, out var stored) || stored != record) _stampsChanged = true;
    }

    /// <summary>A file too large to hash stands for its size and write time.</summary>
    private static string Big(FileInfo info) => "big:" + info.Length + ":" + info.LastWriteTimeUtc.Ticks;

    /// <summary>Records the hash of bytes already read (the document being analysed), so that nothing reads it twice.</summary>
    public void KnowHash(string fullPath, string hash) => _fileHashes.TryAdd(fullPath, hash);

    /// <summary>
    /// What a cross-file rule's finding about a link into <paramref name="fullPath"/> can depend on: the document's bytes, its
    /// configuration, and whether it is linted in this run (a linted document's outline comes from its own analysis).
    /// </summary>
    public string DocumentFingerprint(string fullPath, Workspace workspace, ConfigurationResolver resolver) =>
        _documentFingerprints.GetOrAdd(fullPath, p =>
        {
            string config;
            try { config = resolver.GetFingerprint(p); }
            catch (ConfigurationException) { config = "config-error"; }
            return (workspace.IsLinted(p) ? "run:" : "out:") + FileHash(p) + ":" + config;
        });

    // ---- Entries -------------------------------------------------------------------------------------------------------

    /// <summary>The stored entry of <paramref name="fullPath"/> when every one of its inputs is as it was; else null.</summary>
    public CacheEntry? TryGet(string fullPath, string contentHash, string configFingerprint, Workspace workspace, ConfigurationResolver resolver)
    {
        if (!_entries.TryGetValue(fullPath, out var e)) return null;
        if (e.ContentHash != contentHash || e.ConfigFingerprint != configFingerprint) return null;
        if (e.ClockDate is not null && e.ClockDate != ClockDate(workspace)) return null;
        foreach (var (date, hasTime, stableAbove, days) in e.Days)
            if (Workspace.Clamp(workspace.DaysUntilUnrecorded(date, hasTime), stableAbove) != days) return null;
        foreach (var (path, kind, actual) in e.Lookups)
        {
            var now = workspace.Lookup(path);
            if (now.Kind != kind || !string.Equals(now.ActualPath, actual, StringComparison.Ordinal)) return null;
        }
        foreach (var (path, hash) in e.Files)
            if (FileHash(path) != hash) return null;
        foreach (var (path, fingerprint) in e.Documents)
            if (DocumentFingerprint(path, workspace, resolver) != fingerprint) return null;
        foreach (var (name, fingerprint) in e.Sites)
            if (workspace.SiteFingerprint(name) != fingerprint) return null;
        foreach (var (path, fingerprint) in e.Outlines)
            if (workspace.OutlineFingerprint(path) != fingerprint) return null;
        _hits = true;
        return e;
    }

    public static string ClockDate(Workspace workspace)
    {
        var now = workspace.NowUnrecorded;
        InputLog.ValidUntil(InputLog.NextDayUtcTicks(now));
        return now.ToString("yyyy-MM-ddzzz", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Stores the result of a document analysed in this run.</summary>
    public void Put(string fullPath, string contentHash, string configFingerprint, DependencyRecorder deps, FileResult result, Workspace workspace,
        ConfigurationResolver resolver)
    {
        var e = new CacheEntry
        {
            ContentHash = contentHash,
            ConfigFingerprint = configFingerprint,
            ClockDate = deps.ReadClock ? ClockDate(workspace) : null,
            Linted = result.Linted,
        };
        foreach (var kv in deps.Lookups.OrderBy(kv => kv.Key, StringComparer.Ordinal)) e.Lookups.Add((kv.Key, kv.Value.Kind, kv.Value.ActualPath));
        foreach (var f in deps.Files.OrderBy(f => f, StringComparer.Ordinal)) e.Files.Add((f, FileHash(f)));
        foreach (var d in deps.Documents.OrderBy(f => f, StringComparer.Ordinal)) e.Documents.Add((d, DocumentFingerprint(d, workspace, resolver)));
        foreach (var n in deps.Sites.OrderBy(n => n, StringComparer.Ordinal)) e.Sites.Add((n, workspace.SiteFingerprint(n)));
        foreach (var o in deps.Outlines.OrderBy(o => o, StringComparer.Ordinal)) e.Outlines.Add((o, workspace.OutlineFingerprint(o)));
        foreach (var kv in deps.UncheckedLinks.OrderBy(kv => kv.Key, StringComparer.Ordinal)) e.UncheckedLinks.Add((kv.Key, kv.Value));
        e.Days.AddRange(deps.Days.Distinct());
        foreach (var d in result.Diagnostics) e.Diagnostics.Add(StoredDiagnostic.From(d));
        _updates[fullPath] = e;
    }

    /// <summary>Writes the cache when this run added entries (atomically); entries of files that no longer exist are dropped.</summary>
    public void Save()
    {
        if (_updates.IsEmpty && !_stampsChanged) return;
        var all = new Dictionary<string, CacheEntry>(_entries, StringComparer.Ordinal);
        foreach (var kv in _updates) all[kv.Key] = kv.Value;
        foreach (var path in all.Keys.ToList())
            if (!_updates.ContainsKey(path) && !File.Exists(path)) all.Remove(path);
        try
        {
            WriteFile(_path, w =>
            {
                w.Write(Magic);
                w.Write(FormatVersion);
                w.Write(_key);
                w.Write(all.Count);
                foreach (var kv in all.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    w.Write(kv.Key);
                    WriteEntry(w, kv.Value);
                }
                // Stamps seen in this run, and those of earlier runs whose files still exist.
                var stamps = new Dictionary<string, StampedHash>(_seenStamps, StringComparer.Ordinal);
                foreach (var kv in _stamps)
                    if (!stamps.ContainsKey(kv.Key) && File.Exists(kv.Key)) stamps[kv.Key] = kv.Value;
                w.Write(stamps.Count);
                foreach (var kv in stamps.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    w.Write(kv.Key);
                    kv.Value.Stamp.WriteTo(w);
                    w.Write(kv.Value.Trusted);
                    w.Write(kv.Value.Hash);
                }
            });
            PruneOthers();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs the next run its speed.
        }
    }

    /// <summary>Writes the cache folder's marker, a <c>.gitignore</c> that keeps it out of commits, when it is not there.</summary>
    internal static void EnsureMarker(string directory)
    {
        string ignore = Path.Combine(directory, ".gitignore");
        if (!File.Exists(ignore)) WriteAtomically(ignore, Encoding.UTF8.GetBytes("# Written by PolicyLint: its result cache, never committed.\n*\n"));
    }

    /// <summary>How many cache files of other keys (other builds, configurations or command lines) are kept beside this one.</summary>
    internal const int KeptOtherFiles = 4;

    /// <summary>
    /// Every rebuilt tool, plugin or changed configuration starts a cache file of its own: after writing this one, only the
    /// <see cref="KeptOtherFiles"/> most recently written others stay (a run switching between a few configurations keeps
    /// each one's cache), and older ones are deleted.
    /// </summary>
    private void PruneOthers()
    {
        var others = new DirectoryInfo(_directory).GetFiles("results-*.bin")
            .Where(f => !string.Equals(f.FullName, _path, StringComparison.Ordinal))
            .OrderByDescending(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal).Skip(KeptOtherFiles);
        foreach (var old in others)
        {
            try { old.Delete(); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { } // another run has it open, or took it away
        }
    }

    /// <summary>True when some document of this run was served from the cache.</summary>
    public bool HadHits => _hits;

    /// <summary>Writes to a unique temporary file beside <paramref name="path"/>, then renames it over the target.</summary>
    internal static void WriteAtomically(string path, byte[] bytes)
    {
        string temp = path + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp";
        try
        {
            File.WriteAllBytes(temp, bytes);
#if NET
            File.Move(temp, path, overwrite: true);
#else
            if (File.Exists(path)) File.Replace(temp, path, null);
            else File.Move(temp, path);
#endif
        }
        finally
        {
            if (File.Exists(temp)) try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The names of the files PolicyLint writes in its cache folder: results, listings and run records (and their temporary files).</summary>
    internal static bool IsCacheFileName(string name) =>
        name.StartsWith("results-", StringComparison.Ordinal) || name.StartsWith("listings-", StringComparison.Ordinal) || name.StartsWith("run-", StringComparison.Ordinal);

    /// <summary>Deletes a cache folder written by PolicyLint (one holding its marker <c>.gitignore</c> or cache files only).</summary>
    public static bool Clean(string directory)
    {
        if (!Directory.Exists(directory)) return false;
        foreach (var f in Directory.GetFiles(directory))
        {
            string name = Path.GetFileName(f);
            if (name == ".gitignore" || (IsCacheFileName(name)
                && (name.EndsWith(".bin", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.Ordinal))))
                File.Delete(f);
        }
        if (Directory.GetFileSystemEntries(directory).Length == 0) Directory.Delete(directory);
        return true;
    }

    // ---- Format --------------------------------------------------------------------------------------------------------

    private static void WriteNullable(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        if (s is not null) w.Write(s);
    }

    private static string? ReadNullable(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void WriteEntry(BinaryWriter w, CacheEntry e)
    {
        w.Write(e.ContentHash);
        w.Write(e.ConfigFingerprint);
        WriteNullable(w, e.ClockDate);
        w.Write(e.Linted);
        w.Write(e.Lookups.Count);
        foreach (var (p, k, a) in e.Lookups) { w.Write(p); w.Write((byte)k); WriteNullable(w, a); }
        w.Write(e.Documents.Count);
        foreach (var (p, f) in e.Documents) { w.Write(p); w.Write(f); }
        w.Write(e.Files.Count);
        foreach (var (p, h) in e.Files) { w.Write(p); w.Write(h); }
        w.Write(e.Outlines.Count);
        foreach (var (p, h) in e.Outlines) { w.Write(p); w.Write(h); }
        w.Write(e.Sites.Count);
        foreach (var (p, h) in e.Sites) { w.Write(p); w.Write(h); }
        w.Write(e.UncheckedLinks.Count);
        foreach (var (p, c) in e.UncheckedLinks) { w.Write(p); w.Write(c); }
        w.Write(e.Days.Count);
        foreach (var (d, t, a, n) in e.Days) { w.Write(d.UtcTicks); w.Write((short)d.Offset.TotalMinutes); w.Write(t); w.Write(a); w.Write(n); }
        w.Write(e.Diagnostics.Count);
        foreach (var d in e.Diagnostics)
        {
            w.Write(d.RuleId); w.Write((byte)d.Severity); w.Write(d.Path);
            w.Write(d.SpanStart); w.Write(d.SpanLength); w.Write(d.StartLine); w.Write(d.StartColumn); w.Write(d.EndLine); w.Write(d.EndColumn);
            w.Write(d.ByteOffset.HasValue); if (d.ByteOffset.HasValue) w.Write(d.ByteOffset.Value);
            w.Write(d.Message); WriteNullable(w, d.Suppression);
            w.Write(d.Arguments.Count);
            foreach (var (k, v) in d.Arguments) { w.Write(k); WriteNullable(w, v); }
            WriteNullable(w, d.FixTitle);
            if (d.FixTitle is not null)
            {
                w.Write(d.FixSafe);
                w.Write(d.Edits.Count);
                foreach (var (s, l, t) in d.Edits) { w.Write(s); w.Write(l); w.Write(t); }
            }
        }
    }

    private static CacheEntry ReadEntry(BinaryReader r)
    {
        var e = new CacheEntry { ContentHash = r.ReadString(), ConfigFingerprint = r.ReadString(), ClockDate = ReadNullable(r), Linted = r.ReadBoolean() };
        int n = r.ReadInt32();
        for (int i = 0; i < n; i++) e.Lookups.Add((r.ReadString(), (PathKind)r.ReadByte(), ReadNullable(r)));
        n = r.ReadInt32();
        for (int i = 0; i < n; i++) e.Documents.Add((r.ReadString(), r.ReadString()));
        n = r.ReadInt32();
        for (int i = 0; i < n; i++) e.Files.Add((r.ReadString(), r.ReadString()));
        n = r.ReadInt32();
        for (int i = 0; i < n; i++) e.Outlines.Add((r.ReadString(), r.ReadString()));
        n = r.ReadInt32();
        for (int i = 0; i < n; i++) e.Sites.Add((r.ReadString(), r.ReadString()));
        n = r.ReadInt32();
        for (int i = 0; i < n; i++) e.UncheckedLinks.Add((r.ReadString(), r.ReadInt32()));
        n = r.ReadInt32();
        for (int i = 0; i < n; i++)
        {
            long ticks = r.ReadInt64();
            short offset = r.ReadInt16();
            bool hasTime = r.ReadBoolean();
            int stableAbove = r.ReadInt32();
            int days = r.ReadInt32();
            e.Days.Add((new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offset)), hasTime, stableAbove, days));
        }
        n = r.ReadInt32();
        for (int i = 0; i < n; i++)
        {
            var d = new StoredDiagnostic
            {
                RuleId = r.ReadString(), Severity = (Severity)r.ReadByte(), Path = r.ReadString(),
                SpanStart = r.ReadInt32(), SpanLength = r.ReadInt32(), StartLine = r.ReadInt32(), StartColumn = r.ReadInt32(),
                EndLine = r.ReadInt32(), EndColumn = r.ReadInt32(),
            };
            if (r.ReadBoolean()) d.ByteOffset = r.ReadInt64();
            d.Message = r.ReadString();
            d.Suppression = ReadNullable(r);
            int args = r.ReadInt32();
            for (int j = 0; j < args; j++) d.Arguments.Add((r.ReadByte(), ReadNullable(r)));
            d.FixTitle = ReadNullable(r);
            if (d.FixTitle is not null)
            {
                d.FixSafe = r.ReadBoolean();
                int edits = r.ReadInt32();
                for (int j = 0; j < edits; j++) d.Edits.Add((r.ReadInt32(), r.ReadInt32(), r.ReadString()));
            }
            e.Diagnostics.Add(d);
        }
        return e;
    }
}
