using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace PolicyLint.Benchmarks;

/// <summary>
/// Run: dotnet run -c Release --project bench/PolicyLint.Benchmarks -- --filter '*' [--job short].
/// <c>-- --encoding-quick</c> prints the encoding family's MB/s with a stopwatch instead; <c>-- --families [rounds]</c> each
/// rule family's time and allocated bytes per document; <c>-- --stages</c> the bytes each shared per-document stage allocates; <c>-- --pipeline</c> what each Markdig extension costs.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Contains("--encoding-quick")) { EncodingBenchmarks.Quick(); return; }
        int f = Array.IndexOf(args, "--families");
        if (f >= 0) { Families.Quick(f + 1 < args.Length && int.TryParse(args[f + 1], out int r) ? r : 5); return; }
        if (args.Contains("--stages")) { StageAllocations.Print(); return; }
        if (args.Contains("--pipeline")) { PipelineCosts.Print(); return; }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
