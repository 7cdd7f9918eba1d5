using Governance.Api.Data;
using Governance.Domain.Escalations;
using Governance.Domain.Performance;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Performance;

/// <summary>A contract's period ratings from its weighted KPIs, and the annual assessment behind a UK9 notice.</summary>
public sealed class ContractPerformance(GovernanceDbContext db, IConfiguration configuration)
{
    /// <summary>Service credits per period: each red KPI credits its weight times the contract's rate, capped.</summary>
    public async Task<List<ServiceCreditView>> ServiceCreditsAsync(Domain.Contracts.Contract contract, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.ContractId == contract.Id).ToDictionaryAsync(i => i.Id, ct);
        var ids = indicators.Keys.ToList();
        var returns = await db.Measurements.AsNoTracking().Where(m => ids.Contains(m.IndicatorId) && !m.Superseded)
            .Select(m => new { m.IndicatorId, m.PeriodStart, m.Value }).ToListAsync(ct);
        var monthly = contract.AnnualValue / 12m;
        return [.. returns.GroupBy(r => r.PeriodStart).OrderBy(g => g.Key).Select(g =>
        {
            var red = g.Where(r => RagRating.Rate(indicators[r.IndicatorId], r.Value) == Rag.Red).ToList();
            var percent = Math.Min(contract.ServiceCreditCapPercent, red.Sum(r => indicators[r.IndicatorId].Weight) * contract.ServiceCreditPercentPerRedKpi);
            return new ServiceCreditView { Period = g.Key, RedKpis = red.Count, Percent = percent, Amount = Math.Round(monthly * percent / 100m, 2) };
        })];
    }

    /// <summary>Each supplier's share of the value of live contracts, flagged over the configured share.</summary>
    public async Task<List<SupplierDependencyView>> SupplierDependencyAsync(CancellationToken ct)
    {
        var threshold = configuration.GetValue("Performance:SupplierShareThresholdPercent", 25m);
        var live = await db.Contracts.AsNoTracking()
            .Where(c => c.Status == Domain.Contracts.ContractStatus.Active || c.Status == Domain.Contracts.ContractStatus.InRemediation)
            .Select(c => new { c.SupplierId, Name = c.Supplier!.Name, c.TotalValue })
            .ToListAsync(ct);
        var total = live.Sum(c => c.TotalValue);
        return [.. live.GroupBy(c => (c.SupplierId, c.Name)).Select(g =>
        {
            var value = g.Sum(c => c.TotalValue);
            var share = total == 0 ? 0 : Math.Round(value / total * 100m, 2);
            return new SupplierDependencyView { SupplierId = g.Key.SupplierId, Supplier = g.Key.Name, ContractValue = value, SharePercent = share, OverThreshold = share > threshold };
        }).OrderByDescending(v => v.SharePercent)];
    }

    public async Task<IReadOnlyList<PeriodRating>> PeriodRatingsAsync(int contractId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.ContractId == contractId).ToDictionaryAsync(i => i.Id, ct);
        var ids = indicators.Keys.ToList();
        var returns = await db.Measurements.AsNoTracking()
            .Where(m => ids.Contains(m.IndicatorId) && !m.Superseded && (from == null || m.PeriodStart >= from) && (to == null || m.PeriodStart <= to))
            .Select(m => new { m.IndicatorId, m.PeriodStart, m.Value })
            .ToListAsync(ct);
        return [.. returns.GroupBy(r => r.PeriodStart).OrderBy(g => g.Key)
            .Select(g => ContractRating.RatePeriod(g.Key, [.. g.Select(r => new KpiResult(r.IndicatorId, indicators[r.IndicatorId].Weight, RagRating.Rate(indicators[r.IndicatorId], r.Value)))]))
            .OfType<PeriodRating>()];
    }

    public async Task<AnnualAssessmentView?> AssessAsync(int contractId, int year, CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking().Include(c => c.Supplier).SingleOrDefaultAsync(c => c.Id == contractId, ct);
        if (contract is null)
            return null;
        var periods = await PeriodRatingsAsync(contractId, new DateOnly(year, 1, 1), new DateOnly(year, 12, 1), ct);
        var assessment = ContractRating.AssessYear(periods);
        // s.71(4): the supplier must have had an opportunity to improve before a poor rating is published; an agreed
        // remediation plan on one of the contract's escalations records it.
        var opportunity = await db.Escalations.AnyAsync(e => e.ContractId == contractId
            && (e.Status == EscalationStatus.RemediationAgreed || e.Status == EscalationStatus.Resolved), ct);
        var poor = assessment.Rating is PerformanceRating.RequiresImprovement or PerformanceRating.Inadequate;
        return new AnnualAssessmentView
        {
            ContractId = contract.Id, ContractReference = contract.Reference, Supplier = contract.Supplier?.Name ?? "", Year = year,
            Rating = assessment.Rating.ToString(), AverageScore = assessment.AverageScore, PeriodsAssessed = assessment.PeriodsAssessed,
            RedPeriods = assessment.RedPeriods, Basis = assessment.Basis, OpportunityToImproveRecorded = opportunity, Publishable = !poor || opportunity,
            Periods = [.. periods.Select(p => new PeriodRatingView { Period = p.Period, Score = p.Score, Rag = p.Rag.ToString(), KpisReported = p.KpisReported })],
        };
    }
}
