using System;
using System.Collections.Generic;
using System.IO;
using PolicyLint.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Documents;

/// <summary>What was found where front matter could be.</summary>
public enum FrontMatterKind
{
    /// <summary>The document has no front matter.</summary>
    None,
    /// <summary>Fenced front matter at the very start (it may still fail to parse: see <see cref="FrontMatter.Error"/>).</summary>
    Present,
    /// <summary>An opening <c>---</c> with no closing <c>---</c> or <c>...</c>.</summary>
    Unclosed,
    /// <summary>A fenced YAML block that is not at the very start (after blank lines).</summary>
    NotAtStart,
}

/// <summary>The syntax front matter is written in.</summary>
public enum FrontMatterFormat
{
    /// <summary>YAML between <c>---</c> lines.</summary>
    Yaml,
    /// <summary>TOML between <c>+++</c> lines (Hugo).</summary>
    Toml,
    /// <summary>A JSON object at the start of the file (Hugo).</summary>
    Json,
}

/// <summary>A YAML problem, located in the document's text.</summary>
public sealed class FrontMatterError
{
    internal FrontMatterError(string message, TextSpan span) { Message = message; Span = span; }
    /// <summary>What is wrong.</summary>
    public string Message { get; }
    /// <summary>Where, in the document's text.</summary>
    public TextSpan Span { get; }
}

/// <summary>The document's YAML front matter, parsed with positions kept (YamlDotNet's representation model).</summary>
public sealed class FrontMatter
{
    /// <summary>Nesting deeper than this is refused rather than parsed.</summary>
    public const int MaxDepth = 64;
    /// <summary>More alias uses than this are refused (alias bombs).</summary>
    public const int MaxAliases = 100;
    /// <summary>Aliases that stand for more nodes than this in all are refused (alias bombs under <see cref="MaxAliases"/>).</summary>
    public const int MaxExpandedNodes = 100_000;

    private FrontMatter(FrontMatterKind kind, TextSpan span, TextSpan contentSpan, string yaml)
    {
        Kind = kind; Span = span; ContentSpan = contentSpan; Yaml = yaml;
    }

    /// <summary>No front matter.</summary>
    public static FrontMatter Empty { get; } = new(FrontMatterKind.None, default, default, string.Empty);

    /// <summary>What was found.</summary>
    public FrontMatterKind Kind { get; }
    /// <summary>The whole block, fences included.</summary>
    public TextSpan Span { get; }
    /// <summary>The YAML between the fences.</summary>
    public TextSpan ContentSpan { get; }
    /// <summary>The YAML text.</summary>
    public string Yaml { get; }
    /// <summary>The root node, or null when absent, empty or broken.</summary>
    internal YamlNode? Root { get; private set; }
    /// <summary>The root as a mapping, or null.</summary>
    internal YamlMappingNode? Mapping => Root as YamlMappingNode;
    /// <summary>The parse error, if any.</summary>
    public FrontMatterError? Error { get; private set; }
    /// <summary>The span of the opening fence line (for diagnostics about the block as a whole).</summary>
    public TextSpan OpeningFenceSpan { get; private set; }

    /// <summary>
    /// The front matter in PolicyLint's value model (no YamlDotNet type): every key and value with its 1-based line and column
    /// in the document and its span in the document's text. Null when absent, empty or broken.
    /// </summary>
    public Values.ValueNode? Value
    {
        get
        {
            if (Root is null) return null;
            var v = System.Threading.Volatile.Read(ref _value);
            if (v is not null) return v;
            // Present front matter opens with '---' on line 1, so its YAML starts at line 2, column 1.
            // JSON front matter starts on line 1 itself.
            int lineOffset = Format == FrontMatterFormat.Json ? 0 : 1;
            v = Values.YamlConversion.TryToValue(Root, null, m => ((int)m.Line + lineOffset, (int)m.Column, ToOffset(m)));
            System.Threading.Interlocked.CompareExchange(ref _value, v, null);
            return _value;
        }
    }

    private Values.ValueNode? _value;

    /// <summary>How the front matter is written: YAML between <c>---</c> lines, TOML between <c>+++</c> lines (Hugo), or a JSON object (Hugo).</summary>
    public FrontMatterFormat Format { get; private set; }

    /// <summary>The front matter's top-level fields (<see cref="Value"/> when it is a mapping), or null.</summary>
    public Values.MappingValue? Fields => Value as Values.MappingValue;

