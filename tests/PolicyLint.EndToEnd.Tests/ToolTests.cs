using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace PolicyLint.EndToEnd.Tests;

/// <summary><c>dotnet tool install --local</c> from the feed, then <c>dotnet policylint</c> as a user runs it.</summary>
[Collection("packages")]
public sealed class ToolTests(PackagesFixture packages)
{
    [Fact]
    public void TheLocalToolExitsOneOnABrokenDocumentAndZeroOnACleanOne()
    {
        string dir = packages.NewConsumer("tool");
        Assert.Equal(0, ProcessRunner.Dotnet(dir, "new", "tool-manifest").ExitCode);
        var install = ProcessRunner.Dotnet(dir, "tool", "install", "PolicyLint.Tool", "--version", packages.Version, "--add-source", packages.Feed);
        Assert.True(install.ExitCode == 0, install.ToString());

        var version = ProcessRunner.Dotnet(dir, "policylint", "--version");
        Assert.Equal(packages.Version, version.Output.Trim());

        Directory.CreateDirectory(Path.Combine(dir, "docs"));
        File.WriteAllText(Path.Combine(dir, "docs", "broken.md"), "# Guide\n\nSee [the missing page](missing.md).\n");
        var broken = ProcessRunner.Dotnet(dir, "policylint", "docs/broken.md");
        Assert.True(broken.ExitCode == 1, broken.ToString());
        Assert.Contains("docs/broken.md(3,", broken.Output);
        Assert.Contains("error PL3001:", broken.Output);

        File.WriteAllText(Path.Combine(dir, "docs", "clean.md"), "# Guide\n\n## Section\n\nAll good.\n");
        var clean = ProcessRunner.Dotnet(dir, "policylint", "docs/clean.md");
        Assert.True(clean.ExitCode == 0, clean.ToString());

        var usage = ProcessRunner.Dotnet(dir, "policylint", "--format", "xml");
        Assert.Equal(2, usage.ExitCode);
    }

