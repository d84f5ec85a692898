using System;
using System.IO;
using PolicyLint.Configuration;
using PolicyLint.Documents;
using PolicyLint.IO;

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
            var info = InputLog.Info(fullPath);
            // Devices, pipes and sockets report length 0: never opened.
            if (!info.Exists || info.Length == 0 || info.Length > FileConfiguration.DefaultMaxFileSize) return null;
            byte[] bytes = SafeFile.ReadAllBytes(fullPath, FileConfiguration.DefaultMaxFileSize);
            // The engine's guards (size, binary, nesting, quadratic patterns); nothing that needs a big stack.
            if (Engine.DocumentReader.Check(bytes, FileConfiguration.DefaultMaxFileSize, out _, out _) != Engine.ReadVerdict.Parse) return null;
            return MarkdownFile.FromBytes(fullPath, bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
