using System.Collections.Immutable;
using PolicyLint.Diagnostics;

namespace PolicyLint.Rules.Core;

/// <summary>Diagnostics the engine itself reports (PL0xxx): unreadable files, suppressions, configuration, analyzer crashes.</summary>
internal static class EngineRules
{
    /// <summary>PL0001: the file could not be read.</summary>
    public static readonly RuleDescriptor FileUnreadable = RuleDescriptor.Create(
        "PL0001", "file-unreadable", "Files must be readable",
        "Cannot read the file: {0}", RuleCategory.Engine, Severity.Error);

    /// <summary>PL0002: a directive suppressed nothing.</summary>
    public static readonly RuleDescriptor UnusedSuppression = RuleDescriptor.Create(
        "PL0002", "unused-suppression", "Suppression directives must suppress something",
        "'{0}' suppresses nothing here; remove it", RuleCategory.Engine, Severity.Warning);

    /// <summary>PL0003: a directive names a rule that does not exist.</summary>
    public static readonly RuleDescriptor UnknownRuleInDirective = RuleDescriptor.Create(
        "PL0003", "unknown-rule-in-directive", "Suppression directives must name existing rules",
        "Unknown rule '{0}' in a policylint directive{1}", RuleCategory.Engine, Severity.Warning);

    /// <summary>PL0004: a rule's options are invalid.</summary>
    public static readonly RuleDescriptor InvalidRuleOptions = RuleDescriptor.Create(
        "PL0004", "invalid-rule-options", "Rule options must be valid",
        "Invalid options for {0}: {1}", RuleCategory.Engine, Severity.Error);

    /// <summary>PL0005: an analyzer threw.</summary>
    public static readonly RuleDescriptor AnalyzerException = RuleDescriptor.Create(
        "PL0005", "analyzer-exception", "Analyzers must not fail",
        "Analyzer '{0}' failed on this file with {1}: {2}", RuleCategory.Engine, Severity.Error);

    /// <summary>PL0006: the file is binary.</summary>
    public static readonly RuleDescriptor BinaryFile = RuleDescriptor.Create(
        "PL0006", "binary-file", "Linted files must be text",
        "The file looks binary (it contains NUL bytes) and was not linted", RuleCategory.Engine, Severity.Warning);

    /// <summary>PL0007: the file is larger than the limit.</summary>
    public static readonly RuleDescriptor FileTooLarge = RuleDescriptor.Create(
        "PL0007", "file-too-large", "Linted files must be smaller than the size limit",
        "The file is {0:N0} bytes, more than the limit of {1:N0} (maxFileSize); it was not linted", RuleCategory.Engine, Severity.Warning);

    /// <summary>PL0008: a directive has no justification although configuration requires one.</summary>
    public static readonly RuleDescriptor MissingJustification = RuleDescriptor.Create(
        "PL0008", "suppression-justification", "Suppression directives must give a reason",
        "'{0}' needs a justification after '--' (requireJustification is on)", RuleCategory.Engine, Severity.Error);

    /// <summary>PL0009: a rule reported more findings in one file than are kept.</summary>
    public static readonly RuleDescriptor FindingsCapped = RuleDescriptor.Create(
        "PL0009", "findings-capped", "One rule's findings in one file are capped",
        "{0} reported {1:N0} findings in this file; the first {2:N0} are shown and {3:N0} more were left out", RuleCategory.Engine, Severity.Info);

    /// <summary>All engine rules.</summary>
    public static ImmutableArray<RuleDescriptor> All { get; } =
        [FileUnreadable, UnusedSuppression, UnknownRuleInDirective, InvalidRuleOptions, AnalyzerException, BinaryFile, FileTooLarge, MissingJustification, FindingsCapped];
}
