using System;
using System.Threading;
using Markdig.Syntax;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace PolicyLint.Analysis;

/// <summary>Where an analyzer registers its actions (Roslyn's AnalysisContext with Markdown nouns).</summary>
public abstract class AnalysisContext
{
    /// <summary>Runs once per document with the whole file: bytes, text, syntax tree, front matter.</summary>
    public abstract void RegisterDocumentAction(Action<DocumentAnalysisContext> action);

    /// <summary>Runs once per document for its front matter (also when there is none: check <see cref="FrontMatter.Kind"/>).</summary>
    public abstract void RegisterFrontMatterAction(Action<FrontMatterAnalysisContext> action);

    /// <summary>Runs for each Markdig node of type <typeparamref name="TNode"/> (blocks and inlines; subclasses included).</summary>
    public abstract void RegisterNodeAction<TNode>(Action<NodeAnalysisContext<TNode>> action) where TNode : MarkdownObject;

    /// <summary>Runs once per lint run, before any document; register per-run state and a workspace-end action there (cross-file rules).</summary>
    public abstract void RegisterWorkspaceStartAction(Action<WorkspaceStartAnalysisContext> action);
}

/// <summary>The per-run scope of a cross-file analyzer: per-document actions that collect, and an end action that reports.</summary>
public abstract class WorkspaceStartAnalysisContext : AnalysisContext
{
    /// <summary>The files and root of this run, path lookups, target resolution and other documents' outlines.</summary>
    public abstract AnalysisWorkspace Workspace { get; }
    /// <summary>Cancellation for the run.</summary>
    public abstract CancellationToken CancellationToken { get; }
    /// <summary>Runs after every document has been analysed.</summary>
    public abstract void RegisterWorkspaceEndAction(Action<WorkspaceEndAnalysisContext> action);
}

/// <summary>What the engine knows about one document of the run, shared by the contexts of its actions.</summary>
internal sealed class DocumentScope
{
    private DocumentOutline? _outline;

    public DocumentScope(MarkdownFile file, string fullPath, AnalysisWorkspace workspace, SharedSettings settings,
        Func<RuleDescriptor, RuleOptions> options, Func<RuleDescriptor, bool> isEnabled, Action<DocumentOutline>? outlineBuilt,
        CancellationToken cancellationToken)
    {
        File = file; FullPath = fullPath; Workspace = workspace; Settings = settings; Options = options; IsEnabled = isEnabled;
        OutlineBuilt = outlineBuilt; CancellationToken = cancellationToken;
    }

    public MarkdownFile File { get; }
    public string FullPath { get; }
    public AnalysisWorkspace Workspace { get; }
    public SharedSettings Settings { get; }
    public Func<RuleDescriptor, RuleOptions> Options { get; }
    public Func<RuleDescriptor, bool> IsEnabled { get; }
    public Action<DocumentOutline>? OutlineBuilt { get; }
    public CancellationToken CancellationToken { get; }

    public DocumentOutline Outline
    {
        get
        {
            var o = Volatile.Read(ref _outline);
            if (o is not null) return o;
            o = DocumentOutline.Create(File, Settings.SlugStyle);
            if (Interlocked.CompareExchange(ref _outline, o, null) is { } won) return won;
            OutlineBuilt?.Invoke(o);
            return o;
        }
    }
}

/// <summary>Common members of the per-document contexts.</summary>
public abstract class DocumentContextBase
{
    private readonly Action<Diagnostic> _report;
    private readonly DocumentScope _scope;

    internal DocumentContextBase(DocumentScope scope, Action<Diagnostic> report)
    {
        _scope = scope; _report = report;
    }

    internal DocumentScope Scope => _scope;

    /// <summary>The document.</summary>
    public MarkdownFile File => _scope.File;
    /// <summary>The full path of the document on disk (where it would be, for in-memory documents).</summary>
    public string FullPath => _scope.FullPath;
    /// <summary>The run's files and root, path lookups, target resolution and other documents' outlines.</summary>
    public AnalysisWorkspace Workspace => _scope.Workspace;
    /// <summary>The settings shared by several rules (site roots, index files, slug style...) that apply to this document.</summary>
    public SharedSettings Settings => _scope.Settings;
    /// <summary>Cancellation for the run.</summary>
    public CancellationToken CancellationToken => _scope.CancellationToken;
    /// <summary>Shortcut for <c>File.FrontMatter</c>.</summary>
    public FrontMatter FrontMatter => File.FrontMatter;
    /// <summary>This document's anchors (headings in the configured slug style, custom ids, HTML ids), built once per document.</summary>
    public DocumentOutline Outline => _scope.Outline;

