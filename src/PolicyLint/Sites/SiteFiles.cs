using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyLint.IO;

namespace PolicyLint.Sites;

/// <summary>
/// Every file and folder under the repository root (relative paths with forward slashes), listed once per run so that a site
/// model can answer "is there a file at this path, and how is it spelled?" without touching the disk again. Bounded: a tree
/// larger than <see cref="MaxEntries"/> is listed only in part, and <see cref="Complete"/> says so (models then leave
/// missing targets unchecked instead of reporting them).
/// </summary>
internal sealed class SiteFiles
{
    public const int MaxEntries = 400_000;

    private readonly HashSet<string> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dirs = new(StringComparer.Ordinal) { "" };
    private readonly Dictionary<string, string> _fold = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _children = new(StringComparer.Ordinal);

    public SiteFiles(string root)
    {
        Root = Path.GetFullPath(root);
        Complete = List();
    }

    private SiteFiles(string root, bool shallow)
    {
        Root = Path.GetFullPath(root);
        Complete = false;
        if (!shallow) return;
        // The root's entries and those of its direct subfolders (and config/_default), enough to find generator files.
        foreach (var dir in new[] { Root }.Concat(SafeDirs(Root)))
        {
            foreach (var (e, isDir) in SafeTypedEntries(dir))
            {
                string rel = Relative(e)!;
                if (isDir) AddDir(rel); else AddFile(rel);
            }
        }
        foreach (var e in SafeEntries(Path.Combine(Root, "config", "_default"))) if (InputLog.FileExists(e)) AddFile(Relative(e)!);
    }

    /// <summary>The root and its direct subfolders only: what detection looks at.</summary>
    public static SiteFiles Shallow(string root) => new(root, shallow: true);

    /// <summary>
    /// The subfolders whose entries detection looks at: not <c>node_modules</c> nor a folder whose name starts with a dot
    /// (<c>.git</c>, <c>.vscode</c>, other tools' caches such as <c>.rumdl_cache</c>), which detection never takes as a site's
    /// folder. Listing them would make every run record depend on what other tools write there.
    /// </summary>
    private static IEnumerable<string> SafeDirs(string dir)
    {
        InputLog.Listed(dir);
        try { return Directory.GetDirectories(dir).Where(d => Path.GetFileName(d) is var n && n != "node_modules" && !n.StartsWith(".", StringComparison.Ordinal)).ToArray(); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return []; }
    }

