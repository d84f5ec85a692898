using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using PolicyLint.Configuration;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;
using PolicyLint.Engine;
using PolicyLint.LanguageServer.Protocol;

namespace PolicyLint.LanguageServer;

/// <summary>
/// Lints one open document from its in-memory text through the same engine and configuration discovery as the command
/// line, and turns the findings into LSP diagnostics. Other open documents it links to are passed in memory too, so
/// anchors are checked against what the editor shows; files that are not open are read by the engine from disk.
/// </summary>
internal sealed partial class DocumentLinter
{
    private readonly LintEngine _engine;
    private readonly bool _loadPlugins;
    private readonly WorkspaceIndex _index;

    public DocumentLinter(LintEngine engine, bool loadPlugins, WorkspaceIndex index)
    {
        _engine = engine; _loadPlugins = loadPlugins; _index = index;
    }

    public LintEngine Engine => _engine;

    /// <summary>
    /// The site model, folder listings and linked outlines, kept from one lint to the next (rebuilding the site model took
    /// about a third of a lint). The server clears it when files or the configuration change.
    /// </summary>
    public WorkspaceState State { get; } = new();

    /// <summary>
    /// True when the last lint resolved links through a site model (Hugo, Jekyll, ...): there a change to any page (an alias,
    /// a permalink, a slug) or to the generator's configuration can change what every open document's links reach.
    /// </summary>
    public bool UsesSiteModel { get; private set; }

    public LintOutcome Lint(OpenDocument doc, string text, int version, int generation, IReadOnlyList<(string Path, string Text)> linkedOpen,
        CancellationToken ct)
    {
        var lines = new LineMap(text);
        string baseDir = _index.RootFor(doc.FullPath) ?? Path.GetDirectoryName(doc.FullPath) ?? Directory.GetCurrentDirectory();
        var documents = new List<InMemoryDocument>(1 + linkedOpen.Count) { new(doc.FullPath, text) };
        foreach (var (path, t) in linkedOpen) documents.Add(new InMemoryDocument(path, t));
        var request = new LintRequest
        {
            Paths = Array.Empty<string>(),
            Documents = documents,
            BaseDirectory = baseDir,
            LoadPlugins = _loadPlugins,
            MaxDegreeOfParallelism = 1,
            State = State,
        };
        LintResult result;
        try { result = _engine.Lint(request, null, ct); }
        catch (ConfigurationException ex)
        {
            return new LintOutcome(text, version, generation, lines, new(), ex);
        }
        UsesSiteModel = result.SiteModels.Count > 0;
        var items = new List<(Diagnostic, LspDiagnostic)>();
        var file = result.Files.FirstOrDefault(f => string.Equals(f.FullPath, doc.FullPath, StringComparison.Ordinal));
        if (file is not null)
            foreach (var d in file.Diagnostics)
                items.Add((d, ToLsp(d, doc, baseDir, lines)));
        return new LintOutcome(text, version, generation, lines, items, null);
    }

    public static int ToLspSeverity(Severity s) => s switch
    {
        Severity.Error => 1,
        Severity.Warning => 2,
        _ => 3,
    };

    private LspDiagnostic ToLsp(Diagnostic d, OpenDocument doc, string baseDir, LineMap lines)
    {
        var loc = d.Location;
        var range = new Protocol.Range(new Position(Math.Max(0, loc.StartLine - 1), Math.Max(0, loc.StartColumn - 1)),
            new Position(Math.Max(0, loc.EndLine - 1), Math.Max(0, loc.EndColumn - 1)));
        var lsp = new LspDiagnostic
        {
            Range = range,
            Severity = ToLspSeverity(d.Severity),
            Code = d.Id,
            CodeDescription = string.IsNullOrEmpty(d.Descriptor.HelpLink) ? null : new CodeDescription { Href = d.Descriptor.HelpLink },
            Source = "policylint",
            Message = d.Message,
        };
        if (d.Id == "PL3002") lsp.RelatedInformation = AnchorRelated(d, doc, baseDir);
        return lsp;
    }

    [GeneratedRegex("'#([^']*)'")]
    private static partial Regex QuotedAnchor();

    [GeneratedRegex(" in '([^']+)'")]
    private static partial Regex QuotedPath();

    /// <summary>For a broken anchor with a suggestion: where the suggested heading is (in this file or the linked one).</summary>
    private List<DiagnosticRelatedInformation>? AnchorRelated(Diagnostic d, OpenDocument doc, string baseDir)
    {
        var anchors = QuotedAnchor().Matches(d.Message);
        if (anchors.Count < 2) return null;
        string suggestion = anchors[1].Groups[1].Value;
        string target;
        string uri;
        if (d.Message.Contains(" in this file", StringComparison.Ordinal))
        {
            target = doc.FullPath;
            uri = doc.Uri;
        }
        else
        {
            var m = QuotedPath().Match(d.Message, anchors[0].Index + anchors[0].Length);
            if (!m.Success) return null;
            target = Path.GetFullPath(Path.Combine(baseDir, m.Groups[1].Value));
            uri = _index.UriFor(target);
        }
        var outline = _index.GetOutline(target);
        var entry = outline?.FirstOrDefault(a => a.Anchor == suggestion && a.Line >= 0);
        if (entry is null) return null;
        var pos = new Position(entry.Line, entry.Character);
        return
        [
            new DiagnosticRelatedInformation
            {
                Location = new LspLocation { Uri = uri, Range = new Protocol.Range(pos, new Position(entry.Line, entry.Character)) },
                Message = $"heading '{entry.Text}' (#{entry.Anchor})",
            },
        ];
    }
}
