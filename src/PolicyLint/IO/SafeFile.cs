using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace PolicyLint.IO;

/// <summary>
/// Reading a file the way every reader of PolicyLint must: only regular files (a FIFO would block for ever, a device such
/// as <c>/dev/zero</c> never ends), and never more than a limit, whatever the file's recorded size says (files under
/// <c>/proc</c> report 0 and hold more).
/// </summary>
public static class SafeFile
{
    /// <summary>Reading stopped at the limit.</summary>
    public sealed class TooLargeException : IOException
    {
        /// <summary>Creates the exception for a limit.</summary>
        public TooLargeException(long limit) : base($"the file is larger than {limit} bytes") { Limit = limit; }
        /// <summary>The limit in bytes.</summary>
        public long Limit { get; }
    }

    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int TypeMask = 0xF000, Regular = 0x8000, DirectoryType = 0x4000;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, ref byte path, int flags, uint mask, ref byte buffer);

    /// <summary>
    /// What kind of file a path names (symbolic links followed): "regular", "directory", a name of another kind ("FIFO",
    /// "character device"...), or null when this platform cannot tell (then a zero-length file is treated as empty, never opened).
    /// </summary>
    public static string? Kind(string path)
    {
        InputLog.Probe(path);
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return null;
        try
        {
            int n = Encoding.UTF8.GetByteCount(path);
            byte[] name = new byte[n + 1];
            Encoding.UTF8.GetBytes(path, 0, path.Length, name, 0);
            byte[] buffer = new byte[256];
            if (Statx(AtFdCwd, ref name[0], 0, StatxType, ref buffer[0]) != 0) return null;
            int mode = BitConverter.ToUInt16(buffer, 28) & TypeMask;
            return mode switch
            {
                Regular => "regular",
                DirectoryType => "directory",
                0x1000 => "FIFO",
                0x2000 => "character device",
                0x6000 => "block device",
                0xC000 => "socket",
                _ => "special file",
            };
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// The bytes of a regular file, at most <paramref name="limit"/>. Throws <see cref="IOException"/> for anything else
    /// (with a message that says what it is) and <see cref="TooLargeException"/> when the file holds more.
    /// </summary>
    public static byte[] ReadAllBytes(string path, long limit)
    {
        InputLog.Read(path);
        string? kind = Kind(path);
        if (kind is not null && kind != "regular")
            throw new IOException($"it is a {kind}, not a regular file; only regular files are read");
        var info = InputLog.Info(path);
        if (kind is null && info.Exists && info.Length == 0) return Array.Empty<byte>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        return ReadBounded(stream, limit, info.Exists ? info.Length : 0);
    }

    /// <summary>Reads a stream to its end, or throws <see cref="TooLargeException"/> once it has given more than <paramref name="limit"/> bytes.</summary>
    public static byte[] ReadBounded(Stream stream, long limit, long expected = 0)
    {
        byte[]? exact = null;
        int got = 0, more = -1;
        if (expected > 0 && expected <= limit && expected <= int.MaxValue - 64)
        {
            // The usual case, a file of the size recorded: read straight into an array of that size (no copy buffer of 80 KB
            // and no copy of the whole file per read: a third of the corpus run's allocations), then check that nothing follows.
            exact = new byte[expected];
            int r;
            while (got < exact.Length && (r = stream.Read(exact, got, exact.Length - got)) > 0) got += r;
            if (got < exact.Length) return exact.AsSpan(0, got).ToArray(); // it shrank meanwhile
            more = stream.ReadByte();
            if (more < 0) return exact;
            if (got + 1L > limit) throw new TooLargeException(limit);
        }
        long capacity = Math.Min(Math.Max(expected, 0) + 1, Math.Min(limit, int.MaxValue - 64) + 1);
        var ms = new MemoryStream((int)Math.Max(capacity, 256));
        if (exact is not null) { ms.Write(exact, 0, got); ms.WriteByte((byte)more); }
        byte[] buffer = new byte[81920];
        long total = exact is not null ? got + 1L : 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
            if (total > limit) throw new TooLargeException(limit);
            ms.Write(buffer, 0, read);
        }
        return ms.ToArray();
    }

    /// <summary>Text of a regular file (UTF-8, BOM skipped), at most <paramref name="limit"/> bytes.</summary>
    public static string ReadAllText(string path, long limit = FileConfigurationLimit)
    {
        var bytes = ReadAllBytes(path, limit);
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return new UTF8Encoding(false).GetString(bytes, start, bytes.Length - start);
    }

    /// <summary>Configuration files, schemas and caches are small; 16 MB bounds a hostile one.</summary>
    public const long FileConfigurationLimit = 16L * 1024 * 1024;
}
