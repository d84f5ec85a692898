using BenchmarkDotNet.Running;

namespace PolicyLint.Benchmarks;

/// <summary>Run: dotnet run -c Release --project bench/PolicyLint.Benchmarks -- --filter '*' [--job short]</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
