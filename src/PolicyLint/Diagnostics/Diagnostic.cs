using System;
using System.Collections.Immutable;

namespace PolicyLint.Diagnostics;

/// <summary>One finding: a rule, an effective severity, a location, a message and perhaps a fix.</summary>
public sealed class Diagnostic
{
    private Diagnostic(RuleDescriptor descriptor, Severity severity, Location location, ImmutableArray<object?> arguments, Fix? fix, string? suppressedBy)
    {
        Descriptor = descriptor;
        Severity = severity;
        Location = location;
        Arguments = arguments;
        Fix = fix;
        Message = descriptor.FormatMessage(arguments);
        SuppressionJustification = suppressedBy;
    }

    private Diagnostic(RuleDescriptor descriptor, Severity severity, Location location, ImmutableArray<object?> arguments, Fix? fix, string? suppressedBy,
        string message)
    {
        Descriptor = descriptor;
        Severity = severity;
        Location = location;
        Arguments = arguments;
        Fix = fix;
        Message = message;
        SuppressionJustification = suppressedBy;
    }

    /// <summary>A diagnostic as the result cache stored it: the message as it was formatted then.</summary>
    internal static Diagnostic Restore(RuleDescriptor descriptor, Severity severity, Location location, ImmutableArray<object?> arguments, Fix? fix,
        string? suppressedBy, string message) => new(descriptor, severity, location, arguments, fix, suppressedBy, message);

    /// <summary>Creates a diagnostic at the rule's default severity; the engine applies configured severities afterwards.</summary>
    public static Diagnostic Create(RuleDescriptor descriptor, Location location, params object?[] arguments) =>
        new(descriptor ?? throw new ArgumentNullException(nameof(descriptor)), descriptor.DefaultSeverity,
            location ?? throw new ArgumentNullException(nameof(location)), arguments.ToImmutableArray(), null, null);

    /// <summary>Creates a diagnostic carrying a fix.</summary>
    public static Diagnostic Create(RuleDescriptor descriptor, Location location, Fix? fix, params object?[] arguments) =>
        new(descriptor ?? throw new ArgumentNullException(nameof(descriptor)), descriptor.DefaultSeverity,
            location ?? throw new ArgumentNullException(nameof(location)), arguments.ToImmutableArray(), fix, null);

    /// <summary>The rule.</summary>
    public RuleDescriptor Descriptor { get; }
    /// <summary>Shortcut for <c>Descriptor.Id</c>.</summary>
    public string Id => Descriptor.Id;
    /// <summary>Effective severity after configuration.</summary>
    public Severity Severity { get; }
    /// <summary>Where.</summary>
    public Location Location { get; }
    /// <summary>The message arguments.</summary>
    public ImmutableArray<object?> Arguments { get; }
    /// <summary>The formatted message.</summary>
    public string Message { get; }
    /// <summary>The fix, if the rule offers one here.</summary>
    public Fix? Fix { get; }
    /// <summary>Set on diagnostics kept for reporting although suppressed (not returned by default).</summary>
    public string? SuppressionJustification { get; }

    /// <summary>Returns a copy with another severity.</summary>
    public Diagnostic WithSeverity(Severity severity) => severity == Severity ? this : new(Descriptor, severity, Location, Arguments, Fix, SuppressionJustification);
    /// <summary>Returns a copy with another location.</summary>
    public Diagnostic WithLocation(Location location) => new(Descriptor, Severity, location, Arguments, Fix, SuppressionJustification);
    /// <summary>Returns a copy with another fix (or none).</summary>
    public Diagnostic WithFix(Fix? fix) => new(Descriptor, Severity, Location, Arguments, fix, SuppressionJustification);

    /// <summary>MSBuild canonical form: <c>path(line,col): error PL4001: message</c>.</summary>
    public override string ToString() => AppendTo(new System.Text.StringBuilder()).ToString();

    /// <summary>Appends <see cref="ToString"/>'s line to <paramref name="sb"/> (the text report writes many without a string each).</summary>
    internal System.Text.StringBuilder AppendTo(System.Text.StringBuilder sb) =>
        sb.Append(Location.Path).Append('(').Append(Location.StartLine).Append(',').Append(Location.StartColumn).Append("): ")
          .Append(Severity.ToDisplayString()).Append(' ').Append(Id).Append(": ").Append(Message);
}