    /// <summary>The options configured for <paramref name="rule"/> in this file (empty when none), each value with its location.</summary>
    public RuleOptions GetOptions(RuleDescriptor rule) => _scope.Options(rule);

    /// <summary>True when <paramref name="rule"/> reports anything in this file; skip expensive work otherwise.</summary>
    public bool IsEnabled(RuleDescriptor rule) => _scope.IsEnabled(rule);

    /// <summary>Resolves a link target or path written in this document (see <see cref="AnalysisWorkspace.ResolveTarget"/>).</summary>
    public ResolvedTarget ResolveTarget(string target) => Workspace.ResolveTarget(target, FullPath, Settings);

    /// <summary>Reports a diagnostic (its severity is then adjusted by configuration and suppressions).</summary>
    public void ReportDiagnostic(Diagnostic diagnostic) => _report(diagnostic);

    /// <summary>Reports <paramref name="rule"/> on <paramref name="span"/> of the text.</summary>
    public void Report(RuleDescriptor rule, TextSpan span, params object?[] arguments) =>
        _report(Diagnostic.Create(rule, File.GetLocation(span), arguments));

    /// <summary>Reports <paramref name="rule"/> on <paramref name="span"/> with a fix.</summary>
    public void Report(RuleDescriptor rule, TextSpan span, Fix? fix, params object?[] arguments) =>
        _report(Diagnostic.Create(rule, File.GetLocation(span), fix, arguments));

    /// <summary>Reports <paramref name="rule"/> on a Markdig node.</summary>
    public void Report(RuleDescriptor rule, MarkdownObject node, params object?[] arguments) =>
        _report(Diagnostic.Create(rule, File.GetLocation(node), arguments));
}

/// <summary>Context of a document action.</summary>
public sealed class DocumentAnalysisContext : DocumentContextBase
{
    internal DocumentAnalysisContext(DocumentScope scope, Action<Diagnostic> report) : base(scope, report) { }

    /// <summary>The Markdig syntax tree.</summary>
    public MarkdownDocument Syntax => File.Syntax;
}

/// <summary>Context of a front matter action.</summary>
public sealed class FrontMatterAnalysisContext : DocumentContextBase
{
    internal FrontMatterAnalysisContext(DocumentScope scope, Action<Diagnostic> report) : base(scope, report) { }
}

/// <summary>Context of a node action.</summary>
public sealed class NodeAnalysisContext<TNode> : DocumentContextBase where TNode : MarkdownObject
{
    internal NodeAnalysisContext(TNode node, DocumentScope scope, Action<Diagnostic> report) : base(scope, report)
    {
        Node = node;
    }

    /// <summary>The node.</summary>
    public TNode Node { get; }
}

/// <summary>Context of a workspace-end action: report cross-file findings on any file of the run.</summary>
public sealed class WorkspaceEndAnalysisContext
{
    private readonly Action<Diagnostic> _report;
    private readonly Func<RuleDescriptor, string, RuleOptions> _options;

    internal WorkspaceEndAnalysisContext(AnalysisWorkspace workspace, Action<Diagnostic> report, Func<RuleDescriptor, string, RuleOptions> options,
        CancellationToken ct)
    {
        Workspace = workspace; _report = report; _options = options; CancellationToken = ct;
    }

    /// <summary>The run's files and root, path lookups, target resolution and other documents' outlines.</summary>
    public AnalysisWorkspace Workspace { get; }
    /// <summary>Cancellation for the run.</summary>
    public CancellationToken CancellationToken { get; }
    /// <summary>The options of <paramref name="rule"/> for the file at <paramref name="fullPath"/>.</summary>
    public RuleOptions GetOptions(RuleDescriptor rule, string fullPath) => _options(rule, fullPath);
    /// <summary>The shared settings for the file at <paramref name="fullPath"/>.</summary>
    public SharedSettings GetSettings(string fullPath) => Workspace.GetSettings(fullPath);
    /// <summary>Reports a diagnostic; its location's path must be a file of the run (as <see cref="MarkdownFile.Path"/>).</summary>
    public void ReportDiagnostic(Diagnostic diagnostic) => _report(diagnostic);
}
