using System.Text.Json;
using Governance.Api.Data;
using Governance.Domain.Performance;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Performance;

/// <summary>
/// A contract's period ratings, KPI ratings, service credits and annual assessment (UK9), all from the same counted
/// evidence: every period each KPI owes, rated with the definition in force then, missing and disputed returns
/// counted by the council's policy and flagged.
/// </summary>
public sealed class ContractPerformance(GovernanceDbContext db, IConfiguration configuration, ReturnDeadlines deadlines)
{
    /// <summary>The council-wide rating policy (configuration "Performance:RatingPolicy"), which a contract may override.</summary>
    public PerformancePolicy CouncilPolicy
    {
        get
        {
            var section = configuration.GetSection("Performance:RatingPolicy");
            var d = PerformancePolicy.Default;
            return new PerformancePolicy(
                section.GetValue("GoodFrom", d.GoodFrom), section.GetValue("ApproachingTargetFrom", d.ApproachingTargetFrom),
                section.GetValue("RequiresImprovementFrom", d.RequiresImprovementFrom), section.GetValue("MinimumRatedShare", d.MinimumRatedShare),
                section.GetValue("NotReportedCountsAsRed", d.NotReportedCountsAsRed));
        }
    }

    public Task<ContractEvidence?> EvidenceAsync(int contractId, CancellationToken ct, bool ignoreFilters = false, DateTime? asAt = null) =>
        ContractEvidence.LoadAsync(db, contractId, CouncilPolicy, ct, ignoreFilters, asAt);

