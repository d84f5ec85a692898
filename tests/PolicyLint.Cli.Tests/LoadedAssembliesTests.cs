using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Cli.Tests;

/// <summary>
/// A run loads only what it uses: JsonSchema.Net only when PL1004 has a <c>schema</c>, the HTTP stack only with external links
/// to check. The tool runs as its own process (the test host has JsonSchema.Net loaded already) with this test assembly as a
/// .NET startup hook (<see cref="global::StartupHook"/>), which writes the names of the assemblies loaded when the process exits.
/// </summary>
public sealed class LoadedAssembliesTests
{
    private static List<string> LoadedBy(string root, params string[] args)
    {
        string log = Path.Combine(root, ".loaded.txt");
        var env = new Dictionary<string, string?>
        {
            ["DOTNET_STARTUP_HOOKS"] = typeof(LoadedAssembliesTests).Assembly.Location,
            [global::StartupHook.LogVariable] = log,
        };
        var r = CliRunner.RunWith(root, null, env, args);
        Assert.True(File.Exists(log), "the startup hook wrote no log: " + r.Stderr);
        return File.ReadAllLines(log).ToList();
    }

    private const string Doc = "---\ntitle: T\nowner: me\n---\n# T\n\nSee [the guide](https://example.invalid/guide) and [this](other.md).\n";

    [Fact]
    public void A_run_without_schema_loads_neither_JsonSchema_Net_nor_the_HTTP_stack()
    {
        using var t = new TempTree();
        t.Write("doc.md", Doc).Write("other.md", "# Other\n");
        var loaded = LoadedBy(t.Root, "--no-cache", "--format", "json", ".");
        Assert.Contains("PolicyLint", loaded); // the hook saw the run
        Assert.Contains("Markdig", loaded);
        Assert.DoesNotContain("JsonSchema.Net", loaded);
        Assert.DoesNotContain("Json.More", loaded);
        Assert.DoesNotContain("JsonPointer.Net", loaded);
        Assert.DoesNotContain("System.Net.Http", loaded);
    }

    [Fact]
    public void A_run_with_a_schema_loads_JsonSchema_Net()
    {
        using var t = new TempTree();
        t.Write("doc.md", Doc).Write("other.md", "# Other\n")
         .Write("fm.json", "{ \"type\": \"object\", \"required\": [\"title\"] }")
         .Write(".policylint.yml", "rules:\n  PL1004:\n    options:\n      schema: fm.json\n");
        var loaded = LoadedBy(t.Root, "--no-cache", "--format", "json", ".");
        Assert.Contains("JsonSchema.Net", loaded);
        Assert.DoesNotContain("System.Net.Http", loaded);
    }
}
