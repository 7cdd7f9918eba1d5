using Governance.Api.Data;
using Governance.Api.Data.Audit;
using Governance.Api.OData;
using Governance.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Audit;

/// <summary>
/// Re-walks the whole audit chain in sequence order with the audit key, then holds it to the chain's head and to every
/// signed checkpoint written outside the database: an edit, a rewrite or entries removed from the end all show. It
/// only reads.
/// </summary>
public sealed class AuditVerifier(GovernanceDbContext db, AuditKey key, AuditCheckpointFile checkpointFile)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        if (key.ForVerifying() is not { } sealingKey)
            return Broken(0, null, "there is no audit key (set Audit:Key or Audit:KeyFile to the key the server seals with)");
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, ct);
        var (checkpoints, unreadable) = checkpointFile.Read();
        var wanted = checkpoints.Select(c => c.Sequence).ToHashSet();
        var hashes = new Dictionary<long, string>();

        var checkedCount = 0L;
        var previousHash = AuditChain.Genesis;
        // Streamed and checked link by link, so memory stays flat however long the chain grows. A writer moves the head
        // in the transaction that adds its entries, so every entry up to the head read above is there to check, and
        // entries written since are left for the next verification.
        await foreach (var entry in db.AuditEntries.AsNoTracking().Where(a => a.Sequence <= head.Sequence).OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            checkedCount++;
            if (AuditChain.CheckLink(entry, checkedCount, previousHash, checkedCount >= head.KeyedFromSequence ? sealingKey : null) is { } broken)
                return Broken(checkedCount, broken, broken.Reason);
            previousHash = entry.Hash;
            if (wanted.Contains(entry.Sequence))
                hashes[entry.Sequence] = entry.Hash;
        }

        if (head.Sequence != checkedCount || head.LastHash != previousHash)
            return Broken(checkedCount, null, $"the chain's head records {head.Sequence} entries and the trail has {checkedCount}: entries were removed from its end");
        if (unreadable is { } line)
            return Broken(checkedCount, null, $"line {line} of the checkpoint file {checkpointFile.FilePath} is not a checkpoint: the file was edited");
        for (var i = 0; i < checkpoints.Count; i++)
        {
            var checkpoint = checkpoints[i];
            if (!checkpoint.IsSignedBy(sealingKey))
                return Broken(checkedCount, null, $"checkpoint {i + 1} of {checkpointFile.FilePath} is not signed with the audit key: the file was edited");
            if (checkpoint.Contradiction(checkedCount, hashes.GetValueOrDefault(checkpoint.Sequence), head.KeyedFromSequence) is { } contradiction)
                return Broken(checkedCount, null, contradiction);
        }

        return new AuditVerification
        {
            Intact = true, EntriesChecked = checkedCount, CheckpointsChecked = checkpoints.Count,
            LastCheckpointAt = checkpoints.Count == 0 ? null : new DateTimeOffset(checkpoints[^1].At, TimeSpan.Zero),
        };
    }

    private static AuditVerification Broken(long entriesChecked, AuditBreak? at, string reason) => new()
    {
        Intact = false, EntriesChecked = entriesChecked, FirstBrokenEntryId = at?.EntryId, FirstBrokenSequence = at?.Sequence, Reason = reason,
    };
}
