using Governance.Api.Data;
using Governance.Domain.Contracts;
using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tendering;

/// <summary>Evaluation results of a procurement's stage, as the ranking, eliminations, the preferred bidder and the award letters use them.</summary>
public sealed class ProcurementEvaluation(GovernanceDbContext db)
{
    public sealed record Result(
        IReadOnlyList<RankedBidder> Ranking, IReadOnlyList<EvaluationCriterion> Criteria, IReadOnlyList<ModeratedScore> Moderated,
        IReadOnlyList<Bidder> Bidders, StageEvaluation Evaluation);

    /// <summary>The ranking at a stage from the live moderated scores and each bidder's latest price, and whether the stage is evaluated.</summary>
    public async Task<Result> EvaluateAsync(Procurement procurement, ProcurementStage stage, CancellationToken ct)
    {
        var criteria = await db.EvaluationCriteria.AsNoTracking().Where(c => c.ProcurementId == procurement.Id && c.Stage == stage).OrderBy(c => c.Id).ToListAsync(ct);
        var criterionIds = criteria.Select(c => c.Id).ToList();
        var moderated = ModeratedScore.Latest(await db.ModeratedScores.AsNoTracking().Where(m => criterionIds.Contains(m.CriterionId)).ToListAsync(ct));
        var bidders = await db.Bidders.AsNoTracking().Include(b => b.Supplier)
            .Where(b => b.ProcurementId == procurement.Id && Bidder.Active.Contains(b.Status)).OrderBy(b => b.Id).ToListAsync(ct);
        var ids = bidders.Select(b => b.Id).ToList();
        var prices = (await db.Submissions.AsNoTracking()
                .Where(s => ids.Contains(s.BidderId) && s.Stage == stage)
                .Select(s => new { s.BidderId, s.Version, s.Price })
                .ToListAsync(ct))
            .GroupBy(s => s.BidderId)
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.Version)!.Price);
        var opened = await db.ProcurementStageDates.AnyAsync(d => d.ProcurementId == procurement.Id && d.Stage == stage && d.SubmissionsOpenedAt != null, ct);
        var changes = stage == ProcurementStage.FinalTenders
            ? await db.TenderChangeRequests.AsNoTracking().Where(r => r.ProcurementId == procurement.Id).ToListAsync(ct)
            : [];
        var evaluation = new StageEvaluation(stage, opened, criteria, moderated, prices, bidders.ToDictionary(b => b.Id, b => b.Supplier?.Name ?? $"Bidder {b.Id}"), changes);
        var ranking = Ranking.Rank(criteria, moderated, prices, ids, procurement.PriceScoringMethod);
        return new Result(ranking, criteria, moderated, bidders, evaluation);
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
            Procedure = procurement.Procedure,
            ContractManager = contractManager,
            TotalValue = price,
            AnnualValue = Math.Round(price / years, 2),
            StartOn = startOn,
            EndOn = endOn,
            Status = ContractStatus.Draft,
        };
        foreach (var k in kpis)
        {
            var indicator = new Indicator
            {
                Code = k.Code, Name = k.Name, Unit = k.Unit, Direction = k.Direction, Category = k.Category, Target = k.Target,
                RedThreshold = k.RedThreshold, Frequency = k.Frequency, Weight = k.Weight,
                SupplierSelfReports = k.SupplierSelfReports,
            };
            indicator.Versions.Add(indicator.FirstVersion(startOn, "award", startOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
            contract.Indicators.Add(indicator);
        }

        return contract;
    }
}
