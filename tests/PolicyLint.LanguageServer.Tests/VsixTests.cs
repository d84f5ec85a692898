using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;

namespace PolicyLint.LanguageServer.Tests;

/// <summary>The packaged VS Code extension (built by .ci/run with vsce) holds the bundled client and its settings.</summary>
public sealed class VsixTests
{
    [Fact]
    public void TheVsixCarriesTheBundledClientAndItsSettings()
    {
        string vsix = Path.Combine(Tooling.RepoRoot, "editors", "vscode", "policylint.vsix");
        if (!File.Exists(vsix)) { Assert.Skip("editors/vscode/policylint.vsix is not built (npm ci && npm run package there): nothing to check"); return; }
        using var zip = ZipFile.OpenRead(vsix);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("extension.vsixmanifest", names);
        Assert.Contains("extension/out/extension.js", names);
        Assert.DoesNotContain(names, n => n.StartsWith("extension/src/") || n.StartsWith("extension/node_modules/"));
        using var manifest = JsonDocument.Parse(zip.GetEntry("extension/package.json")!.Open());
        var root = manifest.RootElement;
        Assert.Equal("./out/extension.js", root.GetProperty("main").GetString());
        var properties = root.GetProperty("contributes").GetProperty("configuration").GetProperty("properties");
        Assert.True(properties.GetProperty("policylint.enable").GetProperty("default").GetBoolean());
        Assert.Equal("", properties.GetProperty("policylint.path").GetProperty("default").GetString());
        using var reader = new StreamReader(zip.GetEntry("extension/out/extension.js")!.Open());
        string bundle = reader.ReadToEnd();
        // The client library is bundled in (no node_modules in the package), and it starts the 'server' command.
        Assert.Contains("\"server\"", bundle);
        Assert.Contains("getConfiguration(\"policylint\")", bundle);
        Assert.Contains("get(\"path\"", bundle);
    }
}
