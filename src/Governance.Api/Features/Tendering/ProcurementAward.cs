using Governance.Api.Data;
using Governance.Domain.Contracts;
using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tendering;

/// <summary>Evaluation results of a procurement's final tenders, as the ranking, the preferred bidder and the award letters use them.</summary>
public sealed class ProcurementEvaluation(GovernanceDbContext db)
{
    public sealed record Result(
        IReadOnlyList<RankedBidder> Ranking, IReadOnlyList<EvaluationCriterion> Criteria, IReadOnlyList<ModeratedScore> Moderated,
        IReadOnlyList<Bidder> Bidders, IReadOnlyList<string> Missing);

    /// <summary>The ranking at a stage from moderated scores and each bidder's latest price, and what is missing for it to be complete.</summary>
    public async Task<Result> EvaluateAsync(Procurement procurement, ProcurementStage stage, CancellationToken ct)
    {
        var criteria = await db.EvaluationCriteria.AsNoTracking().Where(c => c.ProcurementId == procurement.Id && c.Stage == stage).OrderBy(c => c.Id).ToListAsync(ct);
        var moderated = await db.ModeratedScores.AsNoTracking().Where(m => m.ProcurementId == procurement.Id).ToListAsync(ct);
        var bidders = await db.Bidders.AsNoTracking().Include(b => b.Supplier)
            .Where(b => b.ProcurementId == procurement.Id && Bidder.Active.Contains(b.Status)).OrderBy(b => b.Id).ToListAsync(ct);
        var ids = bidders.Select(b => b.Id).ToList();
        var prices = (await db.Submissions.AsNoTracking()
                .Where(s => ids.Contains(s.BidderId) && s.Stage == stage)
                .Select(s => new { s.BidderId, s.Version, s.Price })
                .ToListAsync(ct))
            .GroupBy(s => s.BidderId)
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.Version)!.Price);

        var missing = new List<string>();
        foreach (var bidder in bidders)
        {
            if (!prices.ContainsKey(bidder.Id))
                missing.Add($"{bidder.Supplier?.Name} has no {stage} submission");
            missing.AddRange(criteria.Where(c => c.Kind == CriterionKind.Quality && !moderated.Any(m => m.BidderId == bidder.Id && m.CriterionId == c.Id))
                .Select(c => $"{bidder.Supplier?.Name} has no moderated score on '{c.Name}'"));
        }

        if (criteria.Count == 0)
            missing.Add($"no criteria for {stage}");
        var ranking = Ranking.Rank(criteria, moderated, prices, ids, procurement.PriceScoringMethod);
        return new Result(ranking, criteria, moderated, bidders, missing);
    }
}

/// <summary>The contract let from an award: the successful bidder's supplier, its final price, and the KPIs agreed in the tender.</summary>
public static class ContractFromAward
{
    public static Contract Create(Procurement procurement, Bidder winner, decimal price, DateOnly startOn, DateOnly endOn, string? contractManager, IEnumerable<ProposedKpi> kpis)
    {
        var years = Math.Max(1m, (endOn.DayNumber - startOn.DayNumber + 1) / 365.25m);
        var contract = new Contract
        {
            Reference = $"{procurement.Reference}-C",
            Title = procurement.Title,
            Description = procurement.Description,
            SupplierId = winner.SupplierId,
            DepartmentId = procurement.DepartmentId,
            ProcurementId = procurement.Id,
            ContractManager = contractManager,
            TotalValue = price,
            AnnualValue = Math.Round(price / years, 2),
            StartOn = startOn,
            EndOn = endOn,
            Status = ContractStatus.Draft,
        };
        foreach (var k in kpis)
        {
            contract.Indicators.Add(new Indicator
            {
                Code = k.Code, Name = k.Name, Unit = k.Unit, Direction = k.Direction, Category = k.Category, Target = k.Target,
                AmberThreshold = k.AmberThreshold, RedThreshold = k.RedThreshold, Frequency = k.Frequency, Weight = k.Weight,
                SupplierSelfReports = k.SupplierSelfReports,
            });
        }

        return contract;
    }
}
