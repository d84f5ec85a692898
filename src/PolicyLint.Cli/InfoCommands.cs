using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PolicyLint.Configuration;
using PolicyLint.Diagnostics;
using PolicyLint.Engine;
using PolicyLint.Output;

namespace PolicyLint.Cli;

/// <summary>The <c>rules</c>, <c>explain</c> and <c>init</c> subcommands.</summary>
internal static class InfoCommands
{
    /// <summary>Built-in rules plus those of plugins named by the configuration that applies to the current directory.</summary>
    private static IReadOnlyList<RuleDescriptor> AllRules(string? configPath)
    {
        string cwd = Directory.GetCurrentDirectory();
        return new LintEngine().GetRules(new LintRequest
        {
            BaseDirectory = cwd, ConfigPath = configPath is null ? null : Path.GetFullPath(configPath), DiscoverConfiguration = true,
        });
    }

    public static int Rules(TextWriter stdout, string format, string? configPath)
    {
        var rules = AllRules(configPath);
        if (format == "json")
        {
            using var stream = new MemoryStream();
            using (var w = new System.Text.Json.Utf8JsonWriter(stream, new System.Text.Json.JsonWriterOptions
            {
                Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }))
            {
                w.WriteStartArray();
                foreach (var r in rules)
                {
                    w.WriteStartObject();
                    w.WriteString("id", r.Id);
                    w.WriteString("name", r.Name);
                    w.WriteString("title", r.Title);
                    w.WriteString("category", JsonFormatter.CategoryName(r.Category));
                    w.WriteString("defaultSeverity", r.DefaultSeverity.ToDisplayString());
                    w.WriteBoolean("enabledByDefault", r.IsEnabledByDefault);
                    w.WriteBoolean("fixable", r.HasFix);
                    w.WriteString("helpUri", r.HelpLink);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            stdout.Write(new UTF8Encoding(false).GetString(stream.ToArray()) + "\n");
            return Program.ExitClean;
        }
        var rows = new List<string[]> { new[] { "ID", "Name", "Category", "Severity", "Fixable", "Title" } };
        foreach (var r in rules)
            rows.Add(new[]
            {
                r.Id, r.Name, JsonFormatter.CategoryName(r.Category),
                r.IsEnabledByDefault ? r.DefaultSeverity.ToDisplayString() : "off (" + r.DefaultSeverity.ToDisplayString() + ")",
                r.HasFix ? "yes" : "no", r.Title,
            });
        var widths = Enumerable.Range(0, 5).Select(i => rows.Max(row => row[i].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            for (int i = 0; i < 5; i++) sb.Append(row[i].PadRight(widths[i])).Append("  ");
            sb.Append(row[5]).Append('\n');
        }
        sb.Append(rules.Count.ToString(CultureInfo.InvariantCulture)).Append(" rules. 'dotnet policylint explain <ID>' shows a rule's page.\n");
        stdout.Write(sb.ToString());
        return Program.ExitClean;
    }

    public static int Explain(TextWriter stdout, TextWriter stderr, string key, string? configPath)
    {
        var rules = AllRules(configPath);
        var rule = rules.FirstOrDefault(r => string.Equals(r.Id, key, StringComparison.OrdinalIgnoreCase)
                                          || string.Equals(r.Name, key, StringComparison.OrdinalIgnoreCase));
        if (rule is null)
        {
            var best = rules.SelectMany(r => new[] { (Key: r.Id, Rule: r), (Key: r.Name, Rule: r) })
                .Select(x => (x.Rule, Distance: Text.EditDistance.Compute(key.ToLowerInvariant(), x.Key.ToLowerInvariant())))
                .OrderBy(x => x.Distance).ThenBy(x => x.Rule.Id, StringComparer.Ordinal).FirstOrDefault();
            string hint = best.Rule is not null && best.Distance <= Math.Max(2, key.Length / 3)
                ? $"; did you mean {best.Rule.Id} ({best.Rule.Name})?" : "; run 'dotnet policylint rules' for the list";
            stderr.WriteLine($"policylint: unknown rule '{key}'{hint}");
            return Program.ExitError;
        }
        string? page = RulePages.Get(rule.Id);
        var sb = new StringBuilder();
        sb.Append(rule.Id).Append(' ').Append(rule.Name).Append(": ").Append(rule.Title).Append('\n');
        sb.Append("Category: ").Append(JsonFormatter.CategoryName(rule.Category))
          .Append(" | default severity: ").Append(rule.DefaultSeverity.ToDisplayString())
          .Append(rule.IsEnabledByDefault ? "" : " (off by default)")
          .Append(" | fixable: ").Append(rule.HasFix ? "yes" : "no").Append('\n');
        sb.Append(rule.HelpLink is { } link ? "Online: " + link + "\n\n" : "\n");
        if (page is null)
            sb.Append(rule.HelpLink is null ? "No page is embedded for this rule (it comes from a plugin, which gives no link).\n"
                : "No page is embedded for this rule (it comes from a plugin); see the link above.\n");
        else sb.Append(StripFrontMatter(page).TrimStart('\n'));
        string text = sb.ToString();
        stdout.Write(text.EndsWith("\n", StringComparison.Ordinal) ? text : text + "\n");
        return Program.ExitClean;
    }

    private static string StripFrontMatter(string page)
    {
        page = page.Replace("\r\n", "\n");
        if (!page.StartsWith("---\n", StringComparison.Ordinal)) return page;
        int end = page.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        return end < 0 ? page : page.Substring(end + 5);
    }

    public const string StarterConfig = """
        # PolicyLint configuration: https://github.com/policylint/policylint/blob/main/docs/configuration.md
        # Files below this folder use it; a .policylint.yml in a subfolder refines it for that subfolder.
        # 'dotnet policylint rules' lists every rule; 'dotnet policylint explain PL4001' shows one rule's page.

        # Stop looking for configuration in parent folders.
        root: true

        # Start from a built-in pack: recommended, policy or blog-post.
        extends: recommended

        # Which files to lint (globs relative to this folder). .gitignore is honoured too (--no-ignore turns that off).
        include:
          - "**/*.md"
        exclude:
          - "node_modules/**"
          - "vendor/**"

        # Per-rule severity (error, warning, info, none) or options. Rule IDs and names both work.
        rules:
          # PL0002: warning                # unused suppression comments
          # heading-increment: error       # a rule by name
          # PL1003:
          #   severity: error
          #   options:
          #     fields: [title, date]

        # Different settings for some files.
        # overrides:
        #   - files: ["blog/**/*.md"]
        #     rules:
        #       PL4001: none

        # Suppression comments (<!-- policylint-disable-next-line PL3001 -- reason -->) must give a reason.
        # requireJustification: true
        """;

    public static int Init(TextWriter stdout, TextWriter stderr, bool force)
    {
        string cwd = Directory.GetCurrentDirectory();
        var existing = new[] { ".policylint.yml", ".policylint.yaml", "policylint.yml" }.Select(n => Path.Combine(cwd, n)).FirstOrDefault(File.Exists);
        if (existing is not null && !force)
        {
            stderr.WriteLine($"policylint: {Path.GetFileName(existing)} already exists; use --force to overwrite it");
            return Program.ExitError;
        }
        string target = existing ?? Path.Combine(cwd, ".policylint.yml");
        Fixer.WriteAtomicallyNew(target, new UTF8Encoding(false).GetBytes(StarterConfig.Replace("\r\n", "\n") + "\n"));
        stdout.WriteLine($"Wrote {Path.GetFileName(target)}. Run 'dotnet policylint' to lint this folder.");
        return Program.ExitClean;
    }

    /// <summary><c>policylint cache clean</c>: deletes the result cache folder (only what PolicyLint wrote there).</summary>
    public static int CacheClean(TextWriter stdout, TextWriter stderr, string? location)
    {
        string cwd = Directory.GetCurrentDirectory();
        string dir = LintEngine.GetCacheDirectory(new LintRequest { BaseDirectory = cwd, CacheDirectory = location });
        string display = Path.GetRelativePath(cwd, dir).Replace('\\', '/');
        try
        {
            if (LintEngine.CleanCache(dir)) stdout.WriteLine(Directory.Exists(dir)
                ? $"Removed the cache files in {display} (the folder holds other files, kept)."
                : $"Removed {display}.");
            else stdout.WriteLine($"No cache at {display}.");
            return Program.ExitClean;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"policylint: cannot remove {display}: {ex.Message}");
            return Program.ExitError;
        }
    }
}
