using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;
using PolicyLint.Configuration;

namespace PolicyLint.Engine;

/// <summary>Turns files, directories and globs into the set of files to lint.</summary>
internal static class FileDiscovery
{
    public static HashSet<string> Expand(IEnumerable<string> inputs, string baseDir, ConfigurationResolver resolver, Func<string, bool>? isIgnored)
        => Expand(inputs, baseDir, resolver, isIgnored, null);

    /// <summary>As the other overload; <paramref name="unreadable"/> receives the folders of a walk that could not be listed, with the reason;
    /// <paramref name="onUnmatched"/>, when given, receives a path or glob that matches nothing instead of an exception.</summary>
    public static HashSet<string> Expand(IEnumerable<string> inputs, string baseDir, ConfigurationResolver resolver, Func<string, bool>? isIgnored,
        IDictionary<string, string>? unreadable, Action<string>? onUnmatched = null)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            string full = Path.GetFullPath(Path.Combine(baseDir, input));
            if (File.Exists(full)) { result.Add(full); continue; }
            if (Directory.Exists(full)) { Walk(full, resolver, isIgnored, result, unreadable); continue; }
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

    private static void Walk(string root, ConfigurationResolver resolver, Func<string, bool>? isIgnored, HashSet<string> into,
        IDictionary<string, string>? unreadable)
    {
        var stack = new Stack<string>();
        stack.Push(root);
        // Folders without a configuration of their own share their parent's filters: build each pair of matchers once.
        var matchers = new Dictionary<string, (Matcher Include, Matcher Exclude, string[]? Suffixes)>(StringComparer.Ordinal);
        while (stack.Count > 0)
        {
            string dir = stack.Pop();
            var (include, exclude, filterBase) = resolver.GetFilters(dir);
            string key = filterBase + "\0" + string.Join("\0", include) + "\0\0" + string.Join("\0", exclude);
            if (!matchers.TryGetValue(key, out var pair))
            {
                var m = new Matcher(StringComparison.OrdinalIgnoreCase);
                m.AddIncludePatterns(include);
                var x = new Matcher(StringComparison.OrdinalIgnoreCase);
                x.AddIncludePatterns(exclude);
                matchers[key] = pair = (m, x, RequiredSuffixes(include));
            }
            var (inc, exc, suffixes) = pair;
            string[] files, dirs;
            try
            {
                files = Directory.GetFiles(dir);
                dirs = Directory.GetDirectories(dir);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The files we can read are still linted; the folder is reported (PL0001), never skipped silently.
                if (unreadable is not null) unreadable[dir] = "the folder cannot be listed (" + ex.Message + "); its files were not linted";
                continue;
            }
            foreach (var f in files.OrderBy(x => x, StringComparer.Ordinal))
            {
                if (suffixes is not null && !EndsWithAny(f, suffixes)) continue; // cannot match any include pattern
                string rel = ConfigurationResolver.GetRelativePath(filterBase, f);
                if (!inc.Match(rel).HasMatches || exc.Match(rel).HasMatches) continue;
                if (isIgnored is not null && isIgnored(f)) continue;
                into.Add(f);
            }
            foreach (var d in dirs.OrderByDescending(x => x, StringComparer.Ordinal))
            {
                string name = Path.GetFileName(d);
                if (name is ".git" or "node_modules" or "bin" or "obj") continue;
                // Directory symlinks are not followed: that is how loops are avoided (git does not follow them either).
                try { if ((File.GetAttributes(d) & FileAttributes.ReparsePoint) != 0) continue; }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    if (unreadable is not null) unreadable[d] = "the folder cannot be listed (" + ex.Message + "); its files were not linted";
                    continue;
                }
                string rel = ConfigurationResolver.GetRelativePath(filterBase, d) + "/x";
                if (exc.Match(rel).HasMatches && exc.Match(rel.Substring(0, rel.Length - 2) + "/x.md").HasMatches) continue;
                if (isIgnored is not null && isIgnored(d + Path.DirectorySeparatorChar)) continue;
                stack.Push(d);
            }
        }
    }

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
        if (!Directory.Exists(start)) return;
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        matcher.AddInclude(rest);
        matcher.AddExcludePatterns(ConfigurationResolver.DefaultExclude);
        var (_, exclude, filterBase) = resolver.GetFilters(start);
        var exc = new Matcher(StringComparison.OrdinalIgnoreCase);
        exc.AddIncludePatterns(exclude);
        foreach (var m in matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(start))).Files)
        {
            string full = Path.GetFullPath(Path.Combine(start, m.Path));
            if (exc.Match(ConfigurationResolver.GetRelativePath(filterBase, full)).HasMatches) continue;
            if (isIgnored is not null && isIgnored(full)) continue;
            into.Add(full);
        }
    }
}