    /// <summary>A folder's entries (at most 10,000) with whether each is a folder (a link to one counts), from the listing itself where the runtime gives entry types.</summary>
    private static IEnumerable<(string Path, bool IsDirectory)> SafeTypedEntries(string dir)
    {
#if NET
        try
        {
            if (!InputLog.DirectoryExists(dir)) return [];
            InputLog.Listed(dir);
            return new System.IO.Enumeration.FileSystemEnumerable<(string, bool)>(dir,
                (ref System.IO.Enumeration.FileSystemEntry e) => (e.ToSpecifiedFullPath(), e.IsDirectory),
                new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0, ReturnSpecialDirectories = false })
                .Take(10_000).ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return []; }
#else
        return SafeEntries(dir).Select(e => (e, InputLog.DirectoryExists(e))).ToArray();
#endif
    }

    private static IEnumerable<string> SafeEntries(string dir)
    {
        InputLog.Listed(dir);
        try { return InputLog.DirectoryExists(dir) ? Directory.GetFileSystemEntries(dir).Take(10_000).ToArray() : []; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return []; }
    }

    /// <summary>For tests: a listing from relative paths.</summary>
    internal SiteFiles(string root, IEnumerable<string> relativeFiles)
    {
        Root = root;
        foreach (var f in relativeFiles) AddFile(f);
        Complete = true;
    }

    public string Root { get; }
    public bool Complete { get; }

    public bool IsFile(string rel) => _files.Contains(rel);
    public bool IsDirectory(string rel) => _dirs.Contains(rel);
    public bool Exists(string rel) => _files.Contains(rel) || _dirs.Contains(rel);

    /// <summary>The spelling on disk of a path that matches <paramref name="rel"/> when case is ignored, or null.</summary>
    public string? FoldCase(string rel) => _fold.TryGetValue(rel, out var actual) ? actual : null;

    /// <summary>Names (files and folders) directly inside the folder <paramref name="rel"/>.</summary>
    public IReadOnlyList<string> Children(string rel) => _children.TryGetValue(rel, out var l) ? l : [];

    public IEnumerable<string> Files => _files;

    /// <summary>A hash of the listing: every file and folder path, and whether the listing is complete.</summary>
    public string ListingFingerprint()
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData([Complete ? (byte)1 : (byte)0]);
        foreach (var (rel, kind) in _files.Select(f => (f, (byte)'f')).Concat(_dirs.Select(d => (d, (byte)'d'))).OrderBy(e => e.Item1, StringComparer.Ordinal))
        {
            hash.AppendData([kind]);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(rel));
            hash.AppendData([0]);
        }
        return Convert.ToBase64String(hash.GetHashAndReset());
    }

    public string FullPath(string rel) => rel.Length == 0 ? Root : Path.GetFullPath(Path.Combine(Root, rel.Replace('/', Path.DirectorySeparatorChar)));

    /// <summary>The relative path of a full path under the root, or null when it is outside.</summary>
    public string? Relative(string fullPath)
    {
        string root = Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (fullPath == Root) return "";
        if (!fullPath.StartsWith(root, StringComparison.Ordinal)) return null;
        return fullPath.Substring(root.Length).Replace('\\', '/');
    }

    private bool List()
    {
        var stack = new Stack<string>();
        stack.Push(Root);
        int count = 0;
        while (stack.Count > 0)
        {
            string dir = stack.Pop();
            IEnumerable<string> entries;
            InputLog.Listed(dir);
            try { entries = Directory.EnumerateFileSystemEntries(dir); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { continue; }
            try
            {
                foreach (var e in entries)
                {
                    if (++count > MaxEntries) return false;
                    string name = Path.GetFileName(e);
                    // PolicyLint's own result cache is no part of any site (and its file changes with every run).
                    if (name is ".git" or Engine.ResultCache.DefaultFolderName) continue;
                    string rel = Relative(e)!;
                    FileAttributes attr;
                    try { attr = File.GetAttributes(e); }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { continue; }
                    if ((attr & FileAttributes.Directory) != 0)
                    {
                        if (name.StartsWith(".", StringComparison.Ordinal) && Engine.FileDiscovery.IsTaggedCache(e)) continue; // rumdl's, ruff's... caches
                        AddDir(rel);
                        // Symbolic links to folders are listed but not followed (cycles, and paths out of the root).
                        if ((attr & FileAttributes.ReparsePoint) == 0) stack.Push(e);
                    }
                    else AddFile(rel);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }
        return true;
    }

    private void AddFile(string rel)
    {
        if (!_files.Add(rel)) return;
        AddChild(rel);
        if (!_fold.ContainsKey(rel)) _fold[rel] = rel;
        int slash = rel.LastIndexOf('/');
        while (slash > 0) { string d = rel.Substring(0, slash); if (!_dirs.Add(d)) break; AddChild(d); _fold[d] = d; slash = d.LastIndexOf('/'); }
    }

    private void AddDir(string rel)
    {
        if (!_dirs.Add(rel)) return;
        AddChild(rel);
        if (!_fold.ContainsKey(rel)) _fold[rel] = rel;
    }

    private void AddChild(string rel)
    {
        int slash = rel.LastIndexOf('/');
        string parent = slash < 0 ? "" : rel.Substring(0, slash);
        if (!_children.TryGetValue(parent, out var l)) _children[parent] = l = new List<string>();
        l.Add(slash < 0 ? rel : rel.Substring(slash + 1));
    }
}
