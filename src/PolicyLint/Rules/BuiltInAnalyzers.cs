using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PolicyLint.Analysis;
using PolicyLint.Diagnostics;

namespace PolicyLint.Rules;

/// <summary>
/// The one registration seam of what PolicyLint ships: the engine's own diagnostics (PL0xxx) and the explicit list of built-in
/// analyzers (no type scanning at run time, so the tool can be trimmed and compiled ahead of time). Each rule family keeps its
/// own list in its folder; a test checks that every [MarkdownAnalyzer] class of the assembly is listed.
/// </summary>
internal static class BuiltInCatalog
{
    /// <summary>The diagnostics the engine itself reports (PL0xxx).</summary>
    public static ImmutableArray<RuleDescriptor> EngineRules => Core.EngineRules.All;

    /// <summary>New instances of every built-in analyzer.</summary>
    public static IReadOnlyList<MarkdownAnalyzer> CreateAnalyzers()
    {
        var list = new List<MarkdownAnalyzer>();
        FrontMatter.FrontMatterAnalyzers.AddTo(list);
        Encoding.EncodingAnalyzers.AddTo(list);
        Links.LinkAnalyzers.AddTo(list);
        Headings.HeadingAnalyzers.AddTo(list);
        return list;
    }

    /// <summary>Every built-in rule, engine rules included, by ID.</summary>
    public static ImmutableArray<RuleDescriptor> AllRules() =>
        EngineRules.Concat(CreateAnalyzers().SelectMany(a => a.SupportedRules)).Distinct()
            .OrderBy(r => r.Id, System.StringComparer.Ordinal).ToImmutableArray();
}

/// <summary>The built-in analyzers (kept for callers of the first releases; <see cref="BuiltInCatalog"/> is the seam).</summary>
internal static class BuiltInAnalyzers
{
    /// <summary>New instances of every built-in analyzer.</summary>
    public static IReadOnlyList<MarkdownAnalyzer> Create() => BuiltInCatalog.CreateAnalyzers();
}
