using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyLint.Tests.TestSupport;

namespace PolicyLint.Tests.Catalog;

/// <summary>The layering the analyzer contract promises, checked on the sources.</summary>
public sealed class ArchitectureTests
{
    // The compiler resolves names only through using directives, full qualification, or the enclosing PolicyLint namespace
    // ('Engine.X' from inside PolicyLint.Rules): these three forms are every way a rule could reach an Engine or Configuration type.
    private static readonly Regex Forbidden = new(
        @"\bPolicyLint\.(Engine|Configuration)\b|(?<![\w.])(Engine|Configuration)\s*\.\s*[A-Z]|^\s*global\s+using\b", RegexOptions.Multiline);

    [Theory]
    [InlineData("src/PolicyLint/Rules")]
    [InlineData("src/PolicyLint/Analysis")]
    [InlineData("src/PolicyLint/Values")]
    [InlineData("src/PolicyLint/Documents")]
    public void RulesAndTheContractDoNotUseEngineOrConfigurationTypes(string folder)
    {
        string root = Path.Combine(SharedData.RepoRoot, folder);
        var files = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        var offenders = files
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (f, i, line)))
            .Where(x => Forbidden.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(SharedData.RepoRoot, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Engine or Configuration used:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void TheCheckCatchesEachWayOfReachingAnEngineType()
    {
        Assert.Matches(Forbidden, "using PolicyLint.Engine;");
        Assert.Matches(Forbidden, "var r = PolicyLint.Configuration.ConfigurationResolver.GetRelativePath(a, b);");
        Assert.Matches(Forbidden, "string rel = Configuration.ConfigurationResolver.GetRelativePath(root, fullPath);");
        Assert.Matches(Forbidden, "var w = Engine.TargetResolver.Decode(t);");
        Assert.DoesNotMatch(Forbidden, "var s = context.Configuration.GetOptions(rule);");
        Assert.DoesNotMatch(Forbidden, "// Configuration reads it into the shared settings.");
    }
}
