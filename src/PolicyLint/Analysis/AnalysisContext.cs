using System;
using System.Threading;
using Markdig.Syntax;
using PolicyLint.Configuration;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;
using PolicyLint.Engine;

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
    /// <summary>The files and root of this run.</summary>
    public abstract Workspace Workspace { get; }
    /// <summary>Cancellation for the run.</summary>
    public abstract CancellationToken CancellationToken { get; }
    /// <summary>Runs after every document has been analysed.</summary>
    public abstract void RegisterWorkspaceEndAction(Action<WorkspaceEndAnalysisContext> action);
}

/// <summary>Common members of the per-document contexts.</summary>
public abstract class DocumentContextBase
{
    private readonly Action<Diagnostic> _report;
    private readonly Func<RuleDescriptor, bool> _isEnabled;

    internal DocumentContextBase(MarkdownFile file, Workspace workspace, FileConfiguration configuration, Action<Diagnostic> report,
        Func<RuleDescriptor, bool> isEnabled, CancellationToken cancellationToken)
    {
        File = file; Workspace = workspace; Configuration = configuration; _report = report; _isEnabled = isEnabled;
        CancellationToken = cancellationToken;
    }

    /// <summary>The document.</summary>
    public MarkdownFile File { get; }
    /// <summary>The run's files and root.</summary>
    public Workspace Workspace { get; }
    /// <summary>The configuration that applies to this file.</summary>
    public FileConfiguration Configuration { get; }
    /// <summary>Cancellation for the run.</summary>
    public CancellationToken CancellationToken { get; }
    /// <summary>Shortcut for <c>File.FrontMatter</c>.</summary>
    public FrontMatter FrontMatter => File.FrontMatter;

    /// <summary>The options configured for <paramref name="rule"/> in this file (empty when none).</summary>
    public RuleOptions GetOptions(RuleDescriptor rule) => Configuration.GetOptions(rule);

    /// <summary>True when <paramref name="rule"/> reports anything in this file; skip expensive work otherwise.</summary>
    public bool IsEnabled(RuleDescriptor rule) => _isEnabled(rule);

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
    internal DocumentAnalysisContext(MarkdownFile file, Workspace workspace, FileConfiguration configuration, Action<Diagnostic> report,
        Func<RuleDescriptor, bool> isEnabled, CancellationToken ct) : base(file, workspace, configuration, report, isEnabled, ct) { }

    /// <summary>The Markdig syntax tree.</summary>
    public MarkdownDocument Syntax => File.Syntax;
}

/// <summary>Context of a front matter action.</summary>
public sealed class FrontMatterAnalysisContext : DocumentContextBase
{
    internal FrontMatterAnalysisContext(MarkdownFile file, Workspace workspace, FileConfiguration configuration, Action<Diagnostic> report,
        Func<RuleDescriptor, bool> isEnabled, CancellationToken ct) : base(file, workspace, configuration, report, isEnabled, ct) { }
}

/// <summary>Context of a node action.</summary>
public sealed class NodeAnalysisContext<TNode> : DocumentContextBase where TNode : MarkdownObject
{
    internal NodeAnalysisContext(TNode node, MarkdownFile file, Workspace workspace, FileConfiguration configuration, Action<Diagnostic> report,
        Func<RuleDescriptor, bool> isEnabled, CancellationToken ct) : base(file, workspace, configuration, report, isEnabled, ct)
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
    private readonly Func<string, FileConfiguration> _config;

    internal WorkspaceEndAnalysisContext(Workspace workspace, Action<Diagnostic> report, Func<string, FileConfiguration> config, CancellationToken ct)
    {
        Workspace = workspace; _report = report; _config = config; CancellationToken = ct;
    }

    /// <summary>The run's files and root.</summary>
    public Workspace Workspace { get; }
    /// <summary>Cancellation for the run.</summary>
    public CancellationToken CancellationToken { get; }
    /// <summary>The configuration of the file at <paramref name="fullPath"/>.</summary>
    public FileConfiguration GetConfiguration(string fullPath) => _config(fullPath);
    /// <summary>Reports a diagnostic; its location's path must be a file of the run (as <see cref="MarkdownFile.Path"/>).</summary>
    public void ReportDiagnostic(Diagnostic diagnostic) => _report(diagnostic);
}
