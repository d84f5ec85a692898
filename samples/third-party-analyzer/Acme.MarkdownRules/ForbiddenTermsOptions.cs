using System.Collections.Generic;
using PolicyLint.Analysis;

namespace Acme.MarkdownRules;

/// <summary>
/// ACME1001's options, read typed from the configuration. A wrong value throws the error of <see cref="RuleOptions"/>, which
/// PolicyLint reports as a configuration error (exit code 2) at the value's line and column in <c>.policylint.yml</c>.
/// </summary>
/// <example>
/// <code>
/// rules:
///   ACME1001:
///     options:
///       terms: [DRAFT, Project Falcon]   # list
///       caseSensitive: false             # bool
///       maxPerDocument: 20               # int
///       reason: not for customers        # string
///       replacements:                    # map
///         Project Falcon: the new app
///       ignore:                          # nested object
///         headings: true
/// </code>
/// </example>
internal sealed class ForbiddenTermsOptions
{
    public static readonly string[] Names = ["terms", "caseSensitive", "maxPerDocument", "reason", "replacements", "ignore"];
    private static readonly string[] DefaultTerms = ["DRAFT"];

    private ForbiddenTermsOptions(IReadOnlyList<string> terms, bool caseSensitive, int maxPerDocument, string reason,
        IReadOnlyDictionary<string, string> replacements, bool ignoreHeadings)
    {
        Terms = terms; CaseSensitive = caseSensitive; MaxPerDocument = maxPerDocument; Reason = reason;
        Replacements = replacements; IgnoreHeadings = ignoreHeadings;
    }

    public IReadOnlyList<string> Terms { get; }
    public bool CaseSensitive { get; }
    public int MaxPerDocument { get; }
    public string Reason { get; }
    public IReadOnlyDictionary<string, string> Replacements { get; }
    public bool IgnoreHeadings { get; }

    public static ForbiddenTermsOptions Read(RuleOptions options)
    {
        var terms = options.GetStringList("terms", DefaultTerms);
        if (terms.Count == 0) throw options.Error("terms", "Option 'terms' must name at least one term");
        foreach (var t in terms)
            if (t.Trim().Length == 0) throw options.Error("terms", "Option 'terms' must not hold an empty term");
        int max = options.GetInt("maxPerDocument", 20);
        if (max < 1) throw options.Error("maxPerDocument", $"Option 'maxPerDocument' must be at least 1, not {max}");
        var replacements = options.GetStringMap("replacements");
        foreach (var key in replacements.Keys)
        {
            bool known = false;
            foreach (var t in terms) known |= t == key;
            if (!known) throw options.Error("replacements", $"Option 'replacements' names '{key}', which is not one of the terms");
        }
        var ignore = options.GetObject("ignore");
        foreach (var key in ignore.Keys)
            if (key != "headings") throw ignore.Error(key, $"Unknown key 'ignore.{key}'; use 'headings'");
        return new ForbiddenTermsOptions(terms, options.GetBool("caseSensitive", false), max, options.GetString("reason") ?? "",
            replacements, ignore.GetBool("headings", false));
    }
}
