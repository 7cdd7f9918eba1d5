using Governance.Api.Data;
using Governance.Domain.Contracts;
using Governance.Domain.Performance;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Performance;

/// <summary>Everything a contract's rating reads: its KPIs with their definition history, the counted returns and the policy.</summary>
public sealed record ContractEvidence(
    Contract Contract, IReadOnlyList<Indicator> Indicators, IReadOnlyList<KpiSchedule> Schedules, IReadOnlyList<ReturnFigure> Returns, PerformancePolicy Policy,
    int WithheldKpis = 0)
{
    /// <summary>Every KPI's counted result from <paramref name="from"/> to <paramref name="to"/>, owed periods included.</summary>
    public IReadOnlyList<KpiResult> Results(DateOnly from, DateOnly to, ReturnDeadlines deadlines) =>
        ReturnCounting.CountAll(Schedules, Returns, Policy, from, to, deadlines.IsDue);

    /// <param name="asAt">The evidence as it stood at this instant (a committee paper's meeting): the return versions
    /// that counted then, with the checks made by then (<see cref="Measurement.CountingAt"/>). Null: as it stands now.</param>
    public static async Task<ContractEvidence?> LoadAsync(GovernanceDbContext db, int contractId, PerformancePolicy councilDefault, CancellationToken ct, bool ignoreFilters = false, DateTime? asAt = null)
    {
        var contracts = ignoreFilters ? db.Contracts.IgnoreQueryFilters([ExemptionFilter.Name]) : db.Contracts;
        var contract = await contracts.AsNoTracking().Include(c => c.Supplier).SingleOrDefaultAsync(c => c.Id == contractId, ct);
        if (contract is null)
            return null;
        var indicatorRows = ignoreFilters ? db.Indicators.IgnoreQueryFilters([ExemptionFilter.Name]) : db.Indicators;
        var indicators = await indicatorRows.AsNoTracking().Where(i => i.ContractId == contractId).OrderBy(i => i.Code).ToListAsync(ct);
        var ids = indicators.Select(i => i.Id).ToList();
        var versions = (await db.IndicatorVersions.AsNoTracking().Where(v => ids.Contains(v.IndicatorId)).ToListAsync(ct)).ToLookup(v => v.IndicatorId);
        var measurements = ignoreFilters ? db.Measurements.IgnoreQueryFilters([ExemptionFilter.Name]) : db.Measurements;
        var returns = asAt is { } at
            ? (await measurements.AsNoTracking().Where(m => ids.Contains(m.IndicatorId) && m.RecordedAt <= at).ToListAsync(ct))
                .GroupBy(m => (m.IndicatorId, m.PeriodStart))
                .Select(g => Measurement.CountingAt([.. g], at))
                .OfType<(Measurement Version, VerificationStatus Status)>()
                .Select(c => new ReturnFigure(c.Version.IndicatorId, c.Version.PeriodStart, c.Version.Value, c.Status,
                    c.Status == VerificationStatus.Disputed ? c.Version.ContractManagerValue : null))
                .ToList()
            : await measurements.AsNoTracking().Where(m => ids.Contains(m.IndicatorId)).Where(Measurement.IsCurrent)
                .Select(m => new ReturnFigure(m.IndicatorId, m.PeriodStart, m.Value, m.VerificationStatus, m.ContractManagerValue))
                .ToListAsync(ct);
        var start = new DateOnly(contract.StartOn.Year, contract.StartOn.Month, 1);
        var schedules = indicators.Select(i =>
        {
            IReadOnlyList<IndicatorVersion> history = [.. versions[i.Id]];
            if (history.Count == 0)
                history = [i.FirstVersion(start, "", DateTime.MinValue)]; // a KPI recorded before versions existed
            var first = history.Min(v => v.EffectiveFrom);
            var last = i.ArchivedAt is { } archived ? DateOnly.FromDateTime(archived) : contract.EndOn;
            return new KpiSchedule(i.Id, i.Frequency, history, first < start ? start : first, last);
        }).ToList();
        // What the reader may not see is left out, and said to be: the count of the contract's KPIs held back as exempt.
        var withheld = ignoreFilters ? 0
            : await db.Indicators.IgnoreQueryFilters([ExemptionFilter.Name]).CountAsync(i => i.ContractId == contractId, ct) - indicators.Count;
        return new ContractEvidence(contract, indicators, schedules, returns, contract.Policy(councilDefault), withheld);
    }
}