    /// <summary>Converts a YAML mark to an offset in the document's text.</summary>
    internal int ToOffset(Mark mark) => ContentSpan.Start + (int)Math.Min(mark.Index, ContentSpan.Length);

    /// <summary>The span of <paramref name="node"/> in the document's text.</summary>
    internal TextSpan GetSpan(YamlNode node)
    {
        int start = ToOffset(node.Start), end = ToOffset(node.End);
        return TextSpan.FromBounds(start, Math.Max(start, end));
    }

    /// <summary>Looks up a top-level key; null when absent.</summary>
    internal YamlNode? this[string key] => TryGetEntry(key, out _, out var v) ? v : null;

    /// <summary>Finds a top-level entry with its key node.</summary>
    internal bool TryGetEntry(string key, out YamlScalarNode keyNode, out YamlNode value)
    {
        if (Mapping is { } map)
            foreach (var kv in map.Children)
                if (kv.Key is YamlScalarNode k && k.Value == key) { keyNode = k; value = kv.Value; return true; }
        keyNode = null!; value = null!;
        return false;
    }

    private static readonly char[] FenceTrim = ['\r', ' ', '\t'];

    internal static FrontMatter Parse(string text)
    {
        if (TomlFrontMatter.TryParse(text, out var toml)) return toml;
        if (TomlFrontMatter.TryParseJson(text, out var json)) return json;
        // Opening fence: '---' and only spaces or tabs after it, on the very first line.
        if (!StartsWithFence(text, 0, out int afterOpen))
            return DetectNotAtStart(text);
        int lineStart = afterOpen;
        while (lineStart < text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            int contentEnd = lineEnd < 0 ? text.Length : lineEnd;
            // Compared in place: a substring per line of front matter was most of what finding the fence allocated.
            var line = text.AsSpan(lineStart, contentEnd - lineStart).TrimEnd(FenceTrim);
            if (line.SequenceEqual("---".AsSpan()) || line.SequenceEqual("...".AsSpan()))
            {
                int blockEnd = lineEnd < 0 ? text.Length : lineEnd + 1;
                var fm = new FrontMatter(FrontMatterKind.Present, TextSpan.FromBounds(0, blockEnd),
                    TextSpan.FromBounds(afterOpen, lineStart), text.Substring(afterOpen, lineStart - afterOpen));
                fm.OpeningFenceSpan = new TextSpan(0, 3);
                fm.Load();
                return fm;
            }
            if (lineEnd < 0) break;
            lineStart = lineEnd + 1;
        }
        return new FrontMatter(FrontMatterKind.Unclosed, new TextSpan(0, 3), TextSpan.FromBounds(afterOpen, text.Length), string.Empty)
        { OpeningFenceSpan = new TextSpan(0, 3) };
    }

    private static bool StartsWithFence(string text, int at, out int afterLine)
    {
        afterLine = 0;
        if (string.CompareOrdinal(text, at, "---", 0, 3) != 0) return false;
        int i = at + 3;
        while (i < text.Length && (text[i] == ' ' || text[i] == '\t')) i++;
        if (i < text.Length && text[i] == '\r') i++;
        if (i < text.Length && text[i] != '\n') return false;
        if (i >= text.Length) return false;
        afterLine = i + 1;
        return true;
    }

    private static FrontMatter DetectNotAtStart(string text)
    {
        // Blank lines (or leading spaces) then a fence, then 'key:' lines, then a fence: front matter that slipped down.
        int i = 0;
        while (i < text.Length && (text[i] == '\n' || text[i] == '\r' || text[i] == ' ' || text[i] == '\t' || text[i] == '\uFEFF')) i++;
        if (i == 0 || i >= text.Length) return Empty;
        int lineStart = i;
        while (lineStart > 0 && text[lineStart - 1] != '\n') lineStart--;
        if (!StartsWithFence(text, i, out int after) || i != lineStart) return Empty;
        int close = text.IndexOf("\n---", after - 1, StringComparison.Ordinal);
        if (close < 0) return Empty;
        string body = text.Substring(after, close + 1 - after);
        if (body.IndexOf(':') < 0) return Empty;
        return new FrontMatter(FrontMatterKind.NotAtStart, new TextSpan(i, 3), TextSpan.FromBounds(after, close + 1), body)
        { OpeningFenceSpan = new TextSpan(i, 3) };
    }

