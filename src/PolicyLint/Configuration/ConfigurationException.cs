using System;

namespace PolicyLint.Configuration;

/// <summary>An invalid configuration: names the file and, where known, the line and column.</summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConfigurationException(string message, string? path = null, int line = 0, int column = 0, Exception? inner = null)
        : base(Format(message, path, line, column), inner)
    {
        Reason = message; FilePath = path; Line = line; Column = column;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }
    /// <summary>The configuration file (null for configuration given in code).</summary>
    public string? FilePath { get; }
    /// <summary>1-based line, 0 when unknown.</summary>
    public int Line { get; }
    /// <summary>1-based column, 0 when unknown.</summary>
    public int Column { get; }

    private static string Format(string message, string? path, int line, int column) =>
        path is null ? message : line > 0 ? $"{path}({line},{column}): {message}" : $"{path}: {message}";
}
