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
///   dotnet run -c Release --project tests/Governance.Benchmarks -- listing [sqlite] [postgres]
///   dotnet run -c Release --project tests/Governance.Benchmarks -- slips [contract counts...]
///   dotnet run -c Release --project tests/Governance.Benchmarks -- papers   (against Chromium's print-to-PDF)
///   dotnet run -c Release --project tests/Governance.Benchmarks -- portal [S|M|L]   (meeting page and HTML paper against EF + plain HTML, default L)
///   dotnet run -c Release --project tests/Governance.Benchmarks -- import [row counts...]   (CSV import against a bulk INSERT)
///   dotnet run -c Release --project tests/Governance.Benchmarks -- scale [S M L]   (KPI returns at each scale)
///   dotnet run -c Release --project tests/Governance.Benchmarks -- traffic [S|M|L]   (listings with new values each request, default L)
///   dotnet run -c Release --project tests/Governance.Benchmarks -- load [sqlite] [postgres]   (LOAD_SECONDS, default 60)
///   dotnet run -c Release --project tests/Governance.Benchmarks            (all of them; PostgreSQL parts need GOVERNANCE_TEST_POSTGRES)
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
                await ProcurementListingBenchmark.RunAsync(Console.Out, args.Length > 1 ? args[1..] : ["sqlite", "postgres"]);
                break;
            case "import":
                await ImportBenchmark.RunAsync(Console.Out, Sizes(args[1..], [10_000]));
                break;
            case "scale":
                await MeasurementScaleBenchmark.RunAsync(Console.Out, args.Length > 1 ? args[1..] : ["S", "M", "L"]);
                break;
            case "traffic":
                await ListingTrafficBenchmark.RunAsync(Console.Out, args.Length > 1 ? args[1] : "L");
                break;
            case "load":
                await Load.LoadTest.RunAsync(Console.Out, args.Length > 1 ? args[1..] : ["sqlite", "postgres"],
                    TimeSpan.FromSeconds(int.Parse(Environment.GetEnvironmentVariable("LOAD_SECONDS") ?? "60", System.Globalization.CultureInfo.InvariantCulture)));
                break;
            case "papers":
                await CommitteePaperBenchmark.RunAsync(Console.Out);
                break;
            case "portal":
                await Portal.PortalPagesBenchmark.RunAsync(Console.Out, args.Length > 1 ? args[1] : "L");
                break;
            default:
                await TimerSweepBenchmark.RunAsync(Console.Out, [1_000, 10_000]);
                await ProcurementListingBenchmark.RunAsync(Console.Out, ["sqlite", "postgres"]);
                await SlipSweepBenchmark.RunAsync(Console.Out, [200, 2_000]);
                await CommitteePaperBenchmark.RunAsync(Console.Out);
                await Portal.PortalPagesBenchmark.RunAsync(Console.Out, "L");
                await MeasurementScaleBenchmark.RunAsync(Console.Out, ["S", "M", "L"]);
                await ListingTrafficBenchmark.RunAsync(Console.Out, "L");
                await ImportBenchmark.RunAsync(Console.Out, [10_000]);
                await Load.LoadTest.RunAsync(Console.Out, ["sqlite", "postgres"], TimeSpan.FromSeconds(60));
                break;
        }
    }

    private static int[] Sizes(string[] args, int[] defaults) => args.Length == 0 ? defaults : [.. args.Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture))];
}
