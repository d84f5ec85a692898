using System;
using System.Diagnostics;
using System.IO;
using PolicyLint.Engine;

namespace PolicyLint.Cli;

/// <summary>What the terminal can do: colours (NO_COLOR and TERM=dumb respected) and whether streams are terminals.</summary>
internal static class Terminal
{
    public static bool StdoutIsTerminal => !Console.IsOutputRedirected;
    public static bool StderrIsTerminal => !Console.IsErrorRedirected;

    /// <summary>
    /// The terminal's width in columns for cutting excerpt lines: COLUMNS when it is a positive number, else the width the
    /// terminal reports, else null (lines are not cut).
    /// </summary>
    public static int? Width()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out int columns) && columns > 0)
            return columns;
        try { return Console.WindowWidth > 0 ? Console.WindowWidth : null; }
        catch (IOException) { return null; }
        catch (PlatformNotSupportedException) { return null; }
    }

    public static bool ColorAllowed(bool noColorOption) =>
        !noColorOption
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
}

/// <summary>
/// Progress on stderr for long runs: nothing for the first second, then one self-overwriting line at most ten times a second,
/// cleared at the end. Only used when stderr is a terminal.
/// </summary>
internal sealed class ProgressLine : IProgress<LintProgress>, IDisposable
{
    private readonly TextWriter _err;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private long _lastDraw = -1000;
    private bool _drawn;

    public ProgressLine(TextWriter err) { _err = err; }

    public void Report(LintProgress value)
    {
        long now = _clock.ElapsedMilliseconds;
        if (now < 1000) return;
        lock (_gate)
        {
            if (now - _lastDraw < 100 && value.Done != value.Total) return;
            _lastDraw = now;
            string path = value.Path.Length > 50 ? "..." + value.Path.Substring(value.Path.Length - 47) : value.Path;
            _err.Write($"\r\u001b[K[{value.Done}/{value.Total}] {path}");
            _drawn = true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_drawn) _err.Write("\r\u001b[K");
            _drawn = false;
        }
    }
}
