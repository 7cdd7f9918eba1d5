using Governance.Api.Data;
using Governance.Api.Features.Escalations;
using Governance.Api.Features.Workflows;
using Governance.Domain.Contracts;
using Governance.Domain.Escalations;
using Governance.Domain.Performance;
using Governance.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Performance;

/// <summary>
/// Finds slips in every period of a contract's (or internal SLA's) returns, gaps included, and opens or adds to one
/// escalation per subject and cause. A slip on a case whose agreed plan predates it moves the case up (the plan is
/// failing) instead of attaching silently. Idempotent: a slip already observed for its indicator, period and cause adds nothing.
/// </summary>
public sealed class SlipDetector(GovernanceDbContext db, WorkflowCommands workflows, TimeProvider time, ReturnDeadlines deadlines)
{
    public async Task<int> DetectForContractAsync(int contractId, CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking().Where(c => c.Id == contractId).Select(c => new { c.StartOn, c.EndOn }).SingleAsync(ct);
        return await DetectAsync(await db.Indicators.AsNoTracking().Where(i => i.ContractId == contractId).ToListAsync(ct), contractId, null, contract.StartOn, contract.EndOn, ct);
    }

    public async Task<int> DetectForSlaAsync(int slaId, CancellationToken ct) =>
        await DetectAsync(await db.Indicators.AsNoTracking().Where(i => i.InternalSlaId == slaId).ToListAsync(ct), null, slaId, null, null, ct);

    private async Task<int> DetectAsync(List<Indicator> indicators, int? contractId, int? slaId, DateOnly? startOn, DateOnly? endOn, CancellationToken ct)
    {
        var ids = indicators.Select(i => i.Id).ToList();
        var versions = (await db.IndicatorVersions.AsNoTracking().Where(v => ids.Contains(v.IndicatorId)).ToListAsync(ct)).ToLookup(v => v.IndicatorId);
        var returns = (await db.Measurements.AsNoTracking().Where(m => ids.Contains(m.IndicatorId)).Where(Measurement.IsCurrent)
                .Select(m => new { m.IndicatorId, m.PeriodStart, m.Value, m.VerificationStatus, m.ContractManagerValue })
                .ToListAsync(ct))
            .ToLookup(m => m.IndicatorId);
        var series = indicators.Select(i => new IndicatorSeries(i, [.. versions[i.Id]],
            // A disputed return is read at the contract manager's figure; without one it is left out (the rating counts it red).
            [.. returns[i.Id].Where(m => m.VerificationStatus != VerificationStatus.Disputed || m.ContractManagerValue is not null)
                .OrderBy(m => m.PeriodStart).Select(m => new PeriodValue(m.PeriodStart, m.ContractManagerValue ?? m.Value))])).ToList();

        var slips = series.SelectMany(SlipRules.ForIndicator).ToList();
        slips.AddRange(SlipRules.GreenOutsideRedInside(series));
        foreach (var indicator in indicators)
        {
            var returned = returns[indicator.Id].Select(m => m.PeriodStart).ToHashSet();
            var first = versions[indicator.Id].Select(v => v.EffectiveFrom).Concat(returned).DefaultIfEmpty().Min();
            if (first == default)
                continue; // never defined nor returned: nothing is owed yet
            if (startOn is { } start && first < new DateOnly(start.Year, start.Month, 1))
                first = new DateOnly(start.Year, start.Month, 1);
            var last = indicator.ArchivedAt is { } archived ? DateOnly.FromDateTime(archived) : endOn ?? deadlines.Today;
            slips.AddRange(SlipRules.Missing(indicator, first, last < deadlines.Today ? last : deadlines.Today, returned, p => deadlines.DueDate(indicator.Frequency, p), deadlines.Today));
        }

        var seen = (await db.SlipObservations.AsNoTracking().Where(o => ids.Contains(o.IndicatorId)).Select(o => new { o.IndicatorId, o.PeriodStart, o.Cause }).ToListAsync(ct))
            .Select(o => (o.IndicatorId, o.PeriodStart, o.Cause)).ToHashSet();
        var added = 0;
        foreach (var slip in slips.OrderBy(s => s.Period))
        {
            if (!seen.Add((slip.IndicatorId, slip.Period, slip.Cause)))
                continue;
            var escalation = await OpenEscalationAsync(contractId, slaId, slip, ct);
            db.SlipObservations.Add(new SlipObservation
            {
                EscalationId = escalation.Id, IndicatorId = slip.IndicatorId, PeriodStart = slip.Period, Cause = slip.Cause, Detail = slip.Detail,
                ObservedAt = time.GetUtcNow().UtcDateTime,
            });
            added++;
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>The open escalation for this subject and cause, or a new one started at the bottom of the ladder; a failing plan moves up.</summary>
    private async Task<Escalation> OpenEscalationAsync(int? contractId, int? slaId, Slip slip, CancellationToken ct)
    {
        var open = db.Escalations.Local.FirstOrDefault(e => e.ContractId == contractId && e.InternalSlaId == slaId && e.Cause == slip.Cause && e.Status != EscalationStatus.Resolved)
            ?? await db.Escalations.FirstOrDefaultAsync(e => e.ContractId == contractId && e.InternalSlaId == slaId && e.Cause == slip.Cause && e.Status != EscalationStatus.Resolved, ct);
        if (open is not null)
        {
            await MoveUpIfPlanFailingAsync(open, slip, ct);
            return open;
        }

        var escalation = new Escalation
        {
            ContractId = contractId, InternalSlaId = slaId, Cause = slip.Cause, Summary = slip.Detail,
            OpenedAt = time.GetUtcNow().UtcDateTime, Level = slaId is null ? EscalationLevel.ContractManager : EscalationLevel.Monitor, Status = EscalationStatus.Open,
        };
        db.Escalations.Add(escalation);
        await db.SaveChangesAsync(ct);
        await workflows.StartAsync(EscalationsController.WorkflowFor(escalation), nameof(Escalation), escalation.Id, "slip-detection", ct);
        return escalation;
    }

    private async Task MoveUpIfPlanFailingAsync(Escalation escalation, Slip slip, CancellationToken ct)
    {
        var agreedOn = await db.RemediationPlans.Where(p => p.EscalationId == escalation.Id).OrderByDescending(p => p.Id).Select(p => (DateOnly?)p.AgreedOn).FirstOrDefaultAsync(ct);
        if (!escalation.PlanFailsWith(slip.Period, agreedOn))
            return;
        var instance = await db.WorkflowInstances.SingleOrDefaultAsync(w => w.SubjectType == nameof(Escalation) && w.SubjectId == escalation.Id, ct);
        if (instance is not null)
            await workflows.FireAsync(instance, "PlanBreached", WorkflowActor.System("slip-detection"), $"The agreed plan is failing: {slip.Detail}", ct);
    }
}
