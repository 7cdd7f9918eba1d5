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
public sealed class SlipDetector(GovernanceDbContext db, WorkflowCommands workflows, TimeProvider time, ReturnDeadlines deadlines, Data.Audit.AuditWriter audit)
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
        var fresh = slips.Where(s => seen.Add((s.IndicatorId, s.Period, s.Cause))).OrderBy(s => s.Period).ToList();
        if (fresh.Count == 0)
            return 0;

        // The subject's open escalations and their plans, read once: a back-log import can find hundreds of slips.
        var open = (await db.Escalations.Where(e => e.ContractId == contractId && e.InternalSlaId == slaId && e.Status != EscalationStatus.Resolved).ToListAsync(ct))
            .GroupBy(e => e.Cause).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Id).First());
        var openIds = open.Values.Select(e => e.Id).ToList();
        var plans = (await db.RemediationPlans.AsNoTracking().Where(p => openIds.Contains(p.EscalationId)).Select(p => new { p.EscalationId, p.Id, p.AgreedOn }).ToListAsync(ct))
            .GroupBy(p => p.EscalationId).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Id).First().AgreedOn);
        var now = time.GetUtcNow().UtcDateTime;
        var observations = new List<SlipObservation>();
        foreach (var slip in fresh)
        {
            if (!open.TryGetValue(slip.Cause, out var escalation))
                open[slip.Cause] = escalation = await OpenEscalationAsync(contractId, slaId, slip, ct);
            else if (escalation.PlanFailsWith(slip.Period, plans.TryGetValue(escalation.Id, out var agreed) ? agreed : null))
                await MoveUpAsync(escalation, slip, ct);
            observations.Add(new SlipObservation
            {
                EscalationId = escalation.Id, IndicatorId = slip.IndicatorId, PeriodStart = slip.Period, Cause = slip.Cause, Detail = slip.Detail, ObservedAt = now,
            });
        }

        await db.SaveChangesAsync(ct);
        await RecordAsync(observations, ct);
        return fresh.Count;
    }

    /// <summary>
    /// The observations, written together in the caller's transaction with one audit entry listing them all: a back-log
    /// import finds hundreds at once, and an entry per row would hold the database far longer than the import itself.
    /// </summary>
    private async Task RecordAsync(List<SlipObservation> observations, CancellationToken ct)
    {
        await using var own = await db.Database.BeginUnlessInOneAsync(ct);
        await BulkRows.InsertAsync(db, observations, ct);
        await audit.RecordAsync(db, nameof(SlipObservation), $"detected:{observations.Count}", Domain.Audit.AuditOperation.Created,
            observations.Select(o => new object[] { o.EscalationId, o.IndicatorId, o.PeriodStart, o.Cause, o.Detail, o.ObservedAt }), ct);
        await own.CommitIfOwnAsync(ct);
    }

    /// <summary>A new escalation for this subject and cause, started at the bottom of its ladder.</summary>
    private async Task<Escalation> OpenEscalationAsync(int? contractId, int? slaId, Slip slip, CancellationToken ct)
    {
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

    /// <summary>The plan agreed for the case is failing: it moves up (PlanBreached) with the slip as the reason.</summary>
    private async Task MoveUpAsync(Escalation escalation, Slip slip, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.SingleOrDefaultAsync(w => w.SubjectType == nameof(Escalation) && w.SubjectId == escalation.Id, ct);
        if (instance is not null)
            await workflows.FireAsync(instance, "PlanBreached", WorkflowActor.System("slip-detection"), $"The agreed plan is failing: {slip.Detail}", ct);
    }
}
