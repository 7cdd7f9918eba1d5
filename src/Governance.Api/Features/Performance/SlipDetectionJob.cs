using Governance.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Performance;

/// <summary>The daily sweep: missed remediation actions, then slip detection over every active contract and internal SLA. Safe to run twice.</summary>
public sealed class SlipDetectionJob(GovernanceDbContext db, SlipDetector detector, Escalations.RemediationWatch remediation, ILogger<SlipDetectionJob> logger)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        await ScopedAsync(() => remediation.RunAsync(ct));
        var contracts = await db.Contracts.AsNoTracking()
            .Where(c => c.Status == Domain.Contracts.ContractStatus.Active || c.Status == Domain.Contracts.ContractStatus.InRemediation)
            .Select(c => c.Id).ToListAsync(ct);
        var slas = await db.InternalSlas.AsNoTracking().Select(s => s.Id).ToListAsync(ct);
        var observed = 0;
        foreach (var contract in contracts)
            observed += await ScopedAsync(() => detector.DetectForContractAsync(contract, ct));
        foreach (var sla in slas)
            observed += await ScopedAsync(() => detector.DetectForSlaAsync(sla, ct));
        if (observed > 0)
            logger.LogInformation("Slip detection observed {Count} new slips", observed);
        return observed;
    }

    /// <summary>Each subject in its own transaction, with a clean change tracker, so memory stays flat.</summary>
    private async Task<int> ScopedAsync(Func<Task<int>> detect)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var observed = await detect();
        await transaction.CommitAsync();
        return observed;
    }
}
