using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;
using PolicyLint.Configuration;
using PolicyLint.IO;

namespace PolicyLint.Engine;

/// <summary>Turns files, directories and globs into the set of files to lint.</summary>
internal static class FileDiscovery
{
    public static HashSet<string> Expand(IEnumerable<string> inputs, string baseDir, ConfigurationResolver resolver, Func<string, bool>? isIgnored)
        => Expand(inputs, baseDir, resolver, isIgnored, null);

    /// <summary>As the other overload; <paramref name="unreadable"/> receives the folders of a walk that could not be listed, with the reason;
    /// <paramref name="onUnmatched"/>, when given, receives a path or glob that matches nothing instead of an exception;
    /// <paramref name="refuseFolder"/>, when given, says why a folder named in <paramref name="inputs"/> is not walked (it goes
    /// to <paramref name="unreadable"/>), or null.</summary>
    public static HashSet<string> Expand(IEnumerable<string> inputs, string baseDir, ConfigurationResolver resolver, Func<string, bool>? isIgnored,
        IDictionary<string, string>? unreadable, Action<string>? onUnmatched = null,
        System.Collections.Concurrent.ConcurrentDictionary<string, FolderListing?>? listings = null,
        Func<string, string?>? refuseFolder = null, ListingCache? listingCache = null)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            string full = Path.GetFullPath(Path.Combine(baseDir, input));
            if (InputLog.FileExists(full)) { result.Add(full); continue; }
            if (InputLog.DirectoryExists(full))
            {
                if (refuseFolder?.Invoke(full) is { } why) { if (unreadable is not null) unreadable[full] = why; continue; }
                Walk(full, resolver, isIgnored, result, unreadable, listings, listingCache);
                continue;
            }
            if (input.IndexOfAny(['*', '?', '[']) >= 0)
            {
                int before = result.Count;
                Glob(input, baseDir, resolver, isIgnored, result);
                if (result.Count == before) Unmatched($"No file matches '{input}'");
                continue;
            }
            Unmatched($"'{input}' does not exist");
        }
        return result;

        void Unmatched(string message)
        {
            if (onUnmatched is null) throw new LintInputException(message);
            onUnmatched(message);
        }
    }

    /// <summary>
    /// True when <paramref name="dir"/> holds a <c>CACHEDIR.TAG</c> that starts with the signature of the Cache Directory
    /// Tagging Specification, as rumdl, ruff, pytest and mypy write in their caches (<c>.rumdl_cache</c>...): such a folder
    /// holds no documents and is not entered, as backup tools skip it. Only folders whose names start with a dot are asked
    /// (one look-up each): what those tools write there then changes nothing a run depends on.
    /// </summary>
    internal static bool IsTaggedCache(string dir)
    {
        const string Signature = "Signature: 8a477f597d28d172789f06886806bc55";
        string tag = Path.Combine(dir, "CACHEDIR.TAG");
        if (!InputLog.FileExists(tag)) return false;
        try
        {
            byte[] bytes = SafeFile.ReadAllBytes(tag, 64 * 1024);
            return bytes.Length >= Signature.Length && System.Text.Encoding.ASCII.GetString(bytes, 0, Signature.Length) == Signature;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return false; }
    }

    private static void Walk(string root, ConfigurationResolver resolver, Func<string, bool>? isIgnored, HashSet<string> into,
        IDictionary<string, string>? unreadable, System.Collections.Concurrent.ConcurrentDictionary<string, FolderListing?>? listings,
        ListingCache? listingCache)
    {
        var stack = new Stack<string>();
        stack.Push(root);
        // Folders without a configuration of their own share their parent's filters: build each pair of matchers once.
        var matchers = new Dictionary<string, (Matcher? Include, Matcher? Exclude, string[]? Suffixes, SimpleFilters? Simple)>(StringComparer.Ordinal);
        while (stack.Count > 0)
        {
            string dir = stack.Pop();
            // One listing of the folder: its files, and its subfolders with whether each is a link.
            List<string> files;
            List<(string Path, bool IsLink)> dirs;
            try { (files, dirs) = List(dir, listings, listingCache); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The files we can read are still linted; the folder is reported (PL0001), never skipped silently.
                if (unreadable is not null) unreadable[dir] = "the folder cannot be listed (" + ex.Message + "); its files were not linted";
                continue;
            }
            resolver.KnowFolderFileNames(dir, files.Select(Path.GetFileName)!);
            var (include, exclude, filterBase) = resolver.GetFilters(dir);
            // A matcher does not depend on the folder it is matched from (given with each match): one pair per set of globs.
            string key = string.Join("\0", include) + "\0\0" + string.Join("\0", exclude) + (ReferenceEquals(exclude, ConfigurationResolver.DefaultExclude) ? "\0default" : "");
            if (!matchers.TryGetValue(key, out var pair))
            {
                var simpleFilters = SimpleFilters.TryCreate(include, exclude);
                Matcher? m = null, x = null;
                if (simpleFilters is null)
                {
                    m = new Matcher(StringComparison.OrdinalIgnoreCase);
                    m.AddIncludePatterns(include);
                    x = new Matcher(StringComparison.OrdinalIgnoreCase);
                    x.AddIncludePatterns(exclude);
                }
                matchers[key] = pair = (m, x, RequiredSuffixes(include), simpleFilters);
            }
            var (inc, exc, suffixes, simple) = pair;
            files.Sort(StringComparer.Ordinal);
            // The folder's candidates matched in one pass of each matcher (a pass per file builds the matcher's state each time).
            var candidates = new List<(string Full, string Rel)>();
            foreach (var f in files)
            {
                if (suffixes is not null && !EndsWithAny(f, suffixes)) continue; // cannot match any include pattern
                candidates.Add((f, ConfigurationResolver.GetRelativePath(filterBase, f)));
            }
            if (candidates.Count > 0)
            {
                var included = simple is null ? Matched(inc!, filterBase, candidates) : null;
                var excluded = simple is null ? Matched(exc!, filterBase, candidates) : null;
                foreach (var (f, rel) in candidates)
                {
                    if (simple is not null ? !simple.IncludesFile(rel) : !included!.Contains(rel) || excluded!.Contains(rel)) continue;
                    if (isIgnored is not null && isIgnored(f)) continue;
                    into.Add(f);
                }
            }
            dirs.Sort((a, b) => StringComparer.Ordinal.Compare(b.Path, a.Path));
            var subdirs = new List<(string Full, string Rel)>();
            foreach (var (d, isLink) in dirs)
            {
                string name = Path.GetFileName(d);
                if (name is ".git" or "node_modules" or "bin" or "obj") continue;
                if (name.StartsWith(".", StringComparison.Ordinal) && IsTaggedCache(d)) continue;
                // Directory symlinks are not followed: that is how loops are avoided (git does not follow them either).
                if (isLink) continue;
                subdirs.Add((d, ConfigurationResolver.GetRelativePath(filterBase, d)));
            }
            if (subdirs.Count == 0) continue;
            // A folder is skipped when the excludes take everything in it: a file and a Markdown file directly inside.
            var anyFile = simple is null ? Matched(exc!, filterBase, subdirs.Select(sd => (sd.Full, sd.Rel + "/x")).ToList()) : null;
            var mdFile = simple is null ? Matched(exc!, filterBase, subdirs.Select(sd => (sd.Full, sd.Rel + "/x.md")).ToList()) : null;
            foreach (var (d, rel) in subdirs)
            {
                if (simple is not null ? simple.ExcludesFolder(rel) : anyFile!.Contains(rel + "/x") && mdFile!.Contains(rel + "/x.md")) continue;
                if (isIgnored is not null && isIgnored(d + Path.DirectorySeparatorChar)) continue;
                stack.Push(d);
            }
        }
    }

    /// <summary>
    /// The filters most walks have, decided without the glob matcher (which builds a tree of the candidates on every call):
    /// include patterns that are all <c>**/*</c> and a literal suffix (<c>**/*.md</c>), and the default excludes (a folder
    /// named node_modules, bin, obj or .git at any depth). Both match case-insensitively, as the matcher does. Null for any
    /// other filters. <c>FileDiscoveryTests</c> checks its answers against the matcher's.
    /// </summary>
    internal sealed class SimpleFilters
    {
        private readonly string[] _suffixes;
        private SimpleFilters(string[] suffixes) => _suffixes = suffixes;

        public static SimpleFilters? TryCreate(IReadOnlyList<string> include, IReadOnlyList<string> exclude)
        {
            if (!ReferenceEquals(exclude, ConfigurationResolver.DefaultExclude) || include.Count == 0) return null;
            var suffixes = new string[include.Count];
            for (int i = 0; i < include.Count; i++)
            {
                string p = include[i];
                if (!p.StartsWith("**/*", StringComparison.Ordinal) || p.Length == 4) return null;
                string suffix = p.Substring(4);
                if (suffix.IndexOfAny(['*', '?', '[', ']', '{', '}', '/', '\\', '!']) >= 0) return null;
                suffixes[i] = suffix;
            }
            return new SimpleFilters(suffixes);
        }

        /// <summary>True when the file at <paramref name="rel"/> (relative to the filters' folder, forward slashes) is linted.</summary>
        public bool IncludesFile(string rel)
        {
            if (rel.Length == 0 || rel == ".." || rel.StartsWith("../", StringComparison.Ordinal)) return false;
            int slash = rel.LastIndexOf('/');
            string name = rel.Substring(slash + 1);
            bool included = false;
            foreach (var s in _suffixes)
                if (name.EndsWith(s, StringComparison.OrdinalIgnoreCase)) { included = true; break; }
            return included && (slash < 0 || !HasExcludedFolder(rel, slash));
        }

        /// <summary>True when nothing in the folder at <paramref name="rel"/> can be linted (it is, or is inside, an excluded folder).</summary>
        public bool ExcludesFolder(string rel) =>
            rel.Length > 0 && rel != ".." && !rel.StartsWith("../", StringComparison.Ordinal) && HasExcludedFolder(rel, rel.Length);

        /// <summary>True when a segment of <paramref name="rel"/> before <paramref name="end"/> is one of the excluded folder names.</summary>
        private static bool HasExcludedFolder(string rel, int end)
        {
            int start = 0;
            while (start < end)
            {
                int next = rel.IndexOf('/', start);
                if (next < 0 || next > end) next = end;
                var segment = rel.AsSpan(start, next - start);
                if (segment.Equals("node_modules".AsSpan(), StringComparison.OrdinalIgnoreCase) || segment.Equals("bin".AsSpan(), StringComparison.OrdinalIgnoreCase)
                    || segment.Equals("obj".AsSpan(), StringComparison.OrdinalIgnoreCase) || segment.Equals(".git".AsSpan(), StringComparison.OrdinalIgnoreCase))
                    return true;
                start = next + 1;
            }
            return false;
        }
    }

    /// <summary>The relative paths of <paramref name="candidates"/> that <paramref name="matcher"/> matches, in one pass.</summary>
    private static HashSet<string> Matched(Matcher matcher, string filterBase, List<(string Full, string Rel)> candidates)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        // Paths that leave the filter's folder cannot match (as a single match finds): only those under it are given.
        var under = candidates.Where(c => !c.Rel.StartsWith("../", StringComparison.Ordinal) && c.Rel != "..").Select(c => c.Rel).ToList();
        if (under.Count == 0) return result;
        foreach (var m in matcher.Match(filterBase, under).Files) result.Add(m.Path);
        return result;
    }

    /// <summary>A folder's files and subfolders (a subfolder's flag: it is a symbolic link); throws when it cannot be listed.</summary>
    private static (List<string> Files, List<(string Path, bool IsLink)> Dirs) List(string dir, System.Collections.Concurrent.ConcurrentDictionary<string, FolderListing?>? listings,
        ListingCache? listingCache)
    {
        var files = new List<string>();
        var dirs = new List<(string, bool)>();
        var names = listings is null ? null : new List<(string, bool)>();
#if NET
        // A warm run takes the folder's listing from the cache while the folder's stamp (taken before any read) is unchanged.
        (string Name, ListingCache.Kind Kind)[]? kept = null;
        FileStamp? stamp = listingCache?.Look(dir, out kept);
        if (kept is not null)
        {
            foreach (var (name, kind) in kept)
            {
                string path = Path.Join(dir, name);
                if (kind == ListingCache.Kind.File) files.Add(path);
                else dirs.Add((path, kind == ListingCache.Kind.FolderLink));
                names?.Add((name, kind != ListingCache.Kind.File));
            }
        }
        else ReadFolder(dir, files, dirs, names, stamp, listingCache);
        // The workspace's look-ups into this folder use the same listing instead of listing it again.
        if (names is not null) listings!.TryAdd(dir, FolderListing.From(names));
#else
        files.AddRange(Directory.GetFiles(dir));
        foreach (var d in Directory.GetDirectories(dir))
            dirs.Add((d, (File.GetAttributes(d) & FileAttributes.ReparsePoint) != 0));
#endif
        return (files, dirs);
    }

