using System.Linq.Expressions;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Calendar;
using Governance.Domain.Tendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tendering;

/// <summary>
/// Who is bidding is confidential before award: the team reads its procurements' bidders, a supplier its own
/// requests. A supplier requests to participate while requests are open; the team scores, eliminates and records
/// withdrawals, always with reasons.
/// </summary>
public sealed class BiddersController(GovernanceDbContext db, TimeProvider time, ProcurementTeam team) : EditableEntitySetController<Bidder>(db, time)
{
    protected override Expression<Func<Bidder, bool>> SupplierRows(int supplierId) => b => b.SupplierId == supplierId;

    protected override IQueryable<Bidder> Scope(IQueryable<Bidder> rows) =>
        User.SupplierScope() is not null ? base.Scope(rows) : team.Confidential(rows, User);

    protected override async Task<IActionResult?> BeforeCreateAsync(Bidder entity, CancellationToken ct)
    {
        if (User.SupplierScope() is { } supplierId)
            entity.SupplierId = supplierId;
        else if (!await team.IsMemberAsync(entity.ProcurementId, User, ct))
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "procurement-team", "A supplier requests to participate itself, or the procurement's team records its request.");
        var procurement = await Db.Procurements.AsNoTracking().SingleOrDefaultAsync(p => p.Id == entity.ProcurementId, ct);
        if (procurement is null)
            return ODataErrors.BadRequest("UnknownReference", $"ProcurementId {entity.ProcurementId} does not refer to an existing Procurement.");
        TenderingRules.CheckRequestToParticipate(procurement, LondonTime.DateOf(Time.GetUtcNow().UtcDateTime));
        if (await Db.Bidders.AnyAsync(b => b.ProcurementId == entity.ProcurementId && b.SupplierId == entity.SupplierId, ct))
            return ODataErrors.Error(StatusCodes.Status409Conflict, "requested-once", "This supplier has already requested to participate.");
        entity.RequestedToParticipateOn = LondonTime.DateOf(Time.GetUtcNow().UtcDateTime);
        entity.Status = BidderStatus.RequestedToParticipate;
        return null;
    }

    protected override async Task<IActionResult?> MayChangeAsync(Bidder entity, CancellationToken ct) => await team.RefuseChangeAsync(entity.ProcurementId, User, ct);

    /// <summary>POST /odata/Bidders(1)/Governance.ScoreSelection { "Score": 72.5, "Notes": "..." }</summary>
    [HttpPost]
    public Task<IActionResult> ScoreSelection([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct) =>
        ActAsync(key, teamOnly: true, async (bidder, procurement) =>
        {
            if (procurement.Stage != ProcurementStage.SelectionQuestionnaire)
                return ODataErrors.Error(StatusCodes.Status409Conflict, "selection-closed", "Selection questionnaires are scored at the selection stage.");
            if (parameters?.GetValueOrDefault("Score") is not decimal score)
                return ODataErrors.BadRequest("selection-score", "Score is a number from 0 to 100.");
            bidder.ScoreSelection(score, parameters.GetValueOrDefault("Notes") as string);
            return await Task.FromResult<ObjectResult?>(null);
        }, ct);

    /// <summary>
    /// POST /odata/Bidders(1)/Governance.Eliminate { "Reason": "..." } — only once the stage is evaluated, on criteria
    /// stated before the stage opened (reg 66); the recorded reason cites the criteria and the bidder's scores.
    /// </summary>
    [HttpPost]
    public Task<IActionResult> Eliminate([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct) =>
        ActAsync(key, teamOnly: true, async (bidder, procurement) =>
        {
            if (!TenderingRules.DialogueStages.Contains(procurement.Stage))
                return ODataErrors.Error(StatusCodes.Status409Conflict, "reduction-stage", "Solutions are reduced only at the end of a dialogue stage.");
            if (parameters?.GetValueOrDefault("Reason") is not string reason || string.IsNullOrWhiteSpace(reason))
                return ODataErrors.BadRequest("reason-required", "Give the Reason, by the stage's criteria.");
            var opened = await Db.WorkflowInstances.Where(i => i.SubjectType == nameof(Procurement) && i.SubjectId == procurement.Id).Select(i => (DateTime?)i.EnteredStateAt).SingleOrDefaultAsync(ct);
            var criteria = await Db.EvaluationCriteria.Where(c => c.ProcurementId == procurement.Id && c.Stage == procurement.Stage).Select(c => c.RecordedAt).ToListAsync(ct);
            TenderingRules.CheckCriteriaStatedInAdvance(procurement.Stage, criteria, opened);

            var evaluation = await Service<ProcurementEvaluation>().EvaluateAsync(procurement, procurement.Stage, ct);
            evaluation.Evaluation.CheckComplete("Eliminating a bidder");
            bidder.Leave(BidderStatus.Eliminated, EliminationReason(reason, bidder.Id, evaluation), procurement.Stage);
            await Service<BidderLetters>().EliminatedAsync(procurement, bidder, ct);
            return null;
        }, ct);

    /// <summary>The reason as given, then the stage's pre-stated criteria with this bidder's moderated scores and its rank.</summary>
    private static string EliminationReason(string reason, int bidderId, ProcurementEvaluation.Result evaluation)
    {
        var scores = evaluation.Criteria.Where(c => c.Kind == Domain.Tendering.Bids.CriterionKind.Quality).Select(c =>
            $"{c.Name} ({c.Weight:0.##}%): {evaluation.Moderated.Single(m => m.BidderId == bidderId && m.CriterionId == c.Id).Value:0.#}/10");
        var rank = evaluation.Ranking.Single(r => r.BidderId == bidderId);
        return $"{reason} Scores on the criteria stated before the stage: {string.Join("; ", scores)}. Total {rank.Total:0.00} of 100, ranked {rank.Rank} of {evaluation.Ranking.Count}.";
    }

    /// <summary>POST /odata/Bidders(1)/Governance.Withdraw { "Reason": "..." } — by the bidder itself or recorded by the team.</summary>
    [HttpPost]
    public Task<IActionResult> Withdraw([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct) =>
        ActAsync(key, teamOnly: false, (bidder, procurement) =>
        {
            if (parameters?.GetValueOrDefault("Reason") is not string reason || string.IsNullOrWhiteSpace(reason))
                return Task.FromResult<ObjectResult?>(ODataErrors.BadRequest("reason-required", "Give the Reason for withdrawing."));
            bidder.Leave(BidderStatus.Withdrawn, reason, procurement.Stage);
            return Task.FromResult<ObjectResult?>(null);
        }, ct);

    private async Task<IActionResult> ActAsync(int key, bool teamOnly, Func<Bidder, Procurement, Task<ObjectResult?>> act, CancellationToken ct)
    {
        var bidder = await Scope(Db.Bidders).SingleOrDefaultAsync(b => b.Id == key, ct);
        if (bidder is null)
            return ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"Bidder {key} does not exist.");
        if (teamOnly && await team.RefuseChangeAsync(bidder.ProcurementId, User, ct) is { } notTeam)
            return notTeam;
        var procurement = await Db.Procurements.AsNoTracking().SingleAsync(p => p.Id == bidder.ProcurementId, ct);
        procurement.CheckOpenForChange();
        if (await act(bidder, procurement) is { } refused)
            return refused;
        await Db.SaveChangesAsync(ct);
        return Ok(bidder);
    }
}
