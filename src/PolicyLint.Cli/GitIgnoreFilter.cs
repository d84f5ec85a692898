using System;
using PolicyLint.Engine;
using PolicyLint.IO;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MAB.DotIgnore;

namespace PolicyLint.Cli;

/// <summary>
/// Answers "would git ignore this path?" the way git does: <c>.git/info/exclude</c>, then <c>.gitignore</c> files from the
/// repository root down to the path's folder (deeper files win, the last matching line wins, <c>!</c> re-includes), and a path
/// below an ignored folder stays ignored. Pattern matching is MAB.DotIgnore's (checked against <c>git check-ignore</c> in tests).
/// The user's global excludes file is not read, so results do not depend on the machine. Outside a repository nothing is ignored.
/// </summary>
internal sealed class GitIgnoreFilter
{
    private static readonly MatchFlags Flags = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? MatchFlags.CASEFOLD : MatchFlags.NONE;
    private readonly ConcurrentDictionary<string, Repo?> _repoByDir = new(StringComparer.Ordinal);
    private readonly Action<string, string>? _onUnreadable;
    private readonly ConcurrentDictionary<string, bool> _reported = new(StringComparer.Ordinal);

    /// <param name="onUnreadable">Told (full path, reason) of an ignore file that exists but cannot be read (a FIFO, no
    /// permission), once per file: as git does, the run goes on without its patterns, but not silently.</param>
    public GitIgnoreFilter(Action<string, string>? onUnreadable = null) => _onUnreadable = onUnreadable;

    private void Unreadable(string file, string reason)
    {
        if (_onUnreadable is not null && _reported.TryAdd(file, true)) _onUnreadable(file, reason);
    }

    /// <summary>True when git would ignore <paramref name="fullPath"/>; a trailing separator marks a directory.</summary>
    public bool IsIgnored(string fullPath)
    {
        bool isDir = fullPath.EndsWith(Path.DirectorySeparatorChar) || fullPath.EndsWith(Path.AltDirectorySeparatorChar);
        string path = Path.GetFullPath(fullPath.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        string? parent = Path.GetDirectoryName(path);
        if (parent is null) return false;
        var repo = FindRepo(parent);
        if (repo is null) return false;
        string rel = CliPaths.GetRelativePath(repo.Root, path);
        if (rel.Length == 0 || rel == "." || rel.StartsWith("../", StringComparison.Ordinal) || rel == "..") return false;
        return repo.IsIgnored(rel, isDir);
    }

    private Repo? FindRepo(string dir) => _repoByDir.GetOrAdd(dir, d =>
    {
        string? root = CliPaths.FindGitRoot(d);
        if (root is null) return null;
        return d == root ? new Repo(root, Unreadable) : FindRepo(root);
    });

    private sealed class Repo
    {
        private readonly IgnoreList? _exclude;
        private readonly bool _excludeHasRules;
        private readonly ConcurrentDictionary<string, IgnoreList?> _lists = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, bool> _dirs = new(StringComparer.Ordinal);

        private readonly Action<string, string> _unreadable;

        public Repo(string root, Action<string, string> unreadable)
        {
            Root = root;
            _unreadable = unreadable;
            string? gitDir = ResolveGitDir(root);
            if (gitDir is not null) _exclude = Load(Path.Combine(gitDir, "info", "exclude"));
            _excludeHasRules = _exclude is not null && _exclude.Rules.Any();
        }

        public string Root { get; }

        public bool IsIgnored(string rel, bool isDir)
        {
            string folder = FolderOf(rel);
            if (FolderIgnored(folder)) return true;
            return isDir ? _dirs.GetOrAdd(rel, d => Decide(d, true)) : Decide(rel, false);
        }

        private static string FolderOf(string rel)
        {
            int slash = rel.LastIndexOf('/');
            return slash < 0 ? "" : rel.Substring(0, slash);
        }

        /// <summary>True when the folder <paramref name="rel"/> ("" for the root) or a folder above it is ignored (once per folder).</summary>
        private bool FolderIgnored(string rel) =>
            rel.Length > 0 && _folderIgnored.GetOrAdd(rel, d => FolderIgnored(FolderOf(d)) || _dirs.GetOrAdd(d, x => Decide(x, true)));

        private readonly ConcurrentDictionary<string, bool> _folderIgnored = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, (IgnoreList List, int Strip)[]> _applicable = new(StringComparer.Ordinal);

        /// <summary>
        /// The .gitignore files with patterns that apply to the entries of the folder <paramref name="rel"/>, from the root down,
        /// each with the length of its folder's prefix to take off a path (once per folder).
        /// </summary>
        private (IgnoreList List, int Strip)[] Applicable(string rel) => _applicable.GetOrAdd(rel, d =>
        {
            var above = d.Length == 0 ? [] : Applicable(FolderOf(d));
            var list = _lists.GetOrAdd(d, x => Load(Path.Combine(Root, x.Replace('/', Path.DirectorySeparatorChar), ".gitignore")));
            if (list is null || !list.Rules.Any()) return above;
            return [.. above, (list, d.Length == 0 ? 0 : d.Length + 1)];
        });

        /// <summary>The last matching pattern wins, over exclude then .gitignore files from the root down to the path's folder.</summary>
        private bool Decide(string rel, bool isDir)
        {
            bool? ignored = null;
            if (_exclude is not null && _excludeHasRules) Apply(_exclude, rel, isDir, ref ignored);
            foreach (var (list, strip) in Applicable(FolderOf(rel)))
                Apply(list, strip == 0 ? rel : rel.Substring(strip), isDir, ref ignored);
            return ignored ?? false;
        }

        private static void Apply(IgnoreList list, string path, bool isDir, ref bool? ignored)
        {
            foreach (var rule in list.Rules)
                if (rule.IsMatch(path, isDir))
                    ignored = (rule.PatternFlags & PatternFlags.NEGATION) == 0;
        }

        private IgnoreList? Load(string file)
        {
            if (!RunRecords.FileExists(file)) return null;
            try
            {
                var lines = SafeFile.ReadAllText(file).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
                return new IgnoreList(lines, Flags);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _unreadable(file, ex.Message);
                return null;
            }
        }

        /// <summary>The git directory: <c>.git</c> itself, or for worktrees and submodules the common directory a <c>.git</c> file points to.</summary>
        private static string? ResolveGitDir(string root)
        {
            string dotGit = Path.Combine(root, ".git");
            if (RunRecords.DirectoryExists(dotGit)) return dotGit;
            if (!RunRecords.FileExists(dotGit)) return null;
            try
            {
                string line = SafeFile.ReadAllText(dotGit).Split('\n').FirstOrDefault(l => l.StartsWith("gitdir:", StringComparison.Ordinal)) ?? "";
                if (line.Length == 0) return null;
                string gitDir = Path.GetFullPath(Path.Combine(root, line.Substring(7).Trim()));
                string common = Path.Combine(gitDir, "commondir");
                if (RunRecords.FileExists(common)) gitDir = Path.GetFullPath(Path.Combine(gitDir, SafeFile.ReadAllText(common).Trim()));
                return RunRecords.DirectoryExists(gitDir) ? gitDir : null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
        }
    }
}
