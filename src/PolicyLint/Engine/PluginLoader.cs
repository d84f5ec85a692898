using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Reflection;
using PolicyLint.Analysis;
using PolicyLint.Configuration;
using PolicyLint.IO;

namespace PolicyLint.Engine;

/// <summary>Loads third-party analyzers from assemblies named in configuration (<c>plugins:</c>).</summary>
internal static class PluginLoader
{
    /// <summary>Loads every public, non-abstract <see cref="MarkdownAnalyzer"/> marked with <see cref="MarkdownAnalyzerAttribute"/>.</summary>
    /// <exception cref="ConfigurationException">The assembly is missing, cannot load, or this build cannot load plugins.</exception>
#if NET
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Plugins are refused with a clear message in trimmed/AOT builds.")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "Plugins are refused with a clear message in trimmed/AOT builds.")]
    [UnconditionalSuppressMessage("AOT", "IL3000", Justification = "Location is only read for messages.")]
#endif
    public static IReadOnlyList<MarkdownAnalyzer> Load(IEnumerable<string> assemblyPaths)
    {
        var result = new List<MarkdownAnalyzer>();
        foreach (var path in assemblyPaths)
        {
            InputLog.Refuse("a plugin was loaded (what it reads cannot be logged)");
            if (!InputLog.FileExists(path)) throw new ConfigurationException($"Plugin assembly '{path}' does not exist");
#if NET
            if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
                throw new ConfigurationException(
                    $"This PolicyLint build is compiled ahead of time (Native AOT) and cannot load plugin '{Path.GetFileName(path)}'. " +
                    "Install the portable build of the same tool, which can: 'dotnet tool uninstall PolicyLint.Tool' then 'dotnet tool install PolicyLint.Tool.any' " +
                    "(the command stays 'dotnet policylint'), or reference the PolicyLint library and pass analyzers in code.");
#endif
            Assembly asm;
#if NET
            InstallRollDownResolver();
#endif
            try { asm = Assembly.LoadFrom(path); }
            catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or IOException)
            {
                throw new ConfigurationException($"Cannot load plugin assembly '{path}': {ex.Message}", inner: ex);
            }
            Type[] types;
            try { types = asm.GetExportedTypes(); }
            catch (ReflectionTypeLoadException ex) { types = ex.Types.Where(t => t is not null).ToArray()!; }
            int found = 0;
            foreach (var t in types)
            {
                if (t.IsAbstract || !typeof(MarkdownAnalyzer).IsAssignableFrom(t) || t.GetCustomAttribute<MarkdownAnalyzerAttribute>() is null) continue;
                if (Activator.CreateInstance(t) is MarkdownAnalyzer a) { result.Add(a); found++; }
            }
            if (found == 0)
                throw new ConfigurationException($"Plugin assembly '{path}' has no public [MarkdownAnalyzer] class deriving from MarkdownAnalyzer");
        }
        return result;
    }

#if NET
    private static int _resolverInstalled;
    [ThreadStatic] private static bool _resolving;

    /// <summary>
    /// A netstandard2.0 plugin compiles against the package versions of assemblies that .NET ships in the box
    /// (System.Collections.Immutable 11.0 while .NET 10 has 10.0); the runtime refuses the lower version. When such a
    /// reference cannot be found, the runtime's own copy is used instead (same API for what plugins use).
    /// </summary>
    private static void InstallRollDownResolver()
    {
        if (System.Threading.Interlocked.Exchange(ref _resolverInstalled, 1) != 0) return;
        var context = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(typeof(PluginLoader).Assembly)
                      ?? System.Runtime.Loader.AssemblyLoadContext.Default;
        context.Resolving += (ctx, name) =>
        {
            if (_resolving || name.Name is null || name.Version is null) return null;
            foreach (var loaded in ctx.Assemblies)
                if (string.Equals(loaded.GetName().Name, name.Name, StringComparison.OrdinalIgnoreCase)) return loaded;
            _resolving = true;
            try { return ctx.LoadFromAssemblyName(new AssemblyName(name.Name)); }
            catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException) { return null; }
            finally { _resolving = false; }
        };
    }
#endif
}
