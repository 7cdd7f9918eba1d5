using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Features.Performance;
using Governance.Domain.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Contracts;

/// <summary>
/// A contract manager's (or SLA owner's) check of a return: verify it (or accept a proposed correction), dispute it,
/// or reject a proposed correction; each in one transaction with the slip check it may change. The API's actions and
/// the portal's buttons both come here, so who may check what is decided once.
/// </summary>
public sealed class ReturnChecks(GovernanceDbContext db, SlipDetector slips, TimeProvider time)
{
    /// <summary>What happened: the checked return, or why not (no such return in the caller's scope; not theirs to check).</summary>
    public sealed record Outcome(Measurement? Checked, string? RefusedRule = null, string? RefusedMessage = null)
    {
        public bool NotFound => Checked is null && RefusedRule is null;
    }

    public Task<Outcome> VerifyAsync(ClaimsPrincipal user, IQueryable<Measurement> scope, int key, CancellationToken ct) =>
        CheckAsync(user, scope, key, async (m, by, now) =>
        {
            if (m.VerificationStatus == VerificationStatus.Proposed)
                m.AcceptCorrection(await db.Measurements.SingleAsync(c => c.Id == m.SupersedesId, ct), by, now);
            else
                m.Verify(by, now);
        }, ct);

    public Task<Outcome> DisputeAsync(ClaimsPrincipal user, IQueryable<Measurement> scope, int key, string? reason, decimal? contractManagerValue, CancellationToken ct) =>
        CheckAsync(user, scope, key, async (m, by, now) =>
        {
            var unit = await db.Indicators.Where(i => i.Id == m.IndicatorId).Select(i => i.Unit).SingleAsync(ct);
            m.Dispute(reason, contractManagerValue, unit, by, now);
        }, ct);

    public Task<Outcome> RejectCorrectionAsync(ClaimsPrincipal user, IQueryable<Measurement> scope, int key, string? reason, CancellationToken ct) =>
        CheckAsync(user, scope, key, (m, by, now) =>
        {
            m.RejectCorrection(reason, by, now);
            return Task.CompletedTask;
        }, ct);

    /// <exception cref="Domain.Common.BusinessRuleException">The return's own rules refused the check.</exception>
    private async Task<Outcome> CheckAsync(ClaimsPrincipal user, IQueryable<Measurement> scope, int key, Func<Measurement, string, DateTime, Task> decide, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.ContractManager) && !user.IsInRole(Roles.SlaOwner))
            return new Outcome(null, "verification", "A contract manager verifies or disputes returns.");
        var measurement = await scope.SingleOrDefaultAsync(m => m.Id == key, ct);
        if (measurement is null)
            return new Outcome(null);
        var owner = await db.Indicators.Where(i => i.Id == measurement.IndicatorId).Select(i => new { i.ContractId, i.InternalSlaId }).SingleAsync(ct);
        if (owner.ContractId is not null ? !user.IsInRole(Roles.ContractManager) : !user.IsInRole(Roles.SlaOwner))
            return new Outcome(null, "verification", "A contract manager verifies a contract's returns; an SLA owner an internal SLA's.");
        await using var transaction = await db.Database.BeginUnlessInOneAsync(ct);
        await decide(measurement, user.Identity?.Name ?? "", time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        if (owner.ContractId is { } contract)
            await slips.DetectForContractAsync(contract, ct);
        else if (owner.InternalSlaId is { } sla)
            await slips.DetectForSlaAsync(sla, ct);
        await transaction.CommitIfOwnAsync(ct);
        return new Outcome(measurement);
    }
}
