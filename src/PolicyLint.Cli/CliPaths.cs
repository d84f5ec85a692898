using System;
using System.IO;
using PolicyLint.Engine;

namespace PolicyLint.Cli;

/// <summary>Path arithmetic of the tool (the library keeps its own; the tool uses only its public API).</summary>
internal static class CliPaths
{
    /// <summary>The path of <paramref name="fullPath"/> relative to <paramref name="baseDir"/>, with forward slashes.</summary>
    public static string GetRelativePath(string baseDir, string fullPath) => Path.GetRelativePath(baseDir, fullPath).Replace('\\', '/');

    /// <summary>How diagnostics show a path: relative to the base folder, or in full when that climbs more than two levels.</summary>
    public static string GetDisplayPath(string baseDirectory, string fullPath)
    {
        string rel = GetRelativePath(baseDirectory, fullPath);
        return rel.StartsWith("../../../", StringComparison.Ordinal) ? fullPath.Replace('\\', '/') : rel;
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> holding <c>.git</c>, or null.</summary>
    public static string? FindGitRoot(string start)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            if (RunRecords.DirectoryExists(Path.Combine(d.FullName, ".git")) || RunRecords.FileExists(Path.Combine(d.FullName, ".git"))) return d.FullName;
        return null;
    }
}