    /// <summary>Front matter in another syntax, given as YAML of the same layout (every key and value at its own offset).</summary>
    internal static FrontMatter FromEquivalentYaml(FrontMatterFormat format, TextSpan span, TextSpan contentSpan, string yaml, TextSpan fence)
    {
        var fm = new FrontMatter(FrontMatterKind.Present, span, contentSpan, yaml) { Format = format, OpeningFenceSpan = fence };
        fm.Load();
        return fm;
    }

    private void Load()
    {
        if (string.IsNullOrWhiteSpace(Yaml)) return;
        GuardedParser? guarded = null;
        try
        {
            var stream = new YamlStream();
            stream.Load(guarded = new GuardedParser(new Parser(new StringReader(Yaml))));
            if (stream.Documents.Count > 0) Root = stream.Documents[0].RootNode;
            if (stream.Documents.Count > 1)
                Error = new FrontMatterError("Front matter holds more than one YAML document", OpeningFenceSpan);
        }
        catch (YamlException ex)
        {
            string msg = ex.InnerException is YamlException inner && !string.IsNullOrEmpty(inner.Message) ? inner.Message : ex.Message;
            msg = CleanMessage(msg);
            int start = ToOffset(ex.Start), end = ToOffset(ex.End);
            if (ex.Start.Index == 0 && ex.End.Index == 0 && FindUnpositioned(msg) is { } found)
            {
                // YamlDotNet reports some errors (tab indentation, unknown anchors) at the start of the stream: find the culprit.
                start = ContentSpan.Start + found.Start; end = ContentSpan.Start + found.End;
            }
            Error = new FrontMatterError(msg, TextSpan.FromBounds(start, Math.Max(start + (start < ContentSpan.End ? 1 : 0), end)));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this without a position on some unterminated flow collections.
            Error = new FrontMatterError("Invalid YAML (an unterminated '[' or '{' collection?)", OpeningFenceSpan);
        }
        catch (ArgumentException ex) when (guarded?.Current is { } at)
        {
            // YamlDotNet's loader meets events it does not expect with an ArgumentException: the YAML is invalid there.
            int start = ToOffset(at.Start);
            string msg = ex.Message;
            int p = msg.IndexOf(" (Parameter ", StringComparison.Ordinal);
            Error = new FrontMatterError("Invalid YAML: " + CleanMessage(p > 0 ? msg.Substring(0, p) : msg),
                TextSpan.FromBounds(start, Math.Max(start + 1, ToOffset(at.End))));
        }
        catch (InsufficientExecutionStackException)
        {
            Error = new FrontMatterError($"YAML is nested too deeply", OpeningFenceSpan);
        }
    }

    /// <summary>For errors YamlDotNet places at index 0: the span (in <see cref="Yaml"/>) of what the message is about, or null.</summary>
    private TextSpan? FindUnpositioned(string msg)
    {
        if (msg.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            // The first line whose indentation holds a tab.
            for (int i = 0; i < Yaml.Length; i = Yaml.IndexOf('\n', i) is int n && n >= 0 ? n + 1 : Yaml.Length)
            {
                int j = i;
                while (j < Yaml.Length && (Yaml[j] == ' ' || Yaml[j] == '\t')) j++;
                if (j < Yaml.Length && Yaml[j] != '\n' && Yaml[j] != '\r' && Yaml.IndexOf('\t', i, j - i) is int t && t >= 0)
                    return new TextSpan(t, 1);
            }
        }
        const string anchor = "The anchor '";
        int a = msg.IndexOf(anchor, StringComparison.Ordinal);
        if (a >= 0)
        {
            int b = msg.IndexOf('\'', a + anchor.Length);
            if (b > a)
            {
                string alias = "*" + msg.Substring(a + anchor.Length, b - a - anchor.Length);
                int at = Yaml.IndexOf(alias, StringComparison.Ordinal);
                if (at >= 0) return new TextSpan(at, alias.Length);
            }
        }
        return null;
    }

    private static string CleanMessage(string msg)
    {
        // YamlDotNet prefixes "(Line: 2, Col: 1, Idx: 10) - (Line: ...): "; positions are reported separately.
        int i = msg.IndexOf("): ", StringComparison.Ordinal);
        if (msg.StartsWith("(Line:", StringComparison.Ordinal) && i >= 0) msg = msg.Substring(i + 3);
        return msg.TrimEnd('.');
    }

