using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Governance.Domain.Audit;

namespace Governance.Benchmarks.Audit;

/// <summary>
/// The cost of sealing an audit entry (canonical form plus SHA-256) against the baseline of hashing the same
/// number of bytes directly: the ratio is the overhead our canonicalisation adds to every audited save.
/// </summary>
[MemoryDiagnoser]
public class AuditChainBenchmarks
{
    private AuditEntry entry = null!;
    private byte[] raw = [];

    [GlobalSetup]
    public void Setup()
    {
        entry = new AuditEntry
        {
            Actor = "contractmanager@demo.local",
            OccurredAt = new DateTime(2026, 11, 25, 9, 30, 0, DateTimeKind.Utc),
            EntityType = "Measurement",
            EntityKey = "12345",
            Operation = AuditOperation.Created,
            After = """{"IndicatorId":7,"PeriodStart":"2015-06-01","Value":87.5,"Version":1}""",
            PreviousHash = AuditChain.Genesis,
            Sequence = 42,
        };
        raw = Encoding.UTF8.GetBytes(entry.PreviousHash + entry.Actor + entry.EntityType + entry.EntityKey + entry.After + "2026-11-25T09:30:00.000000Z");
    }

    [Benchmark(Baseline = true)]
    public byte[] Sha256OfSameBytes() => SHA256.HashData(raw);

    [Benchmark]
    public string SealEntry() => AuditChain.ComputeHash(entry);
}
