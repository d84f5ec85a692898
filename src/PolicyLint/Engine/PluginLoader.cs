using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Reflection;
using PolicyLint.Analysis;
using PolicyLint.Configuration;

namespace PolicyLint.Engine;

/// <summary>Loads third-party analyzers from assemblies named in configuration (<c>plugins:</c>).</summary>
public static class PluginLoader
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
            if (!File.Exists(path)) throw new ConfigurationException($"Plugin assembly '{path}' does not exist");
#if NET
            if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
                throw new ConfigurationException(
                    $"This PolicyLint build is compiled ahead of time (Native AOT) and cannot load plugin '{Path.GetFileName(path)}'. " +
                    "Use the portable build: 'dotnet tool install PolicyLint.Tool --arch any' or reference the PolicyLint library and pass analyzers in code.");
#endif
            Assembly asm;
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
}