    /// <summary>The RID this machine's SDK runs as (linux-x64...), the native package that a default pack makes here.</summary>
    private static string HostRid =>
        (OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux") + "-" + RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();

    [Fact]
    public void ADefaultPackMakesTheNativePackageForThisPlatformThePortableOneAndTheTopLevelPointer()
    {
        string native = $"PolicyLint.Tool.{HostRid}.{packages.Version}.nupkg";
        if (!packages.Packages.Contains(native))
            Assert.Skip($"No native package for {HostRid} (no native toolchain here: gcc or clang on Linux); the pack was portable only.");
        var tool = packages.Packages.Where(p => p.StartsWith("PolicyLint.Tool.", StringComparison.Ordinal)).ToArray();
        Assert.Equal(new[] { $"PolicyLint.Tool.{packages.Version}.nupkg", $"PolicyLint.Tool.any.{packages.Version}.nupkg", native }.OrderBy(x => x, StringComparer.Ordinal), tool);
    }

    /// <summary>
    /// What a user gets from 'dotnet tool install -g' (here into a tool path): on a platform with a native package, the command
    /// on the PATH is the Native AOT binary itself, run directly with no .NET host in between.
    /// </summary>
    [Fact]
    public void TheInstalledCommandIsTheNativeBinaryAndRunsDirectly()
    {
        if (!packages.Packages.Contains($"PolicyLint.Tool.{HostRid}.{packages.Version}.nupkg"))
            Assert.Skip($"No native package for {HostRid} (no native toolchain here); nothing native to install.");
        string dir = packages.NewConsumer("tool-path");
        string bin = Path.Combine(dir, "bin");
        var install = ProcessRunner.Dotnet(dir, "tool", "install", "PolicyLint.Tool", "--version", packages.Version, "--add-source", packages.Feed, "--tool-path", bin);
        Assert.True(install.ExitCode == 0, install.ToString());
        string command = Path.Combine(bin, OperatingSystem.IsWindows() ? "dotnet-policylint.exe" : "dotnet-policylint");
        var info = new FileInfo(command);
        string target = info.LinkTarget is null ? command : info.ResolveLinkTarget(returnFinalTarget: true)!.FullName;
        Assert.Contains("policylint.tool." + HostRid, target.Replace('\\', '/'), StringComparison.OrdinalIgnoreCase);
        byte[] head = new byte[4];
        using (var f = File.OpenRead(target)) Assert.Equal(4, f.Read(head, 0, 4));
        if (OperatingSystem.IsLinux()) Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, head);
        // A framework-dependent build would ship its IL beside the binary; the native package has none.
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(target)!, "PolicyLint.dll")), "the native package must not carry the IL build");

        var version = ProcessRunner.Run(command, ["--version"], dir);
        Assert.Equal(packages.Version, version.Output.Trim());
        File.WriteAllText(Path.Combine(dir, "broken.md"), "# Guide\n\nSee [the missing page](missing.md).\n");
        var broken = ProcessRunner.Run(command, ["broken.md"], dir);
        Assert.True(broken.ExitCode == 1, broken.ToString());
        Assert.Contains("broken.md(3,24): error PL3001: Link target 'missing.md' does not exist", broken.Output);
    }

    /// <summary>The portable build installs by its own package ID (for plugins and JSON Schema) and is the same command.</summary>
    [Fact]
    public void ThePortablePackageInstallsByItsOwnIdAndLintsTheSame()
    {
        string dir = packages.NewConsumer("tool-any");
        string bin = Path.Combine(dir, "bin");
        string id = packages.Packages.Contains($"PolicyLint.Tool.any.{packages.Version}.nupkg") ? "PolicyLint.Tool.any" : "PolicyLint.Tool";
        var install = ProcessRunner.Dotnet(dir, "tool", "install", id, "--version", packages.Version, "--add-source", packages.Feed, "--tool-path", bin);
        Assert.True(install.ExitCode == 0, install.ToString());
        string command = Path.Combine(bin, OperatingSystem.IsWindows() ? "dotnet-policylint.exe" : "dotnet-policylint");
        Assert.Null(new FileInfo(command).LinkTarget); // the .NET apphost shim, not a link to a native binary
        File.WriteAllText(Path.Combine(dir, "broken.md"), "# Guide\n\nSee [the missing page](missing.md).\n");
        var broken = ProcessRunner.Run(command, ["broken.md"], dir);
        Assert.True(broken.ExitCode == 1, broken.ToString());
        Assert.Contains("broken.md(3,24): error PL3001: Link target 'missing.md' does not exist", broken.Output);
    }
    /// <summary>
    /// The portable package carries ReadyToRun code for the machine that packed it (about 2.4 times less CPU on the corpus),
    /// and keeps the IL every other platform runs: each assembly is still a managed assembly with metadata.
    /// </summary>
    [Fact]
    public void ThePortablePackagesAssembliesAreReadyToRunForThePackingMachineAndKeepTheirIl()
    {
        string name = $"PolicyLint.Tool.any.{packages.Version}.nupkg";
        Assert.Contains(name, packages.Packages);
        bool expectNative = HostRid is "linux-x64" or "linux-arm64" or "osx-x64" or "osx-arm64" or "win-x64";
        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(packages.Feed, name));
        var assemblies = zip.Entries.Where(e => e.FullName.StartsWith("tools/net10.0/any/", StringComparison.Ordinal)
            && e.FullName.IndexOf('/', "tools/net10.0/any/".Length) < 0 && e.FullName.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        Assert.Contains(assemblies, e => e.Name == "PolicyLint.dll");
        Assert.Contains(assemblies, e => e.Name == "Markdig.dll");
        foreach (var entry in assemblies)
        {
            using var ms = new MemoryStream();
            using (var s = entry.Open()) s.CopyTo(ms);
            ms.Position = 0;
            using var pe = new System.Reflection.PortableExecutable.PEReader(ms);
            Assert.True(pe.HasMetadata, entry.Name + " has no metadata");
            var cor = pe.PEHeaders.CorHeader!;
            bool readyToRun = cor.ManagedNativeHeaderDirectory.Size > 0;
            Assert.True(readyToRun == expectNative, $"{entry.Name}: ReadyToRun {readyToRun}, expected {expectNative} on {HostRid}");
        }
    }
}
