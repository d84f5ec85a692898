using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Markdig;
using Markdig.Syntax;
using PolicyLint.Diagnostics;

namespace PolicyLint.Documents;

/// <summary>
/// One Markdown file, read and parsed once and shared by every rule: raw bytes, detected encoding, decoded text,
/// line map, Markdig syntax tree and front matter.
/// </summary>
public sealed class MarkdownFile
{
    private static readonly Lazy<MarkdownPipeline> LazyPipeline = new(() => new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePreciseSourceLocation()
        .UsePipeTables()
        .UseAutoLinks()
        .UseTaskLists()
        .UseEmphasisExtras()
        .UseFootnotes()
        .UseAlertBlocks()
        .WithLinearCodeSpans()
        .Build());

    private ImmutableArray<HeadingInfo> _headings;
    private SyntaxIndex? _index;
    // The per-document data the rules share (links, text regions, scans...): one slot each, see DocumentSlot. A slot array
    // costs one small allocation per document where a ConditionalWeakTable per kind cost an entry and a dependent handle,
    // which the garbage collector scans on every collection.
    private readonly object?[] _shared = new object?[DocumentSlot.Count];

    private MarkdownFile(string path, byte[] bytes, FileEncodingKind encoding, int bomLength, string text, ImmutableArray<InvalidByteSequence> invalid)
    {
        Path = path;
        Bytes = bytes;
        Encoding = encoding;
        BomLength = bomLength;
        Text = text;
        InvalidUtf8 = invalid;
        Lines = new LineMap(text);
        LineEnding = Lines.CrLfCount > Lines.LfCount ? "\r\n" : "\n";
        FrontMatter = FrontMatter.Parse(text);
        // MDX's JavaScript (imports, exports, {expressions}) is blanked out for the parser; offsets stay those of Text.
        string parsed = MdxMask.IsMdx(path) ? MdxMask.Mask(text) : text;
        // TOML and JSON front matter are not Markdown: blanked for the parser (Markdig knows only '---' front matter).
        if (FrontMatter.Kind == FrontMatterKind.Present && FrontMatter.Format != FrontMatterFormat.Yaml)
            parsed = MdxMask.Blank(parsed, FrontMatter.Span.Start, FrontMatter.Span.End);
        Syntax = Parse(parsed, FrontMatter.Kind == FrontMatterKind.Present ? FrontMatter.Span.End : 0, out var leftOut);
        LeftOut = leftOut;
    }

    /// <summary>At most this many paragraphs are left out to get the rest of a document parsed (each try is a whole parse).</summary>
    private const int MaxLeftOut = 3;

    /// <summary>
    /// Paragraphs or tables left out of <see cref="Syntax"/> (blanked for the parser; <see cref="Text"/> keeps them) because
    /// Markdig refuses a paragraph with more open delimiters than it nests (a table of 3,000 rows with bold cells, 10,000
    /// <c>*a*</c> in one paragraph): without them, the rest of the document is parsed and linted. Empty for most documents.
    /// </summary>
    internal ImmutableArray<TextSpan> LeftOut { get; }

    /// <summary>Markdig parses run on this thread (a count for tests: a refused paragraph should cost one parse, not two).</summary>
    [ThreadStatic] internal static int MarkdigParses;

    private static MarkdownDocument MarkdigParse(string text)
    {
        MarkdigParses++;
        return Markdown.Parse(text, LazyPipeline.Value);
    }

