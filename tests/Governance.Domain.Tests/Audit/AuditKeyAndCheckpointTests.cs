using Governance.Domain.Audit;

namespace Governance.Domain.Tests.Audit;

/// <summary>Keyed sealing cannot be recomputed without the key; a checkpoint is signed and contradicts a shortened or rewritten chain.</summary>
public sealed class AuditKeyAndCheckpointTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly byte[] OtherKey = [.. Enumerable.Range(2, 32).Select(i => (byte)i)];

    private static AuditEntry Entry() => new()
    {
        Actor = "officer@demo.local", OccurredAt = new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc), EntityType = "Contract", EntityKey = "1",
        Operation = AuditOperation.Updated, After = "{\"Title\":\"b\"}",
    };

    [Fact]
    public void CheckLink_SealedWithAnotherKeyOrNone_DoesNotVerify()
    {
        var entry = Entry();
        AuditChain.Seal(entry, 1, AuditChain.Genesis, Key);
        Assert.Null(AuditChain.CheckLink(entry, 1, AuditChain.Genesis, Key));
        Assert.NotNull(AuditChain.CheckLink(entry, 1, AuditChain.Genesis, OtherKey));
        Assert.NotNull(AuditChain.CheckLink(entry, 1, AuditChain.Genesis));

        AuditChain.Seal(entry, 1, AuditChain.Genesis); // a forger without the key
        Assert.Equal("content does not match its hash", AuditChain.CheckLink(entry, 1, AuditChain.Genesis, Key)?.Reason);
    }

    [Fact]
    public void Checkpoint_SignedWithTheKey_AndAnyEditBreaksTheSignature()
    {
        var checkpoint = new AuditCheckpoint(120, new string('a', 64), 1, new DateTime(2026, 12, 3, 18, 0, 0, DateTimeKind.Utc)).Sign(Key);
        Assert.True(checkpoint.IsSignedBy(Key));
        Assert.False(checkpoint.IsSignedBy(OtherKey));
        Assert.False((checkpoint with { Sequence = 117 }).IsSignedBy(Key));
        Assert.False((checkpoint with { HeadHash = new string('b', 64) }).IsSignedBy(Key));
    }

    [Fact]
    public void Contradiction_ShorterRewrittenOrRekeyedChain_SaysWhich()
    {
        var checkpoint = new AuditCheckpoint(120, new string('a', 64), 1, new DateTime(2026, 12, 3, 18, 0, 0, DateTimeKind.Utc));
        Assert.Null(checkpoint.Contradiction(125, new string('a', 64), 1));
        Assert.Contains("entries were removed from its end", checkpoint.Contradiction(117, null, 1), StringComparison.Ordinal);
        Assert.Contains("the trail was rewritten", checkpoint.Contradiction(125, new string('b', 64), 1), StringComparison.Ordinal);
        Assert.Contains("keyed sealing from entry 1", checkpoint.Contradiction(125, new string('a', 64), 90), StringComparison.Ordinal);
    }
}
