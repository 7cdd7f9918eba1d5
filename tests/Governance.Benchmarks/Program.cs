using BenchmarkDotNet.Running;
using Governance.Benchmarks.Audit;
using Governance.Benchmarks.Performance;
using Governance.Benchmarks.Reports;
using Governance.Benchmarks.Tendering;
using Governance.Benchmarks.Workflows;

namespace Governance.Benchmarks;

/// <summary>
/// Scenario benchmarks, each against its baseline in the same run:
///   dotnet run -c Release --project tests/Governance.Benchmarks -- timers [sizes...]
///   dotnet run -c Release --project tests/Governance.Benchmarks -- listing
///   dotnet run -c Release --project tests/Governance.Benchmarks -- slips [contract counts...]
///   dotnet run -c Release --project tests/Governance.Benchmarks -- papers   (against Chromium's print-to-PDF)
///   dotnet run -c Release --project tests/Governance.Benchmarks            (all of them)
/// Micro-benchmarks with BenchmarkDotNet:
///   dotnet run -c Release --project tests/Governance.Benchmarks -- micro --filter '*'
/// </summary>
internal static class BenchmarkEntry
{
    public static async Task Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "micro":
                BenchmarkSwitcher.FromAssembly(typeof(AuditChainBenchmarks).Assembly).Run(args[1..]);
                break;
            case "timers":
                await TimerSweepBenchmark.RunAsync(Console.Out, Sizes(args[1..], [1_000, 10_000]));
                break;
            case "slips":
                await SlipSweepBenchmark.RunAsync(Console.Out, Sizes(args[1..], [200, 2_000]));
                break;
            case "listing":
                await ProcurementListingBenchmark.RunAsync(Console.Out);
                break;
            case "papers":
                await CommitteePaperBenchmark.RunAsync(Console.Out);
                break;
            default:
                await TimerSweepBenchmark.RunAsync(Console.Out, [1_000, 10_000]);
                await ProcurementListingBenchmark.RunAsync(Console.Out);
                await SlipSweepBenchmark.RunAsync(Console.Out, [200, 2_000]);
                await CommitteePaperBenchmark.RunAsync(Console.Out);
                break;
        }
    }

    private static int[] Sizes(string[] args, int[] defaults) => args.Length == 0 ? defaults : [.. args.Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture))];
}
