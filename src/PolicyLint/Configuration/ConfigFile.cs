using System;
using System.Collections.Generic;
using System.IO;
using PolicyLint.IO;
using PolicyLint.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Configuration;

/// <summary>One rule entry in a configuration: severity and/or options, with where it was written.</summary>
internal sealed class RuleSetting
{
    public RuleSetting(string key, Severity? severity, YamlMappingNode? options, string source, int line, int column)
    {
        Key = key; Severity = severity; Options = options; Source = source; Line = line; Column = column;
        OptionValues = YamlConfigReader.ToOptionValues(options, source);
    }
    /// <summary>The options in PolicyLint's value model, converted once per configuration file.</summary>
    public IReadOnlyList<KeyValuePair<string, Values.ValueNode>> OptionValues { get; }
    public string Key { get; }
    public Severity? Severity { get; }
    public YamlMappingNode? Options { get; }
    public string Source { get; }
    public int Line { get; }
    public int Column { get; }
}

internal sealed class OverrideSection
{
    public List<string> Files { get; } = new();
    public List<string> ExcludeFiles { get; } = new();
    public List<string> Extends { get; } = new();
    public List<RuleSetting> Rules { get; } = new();
    public Dictionary<string, YamlNode> Settings { get; } = new(StringComparer.Ordinal);
}

/// <summary>A parsed <c>.policylint.yml</c> (or a built-in pack).</summary>
internal sealed class ConfigFile
{
    public const string FileName = ".policylint.yml";
    public static readonly string[] FileNames = [".policylint.yml", ".policylint.yaml", "policylint.yml"];

    /// <summary>Top-level keys that are settings shared by several rules (kept as YAML for the rules to read).</summary>
    internal static readonly HashSet<string> SettingKeys = new(StringComparer.Ordinal)
    {
        "siteRoots", "indexFiles", "slugStyle", "htmlExtensionMapsToMd", "frontMatterTitleIsH1", "documentTypes", "site", "links",
    };

    public ConfigFile(string path, string directory) { Path = path; Directory = directory; }

    public string Path { get; }
    public string Directory { get; }
    public bool Root { get; set; }
    public List<string> Extends { get; } = new();
    public List<string>? Include { get; set; }
    public List<string>? Exclude { get; set; }
    public List<RuleSetting> Rules { get; } = new();
    public List<OverrideSection> Overrides { get; } = new();
    public List<string> Plugins { get; } = new();
    public bool? RequireJustification { get; set; }
    public long? MaxFileSize { get; set; }
    public Dictionary<string, YamlNode> Settings { get; } = new(StringComparer.Ordinal);
    /// <summary>The text this configuration was parsed from (empty for a holder built in code): the result cache's key.</summary>
    public string Text { get; private set; } = string.Empty;

