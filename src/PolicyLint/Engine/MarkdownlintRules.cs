using System;
using System.Collections.Generic;

namespace PolicyLint.Engine;

/// <summary>
/// The markdownlint rules (IDs, names and tags, as markdownlint and GitHub's markdownlint-github name them) that check what a
/// PolicyLint rule checks, so that <c>&lt;!-- markdownlint-disable ... --&gt;</c> comments already in a repository also
/// silence the PolicyLint rule. The table is documented in docs/suppressions.md; keep the two in step.
/// </summary>
internal static class MarkdownlintRules
{
    // (markdownlint ID, its names, the PolicyLint rule, the markdownlint tags the rule carries).
    private static readonly (string Id, string[] Names, string PolicyLint, string[] Tags)[] Table =
    [
        ("MD001", ["heading-increment", "header-increment"], "PL4001", ["headings"]),
        ("MD024", ["no-duplicate-heading", "no-duplicate-header"], "PL4004", ["headings"]),
        ("MD025", ["single-title", "single-h1"], "PL4002", ["headings"]),
        ("MD026", ["no-trailing-punctuation"], "PL4006", ["headings"]),
        ("MD041", ["first-line-heading", "first-line-h1"], "PL4003", ["headings"]),
        ("MD042", ["no-empty-links"], "PL3006", ["links"]),
        ("MD045", ["no-alt-text"], "PL3008", ["accessibility", "images"]),
        ("MD051", ["link-fragments"], "PL3002", ["links"]),
        ("MD052", ["reference-links-images"], "PL3003", ["links", "images"]),
        ("MD053", ["link-image-reference-definitions"], "PL3004", ["links", "images"]),
        ("MD059", ["descriptive-link-text"], "PL3007", ["accessibility", "links"]),
        ("GH001", ["no-default-alt-text"], "PL3008", ["accessibility", "images"]),
        ("GH002", ["no-generic-link-text"], "PL3007", ["accessibility", "links"]),
        ("GH003", ["no-empty-alt-text"], "PL3008", ["accessibility", "images"]),
    ];

    private static readonly Dictionary<string, List<string>> ByKey = Build();

    /// <summary>Every PolicyLint rule that some markdownlint rule maps to: what a bare <c>markdownlint-disable</c> silences.</summary>
    public static IReadOnlyCollection<string> AllMapped { get; } = CollectAll();

    /// <summary>The PolicyLint rule IDs a markdownlint rule ID, name or tag stands for (case-insensitive); empty when none.</summary>
    public static IReadOnlyList<string> Resolve(string key) => ByKey.TryGetValue(key, out var ids) ? ids : [];

    private static Dictionary<string, List<string>> Build()
    {
        var d = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        void Add(string key, string id)
        {
            if (!d.TryGetValue(key, out var list)) d[key] = list = new List<string>();
            if (!list.Contains(id)) list.Add(id);
        }
        foreach (var (id, names, pl, tags) in Table)
        {
            Add(id, pl);
            foreach (var n in names) Add(n, pl);
            foreach (var t in tags) Add(t, pl);
        }
        return d;
    }

    private static IReadOnlyCollection<string> CollectAll()
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in Table) set.Add(row.PolicyLint);
        return set;
    }
}
