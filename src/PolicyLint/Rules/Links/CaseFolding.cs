using System;
using System.Collections.Generic;
using System.IO;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.Links;

/// <summary>
/// A relative path whose folders (not only its last name) differ in case from the disk: <c>Docs/guide.md</c> for
/// <c>docs/guide.md</c>. Works on Windows and macOS, breaks on Linux and on the web; the fix respells each segment as on disk.
/// </summary>
internal static class CaseFolding
{
    /// <summary>The path respelled segment by segment from <paramref name="fromDirectory"/>, or null when some segment matches nothing or nothing differs.</summary>
    public static string? Respell(string path, string fromDirectory, AnalysisWorkspace workspace)
    {
        if (path.Length == 0 || path[0] == '/' || path.IndexOf('\\') >= 0) return null;
        var segments = path.Split('/');
        string dir = fromDirectory;
        bool changed = false;
        for (int i = 0; i < segments.Length; i++)
        {
            string seg = segments[i];
            if (seg.Length == 0 || seg == ".") continue;
            if (seg == "..") { dir = Path.GetDirectoryName(dir) ?? dir; continue; }
            string next = Path.Combine(dir, seg);
            if (!workspace.IsInsideRoot(next)) return null;
            var lookup = workspace.Lookup(next);
            if (lookup.Kind == PathKind.CaseMismatch && lookup.ActualPath is { } actual)
            {
                segments[i] = Path.GetFileName(actual);
                next = actual;
                changed = true;
            }
            else if (!lookup.Exists) return null;
            dir = next;
        }
        return changed ? string.Join("/", segments) : null;
    }
}