    public static ConfigFile Load(string path)
    {
        string text;
        try { text = SafeFile.ReadAllText(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException("Cannot read the configuration: " + ex.Message, path, inner: ex);
        }
        return Parse(text, path, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".");
    }

    public static ConfigFile Parse(string text, string path, string directory)
    {
        var file = new ConfigFile(path, directory) { Text = text };
        var map = YamlConfigReader.LoadMapping(text, path);
        if (map is null) return file;
        foreach (var kv in map.Children)
        {
            string key = YamlConfigReader.Scalar(path, kv.Key, "key");
            var v = kv.Value;
            switch (key)
            {
                case "root": file.Root = YamlConfigReader.Bool(path, v, key); break;
                case "extends": file.Extends.AddRange(YamlConfigReader.StringList(path, v, key)); break;
                case "include": file.Include = YamlConfigReader.StringList(path, v, key); break;
                case "exclude": file.Exclude = YamlConfigReader.StringList(path, v, key); break;
                case "plugins":
                    foreach (var p in YamlConfigReader.StringList(path, v, key))
                        file.Plugins.Add(System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, p)));
                    break;
                case "requireJustification": file.RequireJustification = YamlConfigReader.Bool(path, v, key); break;
                case "maxFileSize": file.MaxFileSize = YamlConfigReader.Long(path, v, key); break;
                case "rules": ParseRules(path, v, file.Rules); break;
                case "overrides": ParseOverrides(path, v, file); break;
                case DocumentTypesKey: file.Rules.Add(DocumentTypes(path, kv.Key, v)); break;
                default:
                    if (SettingKeys.Contains(key)) { file.Settings[key] = v; break; }
                    throw YamlConfigReader.Error(path, kv.Key,
                        $"Unknown configuration key '{key}'; expected one of root, extends, include, exclude, rules, overrides, plugins, requireJustification, maxFileSize, {string.Join(", ", SettingKeys)}");
            }
        }
        return file;
    }

    private static void ParseRules(string path, YamlNode node, List<RuleSetting> into)
    {
        var map = YamlConfigReader.Mapping(path, node, "rules");
        foreach (var kv in map.Children)
        {
            string key = YamlConfigReader.Scalar(path, kv.Key, "rule");
            int line = (int)kv.Key.Start.Line, col = (int)kv.Key.Start.Column;
            switch (kv.Value)
            {
                case YamlScalarNode s:
                    if (!SeverityExtensions.TryParse(s.Value, out var sev))
                        throw YamlConfigReader.Error(path, s, $"'{s.Value}' is not a severity for rule '{key}'; use none, info, warning or error");
                    into.Add(new RuleSetting(key, sev, null, path, line, col));
                    break;
                case YamlMappingNode m:
                    Severity? severity = null;
                    YamlMappingNode? options = null;
                    foreach (var e in m.Children)
                    {
                        string k = YamlConfigReader.Scalar(path, e.Key, "key");
                        if (k == "severity")
                        {
                            string sv = YamlConfigReader.Scalar(path, e.Value, "severity");
                            if (!SeverityExtensions.TryParse(sv, out var parsed))
                                throw YamlConfigReader.Error(path, e.Value, $"'{sv}' is not a severity; use none, info, warning or error");
                            severity = parsed;
                        }
                        else if (k == "options") options = YamlConfigReader.Mapping(path, e.Value, "options");
                        else throw YamlConfigReader.Error(path, e.Key, $"Unknown key '{k}' for rule '{key}'; expected 'severity' or 'options'");
                    }
                    into.Add(new RuleSetting(key, severity, options, path, line, col));
                    break;
                default:
                    throw YamlConfigReader.Error(path, kv.Value, $"Rule '{key}' must be a severity or a mapping with 'severity' and 'options'");
            }
        }
    }

    private const string DocumentTypesKey = "documentTypes";

    /// <summary>
    /// The top-level <c>documentTypes</c> setting is PL4007's option of that name, written at this place of the configuration
    /// (it was kept and never read: <c>documentTypes: 7</c> passed silently). It must be a mapping of type names.
    /// </summary>
    private static RuleSetting DocumentTypes(string path, YamlNode key, YamlNode value)
    {
        var map = value as YamlMappingNode ?? (YamlConfigReader.IsNull(value) ? new YamlMappingNode()
            : throw YamlConfigReader.Error(path, value, "'documentTypes' must be a mapping of document type names to their templates (see PL4007)"));
        var options = new YamlMappingNode { { new YamlScalarNode(DocumentTypesKey), map } };
        return new RuleSetting("PL4007", null, options, path, (int)key.Start.Line, (int)key.Start.Column);
    }

    private static void ParseOverrides(string path, YamlNode node, ConfigFile file)
    {
        if (YamlConfigReader.IsNull(node)) return;
        if (node is not YamlSequenceNode seq) throw YamlConfigReader.Error(path, node, "'overrides' must be a list");
        foreach (var item in seq.Children)
        {
            var map = YamlConfigReader.Mapping(path, item, "overrides item");
            var section = new OverrideSection();
            foreach (var kv in map.Children)
            {
                string key = YamlConfigReader.Scalar(path, kv.Key, "key");
                switch (key)
                {
                    case "files": section.Files.AddRange(YamlConfigReader.StringList(path, kv.Value, key)); break;
                    case "excludeFiles": section.ExcludeFiles.AddRange(YamlConfigReader.StringList(path, kv.Value, key)); break;
                    case "rules": ParseRules(path, kv.Value, section.Rules); break;
                    case "extends": section.Extends.AddRange(YamlConfigReader.StringList(path, kv.Value, key)); break;
                    case DocumentTypesKey: section.Rules.Add(DocumentTypes(path, kv.Key, kv.Value)); break;
                    default:
                        if (SettingKeys.Contains(key)) { section.Settings[key] = kv.Value; break; }
                        throw YamlConfigReader.Error(path, kv.Key, $"Unknown key '{key}' in an override; expected files, excludeFiles, extends, rules or a setting");
                }
            }
            if (section.Files.Count == 0) throw YamlConfigReader.Error(path, item, "An override needs 'files' globs");
            file.Overrides.Add(section);
        }
    }
}
