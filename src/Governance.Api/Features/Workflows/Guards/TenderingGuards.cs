using Governance.Api.Data;
using Governance.Domain.Appraisal;
using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;
using Governance.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Workflows.Guards;

/// <summary>appraisal:approved — the procurement's options appraisal, in-house comparator included, is approved.</summary>
internal sealed class AppraisalApprovedGuard(GovernanceDbContext db) : IWorkflowGuard
{
    public string Name => "appraisal:approved";

    public string Description => "An options appraisal with an in-house comparator is approved.";

    public Task<bool> HoldsAsync(GuardContext context, CancellationToken ct) =>
        db.OptionsAppraisals.AnyAsync(a => a.ProcurementId == context.Subject.Id && a.Status == AppraisalStatus.Approved, ct);
}

/// <summary>criteria:&lt;stage&gt; — the stage's criteria are stated, weights summing to 100 with price among them.</summary>
internal sealed class CriteriaFixedGuard(GovernanceDbContext db) : IWorkflowGuard
{
    public string Name => "criteria:";

    public string Description => "The stage's evaluation criteria are stated before it opens: weights sum to 100, with a price criterion.";

    public async Task<bool> HoldsAsync(GuardContext context, CancellationToken ct)
    {
        var stage = Enum.Parse<ProcurementStage>((context.Argument ?? "").Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
        var criteria = await db.EvaluationCriteria.AsNoTracking()
            .Where(c => c.ProcurementId == context.Subject.Id && c.Stage == stage)
            .Select(c => new { c.Kind, c.Weight })
            .ToListAsync(ct);
        return criteria.Sum(c => c.Weight) == 100m && criteria.Any(c => c.Kind == CriterionKind.Price) && criteria.Any(c => c.Kind == CriterionKind.Quality);
    }
}

/// <summary>procurement:preferred-bidder-chosen — the best-ranked bidder has been made preferred bidder.</summary>
internal sealed class PreferredBidderChosenGuard(GovernanceDbContext db) : IWorkflowGuard
{
    public string Name => "procurement:preferred-bidder-chosen";

    public string Description => "A preferred bidder has been chosen on the best price-quality ratio.";

    public Task<bool> HoldsAsync(GuardContext context, CancellationToken ct) =>
        db.Bidders.AnyAsync(b => b.ProcurementId == context.Subject.Id && b.Status == BidderStatus.PreferredBidder, ct);
}

/// <summary>
/// evaluation:&lt;stage&gt; — the stage is evaluated: its bids opened, and every bidder still competing has a bid and
/// a moderated score on every quality criterion (closing the dialogue rests on it).
/// </summary>
internal sealed class StageEvaluatedGuard(GovernanceDbContext db, Tendering.ProcurementEvaluation evaluation) : IWorkflowGuard
{
    public string Name => "evaluation:";

    public string Description => "The stage's bids are opened and every remaining bidder has moderated scores on every criterion.";

    public async Task<bool> HoldsAsync(GuardContext context, CancellationToken ct)
    {
        var stage = Enum.Parse<ProcurementStage>((context.Argument ?? "").Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
        var procurement = await db.Procurements.AsNoTracking().SingleAsync(p => p.Id == context.Subject.Id, ct);
        return (await evaluation.EvaluateAsync(procurement, stage, ct)).Evaluation.IsComplete;
    }
}
