using System;
using System.IO;
using System.Linq;

namespace PolicyLint.EndToEnd.Tests;

/// <summary>
/// Packs the packages (PolicyLint, PolicyLint.Testing, the MSBuild task and the tool) once per test run into a temporary
/// local feed, with a version unique to this run so that NuGet's global cache never serves a stale copy. Consumers get a
/// nuget.config that keeps the machine's sources and adds this folder.
/// </summary>
public sealed class PackagesFixture : IDisposable
{
    public PackagesFixture()
    {
        RepoRoot = FindRepoRoot();
        Root = Path.Combine(Path.GetTempPath(), "policylint-e2e-" + Guid.NewGuid().ToString("N").Substring(0, 10));
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Environment.ProcessId;
        foreach (var project in new[] { "src/PolicyLint/PolicyLint.csproj", "src/PolicyLint.Testing/PolicyLint.Testing.csproj",
            "src/PolicyLint.MSBuild/PolicyLint.MSBuild.csproj", "src/PolicyLint.Cli/PolicyLint.Cli.csproj" })
        {
            // The tool's pack is the platform set users get: top-level, 'any', and the Native AOT package of this machine's RID
            // (about 30 s of CPU for the native compile on 2 cores; far longer in wall time on a loaded machine).
            var r = ProcessRunner.Run("dotnet", ["pack", project, "-c", "Release", "-o", Feed, "-p:Version=" + Version,
                "-p:ContinuousIntegrationBuild=true"], RepoRoot, timeoutSeconds: 1800);
            if (r.ExitCode != 0) throw new InvalidOperationException($"dotnet pack {project} failed:\n{r}");
        }
        Packages = Directory.GetFiles(Feed, "*.nupkg").Select(Path.GetFileName).OrderBy(x => x).ToArray()!;
    }

    public string RepoRoot { get; }
    public string Root { get; }
    public string Feed { get; }
    public string Version { get; }
    public string[] Packages { get; }

    /// <summary>A fresh consumer folder with a nuget.config that adds the local feed.</summary>
    public string NewConsumer(string name)
    {
        string dir = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N").Substring(0, 6));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "nuget.config"),
            $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <add key=\"policylint-e2e\" value=\"{Feed}\" />\n  </packageSources>\n</configuration>\n");
        // Keep the consumer out of this repository's Directory.Build.* and central package management.
        File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(dir, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(dir, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(dir, ".policylint.yml"), "root: true\n");
        return dir;
    }

    /// <summary>
    /// A fresh consumer project that references the packed PolicyLint.MSBuild: <c>Consumer.csproj</c> (with
    /// <paramref name="extra"/> in its property group), <c>Class1.cs</c> and <paramref name="doc"/> as <c>docs/guide.md</c>.
    /// </summary>
    public string NewMSBuildConsumer(string name, string doc, string targetFrameworks = "net10.0", string extra = "")
    {
        string dir = NewConsumer(name);
        string tfm = targetFrameworks.Contains(';') ? $"<TargetFrameworks>{targetFrameworks}</TargetFrameworks>" : $"<TargetFramework>{targetFrameworks}</TargetFramework>";
        File.WriteAllText(Path.Combine(dir, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {tfm}
                {extra}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PolicyLint.MSBuild" Version="{Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Class1.cs"), "namespace Consumer { public static class C { } }\n");
        Directory.CreateDirectory(Path.Combine(dir, "docs"));
        File.WriteAllText(Path.Combine(dir, "docs", "guide.md"), doc);
        return dir;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string FindRepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "PolicyLint.sln"))) return d.FullName;
        throw new InvalidOperationException("Cannot find PolicyLint.sln above the test binaries");
    }
}

[CollectionDefinition("packages")]
public sealed class PackagesCollection : ICollectionFixture<PackagesFixture> { }
