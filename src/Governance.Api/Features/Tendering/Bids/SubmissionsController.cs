using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tendering.Bids;

/// <summary>
/// Bids and prices. A bidder submits and reads its own; the team reads a stage's submissions only once the stage's
/// deadline has passed and the bids have been opened by a named member (sealed until then), and nobody else ever does.
/// </summary>
public sealed class SubmissionsController(GovernanceDbContext db, ProcurementTeam team, TimeProvider time)
    : ConfidentialRecordController<Submission>(db, team)
{
    protected override IQueryable<Submission> Scope(IQueryable<Submission> rows)
    {
        var visible = base.Scope(rows);
        if (User.SupplierScope() is not null)
            return visible;
        return visible.Where(s => s.Stage == ProcurementStage.PreferredBidder || Db.ProcurementStageDates.Any(d =>
            d.ProcurementId == s.ProcurementId && d.Stage == s.Stage && d.SubmissionsOpenedAt != null));
    }

    protected override async Task<IActionResult?> BeforeCreateAsync(Submission entity, CancellationToken ct)
    {
        var bidder = await Team.OwnBidderAsync(entity.ProcurementId, User, ct);
        if (bidder is null || bidder.Id != entity.BidderId)
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "own-bids-only", "Submissions are made by the bidder itself, for its own bid.");
        if (!Bidder.Active.Contains(bidder.Status))
            return ODataErrors.Error(StatusCodes.Status409Conflict, "bidder-not-active", $"The bidder is {bidder.Status} and can no longer submit.");
        var procurement = await Db.Procurements.AsNoTracking().SingleAsync(p => p.Id == entity.ProcurementId, ct);
        var dates = await Db.ProcurementStageDates.AsNoTracking().SingleOrDefaultAsync(d => d.ProcurementId == procurement.Id && d.Stage == procurement.Stage, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var finalTenderPrice = await Db.Submissions.Where(s => s.BidderId == bidder.Id && s.Stage == ProcurementStage.FinalTenders)
            .OrderByDescending(s => s.Version).Select(s => (decimal?)s.Price).FirstOrDefaultAsync(ct);
        var request = entity.ChangeRequestId is { } id
            ? await Db.TenderChangeRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.BidderId == bidder.Id, ct)
              ?? throw new Domain.Common.BusinessRuleException("UnknownReference", $"ChangeRequestId {id} is not a request made of this bidder.", isInvalidInput: true)
            : null;
        entity.Stage = TenderingRules.CheckSubmission(procurement, dates, entity.Kind, entity.Justification, bidder.Status == BidderStatus.PreferredBidder, now, entity.Price, finalTenderPrice, request);
        entity.Version = await Db.Submissions.CountAsync(s => s.BidderId == bidder.Id && s.Stage == entity.Stage, ct) + 1;
        entity.SubmittedAt = now;
        entity.SubmittedBy = User.Identity?.Name ?? "";
        return null;
    }

    /// <summary>A change made at the council's request answers it, in the same transaction.</summary>
    protected override async Task AfterCreateAsync(Submission entity, CancellationToken ct)
    {
        if (entity.ChangeRequestId is not { } id)
            return;
        (await Db.TenderChangeRequests.SingleAsync(r => r.Id == id, ct)).Answer(entity);
        await Db.SaveChangesAsync(ct);
    }
}
