using System;
using System.Collections.Concurrent;
using System.IO;

namespace PolicyLint.IO;

/// <summary>
/// The one rule for every path PolicyLint reads or writes because a file told it to (a link's target, a configuration's
/// <c>extends</c>, PL1004's <c>schema</c>, PL3009's <c>cacheFile</c>): it must stay inside the root, the git work tree the
/// run is in. A path is outside when it is, or when a symbolic link on its way leads out.
/// </summary>
internal static class RootPolicy
{
    /// <summary>Links followed within one link's target before the path is taken as leading out (Linux gives up at 40 too).</summary>
    private const int MaxLinkDepth = 40;

    /// <summary>True when <paramref name="fullPath"/> is lexically inside <paramref name="root"/> (or is it).</summary>
    public static bool IsLexicallyInside(string root, string fullPath)
    {
        string prefix = root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return fullPath.StartsWith(prefix, StringComparison.Ordinal) || fullPath == root.TrimEnd(Path.DirectorySeparatorChar);
    }

    /// <summary>True when <paramref name="fullPath"/> is inside <paramref name="root"/>, symbolic links on the way resolved.</summary>
    public static bool IsInside(string root, string fullPath) => IsInside(root, fullPath, 0);

    private static bool IsInside(string root, string fullPath, int depth)
    {
        if (!IsLexicallyInside(root, fullPath)) return false;
#if NET
        if (depth > MaxLinkDepth) return false;
        try
        {
            string rel = Text.PathText.GetRelativePath(root, fullPath);
            string current = root;
            foreach (var part in rel.Split('/', '\\'))
            {
                current = Path.Combine(current, part);
                if (LeadsOut(root, current, depth)) return false;
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

    /// <summary>
    /// True when the entry at <paramref name="fullPath"/> is itself a symbolic link whose target is outside
    /// <paramref name="root"/>, links in the target's own path resolved too (a link to <c>root/b/c</c>, where <c>b</c> leads out,
    /// leads out). False for anything that is not a link.
    /// </summary>
    public static bool LinkLeadsOut(string root, string fullPath)
    {
        try { return LeadsOut(root, fullPath, 0); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return true; }
    }

    private static bool LeadsOut(string root, string fullPath, int depth)
    {
#if NET
        FileSystemInfo info = InputLog.DirectoryExists(fullPath) ? new DirectoryInfo(fullPath) : InputLog.Info(fullPath);
        if (info.LinkTarget is null) return false;
        var final = info.ResolveLinkTarget(returnFinalTarget: true);
        return final is null || !IsInside(root, Path.GetFullPath(final.FullName), depth + 1);
#else
        return false;
#endif
    }

    /// <summary>The git work tree holding <paramref name="directory"/> (the nearest folder with a <c>.git</c>), else <paramref name="directory"/> itself.</summary>
    public static string GitRootOf(string directory) => Engine.PathUtil.FindGitRoot(directory) ?? Path.GetFullPath(directory);
}

/// <summary>
/// Which folders under the root are reached through a symbolic link that leads out of it: a file in such a folder is not
/// read (its own type says nothing of the folder link on its way). Each folder is looked at once per run, its answer shared
/// by all its files and subfolders.
/// </summary>
internal sealed class FoldersOutOfRoot
{
    private readonly string _root;
    private readonly ConcurrentDictionary<string, bool> _leadsOut = new(StringComparer.Ordinal);

    public FoldersOutOfRoot(string root) => _root = Path.GetFullPath(root);

    /// <summary>True when <paramref name="folder"/> (a full path) is inside the root as written, but a folder link on its way leads out.</summary>
    public bool LeadsOut(string folder)
    {
        string trimmed = folder.TrimEnd(Path.DirectorySeparatorChar);
        if (trimmed.Length <= _root.TrimEnd(Path.DirectorySeparatorChar).Length || !RootPolicy.IsLexicallyInside(_root, trimmed)) return false;
        if (_leadsOut.TryGetValue(trimmed, out bool known)) return known;
        string? parent = Path.GetDirectoryName(trimmed);
        bool result = (parent is not null && LeadsOut(parent)) || RootPolicy.LinkLeadsOut(_root, trimmed);
        return _leadsOut.GetOrAdd(trimmed, result);
    }

    /// <summary>True when the folder holding the file at <paramref name="fullPath"/> leads out of the root.</summary>
    public bool FileLeadsOut(string fullPath) => Path.GetDirectoryName(fullPath) is { } dir && LeadsOut(dir);
}
