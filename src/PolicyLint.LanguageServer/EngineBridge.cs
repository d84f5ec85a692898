using System;
using System.Collections.Generic;
using System.IO;
using PolicyLint.Configuration;
using PolicyLint.Documents;
using PolicyLint.Rules.Links;

namespace PolicyLint.LanguageServer;

/// <summary>One anchor a document defines, and where (headings only have a position; HTML ids are listed without one).</summary>
internal sealed record AnchorEntry(string Anchor, string Text, int Level, int Line, int Character);

/// <summary>
/// Everything the server reads from the library beyond its public API, in one place: outlines (anchors with positions)
/// through the library's own parse, slug styles and guards. Internal library types are reached through
/// InternalsVisibleTo; when the workspace contract makes outlines public, this file is what moves onto it.
/// </summary>
internal static class EngineBridge
{
    /// <summary>The anchors of a Markdown text, headings first in document order; null when the text is refused (size, binary, nesting).</summary>
    public static List<AnchorEntry>? Outline(string path, byte[] bytes, FileConfiguration? config)
    {
        long max = config?.MaxFileSize ?? FileConfiguration.DefaultMaxFileSize;
        if (bytes.Length > max || MarkdownFile.IsBinary(bytes)) return null;
        var (block, inline) = MarkdownFile.EstimateNesting(bytes);
        if (block > MarkdownFile.MaxBlockNesting || inline > MarkdownFile.BigStackInlineNesting) return null;
        MarkdownFile file;
        try { file = MarkdownFile.FromBytes(path, bytes); }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException) { return null; }
        var style = SlugStyle.GitHub;
        if (config is not null)
        {
            try { style = LinkSettings.For(config).SlugStyle; }
            catch (ConfigurationException) { }
        }
        var result = new List<AnchorEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        var headings = file.Headings;
        foreach (var anchor in style.HeadingAnchors(file))
        {
            var h = headings[i++];
            var (line, col) = file.Lines.GetPosition(h.Span.Start);
            if (seen.Add(anchor)) result.Add(new AnchorEntry(anchor, h.PlainText, h.Level, line - 1, col - 1));
            if (Anchors.CustomId(h.PlainText) is { } id && seen.Add(id)) result.Add(new AnchorEntry(id, h.PlainText, h.Level, line - 1, col - 1));
        }
        foreach (var a in Anchors.Collect(file, style))
            if (seen.Add(a)) result.Add(new AnchorEntry(a, "", 0, -1, -1));
        return result;
    }

    public static List<AnchorEntry>? Outline(string path, string text, FileConfiguration? config) =>
        Outline(path, new System.Text.UTF8Encoding(false).GetBytes(text), config);

    /// <summary>The outline of a file on disk, or null when it cannot be read or is refused.</summary>
    public static List<AnchorEntry>? OutlineFromDisk(string fullPath, FileConfiguration? config)
    {
        try
        {
            var info = new FileInfo(fullPath);
            // Devices, pipes and sockets report length 0: never opened (a FIFO would block).
            if (!info.Exists || info.Length == 0 || info.Length > (config?.MaxFileSize ?? FileConfiguration.DefaultMaxFileSize)) return null;
            return Outline(fullPath, File.ReadAllBytes(fullPath), config);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException) { return null; }
    }

    /// <summary>True for the file names a link may leave the extension off (PL3001's implicit extensions, default .md).</summary>
    public static bool IsMarkdownPath(string path) => LocalTargets.IsMarkdown(path);
}
