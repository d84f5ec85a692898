using System;
using System.Collections.Immutable;

namespace PolicyLint.Analysis;

/// <summary>
/// Base class of every analyzer, built-in or third-party. An analyzer declares the rules it reports
/// (<see cref="SupportedRules"/>) and registers actions in <see cref="Initialize"/>.
/// </summary>
public abstract class MarkdownAnalyzer
{
    /// <summary>The rules this analyzer can report. Reporting any other rule is an error.</summary>
    public abstract ImmutableArray<Diagnostics.RuleDescriptor> SupportedRules { get; }

    /// <summary>Registers actions. Called once per engine; actions must be thread-safe (documents run in parallel).</summary>
    public abstract void Initialize(AnalysisContext context);

    /// <summary>The name used in messages about this analyzer (defaults to the type name).</summary>
    public virtual string Name => GetType().Name;
}

/// <summary>
/// Marks an analyzer class. Built-ins are listed explicitly (no type scanning at run time); plugin assemblies named
/// in configuration are searched for public classes with this attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class MarkdownAnalyzerAttribute : Attribute
{
}
