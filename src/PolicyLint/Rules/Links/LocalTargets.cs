using System;
using System.IO;
using PolicyLint.Documents;
using PolicyLint.Analysis;
using PolicyLint.IO;

namespace PolicyLint.Rules.Links;

/// <summary>What a local link target turned out to be on disk.</summary>
internal enum LocalResult
{
    /// <summary>A file (or a directory's index file, or <c>x.html</c> standing for <c>x.md</c>).</summary>
    Found,
    /// <summary>A directory with none of the index files.</summary>
    DirectoryWithoutIndex,
    /// <summary>An entry exists but its spelling differs in case.</summary>
    CaseMismatch,
    /// <summary>Nothing there.</summary>
    Missing,
}

/// <summary>Maps a resolved on-disk target to the file a site would serve: index files for folders, <c>.html</c> to <c>.md</c>, implicit extensions.</summary>
internal static class LocalTargets
{
    public static (LocalResult Result, string? FullPath) Resolve(ResolvedTarget target, SharedSettings settings, AnalysisWorkspace workspace)
    {
        var implicitExtensions = settings.ImplicitExtensions;
        string full = target.FullPath!;
        var lookup = target.Lookup;
        switch (lookup.Kind)
        {
            case PathKind.File:
                return (LocalResult.Found, full);
            case PathKind.Directory:
                foreach (var index in settings.IndexFiles)
                {
                    string candidate = Path.Combine(full, index);
                    if (workspace.Lookup(candidate).Kind == PathKind.File) return (LocalResult.Found, candidate);
                }
                // GitHub shows a folder's README whatever its case and extension (readme.md, README.markdown).
                if (ContainsReadme(settings.IndexFiles))
                    foreach (var name in GitHubRendering.ReadmeNames)
                    {
                        var l = workspace.Lookup(Path.Combine(full, name));
                        if (l.Kind == PathKind.File) return (LocalResult.Found, Path.Combine(full, name));
                        if (l.Kind == PathKind.CaseMismatch && l.ActualPath is { } actual && InputLog.FileExists(actual)) return (LocalResult.Found, actual);
                    }
                return (LocalResult.DirectoryWithoutIndex, full);
            case PathKind.CaseMismatch:
                return (LocalResult.CaseMismatch, lookup.ActualPath);
        }
        bool endsWithSlash = target.Path.EndsWith("/", StringComparison.Ordinal);
        string ext = Path.GetExtension(full);
        if (settings.HtmlExtensionMapsToMd && !endsWithSlash
            && (ext.Equals(".html", StringComparison.OrdinalIgnoreCase) || ext.Equals(".htm", StringComparison.OrdinalIgnoreCase)))
        {
            var md = Alternative(full.Substring(0, full.Length - ext.Length) + ".md", workspace);
            if (md.Result != LocalResult.Missing) return md;
        }
        if (ext.Length == 0 && !endsWithSlash)
        {
            foreach (var implicitExt in implicitExtensions)
            {
                var alt = Alternative(full + implicitExt, workspace);
                if (alt.Result != LocalResult.Missing) return alt;
            }
        }
        return (LocalResult.Missing, null);
    }

    private static (LocalResult Result, string? FullPath) Alternative(string candidate, AnalysisWorkspace workspace)
    {
        if (!workspace.IsInsideRoot(candidate)) return (LocalResult.Missing, null);
        var l = workspace.Lookup(candidate);
        return l.Kind switch
        {
            PathKind.File => (LocalResult.Found, candidate),
            PathKind.CaseMismatch => (LocalResult.CaseMismatch, l.ActualPath),
            _ => (LocalResult.Missing, null),
        };
    }

    private static bool ContainsReadme(System.Collections.Generic.IReadOnlyList<string> indexFiles)
    {
        foreach (var f in indexFiles) if (GitHubRendering.IsReadme(f)) return true;
        return false;
    }

    /// <summary>True for the Markdown files whose anchors can be read.</summary>
    public static bool IsMarkdown(string path)
    {
        string ext = Path.GetExtension(path);
        return ext.Equals(".md", StringComparison.OrdinalIgnoreCase) || ext.Equals(".markdown", StringComparison.OrdinalIgnoreCase);
    }
}