    private static MarkdownDocument Parse(string parsed, int bodyStart, out ImmutableArray<TextSpan> leftOut)
    {
        leftOut = ImmutableArray<TextSpan>.Empty;
        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        string text = parsed;
        // Paragraphs Markdig certainly refuses are left out before the first parse: its refusal comes only after work that
        // grows with the square of the paragraph's delimiters (1.6 s for a table of 3,000 rows with bold cells).
        var certain = CertainlyPastDelimiterLimit(parsed, bodyStart);
        if (certain.Count <= MaxLeftOut)
        {
            foreach (var span in certain) { text = MdxMask.Blank(text, span.Start, span.End); spans.Add(span); }
        }
        ArgumentException refused;
        try
        {
            var doc = MarkdigParse(text);
            leftOut = spans.ToImmutable();
            return doc;
        }
        catch (ArgumentException ex) when (ex.Message.Contains("depth limit")) { refused = ex; }
        for (int attempt = spans.Count; attempt < MaxLeftOut; attempt++)
        {
            if (BusiestParagraph(text) is not { } span) break;
            text = MdxMask.Blank(text, span.Start, span.End);
            spans.Add(span);
            try
            {
                var doc = MarkdigParse(text);
                leftOut = spans.ToImmutable();
                return doc;
            }
            catch (ArgumentException ex) when (ex.Message.Contains("depth limit")) { }
        }
        throw refused;
    }

    /// <summary>
    /// Top-level paragraphs (or tables) in which Markdig certainly opens more emphasis delimiters than it nests, found in
    /// linear time. Each count is a lower bound of Markdig's: only runs of one or two '*' beside an ASCII letter or digit
    /// (which always open or close), and only in a paragraph that is surely one block of inline text: it follows a blank
    /// line (or the front matter) at column 1, outside fenced code, in a document with no line starting with '&lt;' (an HTML
    /// block may span blank lines), and no line of it starts a block (each starts with a letter, '|', or '*' before a
    /// letter or digit); and it holds nothing that could take a '*' out of emphasis or close delimiters early (code spans,
    /// links, HTML, escapes, autolinks). Spans are those <see cref="BusiestParagraph"/> gives: first line to the blank line.
    /// </summary>
    internal static List<TextSpan> CertainlyPastDelimiterLimit(string text, int bodyStart)
    {
        var found = new List<TextSpan>();
        // Markdig's limit: 10,240 open delimiters parse, 10,242 are refused (measured on '*a*' runs and bold table cells).
        const int Certain = ParseCost.MarkdigDelimiterLimit + 2;
        bool inFence = false, afterBlank = true, candidate = false;
        char fence = '\0';
        int fenceLength = 0, count = 0, start = -1;
        for (int lineStart = bodyStart; lineStart <= text.Length;)
        {
            int nl = text.IndexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.Length : nl;
            int p = lineStart;
            while (p < lineEnd && (text[p] == ' ' || text[p] == '\t')) p++;
            bool blank = p >= lineEnd || (p == lineEnd - 1 && text[p] == '\r');
            int indent = p - lineStart;
            if (indent <= 3 && p < lineEnd && text[p] == '<') return []; // an HTML block: nothing is certain
            bool fenceLine = false;
            if (indent <= 3 && p + 2 < lineEnd && (text[p] == '`' || text[p] == '~') && text[p + 1] == text[p] && text[p + 2] == text[p])
            {
                int n = 0;
                while (p + n < lineEnd && text[p + n] == text[p]) n++;
                if (!inFence) { fenceLine = true; inFence = true; fence = text[p]; fenceLength = n; }
                else if (text[p] == fence && n >= fenceLength && IsBlank(text, p + n, lineEnd)) { fenceLine = true; inFence = false; }
            }
            if (blank || fenceLine || inFence)
            {
                if (candidate && start >= 0 && count >= Certain) found.Add(TextSpan.FromBounds(start, lineStart));
                candidate = false; start = -1; count = 0;
                afterBlank = blank && !inFence;
            }
            else
            {
                if (start < 0) { start = lineStart; candidate = afterBlank && indent == 0; }
                afterBlank = false;
                if (candidate) candidate = StartsInline(text, p, lineEnd) && CountCertainDelimiters(text, p, lineEnd, ref count);
            }
            if (nl < 0) break;
            lineStart = nl + 1;
        }
        if (candidate && start >= 0 && count >= Certain) found.Add(TextSpan.FromBounds(start, text.Length));
        return found;
    }

