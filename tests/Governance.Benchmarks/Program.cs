using BenchmarkDotNet.Running;
using Governance.Benchmarks.Audit;

// Run all: dotnet run -c Release --project tests/Governance.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(AuditChainBenchmarks).Assembly).Run(args);
