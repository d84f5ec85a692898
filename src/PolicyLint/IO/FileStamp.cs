using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace PolicyLint.IO;

/// <summary>
/// What the file system says about a file without reading it: its size, its last write time and, on Linux, its inode and
/// change time (which nothing but the kernel sets: a file rewritten and given back its old write time still gets a new change
/// time). The result cache keeps a file's hash under its stamp and reuses it while the stamp is the same and was taken well
/// after the file last changed (<see cref="ChangedTicks"/>): a stamp taken within the file system's time granularity of a
/// change could be followed by another change that leaves the same stamp (git's "racily clean" entries), so such a stamp is
/// never trusted and the file is hashed again.
/// </summary>
internal readonly struct FileStamp : IEquatable<FileStamp>
{
    private FileStamp(long length, long writeTicks, long changeTicks, ulong inode)
    {
        Length = length;
        WriteTicks = writeTicks;
        ChangeTicks = changeTicks;
        Inode = inode;
    }

    public long Length { get; }
    /// <summary>The last write time (UTC ticks), to 100 ns.</summary>
    public long WriteTicks { get; }
    /// <summary>The inode change time on Linux (UTC ticks), else the creation time the runtime reports.</summary>
    public long ChangeTicks { get; }
    /// <summary>The inode number on Linux, else 0.</summary>
    public ulong Inode { get; }

    /// <summary>The later of the write and change times: when the file last changed as far as its stamp can tell.</summary>
    public long ChangedTicks => Math.Max(WriteTicks, ChangeTicks);

    public static FileStamp FromParts(long length, long writeTicks, long changeTicks, ulong inode) => new(length, writeTicks, changeTicks, inode);

    /// <summary>Writes the stamp as the cache files keep it (<see cref="ReadFrom"/> reads it back).</summary>
    public void WriteTo(BinaryWriter w)
    {
        w.Write(Length); w.Write(WriteTicks); w.Write(ChangeTicks); w.Write(Inode);
    }

    /// <summary>A stamp as <see cref="WriteTo"/> wrote it.</summary>
    public static FileStamp ReadFrom(BinaryReader r) => new(r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadUInt64());

    private const int AtFdCwd = -100;
    // STATX_TYPE | STATX_MODE | STATX_MTIME | STATX_CTIME | STATX_INO | STATX_SIZE
    private const uint Mask = 0x1 | 0x2 | 0x40 | 0x80 | 0x100 | 0x200;
    private const long UnixEpochTicks = 621355968000000000L;
    private static bool s_noStatx = !RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

    [ThreadStatic] private static byte[]? t_name;
    [ThreadStatic] private static byte[]? t_statx;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, ref byte path, int flags, uint mask, ref byte buffer);

    /// <summary>
    /// The stamp of <paramref name="fullPath"/> itself (a link is not followed) from one statx call, when the platform has it:
    /// true with <paramref name="regular"/> telling whether it is a regular file (a link, a folder, a device or a FIFO is not);
    /// false when statx is missing or fails (no such file, no permission), for the caller's own checks to decide.
    /// </summary>
    public static bool TryOfEntry(string fullPath, out FileStamp stamp, out bool regular) =>
        TryStatx(fullPath, AtSymlinkNoFollow, out stamp, out regular) == true;

    /// <summary>
    /// The stamp of the folder <paramref name="fullPath"/> (a link to one followed) from one statx call: false when it is not
    /// a folder, the call fails, or the platform has no statx (then nothing about a folder's entries is kept between runs).
    /// </summary>
    public static bool TryOfFolder(string fullPath, out FileStamp stamp) =>
        TryStatx(fullPath, 0, out stamp, out _, folder: true) == true;

    /// <summary>One statx call: true with the stamp and whether it is a regular file; false when it fails; null without statx.</summary>
    private static bool? TryStatx(string fullPath, int flags, out FileStamp stamp, out bool regular, bool folder = false)
    {
        stamp = default;
        regular = false;
        if (s_noStatx) { InputLog.Refuse("this platform gives no file stamps"); return null; }
        try
        {
            if (!Call(fullPath, flags, out byte[] b))
            {
                InputLog.Stamped(fullPath, flags == 0, PathState.Missing);
                return false;
            }
            uint got = BitConverter.ToUInt32(b, 0);
            int type = BitConverter.ToUInt16(b, 28) & 0xF000;
            regular = type == 0x8000;
            if (InputLog.Current is not null)
            {
                if ((got & Mask) != Mask) InputLog.Refuse("the file system does not give every part of a file's stamp");
                else InputLog.Stamped(fullPath, flags == 0, StateOf(type, b));
            }
            if (folder && type != 0x4000) return false; // a folder was asked for
            if (!folder && !regular) return true;        // a link, a folder, a device or a FIFO: no stamp, but an answer
            if ((got & Mask) != Mask) return null; // the file system does not give every field: the caller's fallback
            stamp = new FileStamp((long)BitConverter.ToUInt64(b, 40), Ticks(b, 112), Ticks(b, 96), BitConverter.ToUInt64(b, 32));
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            s_noStatx = true;
            return null;
        }
    }

    private const int AtSymlinkNoFollow = 0x100;

    /// <summary>One statx call into this thread's buffer (kept per thread: a warm run takes a stamp of every document and folder); false when it fails.</summary>
    private static bool Call(string fullPath, int flags, out byte[] buffer)
    {
        int n = Encoding.UTF8.GetByteCount(fullPath);
        byte[] name = t_name is { } kept && kept.Length > n ? kept : (t_name = new byte[Math.Max(n + 1, 512)]);
        Encoding.UTF8.GetBytes(fullPath, 0, fullPath.Length, name, 0);
        name[n] = 0;
        buffer = t_statx ??= new byte[256];
        return Statx(AtFdCwd, ref name[0], flags, Mask, ref buffer[0]) == 0;
    }

    private static PathState StateOf(int type, byte[] b) => new(
        type switch { 0x8000 => PathStateKind.File, 0x4000 => PathStateKind.Folder, _ => PathStateKind.Other },
        new FileStamp((long)BitConverter.ToUInt64(b, 40), Ticks(b, 112), Ticks(b, 96), BitConverter.ToUInt64(b, 32)));

    /// <summary>
    /// How <paramref name="fullPath"/> stands now (a link followed or not), from one statx call: true with its kind and
    /// stamp, or missing when the call fails; null when the platform has no statx or the file system does not give a whole
    /// stamp (then nothing can be compared later). Not logged: this is what the run record compares against.
    /// </summary>
    public static bool? TryOfPath(string fullPath, bool follow, out PathState state)
    {
        state = PathState.Missing;
        if (s_noStatx) return null;
        try
        {
            if (!Call(fullPath, follow ? 0 : AtSymlinkNoFollow, out byte[] b)) return true;
            if ((BitConverter.ToUInt32(b, 0) & Mask) != Mask) return null;
            state = StateOf(BitConverter.ToUInt16(b, 28) & 0xF000, b);
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            s_noStatx = true;
            return null;
        }
    }

    /// <summary>
    /// The stamp of the regular file <paramref name="info"/> names (its link followed), or null when it is missing, not a
    /// regular file, or cannot be read. <paramref name="info"/> is the caller's, already refreshed: its size and write time
    /// are used where the platform has nothing better.
    /// </summary>
    public static FileStamp? Of(string fullPath, FileInfo info)
    {
        switch (TryStatx(fullPath, 0, out var stamp, out bool regular))
        {
            case true when regular: return stamp;
            case true: return null; // regular files only
            case false: return null; // statx failed: no such file, no permission
        }
        try
        {
            if (!info.Exists || (info.Attributes & FileAttributes.Directory) != 0) return null;
            return new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks, info.CreationTimeUtc.Ticks, 0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private static long Ticks(byte[] b, int offset)
    {
        long seconds = BitConverter.ToInt64(b, offset);
        uint nanoseconds = BitConverter.ToUInt32(b, offset + 8);
        return UnixEpochTicks + seconds * TimeSpan.TicksPerSecond + nanoseconds / 100;
    }

    public bool Equals(FileStamp other) =>
        Length == other.Length && WriteTicks == other.WriteTicks && ChangeTicks == other.ChangeTicks && Inode == other.Inode;

    public override bool Equals(object? obj) => obj is FileStamp s && Equals(s);

    public override int GetHashCode() => (Length, WriteTicks, ChangeTicks, Inode).GetHashCode();
}
