using System;
using System.IO;

namespace PolicyLint.Text;

/// <summary>Path arithmetic shared by configuration, the engine and rules (no file system access).</summary>
internal static class PathText
{
    /// <summary>The path of <paramref name="fullPath"/> relative to <paramref name="baseDir"/>, with forward slashes.</summary>
    public static string GetRelativePath(string baseDir, string fullPath)
    {
#if NETSTANDARD2_0
        var b = new Uri(AppendSlash(Path.GetFullPath(baseDir)));
        var f = new Uri(Path.GetFullPath(fullPath));
        return Uri.UnescapeDataString(b.MakeRelativeUri(f).ToString()).Replace('\\', '/');
#else
        return Path.GetRelativePath(baseDir, fullPath).Replace('\\', '/');
#endif
    }

#if NETSTANDARD2_0
    private static string AppendSlash(string p) => p.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? p : p + Path.DirectorySeparatorChar;
#endif
}
