using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using PolicyLint.Documents;
using PolicyLint.LanguageServer.Protocol;

namespace PolicyLint.LanguageServer;

/// <summary>A document the client has open: its text as the editor has it (not as on disk) and its latest lint.</summary>
internal sealed class OpenDocument
{
    public OpenDocument(string uri, string fullPath, bool isFile, string text, int version, bool isMarkdown)
    {
        Uri = uri; FullPath = fullPath; IsFile = isFile; Text = text; Version = version; IsMarkdown = isMarkdown;
    }

    public string Uri { get; }
    /// <summary>Where it lives, or where it is linted as (untitled documents get a path in the workspace).</summary>
    public string FullPath { get; }
    public bool IsFile { get; }
    public bool IsMarkdown { get; }
    public string Text { get; private set; }
    public int Version { get; private set; }
    /// <summary>The pending or running lint, cancelled by the next edit.</summary>
    public CancellationTokenSource? Pending { get; set; }
    public LintOutcome? Last { get; set; }

    /// <summary>Applies one change (a range edit in UTF-16 positions, or the whole text when there is no range).</summary>
    public void Apply(TextDocumentContentChangeEvent change)
    {
        if (change.Range is null) { Text = change.Text; return; }
        var map = new LineMap(Text);
        int start = OffsetOf(map, change.Range.Start);
        int end = Math.Max(start, OffsetOf(map, change.Range.End));
        Text = new StringBuilder(Text.Length - (end - start) + change.Text.Length)
            .Append(Text, 0, start).Append(change.Text).Append(Text, end, Text.Length - end).ToString();
    }

    public void SetVersion(int version) => Version = version;

    /// <summary>The offset of an LSP position, clamped into the text (a position past a line's end means its end).</summary>
    public int OffsetOf(LineMap map, Position p) => OffsetOf(map, Text, p);

    public static int OffsetOf(LineMap map, string text, Position p)
    {
        if (p.Line < 0) return 0;
        if (p.Line >= map.LineCount) return text.Length;
        int lineStart = map.GetLineStart(p.Line);
        int lineEnd = map.GetLineEnd(p.Line, text);
        return Math.Min(lineStart + Math.Max(0, p.Character), lineEnd);
    }

    public static Position PositionOf(LineMap map, int offset)
    {
        var (line, col) = map.GetPosition(offset);
        return new Position(line - 1, col - 1);
    }
}

/// <summary>One lint of one version of a document, kept for code actions, hover and pull requests.</summary>
internal sealed class LintOutcome
{
    public LintOutcome(string text, int version, int generation, LineMap lines, List<(Diagnostics.Diagnostic Engine, LspDiagnostic Lsp)> items,
        Configuration.ConfigurationException? configError)
    {
        Text = text; Version = version; Generation = generation; Lines = lines; Items = items; ConfigError = configError;
    }

    public string Text { get; }
    public int Version { get; }
    public int Generation { get; }
    public LineMap Lines { get; }
    public List<(Diagnostics.Diagnostic Engine, LspDiagnostic Lsp)> Items { get; }
    /// <summary>Set when the configuration could not be read: there are no findings, and the config file gets this error.</summary>
    public Configuration.ConfigurationException? ConfigError { get; }

    public List<LspDiagnostic> LspDiagnostics()
    {
        var list = new List<LspDiagnostic>(Items.Count);
        foreach (var i in Items) list.Add(i.Lsp);
        return list;
    }
}
