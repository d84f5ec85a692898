using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;

namespace PolicyLint.EndToEnd.Tests;

/// <summary>
/// The portable tool package carries the runtime options measured for it (issue 19, bench/README.md): tiered PGO off, since
/// its instrumentation cost more CPU on a lint run than the profile-guided code won back. The native package has no JIT.
/// </summary>
[Collection("packages")]
public sealed class RuntimeConfigTests(PackagesFixture packages)
{
    [Fact]
    public void ThePortableToolPackageTurnsTieredPgoOff()
    {
        // With a native toolchain the portable build is PolicyLint.Tool.any; without one it is PolicyLint.Tool itself.
        string any = $"PolicyLint.Tool.any.{packages.Version}.nupkg";
        string name = packages.Packages.Contains(any) ? any : $"PolicyLint.Tool.{packages.Version}.nupkg";
        using var zip = ZipFile.OpenRead(Path.Combine(packages.Feed, name));
        var entry = zip.Entries.Single(e => e.FullName.StartsWith("tools/", StringComparison.Ordinal)
            && e.FullName.EndsWith("/PolicyLint.Cli.runtimeconfig.json", StringComparison.Ordinal));
        using var stream = entry.Open();
        using var doc = JsonDocument.Parse(stream);
        var properties = doc.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.True(properties.TryGetProperty("System.Runtime.TieredPGO", out var pgo), $"{name}: {entry.FullName} sets no System.Runtime.TieredPGO:\n{doc.RootElement}");
        Assert.Equal(JsonValueKind.False, pgo.ValueKind);
    }
}
