using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using PolicyLint.Configuration;
using PolicyLint.Documents;
using PolicyLint.Engine;

namespace PolicyLint.Rules.Links;

/// <summary>
/// One lint run's anchors per Markdown file: the files of the run add theirs as they are analysed (a set of strings each,
/// never the syntax tree); Markdown files outside the run are read and parsed lazily, once, only inside the repository root and
/// only when they are regular, non-empty, not too large files. Thread-safe. Nothing here follows links, so cycles are harmless.
/// </summary>
internal sealed class AnchorIndex
{
    private readonly ConcurrentDictionary<string, HashSet<string>> _linted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<HashSet<string>?>> _lazy = new(StringComparer.Ordinal);
    private readonly Workspace _workspace;

    public AnchorIndex(Workspace workspace) => _workspace = workspace;

    public void Add(string fullPath, HashSet<string> anchors) => _linted[fullPath] = anchors;

    /// <summary>The anchors of the Markdown file at <paramref name="fullPath"/>, or null when they cannot be known.</summary>
    public HashSet<string>? Get(string fullPath, Func<string, FileConfiguration> configurationFor, Workspace? workspace = null)
    {
        if (_linted.TryGetValue(fullPath, out var set)) return set;
        return _lazy.GetOrAdd(fullPath, p => new Lazy<HashSet<string>?>(() => Load(p, configurationFor, workspace))).Value;
    }

    private HashSet<string>? Load(string fullPath, Func<string, FileConfiguration> configurationFor, Workspace? workspace)
    {
        if (!(LocalTargets.IsMarkdown(fullPath) || fullPath.EndsWith(".mdx", StringComparison.OrdinalIgnoreCase)) || !_workspace.IsInsideRoot(fullPath) || !RealPathIsInsideRoot(fullPath)) return null;
        try
        {
            var config = configurationFor(fullPath);
            var info = new FileInfo(fullPath);
            // Devices, pipes and sockets report length 0: never opened (a FIFO would block).
            if (!info.Exists || info.Length == 0 || info.Length > config.MaxFileSize) return null;
            byte[] bytes = File.ReadAllBytes(fullPath);
            if (MarkdownFile.IsBinary(bytes)) return null;
            var (blockDepth, inlineDepth) = MarkdownFile.EstimateNesting(bytes);
            // What the engine refuses, or parses only on a big stack (Markdig's own refusal below is caught too).
            if (blockDepth > MarkdownFile.MaxBlockNesting || inlineDepth > MarkdownFile.BigStackInlineNesting) return null;
            var file = MarkdownFile.FromBytes(fullPath, bytes);
            // A page of the detected site has the anchors its generator makes.
            if (workspace is not null && SiteLinks.Publishing(config, workspace, fullPath) is { } published)
                return published.Site.Anchors(file, published.Rel);
            return Anchors.Collect(file, LinkSettings.For(config).SlugStyle);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ConfigurationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>False when a symbolic link on the way leads out of the root (checked where the runtime can resolve links).</summary>
    private bool RealPathIsInsideRoot(string fullPath)
    {
#if NET
        try
        {
            string root = _workspace.RootDirectory;
            string rel = Configuration.ConfigurationResolver.GetRelativePath(root, fullPath);
            string current = root;
            foreach (var part in rel.Split('/', '\\'))
            {
                current = Path.Combine(current, part);
                FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
                if (info.LinkTarget is null) continue;
                var final = info.ResolveLinkTarget(returnFinalTarget: true);
                if (final is null || !_workspace.IsInsideRoot(Path.GetFullPath(final.FullName))) return false;
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
}
