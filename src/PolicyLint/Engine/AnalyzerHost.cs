using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Markdig.Syntax;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Engine;

namespace PolicyLint.Engine;

/// <summary>The actions one analyzer registered, for one run.</summary>
internal sealed class AnalyzerActions
{
    public AnalyzerActions(MarkdownAnalyzer analyzer)
    {
        Analyzer = analyzer;
        Rules = analyzer.SupportedRules.IsDefault ? ImmutableArray<RuleDescriptor>.Empty : analyzer.SupportedRules;
        RuleIds = new HashSet<string>(Rules.Select(r => r.Id), StringComparer.Ordinal);
    }

    public MarkdownAnalyzer Analyzer { get; }
    public ImmutableArray<RuleDescriptor> Rules { get; }
    public HashSet<string> RuleIds { get; }
    public List<Action<DocumentAnalysisContext>> Document { get; } = new();
    public List<Action<FrontMatterAnalysisContext>> FrontMatter { get; } = new();
    public List<(Type Type, Action<MarkdownObject, Func<MarkdownObject, DocumentContextBase>> Invoke)> Nodes { get; } = new();
    public List<Action<WorkspaceStartAnalysisContext>> WorkspaceStart { get; } = new();
    public List<Action<WorkspaceEndAnalysisContext>> WorkspaceEnd { get; } = new();
    public bool HasDocumentWork => Document.Count > 0 || FrontMatter.Count > 0 || Nodes.Count > 0;
}

/// <summary>Collects registrations (both at initialization and in workspace start).</summary>
internal sealed class Registrar : WorkspaceStartAnalysisContext
{
    private readonly AnalyzerActions _into;
    private readonly bool _inWorkspace;
    private readonly AnalysisWorkspace? _workspace;
    private readonly CancellationToken _ct;

    public Registrar(AnalyzerActions into, bool inWorkspace, AnalysisWorkspace? workspace, CancellationToken ct)
    {
        _into = into; _inWorkspace = inWorkspace; _workspace = workspace; _ct = ct;
    }

    public override AnalysisWorkspace Workspace => _workspace ?? throw new InvalidOperationException("No workspace outside a workspace-start action");
    public override CancellationToken CancellationToken => _ct;

    public override void RegisterDocumentAction(Action<DocumentAnalysisContext> action) => _into.Document.Add(action ?? throw new ArgumentNullException(nameof(action)));
    public override void RegisterFrontMatterAction(Action<FrontMatterAnalysisContext> action) => _into.FrontMatter.Add(action ?? throw new ArgumentNullException(nameof(action)));

    public override void RegisterNodeAction<TNode>(Action<NodeAnalysisContext<TNode>> action)
    {
        if (action is null) throw new ArgumentNullException(nameof(action));
        _into.Nodes.Add((typeof(TNode), (node, make) =>
        {
            var b = (NodeContextSeed)make(node);
            action(new NodeAnalysisContext<TNode>((TNode)node, b.Scope, b.Reporter));
        }));
    }

    public override void RegisterWorkspaceStartAction(Action<WorkspaceStartAnalysisContext> action)
    {
        if (_inWorkspace) throw new InvalidOperationException("A workspace-start action cannot register another one");
        _into.WorkspaceStart.Add(action ?? throw new ArgumentNullException(nameof(action)));
    }

    public override void RegisterWorkspaceEndAction(Action<WorkspaceEndAnalysisContext> action)
    {
        if (!_inWorkspace) throw new InvalidOperationException("Register workspace-end actions inside a workspace-start action");
        _into.WorkspaceEnd.Add(action ?? throw new ArgumentNullException(nameof(action)));
    }
}

/// <summary>Carries what a node context needs without building one per node for nothing.</summary>
internal sealed class NodeContextSeed : DocumentContextBase
{
    public NodeContextSeed(DocumentScope scope, Action<Diagnostic> report) : base(scope, report)
    {
        Reporter = report;
    }
    public Action<Diagnostic> Reporter { get; }
}

/// <summary>Dispatch table from concrete node types to the node actions that accept them.</summary>
internal sealed class NodeDispatch
{
    private readonly List<(AnalyzerActions Owner, Type Type, Action<MarkdownObject, Func<MarkdownObject, DocumentContextBase>> Invoke)> _all;
    private readonly ConcurrentDictionary<Type, (AnalyzerActions Owner, Action<MarkdownObject, Func<MarkdownObject, DocumentContextBase>> Invoke)[]> _byType = new();

    public NodeDispatch(IEnumerable<AnalyzerActions> analyzers)
    {
        _all = analyzers.SelectMany(a => a.Nodes.Select(n => (a, n.Type, n.Invoke))).ToList();
    }

    public bool IsEmpty => _all.Count == 0;

    public (AnalyzerActions Owner, Action<MarkdownObject, Func<MarkdownObject, DocumentContextBase>> Invoke)[] For(Type type) =>
        _byType.TryGetValue(type, out var hit) ? hit
            : _byType.GetOrAdd(type, _all.Where(x => x.Type.IsAssignableFrom(type)).Select(x => (x.Owner, x.Invoke)).ToArray());
}
