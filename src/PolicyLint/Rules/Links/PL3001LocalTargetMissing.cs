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
        foreach (var link in LinkCollector.Get(c.File))
        {
            if (!link.OwnsTarget || link.Source == LinkSource.Autolink || LinkRuleUtil.IsTemplated(link.Target)) continue;
            if (MalformedTargets.Classify(link.Target, MalformedTargets.DefaultPlaceholders) != Malformation.None) continue;
            var target = c.ResolveTarget(link.Target);
            var span = LinkRuleUtil.TargetOrLink(link);
            string noun = LinkRuleUtil.Noun(link);
            if (target.Kind == TargetKind.OutsideRoot)
            {
                c.Report(Rule, span, noun, target.Path, "leaves the repository root; it cannot be checked and breaks when the folder is published alone");
                continue;
            }
            if (!target.IsOnDisk) continue;
            var (result, actual) = LocalTargets.Resolve(target, settings, c.Workspace);
            switch (result)
            {
                case LocalResult.Missing:
                    c.Report(Rule, span, noun, target.Path, target.Kind == TargetKind.SiteRooted
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
