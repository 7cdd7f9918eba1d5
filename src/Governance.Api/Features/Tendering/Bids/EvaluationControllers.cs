using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tendering.Bids;

/// <summary>What scoring needs to be true: the bidder and criterion belong here, the bids are unsealed, the scorer has no conflict.</summary>
public sealed class EvaluationChecks(GovernanceDbContext db)
{
    public async Task<ObjectResult?> CheckAsync(int procurementId, int bidderId, int criterionId, string evaluator, CancellationToken ct)
    {
        if (!await db.Bidders.AnyAsync(b => b.Id == bidderId && b.ProcurementId == procurementId, ct))
            return ODataErrors.BadRequest("UnknownReference", $"BidderId {bidderId} is not a bidder of procurement {procurementId}.");
        var criterion = await db.EvaluationCriteria.AsNoTracking().SingleOrDefaultAsync(c => c.Id == criterionId && c.ProcurementId == procurementId, ct);
        if (criterion is null)
            return ODataErrors.BadRequest("UnknownReference", $"CriterionId {criterionId} is not a criterion of procurement {procurementId}.");
        if (criterion.Kind != CriterionKind.Quality)
            return ODataErrors.BadRequest("price-is-computed", "Price criteria are scored by the recorded price-scoring method, not by evaluators.");
        var unsealed = await db.ProcurementStageDates.AnyAsync(d => d.ProcurementId == procurementId && d.Stage == criterion.Stage && d.SubmissionsOpenedAt != null, ct);
        if (!unsealed)
            return ODataErrors.Error(StatusCodes.Status409Conflict, "sealed", $"Submissions for {criterion.Stage} are sealed until their deadline has passed and they are opened; nothing can be scored yet.");
        if (await db.ConflictDeclarations.AnyAsync(c => c.ProcurementId == procurementId && c.BidderId == bidderId && c.Evaluator == evaluator, ct))
            return ODataErrors.Error(StatusCodes.Status409Conflict, "conflict-of-interest", $"{evaluator} declared a conflict of interest with this bidder and cannot score it.");
        return null;
    }
}

/// <summary>Each evaluator's own scores, with justifications.</summary>
public sealed class ScoresController(GovernanceDbContext db, ProcurementTeam team, EvaluationChecks checks, TimeProvider time)
    : ConfidentialRecordController<Score>(db, team)
{
    protected override async Task<IActionResult?> BeforeCreateAsync(Score entity, CancellationToken ct)
    {
        if (await Team.RefuseChangeAsync(entity.ProcurementId, User, ct, TeamRole.Evaluator) is { } notEvaluator)
            return notEvaluator;
        entity.Evaluator = User.Identity?.Name ?? "";
        entity.ScoredAt = time.GetUtcNow().UtcDateTime;
        if (await checks.CheckAsync(entity.ProcurementId, entity.BidderId, entity.CriterionId, entity.Evaluator, ct) is { } refused)
            return refused;
        var earlier = await Db.Scores.AsNoTracking().Where(s => s.BidderId == entity.BidderId && s.CriterionId == entity.CriterionId && s.Evaluator == entity.Evaluator).ToListAsync(ct);
        entity.Version = Score.NextVersion(earlier, entity.Value, entity.ChangeReason);
        return null;
    }
}

/// <summary>Consensus scores from moderation, recorded by the team's lead, one per bidder and criterion.</summary>
public sealed class ModeratedScoresController(GovernanceDbContext db, ProcurementTeam team, EvaluationChecks checks, TimeProvider time)
    : ConfidentialRecordController<ModeratedScore>(db, team)
{
    protected override async Task<IActionResult?> BeforeCreateAsync(ModeratedScore entity, CancellationToken ct)
    {
        if (await Team.RefuseChangeAsync(entity.ProcurementId, User, ct, TeamRole.Lead) is { } notLead)
            return notLead;
        entity.ModeratedBy = User.Identity?.Name ?? "";
        entity.ModeratedAt = time.GetUtcNow().UtcDateTime;
        if (await checks.CheckAsync(entity.ProcurementId, entity.BidderId, entity.CriterionId, entity.ModeratedBy, ct) is { } refused)
            return refused;
        var earlier = await Db.ModeratedScores.AsNoTracking().Where(m => m.BidderId == entity.BidderId && m.CriterionId == entity.CriterionId).ToListAsync(ct);
        var individual = await Db.Scores.AsNoTracking().Where(s => s.BidderId == entity.BidderId && s.CriterionId == entity.CriterionId).ToListAsync(ct);
        entity.Version = ModeratedScore.NextVersion(earlier, Score.Live(individual), entity.Value, entity.ChangeReason);
        return null;
    }
}

/// <summary>
/// An evaluator declares their own conflicts of interest. Their scores of that bidder are kept but marked void with
/// the declaration, in the same transaction, and moderation can no longer rest on them.
/// </summary>
public sealed class ConflictDeclarationsController(GovernanceDbContext db, ProcurementTeam team, TimeProvider time)
    : ConfidentialRecordController<ConflictDeclaration>(db, team)
{
    protected override async Task<IActionResult?> BeforeCreateAsync(ConflictDeclaration entity, CancellationToken ct)
    {
        entity.Evaluator = User.Identity?.Name ?? "";
        entity.DeclaredAt = time.GetUtcNow().UtcDateTime;
        if (await base.BeforeCreateAsync(entity, ct) is { } refused)
            return refused;
        foreach (var score in await Db.Scores.Where(s => s.ProcurementId == entity.ProcurementId && s.BidderId == entity.BidderId && s.Evaluator == entity.Evaluator).ToListAsync(ct))
            score.Void(entity);
        return null;
    }
}
