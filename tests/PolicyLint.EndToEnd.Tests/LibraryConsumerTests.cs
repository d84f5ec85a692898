using System.IO;

namespace PolicyLint.EndToEnd.Tests;

/// <summary>A console project that references the PolicyLint package and runs an analyzer of its own through the engine.</summary>
[Collection("packages")]
public sealed class LibraryConsumerTests(PackagesFixture packages)
{
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