    /// <summary>
    /// Service credits per period: each red KPI (missing and disputed ones as the policy counts them) credits the
    /// contract's rate, scaled by its weight against the period's average weight, capped. With equal weights that is the
    /// rate per red KPI; a KPI of double weight credits twice the rate.
    /// </summary>
    public async Task<List<ServiceCreditView>> ServiceCreditsAsync(int contractId, CancellationToken ct)
    {
        if (await EvidenceAsync(contractId, ct) is not { } evidence)
            return [];
        var contract = evidence.Contract;
        var monthly = contract.AnnualValue / 12m;
        return [.. evidence.Results(DateOnly.MinValue, DateOnly.MaxValue, deadlines).GroupBy(r => r.Period).OrderBy(g => g.Key).Select(g =>
        {
            var red = g.Where(r => r.Rag == Rag.Red).ToList();
            var averageWeight = g.Average(r => r.Weight);
            var percent = Math.Min(contract.ServiceCreditCapPercent, red.Sum(r => r.Weight) / averageWeight * contract.ServiceCreditPercentPerRedKpi);
            return new ServiceCreditView
            {
                Period = g.Key, RedKpis = red.Count, NotReported = red.Count(r => r.State == ReturnState.NotReported), Disputed = g.Count(r => r.State == ReturnState.Disputed),
                Percent = Math.Round(percent, 4), Amount = Math.Round(monthly * percent / 100m, 2),
            }.Label(evidence.WithheldKpis);
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
        // Counted past the exemption filter only to say how many were left out, never what they are worth.
        var withheld = await db.Contracts.IgnoreQueryFilters([Data.ExemptionFilter.Name])
            .CountAsync(c => c.Status == Domain.Contracts.ContractStatus.Active || c.Status == Domain.Contracts.ContractStatus.InRemediation, ct) - live.Count;
        var note = withheld == 0 ? null
            : $"{withheld} live contracts are exempt information (Schedule 12A) and are left out: shares are of the contracts you may see, not the council's figures.";
        return [.. live.GroupBy(c => (c.SupplierId, c.Name)).Select(g =>
        {
            var value = g.Sum(c => c.TotalValue);
            var share = total == 0 ? 0 : Math.Round(value / total * 100m, 2);
            return new SupplierDependencyView
            {
                SupplierId = g.Key.SupplierId, Supplier = g.Key.Name, ContractValue = value, SharePercent = share, OverThreshold = share > threshold,
                WithheldContracts = withheld, WithheldNote = note,
            };
        }).OrderByDescending(v => v.SharePercent)];
    }

    public async Task<IReadOnlyList<PeriodRatingView>> PeriodRatingsAsync(int contractId, DateOnly? from, DateOnly? to, CancellationToken ct) =>
        await EvidenceAsync(contractId, ct) is { } evidence
            ? [.. ContractRating.RatePeriods(evidence.Results(from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue, deadlines)).Select(p => PeriodRatingView.Of(p).Label(evidence.WithheldKpis))]
            : [];

    /// <summary>Each KPI's result in each period: value counted, RAG, and why (verified, unverified, disputed, not reported).</summary>
    public async Task<List<KpiPeriodView>> KpiPeriodsAsync(int contractId, CancellationToken ct)
    {
        if (await EvidenceAsync(contractId, ct) is not { } evidence)
            return [];
        var codes = evidence.Indicators.ToDictionary(i => i.Id, i => i.Code);
        return [.. evidence.Results(DateOnly.MinValue, DateOnly.MaxValue, deadlines).OrderBy(r => r.Period).ThenBy(r => codes[r.IndicatorId]).Select(r => new KpiPeriodView
        {
            IndicatorId = r.IndicatorId, Code = codes[r.IndicatorId], Period = r.Period, CountedValue = r.Value, Rag = r.Rag.ToString(), State = r.State.ToString(),
        }.Label(evidence.WithheldKpis))];
    }

    /// <summary>The annual assessment: the published one if it was published (never re-rated), otherwise rated now from the evidence.</summary>
    public async Task<AnnualAssessmentView?> AssessAsync(int contractId, int year, CancellationToken ct, bool ignoreFilters = false) =>
        await PublishedAsync(contractId, year, ct) ?? (await EvidenceAsync(contractId, ct, ignoreFilters) is { } evidence ? Assess(evidence, year) : null);

    /// <summary>The same, for a caller that has already loaded the contract's evidence.</summary>
    public async Task<AnnualAssessmentView> AssessAsync(ContractEvidence evidence, int year, CancellationToken ct) =>
        await PublishedAsync(evidence.Contract.Id, year, ct) ?? Assess(evidence, year);

    private async Task<AnnualAssessmentView?> PublishedAsync(int contractId, int year, CancellationToken ct)
    {
        var published = await db.PerformanceAssessments.AsNoTracking()
            .Where(a => a.ContractId == contractId && a.Year == year && a.Occasion == AssessmentOccasion.Annual)
            .OrderByDescending(a => a.Id).Select(a => a.Evidence).FirstOrDefaultAsync(ct);
        return published is null ? null : JsonSerializer.Deserialize<AnnualAssessmentView>(published);
    }

    /// <summary>The year's assessment from the evidence: only the periods of that year, per KPI and overall, under the stated policy.</summary>
    public AnnualAssessmentView Assess(ContractEvidence evidence, int year)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 1));
        var results = evidence.Results(from, to, deadlines);
        var periods = ContractRating.RatePeriods(results);
        var contract = evidence.Contract;
        var monthsInTerm = ReturnCounting.Periods(Domain.Contracts.Frequency.Monthly, from, to)
            .Count(m => m.AddMonths(1) > contract.StartOn && m <= contract.EndOn && deadlines.IsDue(Domain.Contracts.Frequency.Monthly, m));
        var assessment = ContractRating.AssessYear(periods, monthsInTerm, evidence.Policy);
        var kpis = evidence.Indicators.Select(i =>
        {
            var own = results.Where(r => r.IndicatorId == i.Id).ToList();
            var schedule = evidence.Schedules.Single(s => s.IndicatorId == i.Id);
            var owed = ReturnCounting.Periods(i.Frequency, schedule.FirstPeriod, schedule.LastPeriod ?? to).Count(p => p >= from && p <= to && deadlines.IsDue(i.Frequency, p));
            var rated = ContractRating.AssessKpi(i.Id, own, owed, evidence.Policy);
            return new KpiAssessmentView
            {
                IndicatorId = i.Id, Code = i.Code, Name = i.Name, Rating = rated.Rating.ToString(), AverageScore = rated.AverageScore, PeriodsAssessed = rated.PeriodsAssessed,
                RedPeriods = rated.RedPeriods, NotReported = rated.NotReported, Disputed = own.Count(r => r.State == ReturnState.Disputed), Basis = rated.Basis,
            };
        }).Where(k => k.PeriodsAssessed > 0 || k.NotReported > 0).ToList();
        return new AnnualAssessmentView
        {
            ContractId = contract.Id, ContractReference = contract.Reference, Supplier = contract.Supplier?.Name ?? "", Year = year,
            Rating = assessment.Rating.ToString(), AverageScore = assessment.AverageScore, PeriodsAssessed = assessment.PeriodsAssessed, PeriodsInYear = assessment.PeriodsInYear,
            RedPeriods = assessment.RedPeriods, NotReportedReturns = assessment.NotReportedReturns, Basis = assessment.Basis,
            Policy = evidence.Policy.Describe(), PolicyLabel = PerformancePolicy.Label,
            Periods = [.. periods.Select(PeriodRatingView.Of)],
            Kpis = kpis,
            WithheldKpis = evidence.WithheldKpis,
            WithheldNote = evidence.WithheldKpis == 0 ? null
                : $"{evidence.WithheldKpis} of this contract's KPIs are exempt information (Schedule 12A) and are left out of this view, so it is not the council's rating.",
        };
    }
}
