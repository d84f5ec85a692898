namespace PolicyLint.Diagnostics;

/// <summary>How serious a diagnostic is. Ordered: a higher value is more severe.</summary>
public enum Severity
{
    /// <summary>The rule is off; nothing is reported.</summary>
    None = 0,
    /// <summary>A hint or suggestion.</summary>
    Info = 1,
    /// <summary>Probably wrong; does not fail a build by default.</summary>
    Warning = 2,
    /// <summary>Wrong; fails a build by default.</summary>
    Error = 3,
}

/// <summary>Rule families. The thousands digit of a rule ID names its category.</summary>
public enum RuleCategory
{
    /// <summary>PL0xxx: the engine itself (unreadable files, suppressions, configuration, analyzer crashes).</summary>
    Engine = 0,
    /// <summary>PL1xxx: YAML front matter.</summary>
    FrontMatter = 1,
    /// <summary>PL2xxx: bytes, encodings and characters.</summary>
    Encoding = 2,
    /// <summary>PL3xxx: links, images and references.</summary>
    Links = 3,
    /// <summary>PL4xxx: headings and document structure.</summary>
    Headings = 4,
    /// <summary>PL5xxx and above: rules from third-party analyzers.</summary>
    Custom = 9,
}

/// <summary>Parsing and display helpers for <see cref="Severity"/>.</summary>
public static class SeverityExtensions
{
    /// <summary>The lower-case name used in configuration and output: none, info, warning, error.</summary>
    public static string ToDisplayString(this Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Warning => "warning",
        Severity.Error => "error",
        _ => "none",
    };

    /// <summary>Parses none/off, info/suggestion/note, warning/warn, error; case-insensitive.</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "none": case "off": case "false": case "disable": case "disabled": severity = Severity.None; return true;
            case "info": case "note": case "suggestion": severity = Severity.Info; return true;
            case "warning": case "warn": severity = Severity.Warning; return true;
            case "error": case "on": case "true": severity = Severity.Error; return true;
            default: severity = Severity.None; return false;
        }
    }
}
