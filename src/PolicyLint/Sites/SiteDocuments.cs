using System;
using System.IO;
using PolicyLint.Configuration;
using PolicyLint.Documents;

namespace PolicyLint.Sites;

/// <summary>Reads a Markdown file a model needs beyond the run's own (an included snippet), with the engine's limits.</summary>
internal static class SiteDocuments
{
    public static MarkdownFile? Load(string fullPath)
    {
        // The including page's anchors depend on this file: a cached finding about them is kept only while it is unchanged.
        Engine.DependencyRecorder.Current?.File(fullPath);
        try
        {
            var info = new FileInfo(fullPath);
            // Devices, pipes and sockets report length 0: never opened.
            if (!info.Exists || info.Length == 0 || info.Length > FileConfiguration.DefaultMaxFileSize) return null;
            byte[] bytes = File.ReadAllBytes(fullPath);
            if (MarkdownFile.IsBinary(bytes)) return null;
            var (blockDepth, inlineDepth) = MarkdownFile.EstimateNesting(bytes);
            if (blockDepth > MarkdownFile.MaxBlockNesting || inlineDepth > MarkdownFile.BigStackInlineNesting) return null;
            return MarkdownFile.FromBytes(fullPath, bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
