using Governance.Api.Data;
using Governance.Api.Data.Audit;
using Governance.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Audit;

/// <summary>Writes a signed checkpoint of the chain's head outside the database whenever the chain has grown since the last one.</summary>
public sealed class AuditCheckpointJob(GovernanceDbContext db, AuditKey key, AuditCheckpointFile file, TimeProvider time)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, ct);
        var (written, _) = file.Read();
        if (written.Count > 0 && written[^1].Sequence == head.Sequence && written[^1].HeadHash == head.LastHash)
            return;
        file.Append(new AuditCheckpoint(head.Sequence, head.LastHash, head.KeyedFromSequence, time.GetUtcNow().UtcDateTime).Sign(key.ForSealing()));
    }
}
