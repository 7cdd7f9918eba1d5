using Governance.Domain.Audit;

namespace Governance.Domain.Tests.Audit;

public sealed class AuditChainTests
{
    private static List<AuditEntry> Chain(int length)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= length; i++)
        {
            var entry = new AuditEntry
            {
                Id = i * 10, Actor = "officer@demo.local", OccurredAt = new DateTime(2026, 1, 1, 9, 0, i, DateTimeKind.Utc),
                EntityType = "Contract", EntityKey = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Operation = AuditOperation.Updated, Before = "{\"Title\":\"a\"}", After = "{\"Title\":\"b\"}",
            };
            AuditChain.Seal(entry, i, previous);
            previous = entry.Hash;
            entries.Add(entry);
        }

        return entries;
    }

    [Fact]
    public void FindFirstBreak_IntactChain_ReturnsNull() => Assert.Null(AuditChain.FindFirstBreak(Chain(5)));

    [Fact]
    public void FindFirstBreak_ContentAltered_NamesThatEntry()
    {
        var chain = Chain(5);
        chain[2].After = "{\"Title\":\"forged\"}";
        var broken = AuditChain.FindFirstBreak(chain);
        Assert.NotNull(broken);
        Assert.Equal(30, broken.EntryId);
        Assert.Equal(3, broken.Sequence);
        Assert.Contains("content", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FindFirstBreak_EntryRemoved_NamesTheGap()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        var broken = AuditChain.FindFirstBreak(chain);
        Assert.NotNull(broken);
        Assert.Equal(3, broken.Sequence);
        Assert.Contains("expected sequence 2", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FindFirstBreak_EntryResealedAfterEdit_BreaksTheNextLink()
    {
        var chain = Chain(4);
        chain[1].Actor = "someone-else";
        AuditChain.Seal(chain[1], 2, chain[0].Hash); // a forger recomputes this entry's hash...
        var broken = AuditChain.FindFirstBreak(chain);
        Assert.NotNull(broken);
        Assert.Equal(3, broken.Sequence); // ...but the next entry still points at the old one
    }

    [Fact]
    public void ComputeHash_FieldBoundariesShifted_Differs()
    {
        var a = new AuditEntry { Actor = "ab", EntityType = "c", PreviousHash = AuditChain.Genesis };
        var b = new AuditEntry { Actor = "a", EntityType = "bc", PreviousHash = AuditChain.Genesis };
        Assert.NotEqual(AuditChain.ComputeHash(a), AuditChain.ComputeHash(b));
    }

    [Fact]
    public void Truncate_DropsSubMicrosecondTicks()
    {
        var instant = new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc).AddTicks(12_345_678);
        var truncated = AuditChain.Truncate(instant);
        Assert.Equal(12_345_670, truncated.Ticks - new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc).Ticks);
        Assert.Equal(DateTimeKind.Utc, truncated.Kind);
    }
}
