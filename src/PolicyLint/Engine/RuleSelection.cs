using System;
using System.Collections.Generic;
using System.Linq;
using PolicyLint.Diagnostics;

namespace PolicyLint.Engine;

/// <summary>
/// Which rules a run reports, on top of configuration, as ruff's <c>--select</c>, <c>--ignore</c> and
/// <c>--extend-select</c> do. A selector is a rule ID (<c>PL3001</c>), a name (<c>local-target-missing</c>), an ID prefix
/// (<c>PL3</c>, <c>PL30</c>) or a category (<c>links</c>). Where selectors disagree about a rule, the most specific wins
/// (an ID or name over a prefix, a longer prefix over a shorter one, a prefix over a category); on a tie, ignoring wins.
/// </summary>
public sealed class RuleSelection
{
    private const int ExactSpecificity = 100;

    /// <summary>When not empty, only these rules (and <see cref="ExtendSelect"/>) report.</summary>
    public IReadOnlyList<string> Select { get; set; } = Array.Empty<string>();

    /// <summary>Rules added to the selection (to the configured rules when <see cref="Select"/> is empty).</summary>
    public IReadOnlyList<string> ExtendSelect { get; set; } = Array.Empty<string>();

    /// <summary>Rules that do not report.</summary>
    public IReadOnlyList<string> Ignore { get; set; } = Array.Empty<string>();

    /// <summary>Severities by selector, applied to the selected rules (the most specific selector wins).</summary>
    public IReadOnlyList<KeyValuePair<string, Severity>> Severities { get; set; } = Array.Empty<KeyValuePair<string, Severity>>();

    /// <summary>True when the selection changes nothing.</summary>
    public bool IsEmpty => Select.Count == 0 && ExtendSelect.Count == 0 && Ignore.Count == 0 && Severities.Count == 0;

    /// <summary>
    /// How specifically <paramref name="selector"/> names <paramref name="rule"/>: 0 when it does not, 100 for its ID or
    /// name, the prefix length for an ID prefix, 1 for its category.
    /// </summary>
    public static int Specificity(RuleDescriptor rule, string selector)
    {
        if (rule is null) throw new ArgumentNullException(nameof(rule));
        if (string.IsNullOrEmpty(selector)) return 0;
        if (string.Equals(rule.Id, selector, StringComparison.OrdinalIgnoreCase) || string.Equals(rule.Name, selector, StringComparison.OrdinalIgnoreCase))
            return ExactSpecificity;
        if (selector.Length < rule.Id.Length && rule.Id.StartsWith(selector, StringComparison.OrdinalIgnoreCase) && IsIdPrefix(selector))
            return selector.Length;
        if (string.Equals(Output.JsonFormatter.CategoryName(rule.Category), selector, StringComparison.OrdinalIgnoreCase)) return 1;
        return 0;
    }

    // "PL3" or "ACME1": letters then at least one digit; "PL" alone would select every built-in rule by accident.
    private static bool IsIdPrefix(string s)
    {
        int i = 0;
        while (i < s.Length && char.IsLetter(s[i])) i++;
        if (i == 0 || i == s.Length) return false;
        for (; i < s.Length; i++) if (!char.IsDigit(s[i])) return false;
        return true;
    }

    /// <summary>Checks every selector against the rules of the run; an unknown one throws with a suggestion.</summary>
    /// <exception cref="LintInputException">A selector matches no rule.</exception>
    internal void Validate(IReadOnlyCollection<RuleDescriptor> rules)
    {
        void Check(string option, string selector)
        {
            if (rules.Any(r => Specificity(r, selector) > 0)) return;
            var keys = rules.SelectMany(r => new[] { r.Id, r.Name }).Concat(rules.Select(r => Output.JsonFormatter.CategoryName(r.Category)).Distinct());
            var best = keys.Select(k => (Key: k, Distance: Text.EditDistance.Compute(selector.ToLowerInvariant(), k.ToLowerInvariant())))
                .OrderBy(x => x.Distance).ThenBy(x => x.Key, StringComparer.Ordinal).FirstOrDefault();
            string hint = best.Key is not null && best.Distance <= Math.Max(1, selector.Length / 4)
                ? $"; did you mean '{best.Key}'?" : "; use a rule ID (PL3001), a name (local-target-missing), a prefix (PL3) or a category (links)";
            throw new LintInputException($"{option} {selector}: no rule matches '{selector}'{hint}");
        }
        foreach (var s in Select) Check("--select", s);
        foreach (var s in ExtendSelect) Check("--extend-select", s);
        foreach (var s in Ignore) Check("--ignore", s);
        foreach (var kv in Severities) Check("--severity", kv.Key);
    }

    /// <summary>
    /// The severity of <paramref name="rule"/> after the selection, given its <paramref name="configured"/> severity;
    /// null when the selection leaves it as configured.
    /// </summary>
    internal Severity? Apply(RuleDescriptor rule, Severity configured)
    {
        int selected = Select.Count == 0 || IsAlwaysOn(rule) ? 0 : -1;
        foreach (var s in Select.Concat(ExtendSelect))
            if (Specificity(rule, s) is var n && n > 0) selected = Math.Max(selected, n);
        int ignored = -1;
        foreach (var s in Ignore)
            if (Specificity(rule, s) is var n && n > 0) ignored = Math.Max(ignored, n);
        if (selected < 0 || ignored >= selected) return configured == Severity.None ? null : Severity.None;

        Severity? result = null;
        // Prefixes and categories select among the rules that are on; naming a rule turns it on (PL3009 needs the network).
        if (configured == Severity.None && selected == ExactSpecificity) result = rule.DefaultSeverity;
        int best = 0;
        foreach (var kv in Severities)
        {
            int n = Specificity(rule, kv.Key);
            if (n == 0 || n < best) continue;
            if (configured == Severity.None && result is null && n < ExactSpecificity) continue; // a prefix does not turn PL3009 on
            best = n; result = kv.Value;
        }
        return result;
    }

    // A file that could not be checked is not a finding one can select away by accident: PL0001, PL0004, PL0005.
    private static bool IsAlwaysOn(RuleDescriptor rule) => rule.Id is "PL0001" or "PL0004" or "PL0005";
}
