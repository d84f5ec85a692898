using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
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

    [Fact]
    public void NoPublicSignatureMentionsAYamlDotNetType()
    {
        var offenders = PublicSignatures(typeof(PolicyLint.PolicyLinter).Assembly)
            .Where(x => x.Type.Assembly.GetName().Name == "YamlDotNet")
            .Select(x => $"{x.Where}: {x.Type.FullName}").Distinct().OrderBy(x => x, StringComparer.Ordinal).ToList();
        Assert.True(offenders.Count == 0, "YamlDotNet in the public API:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void TheSignatureWalkSeesMembersOfEveryKind()
    {
        // Guards the test above: a walk that missed parameters, generics or base types would pass for the wrong reason.
        var seen = PublicSignatures(typeof(PolicyLint.PolicyLinter).Assembly).Select(x => x.Type).ToHashSet();
        Assert.Contains(typeof(PolicyLint.Values.ValueNode), seen);          // property type and generic argument
        Assert.Contains(typeof(PolicyLint.Analysis.DocumentAnalysisContext), seen); // generic argument of a parameter (Action<T>)
        Assert.Contains(typeof(Markdig.Syntax.MarkdownObject), seen);       // generic constraint
        Assert.Contains(typeof(Exception), seen);                           // base type
    }

    [Fact]
    public void EveryPublicTypeIsTrackedInThePublicApiFiles()
    {
        // PublicApiAnalyzers fails the build on any untracked member (RS0016/RS0017); this pins that the files are the ones it reads.
        string dir = Path.Combine(SharedData.RepoRoot, "src", "PolicyLint");
        var tracked = File.ReadAllLines(Path.Combine(dir, "PublicAPI.Shipped.txt")).Concat(File.ReadAllLines(Path.Combine(dir, "PublicAPI.Unshipped.txt")))
            .ToHashSet(StringComparer.Ordinal);
        var missing = typeof(PolicyLint.PolicyLinter).Assembly.GetExportedTypes()
            .Select(t => t.FullName!.Replace('+', '.'))
            .Select(n => n.IndexOf('`') is var i and >= 0 ? n.Substring(0, i) + "<TNode>" : n)
            .Where(n => !tracked.Contains(n)).ToList();
        Assert.True(missing.Count == 0, "Not in PublicAPI.*.txt: " + string.Join(", ", missing));
        Assert.Contains("<AdditionalFiles Include=\"PublicAPI.Unshipped.txt\" />", File.ReadAllText(Path.Combine(dir, "PolicyLint.csproj")));
    }

    [Fact]
    public void TheToolAndTheBuildTaskSeeNoInternals()
    {
        string csproj = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "src", "PolicyLint", "PolicyLint.csproj"));
        var friends = Regex.Matches(csproj, "<InternalsVisibleTo Include=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("PolicyLint.Tests", friends);
        Assert.DoesNotContain("PolicyLint.Cli", friends);
        Assert.DoesNotContain("PolicyLint.MSBuild", friends);
    }

    private static IEnumerable<(string Where, Type Type)> PublicSignatures(Assembly assembly)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var t in assembly.GetExportedTypes())
        {
            foreach (var x in Flatten(t.BaseType)) yield return (t.FullName!, x);
            foreach (var i in t.GetInterfaces()) foreach (var x in Flatten(i)) yield return (t.FullName!, x);
            foreach (var g in t.GetGenericArguments()) foreach (var c in g.GetGenericParameterConstraints()) foreach (var x in Flatten(c)) yield return (t.FullName!, x);
            foreach (var m in t.GetMembers(All))
            {
                bool visible = m switch
                {
                    MethodBase mb => mb.IsPublic || mb.IsFamily || mb.IsFamilyOrAssembly,
                    FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
                    PropertyInfo p => p.GetAccessors(true).Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
                    EventInfo e => e.AddMethod is { } add && (add.IsPublic || add.IsFamily),
                    _ => false,
                };
                if (!visible) continue;
                string where = t.FullName + "." + m.Name;
                IEnumerable<Type> types = m switch
                {
                    MethodInfo mi => mi.GetParameters().Select(p => p.ParameterType).Append(mi.ReturnType)
                        .Concat(mi.GetGenericArguments().SelectMany(g => g.GetGenericParameterConstraints())),
                    ConstructorInfo ci => ci.GetParameters().Select(p => p.ParameterType),
                    FieldInfo fi => [fi.FieldType],
                    PropertyInfo pi => pi.GetIndexParameters().Select(p => p.ParameterType).Append(pi.PropertyType),
                    EventInfo ei => [ei.EventHandlerType!],
                    _ => [],
                };
                foreach (var type in types) foreach (var x in Flatten(type)) yield return (where, x);
            }
        }
    }

    private static IEnumerable<Type> Flatten(Type? type)
    {
        if (type is null) yield break;
        if (type.HasElementType) { foreach (var x in Flatten(type.GetElementType())) yield return x; yield break; }
        if (type.IsGenericParameter) yield break;
        yield return type;
        if (type.IsGenericType) foreach (var a in type.GetGenericArguments()) foreach (var x in Flatten(a)) yield return x;
    }
}
