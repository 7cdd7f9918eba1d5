using Governance.Api.Data;
using Governance.Api.Features.Escalations;
using Governance.Api.Features.Workflows;
using Governance.Domain.Calendar;
using Governance.Domain.Contracts;
using Governance.Domain.Escalations;
using Governance.Domain.Performance;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Performance;

/// <summary>
/// Finds slips in a contract's (or internal SLA's) returns and opens, or adds to, one escalation per subject and
/// cause, on the KPI escalation ladder. Idempotent: a slip already observed adds nothing.
/// </summary>
public sealed class SlipDetector(GovernanceDbContext db, WorkflowCommands workflows, TimeProvider time, StatutoryClocks clocks)
{
    /// <summary>Working days after a period ends by which its return is due.</summary>
    public const int ReturnDueWorkingDays = 10;

    public async Task<int> DetectForContractAsync(int contractId, CancellationToken ct) =>
        await DetectAsync(await db.Indicators.AsNoTracking().Where(i => i.ContractId == contractId).ToListAsync(ct), contractId, null, ct);

    public async Task<int> DetectForSlaAsync(int slaId, CancellationToken ct) =>
        await DetectAsync(await db.Indicators.AsNoTracking().Where(i => i.InternalSlaId == slaId).ToListAsync(ct), null, slaId, ct);

    private async Task<int> DetectAsync(List<Indicator> indicators, int? contractId, int? slaId, CancellationToken ct)
    {
        var ids = indicators.Select(i => i.Id).ToList();
        var returns = (await db.Measurements.AsNoTracking()
                .Where(m => ids.Contains(m.IndicatorId) && !m.Superseded)
                .Select(m => new { m.IndicatorId, m.PeriodStart, m.Value })
                .ToListAsync(ct))
            .GroupBy(m => m.IndicatorId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<PeriodValue>)[.. g.OrderBy(m => m.PeriodStart).Select(m => new PeriodValue(m.PeriodStart, m.Value))]);
        var series = indicators.Select(i => (Indicator: i, Series: returns.GetValueOrDefault(i.Id) ?? [])).ToList();

        var slips = series.SelectMany(s => SlipRules.ForIndicator(s.Indicator, s.Series)).ToList();
        if (SlipRules.GreenOutsideRedInside(series) is { } hidden)
            slips.Add(hidden);
        slips.AddRange(series.Select(s => Overdue(s.Indicator, s.Series)).OfType<Slip>());

        var added = 0;
        foreach (var slip in slips)
        {
            if (await db.SlipObservations.AnyAsync(o => o.IndicatorId == slip.IndicatorId && o.PeriodStart == slip.Period && o.Cause == slip.Cause, ct)
                || db.SlipObservations.Local.Any(o => o.IndicatorId == slip.IndicatorId && o.PeriodStart == slip.Period && o.Cause == slip.Cause))
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

    /// <summary>The open escalation for this subject and cause, or a new one started at the bottom of the ladder.</summary>
    private async Task<Escalation> OpenEscalationAsync(int? contractId, int? slaId, Slip slip, CancellationToken ct)
    {
        var open = await db.Escalations.FirstOrDefaultAsync(e => e.ContractId == contractId && e.InternalSlaId == slaId && e.Cause == slip.Cause && e.Status != EscalationStatus.Resolved, ct)
            ?? db.Escalations.Local.FirstOrDefault(e => e.ContractId == contractId && e.InternalSlaId == slaId && e.Cause == slip.Cause && e.Status != EscalationStatus.Resolved);
        if (open is not null)
            return open;
        var escalation = new Escalation
        {
            ContractId = contractId, InternalSlaId = slaId, Cause = slip.Cause, Summary = slip.Detail,
            OpenedAt = time.GetUtcNow().UtcDateTime, Level = EscalationLevel.ContractManager, Status = EscalationStatus.Open,
        };
        db.Escalations.Add(escalation);
        await db.SaveChangesAsync(ct);
        await workflows.StartAsync(EscalationsController.WorkflowFor(escalation), nameof(Escalation), escalation.Id, "slip-detection", ct);
        return escalation;
    }

    /// <summary>The return for the period after the latest one is missing and its due date has passed.</summary>
    private Slip? Overdue(Indicator indicator, IReadOnlyList<PeriodValue> series)
    {
        if (series.Count == 0)
            return null; // nothing ever returned: an indicator not yet started, which the register shows
        var missing = SlipRules.NextPeriod(indicator.Frequency, series[^1].Period);
        var today = LondonTime.DateOf(time.GetUtcNow().UtcDateTime);
        if (SlipRules.NextPeriod(indicator.Frequency, missing) > today)
            return null; // the period has not ended yet
        var due = clocks.Days.AddWorkingDays(SlipRules.NextPeriod(indicator.Frequency, missing).AddDays(-1), ReturnDueWorkingDays);
        return today > due
            ? new Slip(SlipCause.OverdueReturn, indicator.Id, missing, $"The {missing:MMMM yyyy} return for {indicator.Name} was due by {due:d MMMM yyyy} and has not been made.")
            : null;
    }
}
