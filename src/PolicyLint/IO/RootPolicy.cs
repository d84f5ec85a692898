using System;
using System.IO;

namespace PolicyLint.IO;

/// <summary>
/// The one rule for every path PolicyLint reads or writes because a file told it to (a link's target, a configuration's
/// <c>extends</c>, PL1004's <c>schema</c>, PL3009's <c>cacheFile</c>): it must stay inside the root, the git work tree the
/// run is in. A path is outside when it is, or when a symbolic link on its way leads out.
/// </summary>
internal static class RootPolicy
{
    /// <summary>True when <paramref name="fullPath"/> is lexically inside <paramref name="root"/> (or is it).</summary>
    public static bool IsLexicallyInside(string root, string fullPath)
    {
        string prefix = root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return fullPath.StartsWith(prefix, StringComparison.Ordinal) || fullPath == root.TrimEnd(Path.DirectorySeparatorChar);
    }

    /// <summary>True when <paramref name="fullPath"/> is inside <paramref name="root"/>, symbolic links on the way resolved.</summary>
    public static bool IsInside(string root, string fullPath)
    {
        if (!IsLexicallyInside(root, fullPath)) return false;
#if NET
        try
        {
            string rel = Text.PathText.GetRelativePath(root, fullPath);
            string current = root;
            foreach (var part in rel.Split('/', '\\'))
            {
                current = Path.Combine(current, part);
                FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
                if (info.LinkTarget is null) continue;
                var final = info.ResolveLinkTarget(returnFinalTarget: true);
                if (final is null || !IsLexicallyInside(root, Path.GetFullPath(final.FullName))) return false;
            }
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
#else
        return true;
#endif
    }

    /// <summary>The git work tree holding <paramref name="directory"/> (the nearest folder with a <c>.git</c>), else <paramref name="directory"/> itself.</summary>
    public static string GitRootOf(string directory) => Engine.PathUtil.FindGitRoot(directory) ?? Path.GetFullPath(directory);
}
