using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tendering.Bids;

/// <summary>
/// The council's requests to a named bidder to clarify, specify or optimise its final tender, each answered by the
/// bidder (a Submission naming it) and decided by a second member of the team. The team reads them, a bidder its own.
/// </summary>
public sealed class TenderChangeRequestsController(GovernanceDbContext db, ProcurementTeam team, TimeProvider time)
    : ConfidentialRecordController<TenderChangeRequest>(db, team)
{
    protected override async Task<IActionResult?> BeforeCreateAsync(TenderChangeRequest entity, CancellationToken ct)
    {
        if (await base.BeforeCreateAsync(entity, ct) is { } refused)
            return refused;
        var bidder = await Db.Bidders.AsNoTracking().SingleOrDefaultAsync(b => b.Id == entity.BidderId && b.ProcurementId == entity.ProcurementId, ct);
        if (bidder is null)
            return ODataErrors.BadRequest("UnknownReference", $"BidderId {entity.BidderId} is not a bidder of procurement {entity.ProcurementId}.");
        var procurement = await Db.Procurements.AsNoTracking().SingleAsync(p => p.Id == entity.ProcurementId, ct);
        var finalTenders = await Db.ProcurementStageDates.AsNoTracking().SingleOrDefaultAsync(d => d.ProcurementId == entity.ProcurementId && d.Stage == ProcurementStage.FinalTenders, ct);
        entity.Raise(procurement, finalTenders, bidder, User.Identity?.Name ?? "", time.GetUtcNow().UtcDateTime);
        await Service<BidderLetters>().ChangeRequestedAsync(procurement, bidder, entity, ct);
        return null;
    }

    /// <summary>POST /odata/TenderChangeRequests(1)/Governance.Decide { "Approved": true, "Reason": "..." } — by a second member of the team.</summary>
    [HttpPost]
    public async Task<IActionResult> Decide([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct)
    {
        if (parameters?.GetValueOrDefault("Approved") is not bool approved)
            return ODataErrors.BadRequest("approved-required", "Say whether the change leaves every essential aspect as it was: {\"Approved\": true} or false with a Reason.");
        var request = await Scope(Db.TenderChangeRequests).SingleOrDefaultAsync(r => r.Id == key, ct);
        if (request is null)
            return ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"TenderChangeRequest {key} does not exist.");
        if (await Team.RefuseChangeAsync(request.ProcurementId, User, ct) is { } refused)
            return refused;
        request.Decide(approved, User.Identity?.Name ?? "", parameters.GetValueOrDefault("Reason") as string, time.GetUtcNow().UtcDateTime);
        await Db.SaveChangesAsync(ct);
        return Ok(request);
    }
}