    private static bool IsBlank(string text, int from, int end)
    {
        for (int k = from; k < end; k++) if (!char.IsWhiteSpace(text[k])) return false;
        return true;
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';
    private static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    /// <summary>A line that cannot start a block inside a paragraph: it starts with a letter, '|', or '*' before a letter or digit.</summary>
    private static bool StartsInline(string text, int p, int lineEnd) =>
        IsAsciiLetter(text[p]) || text[p] == '|' || (text[p] == '*' && p + 1 < lineEnd && IsAsciiLetterOrDigit(text[p + 1]));

    /// <summary>Adds the line's certain delimiters to <paramref name="count"/>; false when the line holds anything that makes the count uncertain.</summary>
    private static bool CountCertainDelimiters(string text, int p, int lineEnd, ref int count)
    {
        for (int k = p; k < lineEnd; k++)
        {
            char c = text[k];
            switch (c)
            {
                case '`': case '<': case '[': case ']': case '\\':
                    return false;
                case ':' when k + 2 < lineEnd && text[k + 1] == '/' && text[k + 2] == '/':
                    return false;
                case 'w' when k + 3 < lineEnd && text[k + 1] == 'w' && text[k + 2] == 'w' && text[k + 3] == '.':
                    return false;
                case 'm' when string.CompareOrdinal(text, k, "mailto:", 0, 7) == 0:
                    return false;
                case 't' when string.CompareOrdinal(text, k, "tel:", 0, 4) == 0:
                    return false;
                case '*':
                {
                    int n = 1;
                    while (k + n < lineEnd && text[k + n] == '*') n++;
                    bool letterAfter = k + n < lineEnd && IsAsciiLetterOrDigit(text[k + n]);
                    bool letterBefore = k > p && IsAsciiLetterOrDigit(text[k - 1]);
                    if (n <= 2 && (letterAfter || letterBefore)) count++;
                    k += n - 1;
                    break;
                }
            }
        }
        return true;
    }

    /// <summary>
    /// The paragraph (lines between blank lines, outside fenced code) with the most characters that can open or close a
    /// delimiter, when it has more than Markdig nests in one paragraph; else null.
    /// </summary>
    private static TextSpan? BusiestParagraph(string text)
    {
        TextSpan? best = null;
        int bestCount = ParseCost.MarkdigDelimiterLimit, count = 0, start = -1;
        bool inFence = false;
        char fence = '\0';
        for (int lineStart = 0; lineStart <= text.Length;)
        {
            int nl = text.IndexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.Length : nl;
            int p = lineStart;
            while (p < lineEnd && p - lineStart < 4 && (text[p] == ' ' || text[p] == '\t')) p++;
            bool blank = true;
            for (int k = p; k < lineEnd; k++) if (!char.IsWhiteSpace(text[k])) { blank = false; break; }
            bool fenceLine = p + 2 < lineEnd && (text[p] == '`' || text[p] == '~') && text[p + 1] == text[p] && text[p + 2] == text[p]
                && (!inFence || text[p] == fence);
            if (blank || fenceLine)
            {
                if (start >= 0 && count > bestCount) { bestCount = count; best = TextSpan.FromBounds(start, lineStart); }
                start = -1; count = 0;
                if (fenceLine) { inFence = !inFence; fence = text[p]; }
            }
            else if (!inFence)
            {
                if (start < 0) start = lineStart;
                for (int k = lineStart; k < lineEnd; k++)
                    if (text[k] is '*' or '_' or '|' or '[' or ']' or '~' or '`') count++;
            }
            if (nl < 0) break;
            lineStart = nl + 1;
        }
        if (start >= 0 && count > bestCount) best = TextSpan.FromBounds(start, text.Length);
        return best;
    }

    /// <summary>The Markdig pipeline every document is parsed with (a GFM-like set of extensions chosen one by one).</summary>
    public static MarkdownPipeline Pipeline => LazyPipeline.Value;

    /// <summary>The path as given (used in diagnostics).</summary>
    public string Path { get; }
    /// <summary>The raw bytes as read from disk (BOM included).</summary>
    public byte[] Bytes { get; }
    /// <summary>The detected encoding.</summary>
    public FileEncodingKind Encoding { get; }
    /// <summary>Length in bytes of the byte-order mark, 0 when there is none.</summary>
    public int BomLength { get; }
    /// <summary>True when the file starts with a byte-order mark.</summary>
    public bool HasBom => BomLength > 0;
    /// <summary>Invalid UTF-8 sequences; each stands as one U+FFFD in <see cref="Text"/>.</summary>
    public ImmutableArray<InvalidByteSequence> InvalidUtf8 { get; }
    /// <summary>True when a UTF-16/32 file holds sequences that do not decode (each stands as U+FFFD in <see cref="Text"/>): rewriting it would lose them.</summary>
    /// <summary>True when a UTF-16 or UTF-32 file has an unpaired surrogate, an odd trailing byte or an invalid code point (shown as U+FFFD; never written back).</summary>
    public bool HasInvalidUtf16Or32 { get; private init; }
    /// <summary>The decoded text without the BOM. Every span in diagnostics refers to it.</summary>
    public string Text { get; }
    /// <summary>Offset to line/column map.</summary>
    public LineMap Lines { get; }
    /// <summary>The dominant line ending, "\n" or "\r\n"; fixes that add lines use it.</summary>
    public string LineEnding { get; }
    /// <summary>The Markdig syntax tree (precise source locations; spans are offsets in <see cref="Text"/>).</summary>
    public MarkdownDocument Syntax { get; }
    /// <summary>The front matter (never null; <see cref="FrontMatterKind.None"/> when absent).</summary>
    public FrontMatter FrontMatter { get; }

    /// <summary>The one walk of <see cref="Syntax"/>: its nodes in document order (built on first use; the engine builds it before any rule runs).</summary>
    internal SyntaxIndex Index => _index ?? System.Threading.LazyInitializer.EnsureInitialized(ref _index, () => SyntaxIndex.Build(Syntax))!;

    /// <summary>
    /// The shared value of <paramref name="slot"/> (a <see cref="DocumentSlot"/>), built by <paramref name="build"/> on first use.
    /// Two threads may both build it; both get the one stored first, as with a ConditionalWeakTable.
    /// </summary>
    internal T GetShared<T>(int slot, Func<MarkdownFile, T> build) where T : class
    {
        if (Volatile.Read(ref _shared[slot]) is { } found) return (T)found;
        T made = build(this);
        return (T)(Interlocked.CompareExchange(ref _shared[slot], made, null) ?? made);
    }

    /// <summary>Empties <paramref name="slot"/> and returns what it held (for a value whose buffer goes back to a pool).</summary>
    internal object? TakeShared(int slot) => Interlocked.Exchange(ref _shared[slot], null);

    /// <summary>Headings in document order with their GitHub anchors (duplicates get -1, -2...).</summary>
    public ImmutableArray<HeadingInfo> Headings
    {
        get
        {
            if (_headings.IsDefault) _headings = HeadingInfo.Collect(this);
            return _headings;
        }
    }

    /// <summary>Decodes and parses a file's bytes.</summary>
    public static MarkdownFile FromBytes(string path, byte[] bytes)
    {
        var (kind, bom) = TextDecoding.DetectBom(bytes);
        if (bom == 0 && TextDecoding.GuessBomlessUtf16(bytes) is { } utf16) kind = utf16;
        var invalid = new List<InvalidByteSequence>();
        bool lossy = false;
        string text;
        if (kind == FileEncodingKind.Utf8) text = TextDecoding.DecodeUtf8(bytes, bom, invalid);
        else
        {
            try
            {
                text = TextDecoding.GetStrictEncoding(kind).GetString(bytes, bom, bytes.Length - bom);
            }
            catch (DecoderFallbackException)
            {
                // An unpaired surrogate, an odd trailing byte or a code point above U+10FFFF: shown as U+FFFD, never written back.
                text = TextDecoding.GetEncoding(kind).GetString(bytes, bom, bytes.Length - bom);
                lossy = true;
            }
        }
        return new MarkdownFile(path, bytes, kind, bom, text, invalid.ToImmutableArray()) { HasInvalidUtf16Or32 = lossy };
    }

    /// <summary>
    /// Decodes a file's bytes the way the engine reads them (BOM, BOM-less UTF-16 detection, UTF-8 with invalid bytes kept as
    /// U+FFFD), without parsing: what a tool shows beside a diagnostic.
    /// </summary>
    public static string DecodeText(byte[] bytes)
    {
        var (kind, bom) = TextDecoding.DetectBom(bytes);
        if (bom == 0 && TextDecoding.GuessBomlessUtf16(bytes) is { } utf16) kind = utf16;
        return kind == FileEncodingKind.Utf8
            ? TextDecoding.DecodeUtf8(bytes, bom, new List<InvalidByteSequence>())
            : TextDecoding.GetEncoding(kind).GetString(bytes, bom, bytes.Length - bom);
    }

    /// <summary>Parses text as if it were a UTF-8 file without BOM.</summary>
    public static MarkdownFile FromText(string path, string text)
    {
        var bytes = new UTF8Encoding(false).GetBytes(text);
        return FromBytes(path, bytes);
    }

    /// <summary>True when the bytes look binary (NUL bytes in a file that is not UTF-16/32).</summary>
    public static bool IsBinary(byte[] bytes)
    {
        var (kind, bom) = TextDecoding.DetectBom(bytes);
        if (kind != FileEncodingKind.Utf8) return false;
        if (bom == 0 && TextDecoding.GuessBomlessUtf16(bytes) is not null) return false;
        return TextDecoding.LooksBinary(bytes, bom);
    }

    /// <summary>Encodes new text the way this file was encoded: same encoding, same BOM.</summary>
    public byte[] Encode(string newText)
    {
        var enc = TextDecoding.GetEncoding(Encoding);
        var body = enc.GetBytes(newText);
        if (BomLength == 0) return body;
        var result = new byte[BomLength + body.Length];
        Array.Copy(Bytes, result, BomLength);
        Array.Copy(body, 0, result, BomLength, body.Length);
        return result;
    }

    /// <summary>A location for a span of <see cref="Text"/>.</summary>
    public Location GetLocation(TextSpan span, long? byteOffset = null)
    {
        int start = Math.Min(span.Start, Text.Length), end = Math.Min(span.End, Text.Length);
        var (l1, c1) = Lines.GetPosition(start);
        var (l2, c2) = Lines.GetPosition(end);
        return new Location(Path, TextSpan.FromBounds(start, end), l1, c1, l2, c2, byteOffset);
    }

    /// <summary>A location for a Markdig node (Markdig's inclusive end is converted).</summary>
    public Location GetLocation(MarkdownObject node) => GetLocation(GetSpan(node));

    /// <summary>The span of a Markdig node in <see cref="Text"/>.</summary>
    public static TextSpan GetSpan(MarkdownObject node) =>
        node.Span.IsEmpty || node.Span.Start < 0 ? default : TextSpan.FromBounds(node.Span.Start, node.Span.End + 1);

    /// <summary>The text of a span.</summary>
    public string GetText(TextSpan span) => Text.Substring(span.Start, span.Length);

    /// <summary>Offset of <paramref name="charOffset"/> in the raw bytes (exact for UTF-8, UTF-16 and UTF-32).</summary>
    public long GetByteOffset(int charOffset)
    {
        switch (Encoding)
        {
            case FileEncodingKind.Utf16LE: case FileEncodingKind.Utf16BE: return BomLength + 2L * charOffset;
            case FileEncodingKind.Utf32LE: case FileEncodingKind.Utf32BE: return BomLength + 4L * CodePointCount(charOffset);
        }
        long bytes = BomLength;
        int inv = 0;
        for (int i = 0; i < charOffset && i < Text.Length; i++)
        {
            if (inv < InvalidUtf8.Length && InvalidUtf8[inv].CharOffset == i) { bytes += InvalidUtf8[inv].ByteLength; inv++; continue; }
            char c = Text[i];
            if (c < 0x80) bytes += 1;
            else if (c < 0x800) bytes += 2;
            else if (char.IsHighSurrogate(c) && i + 1 < Text.Length && char.IsLowSurrogate(Text[i + 1])) { bytes += 4; i++; }
            else bytes += 3;
        }
        return bytes;
    }

    private int CodePointCount(int charOffset)
    {
        int n = 0;
        for (int i = 0; i < charOffset && i < Text.Length; i++, n++)
            if (char.IsHighSurrogate(Text[i]) && i + 1 < Text.Length && char.IsLowSurrogate(Text[i + 1])) i++;
        return n;
    }

    /// <summary>Block nesting above this is refused before parsing (Markdig gives up past ~128, after quadratic work).</summary>
    internal const int MaxBlockNesting = 250;
    /// <summary>Bracket nesting above this is refused before parsing (Markdig's time grows with its square).</summary>
    internal const int MaxInlineNesting = 2000;
    /// <summary>Bracket nesting above this is parsed on a big stack.</summary>
    internal const int BigStackInlineNesting = 256;

    /// <summary>
    /// A cheap estimate of nesting: block depth (block quote markers and list-marker indentation) and inline bracket
    /// depth. Markdig refuses block nesting beyond 128 levels, after work that grows with the square of the input.
    /// </summary>
    private static ReadOnlySpan<byte> NestingStops => "\n[]()"u8;

    internal static (int Block, int Inline) EstimateNesting(byte[] bytes)
    {
        int maxBlock = 0, maxInline = 0, depth = 0, quotes = 0, indent = 0;
        bool atLineStart = true;
        ReadOnlySpan<byte> stops = NestingStops;
        for (int i = SkipFrontMatter(bytes); i < bytes.Length; i++)
        {
            byte b = bytes[i];
            if (b == (byte)'\n') { atLineStart = true; quotes = 0; indent = 0; depth = 0; continue; }
            if (!atLineStart && b != (byte)'[' && b != (byte)'(' && b != (byte)']' && b != (byte)')')
            {
                // Mid-line, only brackets and the line end matter: skip to the next one (vectorised).
                int next = bytes.AsSpan(i).IndexOfAny(stops);
                if (next < 0) break;
                i += next - 1;
                continue;
            }
            if (atLineStart)
            {
                if (b == (byte)' ') { indent++; continue; }
                if (b == (byte)'\t') { indent += 4; continue; }
                if (b == (byte)'>') { if (++quotes > maxBlock) maxBlock = quotes; continue; }
                if (b == (byte)'-' || b == (byte)'*' || b == (byte)'+' || (b >= (byte)'0' && b <= (byte)'9'))
                {
                    int listDepth = quotes + indent / 2 + 1;
                    if (listDepth > maxBlock) maxBlock = listDepth;
                }
                atLineStart = false;
            }
            if (b == (byte)'[' || b == (byte)'(') { if (++depth > maxInline) maxInline = depth; }
            else if ((b == (byte)']' || b == (byte)')') && depth > 0) depth--;
        }
        return (maxBlock, maxInline);
    }

    /// <summary>Offset just after a leading <c>---</c> ... <c>---</c>/<c>...</c> block (front matter is YAML, not Markdown), else 0.</summary>
    internal static int SkipFrontMatter(byte[] b)
    {
        int start = b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0;
        if (b.Length < start + 4 || b[start] != '-' || b[start + 1] != '-' || b[start + 2] != '-') return 0;
        int i = start + 3;
        while (i < b.Length && b[i] != '\n') i++;
        while (i < b.Length)
        {
            int line = i + 1;
            if (line + 3 <= b.Length && ((b[line] == '-' && b[line + 1] == '-' && b[line + 2] == '-') || (b[line] == '.' && b[line + 1] == '.' && b[line + 2] == '.'))
                && (line + 3 == b.Length || b[line + 3] == '\n' || b[line + 3] == '\r' || b[line + 3] == ' '))
                return line + 3;
            i = Array.IndexOf(b, (byte)'\n', line);
            if (i < 0) break;
        }
        return 0;
    }

}

/// <summary>The slots of <see cref="MarkdownFile.GetShared{T}"/>: one per kind of shared per-document data.</summary>
internal static class DocumentSlot
{
    public const int HtmlTags = 0, Links = 1, DefinitionLines = 2, ProseText = 3, HeadingOutline = 4, CharacterScan = 5, TextRegions = 6,
        MojibakeScan = 7;
    public const int Count = 8;
}
