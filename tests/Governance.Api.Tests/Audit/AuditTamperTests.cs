using Governance.Api.Data;
using Governance.Api.Data.Audit;
using Governance.Api.Features.Audit;
using Governance.Api.Tests.Infrastructure;
using Governance.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Audit;

/// <summary>
/// An insider who can write to the database, but not read the audit key or the checkpoint file's signatures, edits the
/// trail and covers their tracks as well as they can: every attempt shows in verification. Each class has a database of
/// its own, because the tampering is not undone.
/// </summary>
public sealed class AuditRewriteTests(IsolatedSqliteApp app) : IClassFixture<IsolatedSqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEditWithEveryFollowingHashRecomputed_WithoutTheKey_IsFound()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var verifier = scope.ServiceProvider.GetRequiredService<AuditVerifier>();
        Assert.True((await verifier.VerifyAsync(Ct)).Intact);

        // The old attack: change entry 10, then re-seal it and every entry after it (plain SHA-256, and a guessed key), and move the head.
        foreach (var guess in new byte[]?[] { null, new byte[32] })
        {
            var entries = await db.AuditEntries.OrderBy(a => a.Sequence).ToListAsync(Ct);
            entries[9].Actor = "someone-else";
            for (var i = 9; i < entries.Count; i++)
                AuditChain.Seal(entries[i], entries[i].Sequence, entries[i - 1].Hash, guess);
            var head = await db.AuditChainHeads.SingleAsync(Ct);
            head.LastHash = entries[^1].Hash;
            await SaveUnauditedAsync(db);

            var result = await verifier.VerifyAsync(Ct);
            Assert.False(result.Intact);
            Assert.Equal(10, result.FirstBrokenSequence);
            Assert.Equal("content does not match its hash", result.Reason);
        }
    }

    [Fact]
    public async Task AnEditedCheckpoint_IsFound()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditCheckpointJob>().RunAsync(Ct);
        var file = scope.ServiceProvider.GetRequiredService<AuditCheckpointFile>().FilePath;
        var lines = await File.ReadAllLinesAsync(file, Ct);
        try
        {
            await File.WriteAllLinesAsync(file, [.. lines[..^1], lines[^1].Replace("\"Sequence\":", "\"Sequence\":1", StringComparison.Ordinal)], Ct);
            var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(Ct);
            Assert.False(result.Intact);
            Assert.Contains("is not signed with the audit key", result.Reason, StringComparison.Ordinal);
        }
        finally
        {
            await File.WriteAllLinesAsync(file, lines, CancellationToken.None);
        }
    }

    /// <summary>Bypasses the audit writer, as someone at the database would.</summary>
    internal static Task SaveUnauditedAsync(GovernanceDbContext db) => db.SaveChangesWithoutRowAuditAsync(Ct);
}

public sealed class AuditTruncationTests(IsolatedSqliteApp app) : IClassFixture<IsolatedSqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EntriesRemovedFromTheEnd_AreFound_ByTheHead_AndWithTheHeadMoved_ByTheCheckpoint()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var verifier = scope.ServiceProvider.GetRequiredService<AuditVerifier>();
        await scope.ServiceProvider.GetRequiredService<AuditCheckpointJob>().RunAsync(Ct);
        var before = await verifier.VerifyAsync(Ct);
        Assert.True(before.Intact, before.Reason);
        Assert.True(before.CheckpointsChecked >= 1);

        var last = await db.AuditEntries.MaxAsync(a => a.Sequence, Ct);
        await db.AuditEntries.Where(a => a.Sequence > last - 3).ExecuteDeleteAsync(Ct);
        var headOnly = await verifier.VerifyAsync(Ct);
        Assert.False(headOnly.Intact);
        Assert.Contains($"the chain's head records {last} entries and the trail has {last - 3}", headOnly.Reason, StringComparison.Ordinal);

        // Covering the tracks: the head moved back to what is now the last entry. The checkpoint outside the database still knows.
        var newLast = await db.AuditEntries.OrderByDescending(a => a.Sequence).FirstAsync(Ct);
        await db.AuditChainHeads.ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, newLast.Sequence).SetProperty(h => h.LastHash, newLast.Hash), Ct);
        var covered = await verifier.VerifyAsync(Ct);
        Assert.False(covered.Intact);
        Assert.Contains($"recorded {last} entries; the trail now has {last - 3}: entries were removed from its end", covered.Reason, StringComparison.Ordinal);

        var output = new StringWriter();
        Assert.Equal(1, await HostCommands.RunAsync(app.Services, ["audit", "verify"], output));
        Assert.Contains("entries were removed from its end", output.ToString(), StringComparison.Ordinal);
    }
}
