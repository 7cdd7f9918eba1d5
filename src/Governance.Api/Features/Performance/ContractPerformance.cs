using Governance.Api.Data;
using Governance.Domain.Escalations;
using Governance.Domain.Performance;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Performance;

/// <summary>A contract's period ratings from its weighted KPIs, and the annual assessment behind a UK9 notice.</summary>
public sealed class ContractPerformance(GovernanceDbContext db)
{
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
