using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;
using PolicyLint.Documents;

namespace PolicyLint.Rules.Links;

/// <summary>Links to an anchor must match a heading or id of the target document.</summary>
[MarkdownAnalyzer]
internal sealed class PL3002AnchorMissing : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL3002", name: "anchor-missing",
        title: "Links to an anchor must match a heading or id of the target document",
        messageFormat: "Anchor '#{0}' {1}",
        category: RuleCategory.Links, defaultSeverity: Severity.Error, hasFix: true);

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    /// <summary>A link to another Markdown file's anchor, resolved once every file has been read.</summary>
    private sealed record Pending(string TargetFullPath, string Fragment, Location Location, TextSpan? FragmentSpan);

    public override void Initialize(AnalysisContext context) => context.RegisterWorkspaceStartAction(ws =>
    {
        var pending = new ConcurrentQueue<Pending>();
        ws.RegisterDocumentAction(c => Collect(c, pending));
        ws.RegisterWorkspaceEndAction(end =>
        {
            foreach (var p in pending)
            {
                end.CancellationToken.ThrowIfCancellationRequested();
                var anchors = end.Workspace.GetOutline(p.TargetFullPath);
                if (anchors is null || Anchors.Contains(anchors, p.Fragment)) continue;
                string where = "in '" + end.Workspace.GetDisplayPath(p.TargetFullPath) + "'";
                var (message, fix) = Describe(p.Fragment, anchors, where, p.FragmentSpan);
                end.ReportDiagnostic(Diagnostic.Create(Rule, p.Location, fix, p.Fragment, message));
            }
        });
    });

    private static void Collect(DocumentAnalysisContext c, ConcurrentQueue<Pending> pending)
    {
        string self = c.FullPath;
        var settings = c.Settings;
        // Built by the engine's document scope, which also hands it to the workspace for links from other files.
        var own = c.Outline;
        if (SiteLinks.Publishing(c) is { } published)
        {
            CollectOnSite(c, pending, published.Site, published.Rel, own);
            return;
        }
        foreach (var link in LinkCollector.Get(c.File))
        {
            if (!link.OwnsTarget || link.IsUnusedDefinition || link.Source == LinkSource.Autolink || link.Target.IndexOf('#') < 0) continue;
            var target = c.ResolveTarget(link.Target);
            string? fragment = target.Fragment;
            if (fragment is null || fragment.Length == 0 || LinkRuleUtil.IsTemplated(fragment)) continue;
            var span = LinkRuleUtil.TargetOrLink(link);
            var fragmentSpan = LinkRuleUtil.FragmentSpan(c.File, link);
            if (target.Kind == TargetKind.FragmentOnly)
            {
                if (!Anchors.IsImplicit(fragment, self) && !Anchors.Contains(own, fragment)) Report(c, span, fragment, own, "in this file", fragmentSpan);
                continue;
            }
            if (!target.IsOnDisk) continue;
            var (result, file) = LocalTargets.Resolve(target, settings, c.Workspace);
            // A missing file is PL3001's one finding; its fragment cannot be checked until the file exists.
            if (result != LocalResult.Found || file is null) continue;
            if (Anchors.IsImplicit(fragment, file)) continue;
            // Anchors of HTML, notebooks and other files are not known.
            if (!LocalTargets.IsMarkdown(file)) continue;
            if (file == self)
            {
                if (!Anchors.Contains(own, fragment)) Report(c, span, fragment, own, "in this file", fragmentSpan);
                continue;
            }
            c.Workspace.DependsOnDocument(file); // resolved at workspace end against that document's outline
            pending.Enqueue(new Pending(file, fragment, c.File.GetLocation(span), fragmentSpan));
        }
    }

    /// <summary>Fragments of a page the detected site publishes: links resolved as the site does, anchors as its generator makes them.</summary>
    private static void CollectOnSite(DocumentAnalysisContext c, ConcurrentQueue<Pending> pending, Sites.SiteModel site, string rel, DocumentOutline own)
    {
        var ignores = c.Settings.Links;
        foreach (var link in LinkCollector.Get(c.File))
        {
            if (!link.OwnsTarget || link.IsUnusedDefinition || link.Source == LinkSource.Autolink || link.Target.IndexOf('#') < 0) continue;
            var target = c.ResolveTarget(link.Target);
            string? fragment = target.Fragment;
            if (fragment is null || fragment.Length == 0 || LinkRuleUtil.IsTemplated(fragment) || LinkRuleUtil.IsTemplated(link.Target)) continue;
            if (target.Kind is TargetKind.External or TargetKind.Empty) continue;
            if (ignores.IgnoresFragment(fragment) || (target.Path.Length > 0 && ignores.IgnoresTarget(target.Path))) { c.Workspace.CountUnchecked(LinkIgnores.IgnoredReason); continue; }
            var span = LinkRuleUtil.TargetOrLink(link);
            var fragmentSpan = LinkRuleUtil.FragmentSpan(c.File, link);
            string file = rel;
            if (target.Path.Length > 0)
            {
                if (target.Path.StartsWith("/", System.StringComparison.Ordinal) && ignores.IsExternal(target.Path)) continue; // counted by PL3001
                var answer = site.Resolve(new Sites.SiteLinkRequest(rel, target.Path, link.Source == LinkSource.Html, link.IsImage));
                if (answer.Status != Sites.SiteLinkStatus.Found || answer.File is null) continue; // PL3001's business, or not checkable
                file = answer.File;
            }
            else if (site.IsInclude(rel)) { c.Workspace.CountUnchecked("fragment in a snippet included into other pages"); continue; }
            if (file == rel)
            {
                if (!Anchors.Contains(own, fragment)) Report(c, span, fragment, own, "in this file", fragmentSpan);
                continue;
            }
            if (!Sites.SiteModel.IsMarkdown(file)) continue; // anchors of HTML and other files are not known
            if (site.AnchorsUnknown(file)) { c.Workspace.CountUnchecked("anchors made at build time"); continue; }
            string targetFull = site.Files.FullPath(file);
            c.Workspace.DependsOnOutline(targetFull); // resolved at workspace end against the anchors the site gives that page
            pending.Enqueue(new Pending(targetFull, fragment, c.File.GetLocation(span), fragmentSpan));
        }
    }

    private static void Report(DocumentAnalysisContext c, TextSpan span, string fragment, DocumentOutline anchors, string where, TextSpan? fragmentSpan)
    {
        var (message, fix) = Describe(fragment, anchors, where, fragmentSpan);
        c.Report(Rule, span, fix, fragment, message);
    }

    private static (string Message, Fix? Fix) Describe(string fragment, DocumentOutline anchors, string where, TextSpan? fragmentSpan)
    {
        if (string.Equals(fragment, "top", System.StringComparison.OrdinalIgnoreCase) && !anchors.HasAnchor(fragment.ToLowerInvariant()) && fragmentSpan is { } ts)
            return ($"is not '#top': anchors are case-sensitive, and only '#top' goes to the top of the page", Fix.Replace("Use '#top'", ts, "top", isSafe: true));
        var (kind, anchor) = AnchorSuggestion.Find(fragment, anchors.Anchors);
        Fix? fix = null;
        if (anchor is not null && kind is AnchorMatch.Case or AnchorMatch.Punctuation && fragmentSpan is { } fs && LinkRuleUtil.IsPlainAnchor(anchor))
            fix = Fix.Replace($"Use '#{anchor}'", fs, anchor, isSafe: true);
        string message = kind switch
        {
            AnchorMatch.Case => $"differs only in case from '#{anchor}' {where}; anchors are case-sensitive",
            AnchorMatch.Punctuation => $"differs only in punctuation, dashes or emoji from '#{anchor}' {where}",
            AnchorMatch.Similar => $"matches no heading or id {where}; did you mean '#{anchor}'?",
            _ => $"matches no heading or id {where}",
        };
        return (message, fix);
    }
}
