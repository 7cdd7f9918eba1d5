using Governance.Api.Data;
using Governance.Api.Features.Performance;
using Governance.Domain.Calendar;
using Governance.Domain.Contracts;
using Governance.Domain.Escalations;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Work;

/// <summary>
/// The contract manager's dashboard rows, for the page and its CSV alike (same filter, same visibility: read through
/// the caller's exemption filter): each contract's status and value, its KPIs' results in the latest month with
/// returns (ContractPerformance, as the API's KpiPeriods), the published UK9 rating, open escalations and their
/// rungs, returns overdue, expiry, and the next option or break notice date.
/// </summary>
public sealed class ContractDashboard(GovernanceDbContext db, ContractPerformance performance, TimeProvider time)
{
    public const int PageSize = 25;

    public sealed record Filter(string? Search, ContractStatus? Status, int Page);

    public sealed record Row(
        int Id, string Reference, string Title, string Supplier, ContractStatus Status, decimal AnnualValue, DateOnly EndOn,
        DateOnly? LatestPeriod, int Green, int Amber, int Red, int Overdue, string? Rating, int? RatedYear,
        IReadOnlyList<EscalationLevel> OpenEscalations, (DateOnly NoticeBy, ContractOptionKind Kind)? NextNotice)
    {
        /// <summary>Ends within six months of <paramref name="today"/>.</summary>
        public bool EndingSoon(DateOnly today) => EndOn >= today && EndOn <= today.AddMonths(6);
    }

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Pages, DateOnly Today);

    public async Task<Result> ReadAsync(Filter filter, CancellationToken ct, bool all = false)
    {
        var today = LondonTime.DateOf(time.GetUtcNow().UtcDateTime);
        var contracts = db.Contracts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            contracts = contracts.Where(c => c.Reference.Contains(term) || c.Title.Contains(term) || c.Supplier!.Name.Contains(term));
        }
        if (filter.Status is { } status)
            contracts = contracts.Where(c => c.Status == status);
        var total = await contracts.CountAsync(ct);
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        var page = Math.Clamp(filter.Page, 1, pages);
        var ordered = contracts.OrderBy(c => c.Reference);
        var chosen = await (all ? ordered : ordered.Skip((page - 1) * PageSize).Take(PageSize))
            .Select(c => new { c.Id, c.Reference, c.Title, Supplier = c.Supplier!.Name, c.Status, c.AnnualValue, c.EndOn }).ToListAsync(ct);
        var ids = chosen.Select(c => c.Id).ToList();
        var ratings = await ContractFigures.RatingsAsync(db, ids, ct);
        var escalations = (await db.Escalations.AsNoTracking().Where(e => e.ContractId != null && ids.Contains(e.ContractId.Value) && e.Status != EscalationStatus.Resolved)
            .Select(e => new { ContractId = e.ContractId!.Value, e.Level }).ToListAsync(ct)).ToLookup(e => e.ContractId, e => e.Level);
        var notices = (await db.ContractOptions.AsNoTracking().Where(o => ids.Contains(o.ContractId) && o.NoticeBy != null && o.NoticeBy >= today)
            .Select(o => new { o.ContractId, NoticeBy = o.NoticeBy!.Value, o.Kind }).ToListAsync(ct))
            .GroupBy(o => o.ContractId).ToDictionary(g => g.Key, g => g.OrderBy(o => o.NoticeBy).First());
        var rows = new List<Row>(chosen.Count);
        foreach (var c in chosen)
        {
            var periods = await performance.KpiPeriodsAsync(c.Id, ct);
            var latest = ContractFigures.LatestMonth(periods);
            rows.Add(new Row(c.Id, c.Reference, c.Title, c.Supplier, c.Status, c.AnnualValue, c.EndOn,
                latest?.Period, latest?.Green ?? 0, latest?.Amber ?? 0, latest?.Red ?? 0,
                periods.Count(p => p.State == "NotReported"), ratings.GetValueOrDefault(c.Id)?.Rating.ToString(), ratings.GetValueOrDefault(c.Id)?.Year,
                [.. escalations[c.Id]], notices.TryGetValue(c.Id, out var n) ? (n.NoticeBy, n.Kind) : null));
        }
        return new Result(rows, total, pages, today);
    }
}
