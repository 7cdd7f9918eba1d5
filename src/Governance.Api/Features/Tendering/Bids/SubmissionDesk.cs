using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tendering.Bids;

/// <summary>
/// Receiving a bid: only the bidder itself, while it is still in the running, at the stage the procurement is at and
/// before that stage's deadline (or afterwards only as the regulations allow); the stage, version, time and sender
/// are the server's. The API's Submissions and the portal's bidder page both come here.
/// </summary>
public sealed class SubmissionDesk(GovernanceDbContext db, ProcurementTeam team, TimeProvider time)
{
    /// <summary>Stamps a new submission, or says why it is refused (403 not this bidder's, 409 the rules). The caller adds and saves it.</summary>
    /// <exception cref="Domain.Common.BusinessRuleException">The tendering rules refuse it (deadline passed, wrong kind for the stage).</exception>
    public async Task<ObjectResult?> ReceiveAsync(Submission entity, ClaimsPrincipal user, CancellationToken ct)
    {
        var bidder = await team.OwnBidderAsync(entity.ProcurementId, user, ct);
        if (bidder is null || bidder.Id != entity.BidderId)
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "own-bids-only", "Submissions are made by the bidder itself, for its own bid.");
        if (!Bidder.Active.Contains(bidder.Status))
            return ODataErrors.Error(StatusCodes.Status409Conflict, "bidder-not-active", $"The bidder is {bidder.Status} and can no longer submit.");
        var procurement = await db.Procurements.AsNoTracking().SingleAsync(p => p.Id == entity.ProcurementId, ct);
        var dates = await db.ProcurementStageDates.AsNoTracking().SingleOrDefaultAsync(d => d.ProcurementId == procurement.Id && d.Stage == procurement.Stage, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var finalTenderPrice = await db.Submissions.Where(s => s.BidderId == bidder.Id && s.Stage == ProcurementStage.FinalTenders)
            .OrderByDescending(s => s.Version).Select(s => (decimal?)s.Price).FirstOrDefaultAsync(ct);
        var request = entity.ChangeRequestId is { } id
            ? await db.TenderChangeRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.BidderId == bidder.Id, ct)
              ?? throw new Domain.Common.BusinessRuleException("UnknownReference", $"ChangeRequestId {id} is not a request made of this bidder.", isInvalidInput: true)
            : null;
        entity.Stage = TenderingRules.CheckSubmission(procurement, dates, entity.Kind, entity.Justification, bidder.Status == BidderStatus.PreferredBidder, now, entity.Price, finalTenderPrice, request);
        entity.Version = await db.Submissions.CountAsync(s => s.BidderId == bidder.Id && s.Stage == entity.Stage, ct) + 1;
        entity.SubmittedAt = now;
        entity.SubmittedBy = user.Identity?.Name ?? "";
        return null;
    }

    /// <summary>
    /// The submissions this person may read: a bidder its own; the team a stage's only once its deadline has passed and
    /// the bids are opened by a named member (sealed until then); nobody else any.
    /// </summary>
    public IQueryable<Submission> Readable(IQueryable<Submission> rows, ClaimsPrincipal user)
    {
        var visible = team.Confidential(rows, user);
        if (user.SupplierScope() is not null)
            return visible;
        return visible.Where(s => s.Stage == ProcurementStage.PreferredBidder || db.ProcurementStageDates.Any(d =>
            d.ProcurementId == s.ProcurementId && d.Stage == s.Stage && d.SubmissionsOpenedAt != null));
    }

    /// <summary>After the submission is saved: a change made at the council's request answers it, in the same transaction.</summary>
    public async Task AnswerRequestAsync(Submission entity, CancellationToken ct)
    {
        if (entity.ChangeRequestId is not { } id)
            return;
        (await db.TenderChangeRequests.SingleAsync(r => r.Id == id, ct)).Answer(entity);
        await db.SaveChangesAsync(ct);
    }
}
