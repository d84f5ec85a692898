using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace PolicyLint.Cli;

/// <summary>
/// What <c>stat</c> says about a file that .NET does not expose: link count, owner and group. Read with Linux
/// <c>statx</c>, whose record has one layout on every architecture; elsewhere (macOS, Windows) it is unknown and the
/// writer falls back to what .NET keeps (the mode).
/// </summary>
internal readonly record struct FileIdentity(uint LinkCount, uint UserId, uint GroupId)
{
    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, ref byte path, int flags, uint mask, ref byte buffer);

    [DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static extern int Chown(ref byte path, uint owner, uint group);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();

    private static bool Supported => OperatingSystem.IsLinux();

    /// <summary>The identity of the file at <paramref name="path"/> (symbolic links followed), or null when it cannot be known here.</summary>
    public static FileIdentity? Get(string path)
    {
        if (!Supported) return null;
        try
        {
            byte[] name = NullTerminated(path);
            byte[] buffer = new byte[256];
            if (Statx(AtFdCwd, ref name[0], 0, StatxBasicStats, ref buffer[0]) != 0) return null;
            return new FileIdentity(BitConverter.ToUInt32(buffer, 16), BitConverter.ToUInt32(buffer, 20), BitConverter.ToUInt32(buffer, 24));
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>True when the running process is root (it may write files that are read-only and give files to other owners).</summary>
    public static bool RunningAsRoot => Supported && GetEffectiveUserId() == 0;

    /// <summary>Gives <paramref name="path"/> this owner and group; false when the system refuses.</summary>
    public bool ApplyOwnerTo(string path)
    {
        if (!Supported) return true;
        byte[] name = NullTerminated(path);
        return Chown(ref name[0], UserId, GroupId) == 0;
    }

    private static byte[] NullTerminated(string path)
    {
        int n = Encoding.UTF8.GetByteCount(path);
        byte[] bytes = new byte[n + 1];
        Encoding.UTF8.GetBytes(path, 0, path.Length, bytes, 0);
        return bytes;
    }

    /// <summary>The file a path finally names, through any chain of symbolic links (the path itself when it is none).</summary>
    public static string ResolveFinalTarget(string path)
    {
        var target = File.ResolveLinkTarget(path, returnFinalTarget: true);
        return target is null ? Path.GetFullPath(path) : Path.GetFullPath(target.FullName);
    }
}
