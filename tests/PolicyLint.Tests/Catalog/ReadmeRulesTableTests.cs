using System;
using System.IO;
using System.Linq;
using System.Text;
using PolicyLint.Diagnostics;
using PolicyLint.Engine;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Catalog;

/// <summary>The README's rules table lists exactly the rules the engine has, with their current defaults.</summary>
public sealed class ReadmeRulesTableTests
{
    private const string Start = "<!-- rules-table:start -->";
    private const string End = "<!-- rules-table:end -->";

    internal static string BuildTable()
    {
        var sb = new StringBuilder();
        sb.Append("| ID | Name | What it checks | Default | Fix |\n| --- | --- | --- | --- | --- |\n");
        foreach (var r in new LintEngine().Rules)
        {
            string severity = r.IsEnabledByDefault ? r.DefaultSeverity.ToDisplayString() : "off (" + r.DefaultSeverity.ToDisplayString() + ")";
            sb.Append($"| [{r.Id}](rules/{r.Id}.md) | `{r.Name}` | {r.Title} | {severity} | {(r.HasFix ? "yes" : "")} |\n");
        }
        return sb.ToString();
    }

    [Fact]
    public void ReadmeTableMatchesTheCatalog()
    {
        string path = Path.Combine(SharedData.RepoRoot, "README.md");
        string readme = File.ReadAllText(path).Replace("\r\n", "\n");
        int s = readme.IndexOf(Start, StringComparison.Ordinal), e = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(s >= 0 && e > s, "README.md needs the rules-table markers");
        string current = readme.Substring(s + Start.Length, e - s - Start.Length).Trim('\n') + "\n";
        string expected = BuildTable();
        if (current == expected) return;
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1" && Environment.GetEnvironmentVariable("CI") != "true")
        {
            File.WriteAllText(path, readme.Substring(0, s + Start.Length) + "\n" + expected + readme.Substring(e));
            return;
        }
        Assert.Fail("README.md's rules table is out of date; run the tests with UPDATE_SNAPSHOTS=1 to regenerate it.\nExpected:\n" + expected);
    }
}
