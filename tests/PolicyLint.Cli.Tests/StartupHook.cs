using System;
using System.IO;
using System.Linq;

/// <summary>
/// A .NET startup hook (DOTNET_STARTUP_HOOKS names this assembly; the runtime calls <see cref="Initialize"/> before Main):
/// when the variable <see cref="LogVariable"/> names a file, the simple names of the assemblies loaded at process exit are
/// written to it, one a line. Uses only the base library, so loading it into the tool's process loads nothing else.
/// </summary>
internal static class StartupHook
{
    internal const string LogVariable = "POLICYLINT_TEST_LOADED_ASSEMBLIES";

    public static void Initialize()
    {
        string? log = Environment.GetEnvironmentVariable(LogVariable);
        if (string.IsNullOrEmpty(log)) return;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            File.WriteAllLines(log, AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "").OrderBy(n => n, StringComparer.Ordinal));
    }
}
