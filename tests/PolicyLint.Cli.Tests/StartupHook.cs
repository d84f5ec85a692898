using System;
using System.IO;
using System.Linq;

/// <summary>
/// A .NET startup hook (DOTNET_STARTUP_HOOKS names this assembly; the runtime calls <see cref="Initialize"/> before Main):
/// when the variable <see cref="LogVariable"/> names a file, the simple names of the assemblies loaded at process exit are
/// written to it, one a line. Uses only the base library, so loading it into the tool's process loads nothing else.
/// When <see cref="RacyWindowVariable"/> holds a number of milliseconds, the result cache's and the run record's window
/// (how recent a change must be for a stamp not to be trusted) is that instead of 2 s: tests that edit a tree and run at
/// once can then see records kept. Set by reflection: the tool has no such switch of its own.
/// </summary>
internal static class StartupHook
{
    internal const string LogVariable = "POLICYLINT_TEST_LOADED_ASSEMBLIES";
    internal const string RacyWindowVariable = "POLICYLINT_TEST_RACY_WINDOW_MS";

    public static void Initialize()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable(RacyWindowVariable), out int ms))
        {
            var field = Type.GetType("PolicyLint.Engine.ResultCache, PolicyLint", throwOnError: true)!
                .GetField("RacyWindowOverride", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
            ((System.Threading.AsyncLocal<TimeSpan?>)field.GetValue(null)!).Value = TimeSpan.FromMilliseconds(ms);
        }
        string? log = Environment.GetEnvironmentVariable(LogVariable);
        if (string.IsNullOrEmpty(log)) return;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            File.WriteAllLines(log, AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "").OrderBy(n => n, StringComparer.Ordinal));
    }
}
