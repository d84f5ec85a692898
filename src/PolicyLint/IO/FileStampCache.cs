using System;
using System.Collections.Concurrent;
using System.IO;

namespace PolicyLint.IO;

/// <summary>
/// Values read from files, kept while each file's size and last write time stay what they were when it was read (checked on
/// every use). A missing file is forgotten and read afresh; a file whose time stamp cannot be read is read without caching.
/// </summary>
internal sealed class FileStampCache<T>
{
    private sealed record Entry(T Value, long Length, long WriteTicks);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The value for <paramref name="fullPath"/>: the kept one when the file is unchanged, else <paramref name="read"/>'s.</summary>
    public T Get(string fullPath, Func<string, T> read)
    {
        long length, ticks;
        try
        {
            var info = InputLog.Info(fullPath);
            if (!info.Exists) { _entries.TryRemove(fullPath, out _); return read(fullPath); }
            length = info.Length;
            ticks = info.LastWriteTimeUtc.Ticks;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return read(fullPath);
        }
        if (_entries.TryGetValue(fullPath, out var e) && e.Length == length && e.WriteTicks == ticks) return e.Value;
        var value = read(fullPath);
        _entries[fullPath] = new Entry(value, length, ticks);
        return value;
    }

    /// <summary>Forgets the value of one file.</summary>
    public void Remove(string fullPath) => _entries.TryRemove(fullPath, out _);

    /// <summary>Forgets every value.</summary>
    public void Clear() => _entries.Clear();
}
