using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyLint.IO;

namespace PolicyLint.Engine;

/// <summary>
/// The folder listings of earlier walks, kept beside the result cache so that a warm run does not read every folder again
/// (reading a folder is most of a warm run's walk). A folder's entries change only with its own stamp: creating, deleting or
/// renaming an entry sets the folder's write and change times, and a folder replaced by another has another inode. A listing
/// is reused only while the folder's stamp is the one it was taken under and that stamp was taken well after the folder
/// last changed (the racy window of the file stamps: a change within the clock's granularity of the listing could leave the
/// same stamp). The stamp is taken before the folder is read, so a change while it is read shows as another stamp next time.
/// Where the platform gives no folder stamp (no statx), nothing is kept and every folder is read.
/// </summary>
internal sealed class ListingCache
{
    private const string Magic = "PolicyLintListings";
    private const int FormatVersion = 1;

    /// <summary>An entry's kind: a file (or anything that is not a folder), a folder, a link to a folder.</summary>
    internal enum Kind : byte { File = 0, Folder = 1, FolderLink = 2 }

    private sealed class Stored
    {
        public Stored(FileStamp stamp, bool trusted, (string Name, Kind Kind)[] entries) { Stamp = stamp; Trusted = trusted; Entries = entries; }
        public FileStamp Stamp { get; }
        public bool Trusted { get; }
        public (string Name, Kind Kind)[] Entries { get; }
    }

    private readonly string _path;
    private readonly Dictionary<string, Stored> _stored;
    private readonly ConcurrentDictionary<string, Stored> _taken = new(StringComparer.Ordinal);
    private readonly long _trustBefore;
    private int _reused;

    private readonly string _root;
    private readonly string _cacheDirectory;

    private ListingCache(string path, string rootDir, string cacheDirectory, Dictionary<string, Stored> stored)
    {
        _path = path;
        _root = rootDir;
        _cacheDirectory = cacheDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        _stored = stored;
        _trustBefore = ResultCache.TrustBefore();
    }

    /// <summary>How many folders this run took from the cache instead of reading them (for tests).</summary>
    internal int Reused => _reused;

    /// <summary>The file the listings of walks under <paramref name="rootDir"/> are kept in.</summary>
    internal static string FileFor(string cacheDirectory, string rootDir) =>
        Path.Combine(cacheDirectory, "listings-" + ResultCache.Hash(rootDir).Substring(0, 16) + ".bin");

    /// <summary>Opens the listings kept in <paramref name="cacheDirectory"/> for walks under <paramref name="rootDir"/>; a missing or damaged file is empty.</summary>
    public static ListingCache Open(string cacheDirectory, string rootDir)
    {
        string path = FileFor(cacheDirectory, rootDir);
        var stored = new Dictionary<string, Stored>(StringComparer.Ordinal);
        bool read = ResultCache.TryReadFile(path, reader =>
        {
            if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion || reader.ReadString() != rootDir) return;
            int folders = reader.ReadInt32();
            for (int i = 0; i < folders; i++)
            {
                string dir = reader.ReadString();
                var stamp = FileStamp.ReadFrom(reader);
                bool trusted = reader.ReadBoolean();
                int n = reader.ReadInt32();
                if (n < 0) throw new FormatException("negative entry count");
                var entries = new (string, Kind)[n];
                for (int j = 0; j < n; j++)
                {
                    string name = reader.ReadString();
                    byte kind = reader.ReadByte();
                    if (kind > (byte)Kind.FolderLink) throw new FormatException("unknown entry kind");
                    entries[j] = (name, (Kind)kind);
                }
                stored[dir] = new Stored(stamp, trusted, entries);
            }
        });
        if (!read) stored.Clear(); // damaged or half-written: every folder is read
        return new ListingCache(path, rootDir, Path.GetFullPath(cacheDirectory), stored);
    }

    /// <summary>
    /// The stamp of folder <paramref name="dir"/> now (taken before it is read), or null when the platform gives none; with
    /// <paramref name="entries"/> its kept listing when that was taken under the same, trusted stamp.
    /// </summary>
    public FileStamp? Look(string dir, out (string Name, Kind Kind)[]? entries)
    {
        entries = null;
        // The cache's own folder changes with every write of the cache: it is always read (it holds no documents).
        if (string.Equals(dir.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), _cacheDirectory, StringComparison.Ordinal)) return null;
        if (!FileStamp.TryOfFolder(dir, out var stamp)) return null;
        if (_stored.TryGetValue(dir, out var kept) && kept.Trusted && kept.Stamp.Equals(stamp))
        {
            entries = kept.Entries;
            _taken[dir] = kept;
            System.Threading.Interlocked.Increment(ref _reused);
        }
        return stamp;
    }

    /// <summary>Keeps the listing of <paramref name="dir"/>, read after <paramref name="stamp"/> was taken.</summary>
    public void Record(string dir, FileStamp stamp, (string Name, Kind Kind)[] entries) =>
        _taken[dir] = new Stored(stamp, stamp.ChangedTicks < _trustBefore, entries);

    /// <summary>
    /// Writes the listings when this run read any folder (atomically): those it took, and the kept ones of folders it did not
    /// reach (a run on part of the tree does not forget the rest; each is checked against its stamp before it is used).
    /// </summary>
    public void Save()
    {
        if (_reused == _taken.Count) return; // nothing new: every folder came from the file
        try
        {
            var all = new Dictionary<string, Stored>(_stored, StringComparer.Ordinal);
            foreach (var kv in _taken) all[kv.Key] = kv.Value;
            ResultCache.WriteFile(_path, w =>
            {
                w.Write(Magic);
                w.Write(FormatVersion);
                w.Write(_root);
                w.Write(all.Count);
                foreach (var kv in all.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    w.Write(kv.Key);
                    kv.Value.Stamp.WriteTo(w);
                    w.Write(kv.Value.Trusted);
                    w.Write(kv.Value.Entries.Length);
                    foreach (var (name, kind) in kv.Value.Entries) { w.Write(name); w.Write((byte)kind); }
                }
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only the next run's speed depends on it.
        }
    }
}