    /// <summary>
    /// Wraps YamlDotNet's parser to refuse alias bombs and very deep nesting before they cost memory or stack, and to
    /// report duplicate keys with both positions.
    /// </summary>
    internal sealed class GuardedParser : IParser
    {
        private readonly IParser _inner;
        private readonly Dictionary<string, long> _anchorSizes = new(StringComparer.Ordinal);
        private readonly Stack<Frame> _frames = new();
        private int _depth, _aliases;
        private long _expanded, _fromAliases;

        public GuardedParser(IParser inner) => _inner = inner;
        public ParsingEvent? Current => _inner.Current;

        public bool MoveNext()
        {
            if (!_inner.MoveNext()) return false;
            var ev = _inner.Current!;
            // AnchorAlias is not a NodeEvent, but it stands for a node: it takes a key's or a value's place.
            if (ev is NodeEvent or AnchorAlias)
            {
                if (_frames.Count > 0 && _frames.Peek() is { IsMapping: true } map)
                {
                    if (map.ExpectKey && ev is Scalar key && key.Value is not null)
                    {
                        if (map.Keys.TryGetValue(key.Value, out var first))
                            throw new DuplicateKeyException(key.Start, key.End, key.Value, first);
                        map.Keys[key.Value] = key.Start;
                    }
                    if (map.ExpectKey) map.LastKey = ev;
                    map.ExpectKey = !map.ExpectKey;
                }
                long size = 1;
                if (ev is AnchorAlias alias)
                {
                    if (++_aliases > MaxAliases)
                        throw new YamlException(ev.Start, ev.End, $"YAML uses more than {MaxAliases} aliases");
                    size = _anchorSizes.TryGetValue(alias.Value.Value, out long s) ? s : 1;
                }
                _expanded += size;
                if (ev is AnchorAlias) _fromAliases += size;
                if (_fromAliases > MaxExpandedNodes)
                    throw new YamlException(ev.Start, ev.End, $"YAML aliases expand to more than {MaxExpandedNodes:N0} nodes (an alias bomb?)");
                if (ev is MappingStart or SequenceStart)
                {
                    if (++_depth > MaxDepth)
                        throw new YamlException(ev.Start, ev.End, $"YAML is nested more than {MaxDepth} levels deep");
                    var anchor = ((NodeEvent)ev).Anchor;
                    _frames.Push(new Frame(ev is MappingStart, anchor.IsEmpty ? null : anchor.Value, _expanded));
                }
                else if (ev is Scalar scalar && !scalar.Anchor.IsEmpty) _anchorSizes[scalar.Anchor.Value] = 1;
            }
            else if (ev is MappingEnd or SequenceEnd)
            {
                // A key with no value: YamlDotNet's parser yields one for an alias after a value on the same line
                // ('title: "x" *a'), and its loader then throws an ArgumentException without a position.
                if (ev is MappingEnd && _frames.Count > 0 && _frames.Peek() is { IsMapping: true, ExpectKey: false, LastKey: { } orphan })
                    throw new YamlException(orphan.Start, orphan.End, orphan is AnchorAlias a
                        ? $"The alias '*{a.Value.Value}' follows a value, where a key is expected; an alias stands for a whole value (put it alone after the key, or quote the text)"
                        : "A mapping key has no value");
                _depth--;
                if (_frames.Count > 0)
                {
                    var f = _frames.Pop();
                    if (f.Anchor is not null) _anchorSizes[f.Anchor] = _expanded - f.StartCount + 1;
                }
            }
            return true;
        }

        private sealed class Frame
        {
            public Frame(bool isMapping, string? anchor, long startCount) { IsMapping = isMapping; Anchor = anchor; StartCount = startCount; }
            public bool IsMapping { get; }
            public string? Anchor { get; }
            public long StartCount { get; }
            public bool ExpectKey { get; set; } = true;
            public ParsingEvent? LastKey { get; set; }
            public Dictionary<string, Mark> Keys { get; } = new(StringComparer.Ordinal);
        }
    }

    private sealed class DuplicateKeyException : YamlException
    {
        public DuplicateKeyException(Mark start, Mark end, string key, Mark first)
            : base(start, end, $"Duplicate key '{key}' (first defined on line {first.Line + 1}); a key may appear only once") { }
    }
}
