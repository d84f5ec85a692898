using System.Linq;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;

namespace PolicyLint.Rules.Links;

/// <summary>Relative links and images must point at files that exist.</summary>
[MarkdownAnalyzer]
internal sealed class PL3001LocalTargetMissing : MarkdownAnalyzer
{
    internal static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "PL3001", name: "local-target-missing",
        title: "Relative links and images must point at files that exist",
        messageFormat: "{0} '{1}' {2}",
        category: RuleCategory.Links, defaultSeverity: Severity.Error, hasFix: true, options: "implicitExtensions");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext c)
    {
        // implicitExtensions is this rule's option, but PL3002 resolves links the same way: Configuration reads it into the shared settings.
        var settings = c.Settings;
        if (SiteLinks.Publishing(c) is { } published)
        {
            AnalyzeOnSite(c, published.Site, published.Rel);
            return;
        }
        foreach (var link in LinkCollector.Get(c.File))
        {
            if (!link.OwnsTarget || link.IsUnusedDefinition || link.Source == LinkSource.Autolink || LinkRuleUtil.IsTemplated(link.Target)) continue;
            if (MalformedTargets.Classify(link.Target, MalformedTargets.DefaultPlaceholders) != Malformation.None) continue;
            var target = c.ResolveTarget(link.Target);
            var span = LinkRuleUtil.TargetOrLink(link);
            string noun = LinkRuleUtil.Noun(link);
            if (target.Kind is TargetKind.Local or TargetKind.SiteRooted or TargetKind.SiteRootedUnmapped or TargetKind.OutsideRoot)
            {
                if (settings.Links.IgnoresTarget(target.Path)) { c.Workspace.CountUnchecked(LinkIgnores.IgnoredReason); continue; }
                if (target.Kind != TargetKind.Local && settings.Links.IsExternal(target.Path)) { c.Workspace.CountUnchecked(LinkIgnores.ExternalReason); continue; }
            }
            if (target.Kind == TargetKind.SiteRootedUnmapped) { c.Workspace.CountUnchecked("site-rooted, no siteRoots prefix and no site model"); continue; }
            if (target.Kind == TargetKind.OutsideRoot)
            {
                c.Report(Rule, span, noun, target.Path, "leaves the repository root; it cannot be checked and breaks when the folder is published alone");
                continue;
            }
            if (!target.IsOnDisk) continue;
            var (result, actual) = LocalTargets.Resolve(target, settings, c.Workspace);
            switch (result)
            {
                case LocalResult.Missing when target.Kind == TargetKind.Local
                    && CaseFolding.Respell(target.Path, Path.GetDirectoryName(c.FullPath) ?? c.Workspace.RootDirectory, c.Workspace) is { } respelled:
                    ReportFolderCase(c, link, target, respelled, span, noun);
                    break;
                case LocalResult.Missing:
                    // A decoded control character ('%00') is shown as written, never printed raw.
                    c.Report(Rule, span, noun, target.Path.Any(char.IsControl) ? target.Original : target.Path, target.Kind == TargetKind.SiteRooted
                        ? $"does not exist (looked for '{c.Workspace.GetDisplayPath(target.FullPath!)}' through siteRoots)"
                        : "does not exist");
                    break;
                case LocalResult.DirectoryWithoutIndex:
                    c.Report(Rule, span, noun, target.Path, $"is a folder without an index file ({string.Join(" or ", settings.IndexFiles)})");
                    break;
                case LocalResult.CaseMismatch:
                    ReportCase(c, link, target, actual!, span, noun);
                    break;
            }
        }
    }

    /// <summary>Links of a page the detected site publishes: resolved as the site's generator and the browser do.</summary>
    private static void AnalyzeOnSite(DocumentAnalysisContext c, Sites.SiteModel site, string rel)
    {
        var ignores = c.Settings.Links;
        foreach (var link in LinkCollector.Get(c.File))
        {
            if (!link.OwnsTarget || link.IsUnusedDefinition || link.Source == LinkSource.Autolink || LinkRuleUtil.IsTemplated(link.Target)) continue;
            if (MalformedTargets.Classify(link.Target, MalformedTargets.DefaultPlaceholders) != Malformation.None) continue;
            var target = c.ResolveTarget(link.Target);
            if (target.Kind is TargetKind.Empty or TargetKind.FragmentOnly or TargetKind.External || target.Path.Length == 0) continue;
            if (ignores.IgnoresTarget(target.Path)) { c.Workspace.CountUnchecked(LinkIgnores.IgnoredReason); continue; }
            if (target.Path.StartsWith("/", System.StringComparison.Ordinal) && ignores.IsExternal(target.Path)) { c.Workspace.CountUnchecked(LinkIgnores.ExternalReason); continue; }
            var answer = site.Resolve(new Sites.SiteLinkRequest(rel, target.Path, link.Source == LinkSource.Html, link.IsImage));
            var span = LinkRuleUtil.TargetOrLink(link);
            string noun = LinkRuleUtil.Noun(link);
            switch (answer.Status)
            {
                case Sites.SiteLinkStatus.Unchecked:
                    c.Workspace.CountUnchecked(answer.Detail!);
                    break;
                case Sites.SiteLinkStatus.Missing:
                    c.Report(Rule, span, noun, target.Path, $"does not exist on the {site.Name} site ({answer.Detail})"
                        + (answer.Suggestion is { } url ? $"; did you mean '{url}'?" : DidYouMean.For(site, rel, target.Path)));
                    break;
                case Sites.SiteLinkStatus.CaseMismatch:
                    c.Report(Rule, span, noun, target.Path, $"differs in case from '{answer.File}'; the {site.Name} site's URLs are case-sensitive");
                    break;
            }
        }
    }

    /// <summary>A folder on the way is spelled in another case: the fix respells the path when it is written verbatim.</summary>
    private static void ReportFolderCase(DocumentAnalysisContext c, LinkOccurrence link, ResolvedTarget target, string respelled, TextSpan span, string noun)
    {
        Fix? fix = null;
        if (link.TargetSpan.Length > 0 && c.File.GetText(link.TargetSpan).StartsWith(target.Path, System.StringComparison.Ordinal))
            fix = Fix.Replace($"Use '{respelled}'", new TextSpan(link.TargetSpan.Start, target.Path.Length), respelled, isSafe: true);
        c.Report(Rule, span, fix, noun, target.Path, $"differs in case from '{respelled}' on disk: it works on Windows and macOS but breaks on Linux and on the web");
    }

    private static void ReportCase(DocumentAnalysisContext c, LinkOccurrence link, ResolvedTarget target, string actual, TextSpan span, string noun)
    {
        string actualName = Path.GetFileName(actual);
        string writtenName = Path.GetFileName(target.FullPath!.TrimEnd(Path.DirectorySeparatorChar));
        string message = $"differs in case from '{actualName}' on disk: it works on Windows and macOS but breaks on Linux and on the web";
        Fix? fix = null;
        // Only when the written name is there verbatim and differs from the real one in case alone.
        if (link.TargetSpan.Length > 0 && string.Equals(actualName, writtenName, System.StringComparison.OrdinalIgnoreCase))
        {
            string written = c.File.GetText(link.TargetSpan);
            int at = written.LastIndexOf(writtenName, System.StringComparison.Ordinal);
            if (at >= 0)
                fix = Fix.Replace($"Use '{actualName}'", new TextSpan(link.TargetSpan.Start + at, writtenName.Length), actualName, isSafe: true);
        }
        c.Report(Rule, span, fix, noun, target.Path, message);
    }
}
