using System.IO;

namespace PolicyLint.EndToEnd.Tests;

/// <summary>A console project that references the PolicyLint package and runs an analyzer of its own through the engine.</summary>
[Collection("packages")]
public sealed class LibraryConsumerTests(PackagesFixture packages)
{
    /// <summary>The C# block under "As a library" in README.md, exactly as written.</summary>
    private static string ReadmeLibraryExample(string repoRoot)
    {
        string readme = File.ReadAllText(Path.Combine(repoRoot, "README.md")).Replace("\r\n", "\n");
        int section = readme.IndexOf("### As a library\n", System.StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no 'As a library' section");
        const string fence = "```csharp\n";
        int start = readme.IndexOf(fence, section, System.StringComparison.Ordinal) + fence.Length;
        int end = readme.IndexOf("\n```\n", start, System.StringComparison.Ordinal);
        return readme.Substring(start, end - start + 1);
    }

    [Fact]
    public void TheReadmeLibraryExampleCompilesAndRunsAsWritten()
    {
        string dir = packages.NewConsumer("library");
        File.WriteAllText(Path.Combine(dir, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PolicyLint" Version="{packages.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), ReadmeLibraryExample(packages.RepoRoot));
        File.WriteAllText(Path.Combine(dir, "policy.md"), "# Policy\n\n### Skipped a level\n");
        Directory.CreateDirectory(Path.Combine(dir, "docs"));
        File.WriteAllText(Path.Combine(dir, "docs", "a.md"), "# Title\n\nDRAFT text and a [broken](nowhere.md) link.\n");
        var r = ProcessRunner.Dotnet(dir, "run");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("policy.md(3,1): warning PL4001:", r.Output);
        Assert.Contains("docs/a.md(3,1): error ACME1001: Remove the 'DRAFT' watermark before publishing", r.Output);
        Assert.Contains("docs/a.md(3,27): error PL3001: Link target 'nowhere.md' does not exist", r.Output);
    }

    [Fact]
    public void AConsumerRunsItsOwnAnalyzerBesideTheBuiltIns()
    {
        string dir = packages.NewConsumer("library");
        File.WriteAllText(Path.Combine(dir, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PolicyLint" Version="{packages.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), """
            using System.Collections.Immutable;
            using Markdig.Syntax.Inlines;
            using PolicyLint.Analysis;
            using PolicyLint.Diagnostics;
            using PolicyLint.Engine;

            var engine = new LintEngine([new NoDraft()]);
            var result = await engine.LintAsync(new LintRequest { Paths = ["docs"] });
            foreach (var d in result.Diagnostics) Console.WriteLine(d);
            return result.Diagnostics.Length;

            [MarkdownAnalyzer]
            public sealed class NoDraft : MarkdownAnalyzer
            {
                public static readonly RuleDescriptor Rule = RuleDescriptor.Create("ACME1001", "no-draft", "No DRAFT marks",
                    "Remove the '{0}' mark", RuleCategory.Custom, Severity.Error);
                public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];
                public override void Initialize(AnalysisContext context) => context.RegisterNodeAction<LiteralInline>(c =>
                {
                    int i = c.Node.Content.ToString().IndexOf("DRAFT", StringComparison.Ordinal);
                    if (i >= 0) c.Report(Rule, new TextSpan(c.Node.Span.Start + i, 5), "DRAFT");
                });
            }
            """);
        Directory.CreateDirectory(Path.Combine(dir, "docs"));
        File.WriteAllText(Path.Combine(dir, "docs", "a.md"), "# Title\n\nDRAFT text and a [broken](nowhere.md) link.\n");
        var r = ProcessRunner.Dotnet(dir, "run", "--", "x");
        Assert.Contains("docs/a.md(3,1): error ACME1001: Remove the 'DRAFT' mark", r.Output);
        Assert.Contains("docs/a.md(3,27): error PL3001: Link target 'nowhere.md' does not exist", r.Output);
    }
}
