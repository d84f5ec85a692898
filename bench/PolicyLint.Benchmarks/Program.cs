using System.Linq;
using BenchmarkDotNet.Running;

namespace PolicyLint.Benchmarks;

/// <summary>
/// Run: dotnet run -c Release --project bench/PolicyLint.Benchmarks -- --filter '*' [--job short].
/// <c>-- --encoding-quick</c> prints the encoding family's MB/s with a stopwatch instead.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Contains("--encoding-quick")) { EncodingBenchmarks.Quick(); return; }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
