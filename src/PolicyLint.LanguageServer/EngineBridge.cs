using System;
using System.Collections.Generic;
using System.IO;
using PolicyLint.Configuration;
using PolicyLint.Documents;
using PolicyLint.Engine;

namespace PolicyLint.LanguageServer;

/// <summary>One anchor a document defines, and where (headings only have a position; HTML ids are listed without one).</summary>
internal sealed record AnchorEntry(string Anchor, string Text, int Level, int Line, int Character);

/// <summary>
/// What the server reads from the library beyond the public API, in one place: the engine's reading pipeline
/// (<c>DocumentReader</c>: size, binary and nesting guards) and heading positions for outlines. The anchor set itself is
/// the public <see cref="DocumentOutline"/> in the configured <see cref="SlugStyle"/>; the positions and the reading guards
/// are internal (reached through InternalsVisibleTo). Making <c>DocumentReader</c> public would let this file use the
/// public API only.
/// </summary>
internal static class EngineBridge
{
    /// <summary>The anchors of a Markdown text, headings first in document order; null when the guards refuse it.</summary>
    public static List<AnchorEntry>? Outline(string path, byte[] bytes, FileConfiguration? config)
    {
        long max = config?.MaxFileSize ?? FileConfiguration.DefaultMaxFileSize;
        // Only what parses on a normal stack: completion and related information do not need deeper documents.
        if (DocumentReader.Check(bytes, max, out _, out _) != ReadVerdict.Parse) return null;
        MarkdownFile file;
        try { file = MarkdownFile.FromBytes(path, bytes); }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException) { return null; }
        return Entries(file, config);
    }

    public static List<AnchorEntry>? Outline(string path, string text, FileConfiguration? config) =>
        Outline(path, new System.Text.UTF8Encoding(false).GetBytes(text), config);

    /// <summary>The outline of a file on disk, or null when it cannot be read or is refused.</summary>
    public static List<AnchorEntry>? OutlineFromDisk(string fullPath, FileConfiguration? config)
    {
        try
        {
            var file = DocumentReader.ReadForOutline(fullPath, config?.MaxFileSize ?? FileConfiguration.DefaultMaxFileSize);
            return file is null ? null : Entries(file, config);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static List<AnchorEntry> Entries(MarkdownFile file, FileConfiguration? config)
    {
        var style = SlugStyle.GitHub;
        if (config is not null)
        {
            try { style = config.Settings.SlugStyle; }
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
            if (DocumentOutline.CustomId(h.PlainText) is { } id && seen.Add(id)) result.Add(new AnchorEntry(id, h.PlainText, h.Level, line - 1, col - 1));
        }
        foreach (var a in DocumentOutline.Create(file, style).Anchors)
            if (seen.Add(a)) result.Add(new AnchorEntry(a, "", 0, -1, -1));
        return result;
    }

    /// <summary>True for Markdown file names (.md, .markdown).</summary>
    public static bool IsMarkdownPath(string path) => DocumentReader.IsMarkdownPath(path);
}
