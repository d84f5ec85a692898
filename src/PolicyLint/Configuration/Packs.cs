using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace PolicyLint.Configuration;

/// <summary>Built-in configuration presets (<c>rules/packs/*.yml</c>, embedded in the assembly).</summary>
public static class Packs
{
    private const string Prefix = "PolicyLint.packs.";

    /// <summary>Names of the built-in packs.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(Packs).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".yml", StringComparison.Ordinal))
        .Select(n => n.Substring(Prefix.Length, n.Length - Prefix.Length - 4)).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    /// <summary>The YAML text of a pack, or null when there is no such pack.</summary>
    public static string? GetText(string name)
    {
        using var stream = typeof(Packs).Assembly.GetManifestResourceStream(Prefix + name + ".yml");
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static ConfigFile Load(string name, string baseDirectory)
    {
        var text = GetText(name) ?? throw new ConfigurationException(
            $"Unknown pack '{name}'; built-in packs are {string.Join(", ", Names)}");
        return ConfigFile.Parse(text, "pack:" + name, baseDirectory);
    }
}

/// <summary>Embedded rule pages (<c>rules/PL####.md</c>), for <c>explain</c> and offline help.</summary>
public static class RulePages
{
    private const string Prefix = "PolicyLint.rules.";

    /// <summary>The Markdown page of a rule, or null.</summary>
    public static string? Get(string id)
    {
        using var stream = typeof(RulePages).Assembly.GetManifestResourceStream(Prefix + id.ToUpperInvariant() + ".md");
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
