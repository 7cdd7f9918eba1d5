using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Audit;

/// <summary>Re-walks the whole audit chain in sequence order and reports the first broken link.</summary>
public sealed class AuditVerifier(GovernanceDbContext db)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        var checkedCount = 0L;
        var previousHash = AuditChain.Genesis;
        AuditBreak? broken = null;
        // Streamed and checked link by link, so memory stays flat however long the chain grows.
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            checkedCount++;
            broken = AuditChain.CheckLink(entry, checkedCount, previousHash);
            if (broken is not null)
                break;
            previousHash = entry.Hash;
        }

        return new AuditVerification
        {
            Intact = broken is null,
            EntriesChecked = checkedCount,
            FirstBrokenEntryId = broken?.EntryId,
            FirstBrokenSequence = broken?.Sequence,
            Reason = broken?.Reason,
        };
    }
}
