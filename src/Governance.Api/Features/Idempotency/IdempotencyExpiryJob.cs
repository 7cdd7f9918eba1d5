using Governance.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Idempotency;

/// <summary>Deletes Idempotency-Key rows older than a day: a key is for retrying a lost answer, not a record to keep.</summary>
public sealed class IdempotencyExpiryJob(GovernanceDbContext db, TimeProvider time)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var before = time.GetUtcNow().UtcDateTime - IdempotentWrites.Lifetime;
        return await db.IdempotentRequests.Where(r => r.CreatedAt < before).ExecuteDeleteAsync(ct);
    }
}