#if NET
    /// <summary>Reads the folder itself; with a stamp taken before, its listing is kept in <paramref name="listingCache"/> for the next run.</summary>
    private static void ReadFolder(string dir, List<string> files, List<(string, bool)> dirs, List<(string, bool)>? names, FileStamp? stamp,
        ListingCache? listingCache)
    {
        InputLog.Listed(dir);
        var taken = stamp is null ? null : new List<(string Name, ListingCache.Kind Kind)>();
        // One enumeration: the entry's type comes with it (no look-up per file), links are told by their own type.
        var entries = new System.IO.Enumeration.FileSystemEnumerable<(string Path, bool IsDir, bool IsLink)>(dir,
            // Only a folder's link flag is read: on Unix, Attributes costs an lstat (and a geteuid) per entry, and files do not need it.
            (ref System.IO.Enumeration.FileSystemEntry e) => (e.ToSpecifiedFullPath(), e.IsDirectory, e.IsDirectory && (e.Attributes & FileAttributes.ReparsePoint) != 0),
            new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0, ReturnSpecialDirectories = false });
        foreach (var (path, isDir, isLink) in entries)
        {
            if (isDir) dirs.Add((path, isLink));
            else files.Add(path);
            if (names is not null || taken is not null)
            {
                string name = Path.GetFileName(path);
                names?.Add((name, isDir));
                taken?.Add((name, !isDir ? ListingCache.Kind.File : isLink ? ListingCache.Kind.FolderLink : ListingCache.Kind.Folder));
            }
        }
        if (taken is not null) listingCache!.Record(dir, stamp!.Value, taken.ToArray());
    }
