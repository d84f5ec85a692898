using System;
using System.IO;
using PolicyLint.IO;
using PolicyLint.Documents;

namespace PolicyLint.Engine;

/// <summary>What the reading guards decided about a document's bytes.</summary>
internal enum ReadVerdict
{
    /// <summary>Parse it.</summary>
    Parse,
    /// <summary>Parse it, but on a big stack (deeply nested inlines).</summary>
    ParseOnBigStack,
    /// <summary>Larger than <c>maxFileSize</c>.</summary>
    TooLarge,
    /// <summary>Contains NUL bytes.</summary>
    Binary,
    /// <summary>Block quotes or lists nested past what Markdown parsers accept.</summary>
    BlocksTooDeep,
    /// <summary>Brackets nested past what PolicyLint parses.</summary>
    InlinesTooDeep,
    /// <summary>A pattern whose parsing time grows with the square of its size, past <see cref="ParseCost.Budget"/>.</summary>
    TooCostly,
}

/// <summary>
/// The engine's one reading pipeline: the guards every document passes before it is parsed, for the files of a run and for
/// documents read only for their outline (a link's target outside the run).
/// </summary>
internal static class DocumentReader
{
    /// <summary>Decides what to do with a document's bytes; the nesting estimate is returned for messages.</summary>
    public static ReadVerdict Check(byte[] bytes, long maxFileSize, out int blockDepth, out int inlineDepth) =>
        Check(bytes, maxFileSize, out blockDepth, out inlineDepth, out _);

    /// <summary>Decides what to do with a document's bytes; the nesting and cost estimates are returned for messages.</summary>
    public static ReadVerdict Check(byte[] bytes, long maxFileSize, out int blockDepth, out int inlineDepth, out ParseCost.Estimate cost)
    {
        blockDepth = inlineDepth = 0;
        cost = default;
        if (bytes.Length > maxFileSize) return ReadVerdict.TooLarge;
        if (MarkdownFile.IsBinary(bytes)) return ReadVerdict.Binary;
        // The estimates scan ASCII-compatible bytes: a UTF-16 or UTF-32 file is scanned as its UTF-8 form (same lines).
        byte[] scan = AsUtf8(bytes);
        (blockDepth, inlineDepth) = MarkdownFile.EstimateNesting(scan);
        if (blockDepth > MarkdownFile.MaxBlockNesting) return ReadVerdict.BlocksTooDeep;
        if (inlineDepth > MarkdownFile.MaxInlineNesting) return ReadVerdict.InlinesTooDeep;
        cost = ParseCost.Measure(scan, MarkdownFile.SkipFrontMatter(scan));
        if (cost.OverBudget) return ReadVerdict.TooCostly;
        return inlineDepth > MarkdownFile.BigStackInlineNesting ? ReadVerdict.ParseOnBigStack : ReadVerdict.Parse;
    }

    /// <summary>The bytes themselves for UTF-8 (or ASCII-compatible) files; for UTF-16 and UTF-32, the text re-encoded as UTF-8.</summary>
    private static byte[] AsUtf8(byte[] bytes)
    {
        var (kind, bom) = TextDecoding.DetectBom(bytes);
        if (bom == 0 && TextDecoding.GuessBomlessUtf16(bytes) is { } utf16) kind = utf16;
        if (kind == FileEncodingKind.Utf8) return bytes;
        string text = TextDecoding.GetEncoding(kind).GetString(bytes, bom, bytes.Length - bom);
        return System.Text.Encoding.UTF8.GetBytes(text);
    }

    /// <summary>True for the Markdown files whose outline can be read.</summary>
    public static bool IsMarkdownPath(string path)
    {
        string ext = Path.GetExtension(path);
        return ext.Equals(".md", StringComparison.OrdinalIgnoreCase) || ext.Equals(".markdown", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Reads and parses a document outside the run for its outline, or null when a guard refuses it. Only regular, non-empty
    /// files are opened (devices, pipes and sockets report length 0; a FIFO would block), and nothing that would need a big stack.
    /// </summary>
    public static MarkdownFile? ReadForOutline(string fullPath, long maxFileSize)
    {
        var info = InputLog.Info(fullPath);
        if (!info.Exists || info.Length == 0 || info.Length > maxFileSize) return null;
        byte[] bytes;
        try { bytes = SafeFile.ReadAllBytes(fullPath, maxFileSize); }
        catch (IOException) { return null; }
        if (Check(bytes, maxFileSize, out _, out _) != ReadVerdict.Parse) return null;
        return MarkdownFile.FromBytes(fullPath, bytes);
    }
}
