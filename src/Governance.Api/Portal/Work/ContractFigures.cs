using Governance.Api.Data;
using Governance.Api.Features.Performance;
using Governance.Domain.Performance;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Work;

/// <summary>A contract's KPI results in the latest month with returns, as the register and the dashboard show them.</summary>
public sealed record LatestKpis(DateOnly Period, int Green, int Amber, int Red, int Withheld);

/// <summary>The figures the public register and the contract manager's dashboard both read, read one way.</summary>
public static class ContractFigures
{
    /// <summary>The latest month in which any KPI has a return, with every KPI's rating that month; null before any return.</summary>
    public static LatestKpis? LatestMonth(IReadOnlyList<KpiPeriodView> periods)
    {
        var reported = periods.Where(p => p.State != "NotReported").ToList();
        if (reported.Count == 0)
            return null;
        var latest = reported.Max(p => p.Period);
        var month = periods.Where(p => p.Period == latest).ToList();
        return new LatestKpis(latest, month.Count(p => p.Rag == "Green"), month.Count(p => p.Rag == "Amber"), month.Count(p => p.Rag == "Red"), month.FirstOrDefault()?.WithheldKpis ?? 0);
    }

    /// <summary>Each contract's latest published assessment: a rating is public once the council publishes it (s.71).</summary>
    public static async Task<Dictionary<int, PerformanceAssessment>> RatingsAsync(GovernanceDbContext db, IReadOnlyCollection<int> contractIds, CancellationToken ct) =>
        (await db.PerformanceAssessments.AsNoTracking().Where(a => contractIds.Contains(a.ContractId)).ToListAsync(ct))
            .GroupBy(a => a.ContractId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Year).ThenByDescending(a => a.PublishedAt).First());
}
