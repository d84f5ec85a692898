using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace PolicyLint.Diagnostics;

/// <summary>Describes one rule: its ID, name, texts, category and defaults. Made only through <see cref="Create"/>.</summary>
public sealed class RuleDescriptor : IEquatable<RuleDescriptor>
{
    /// <summary>Where the built-in rule pages live; a help link is this plus <c>ID.md</c>.</summary>
    public const string BuiltInHelpLinkBase = "https://github.com/policylint/policylint/blob/main/rules/";

    private RuleDescriptor(string id, string name, string title, string messageFormat, RuleCategory category, Severity defaultSeverity,
        bool isEnabledByDefault, string? helpLink, bool hasFix, string? description, ImmutableArray<string> optionNames)
    {
        Id = id; Name = name; Title = title; MessageFormat = messageFormat; Category = category; DefaultSeverity = defaultSeverity;
        IsEnabledByDefault = isEnabledByDefault; HelpLink = helpLink; HasFix = hasFix; Description = description ?? title; OptionNames = optionNames;
    }

    /// <summary>Rule ID: <c>PL</c> and four digits for built-ins (thousands digit = category); third parties use their own upper-case prefix.</summary>
    public string Id { get; }
    /// <summary>Kebab-case name, accepted in configuration and directives wherever the ID is.</summary>
    public string Name { get; }
    /// <summary>One line: what the rule wants.</summary>
    public string Title { get; }
    /// <summary>Composite format string for messages, with <c>{0}</c>, <c>{1}</c>... placeholders.</summary>
    public string MessageFormat { get; }
    /// <summary>Rule family.</summary>
    public RuleCategory Category { get; }
    /// <summary>Severity when configuration says nothing.</summary>
    public Severity DefaultSeverity { get; }
    /// <summary>False for opt-in rules: they report nothing until configuration sets a severity.</summary>
    public bool IsEnabledByDefault { get; }
    /// <summary>
    /// Link to the rule's page: the one its author gives; for PolicyLint's own <c>PL####</c> rules, the page in PolicyLint's
    /// repository; otherwise null (a third-party rule never points into PolicyLint's repository).
    /// </summary>
    public string? HelpLink { get; }
    /// <summary>True when the rule can offer a fix.</summary>
    public bool HasFix { get; }
    /// <summary>A longer description (defaults to the title).</summary>
    public string Description { get; }
    /// <summary>Option keys the rule understands; any other key under the rule in configuration is an error.</summary>
    public ImmutableArray<string> OptionNames { get; }

    /// <summary>The only way to make a descriptor. Validates the ID, the name and the category.</summary>
    /// <exception cref="ArgumentException">The ID, name or category breaks the conventions.</exception>
    public static RuleDescriptor Create(string id, string name, string title, string messageFormat, RuleCategory category,
        Severity defaultSeverity, bool isEnabledByDefault = true, bool hasFix = false, string? helpLink = null,
        string? description = null, params string[] options)
    {
        if (!IsValidId(id)) throw new ArgumentException($"Rule ID '{id}' must be an upper-case prefix followed by digits, e.g. PL1003.", nameof(id));
        if (id.StartsWith("PL", StringComparison.Ordinal))
        {
            if (id.Length != 6) throw new ArgumentException($"Rule ID '{id}' must be PL followed by four digits.", nameof(id));
            int thousands = id[2] - '0';
            if (thousands <= 4 && (int)category != thousands)
                throw new ArgumentException($"Rule ID '{id}' is in the {thousands}xxx range but its category is {category}.", nameof(category));
        }
        if (!IsKebabCase(name)) throw new ArgumentException($"Rule name '{name}' must be kebab-case (lower-case words joined by '-').", nameof(name));
        if (string.IsNullOrWhiteSpace(title)) throw new ArgumentException("A rule needs a title.", nameof(title));
        if (string.IsNullOrWhiteSpace(messageFormat)) throw new ArgumentException("A rule needs a message format.", nameof(messageFormat));
        if (defaultSeverity == Severity.None && isEnabledByDefault)
            throw new ArgumentException("An enabled-by-default rule needs a default severity other than none.", nameof(defaultSeverity));
        return new RuleDescriptor(id, name, title, messageFormat, category, defaultSeverity, isEnabledByDefault,
            helpLink ?? (id.StartsWith("PL", StringComparison.Ordinal) ? BuiltInHelpLinkBase + id + ".md" : null), hasFix, description, options.ToImmutableArray());
    }

    /// <summary>Formats the message with <paramref name="arguments"/>; a bad format never throws.</summary>
    public string FormatMessage(ImmutableArray<object?> arguments)
    {
        if (arguments.IsDefaultOrEmpty) return MessageFormat;
        try { return string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments.ToArray()); }
        catch (FormatException) { return MessageFormat + " (" + string.Join(", ", arguments) + ")"; }
    }

    internal static bool IsValidId(string? id)
    {
        if (string.IsNullOrEmpty(id)) return false;
        int i = 0;
        while (i < id!.Length && id[i] >= 'A' && id[i] <= 'Z') i++;
        if (i < 2 || i == id.Length) return false;
        for (int j = i; j < id.Length; j++) if (id[j] < '0' || id[j] > '9') return false;
        return true;
    }

    internal static bool IsKebabCase(string? name)
    {
        if (string.IsNullOrEmpty(name) || name![0] == '-' || name[name.Length - 1] == '-') return false;
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && name[i - 1] != '-');
            if (!ok) return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(RuleDescriptor? other) => other is not null && Id == other.Id;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RuleDescriptor);
    /// <inheritdoc/>
    public override int GetHashCode() => Id.GetHashCode();
    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({Name})";
}