#endif

    /// <summary>
    /// When every include pattern ends in <c>*</c> plus a literal (<c>**/*.md</c>), a file must end with one of those
    /// literals to match: a cheap test that spares the matcher most non-Markdown files. Null when some pattern has no such suffix.
    /// </summary>
    internal static string[]? RequiredSuffixes(IReadOnlyList<string> include)
    {
        var result = new string[include.Count];
        for (int i = 0; i < include.Count; i++)
        {
            string p = include[i];
            int star = p.LastIndexOf('*');
            if (star < 0) return null;
            string suffix = p.Substring(star + 1);
            if (suffix.Length == 0 || suffix.IndexOfAny(['?', '[', ']', '{', '}', '/', '\\', '!']) >= 0) return null;
            result[i] = suffix;
        }
        return result;
    }

    private static bool EndsWithAny(string path, string[] suffixes)
    {
        foreach (var s in suffixes)
            if (path.EndsWith(s, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static void Glob(string pattern, string baseDir, ConfigurationResolver resolver, Func<string, bool>? isIgnored, HashSet<string> into)
    {
        // Split the static prefix ("docs/policies/") from the wildcard part so the walk starts there.
        string norm = pattern.Replace('\\', '/');
        int wild = norm.IndexOfAny(['*', '?', '[']);
        int slash = norm.LastIndexOf('/', wild);
        string prefix = slash >= 0 ? norm.Substring(0, slash) : "";
        string rest = slash >= 0 ? norm.Substring(slash + 1) : norm;
        string start = Path.GetFullPath(Path.Combine(baseDir, prefix.Length == 0 ? "." : prefix));
        if (!InputLog.DirectoryExists(start)) return;
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        matcher.AddInclude(rest);
        matcher.AddExcludePatterns(ConfigurationResolver.DefaultExclude);
        var (_, exclude, filterBase) = resolver.GetFilters(start);
        var exc = new Matcher(StringComparison.OrdinalIgnoreCase);
        exc.AddIncludePatterns(exclude);
        foreach (var m in matcher.Execute(new NoFolderLinks(new DirectoryInfo(start))).Files)
        {
            string full = Path.GetFullPath(Path.Combine(start, m.Path));
            if (exc.Match(ConfigurationResolver.GetRelativePath(filterBase, full)).HasMatches) continue;
            if (isIgnored is not null && isIgnored(full)) continue;
            into.Add(full);
        }
    }

    /// <summary>
    /// A folder as the glob matcher sees it, without its folder links: <c>**</c> does not enter them, as a walk does not (no
    /// loops, and no way out of the root). A link in the pattern's fixed part (<c>linked/*.md</c>) is entered; the engine
    /// still refuses the files behind one that leads out of the root.
    /// </summary>
    private sealed class NoFolderLinks : DirectoryInfoBase
    {
        private readonly DirectoryInfo _dir;
        private readonly bool _isParent;

        public NoFolderLinks(DirectoryInfo dir, bool isParent = false) { _dir = dir; _isParent = isParent; }

        public override string Name => _isParent ? ".." : _dir.Name;
        public override string FullName => _dir.FullName;
        public override DirectoryInfoBase? ParentDirectory => _dir.Parent is { } p ? new NoFolderLinks(p) : null;

        public override IEnumerable<FileSystemInfoBase> EnumerateFileSystemInfos()
        {
            InputLog.Listed(_dir.FullName);
            if (!_dir.Exists) yield break;
            IEnumerable<FileSystemInfo> entries;
            try { entries = _dir.EnumerateFileSystemInfos("*", SearchOption.TopDirectoryOnly); }
            catch (DirectoryNotFoundException) { yield break; }
            foreach (var e in entries)
            {
                if (e is DirectoryInfo d)
                {
                    if ((d.Attributes & FileAttributes.ReparsePoint) == 0) yield return new NoFolderLinks(d);
                }
                else if (e is FileInfo f) yield return new FileInfoWrapper(f);
            }
        }

        public override DirectoryInfoBase? GetDirectory(string path)
        {
            bool parent = path == "..";
            var d = new DirectoryInfo(Path.Combine(_dir.FullName, path));
            InputLog.Probe(d.FullName);
            return parent || d.Exists ? new NoFolderLinks(d, parent) : null;
        }

        public override FileInfoBase GetFile(string path)
        {
            return new FileInfoWrapper(InputLog.Info(Path.Combine(_dir.FullName, path)));
        }
    }
}
