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
public sealed class SubmissionsController(GovernanceDbContext db, ProcurementTeam team)
    : ConfidentialRecordController<Submission>(db, team)
{
    protected override IQueryable<Submission> Scope(IQueryable<Submission> rows) => Desk.Readable(rows, User);

    private SubmissionDesk Desk => HttpContext.RequestServices.GetRequiredService<SubmissionDesk>();

    protected override async Task<IActionResult?> BeforeCreateAsync(Submission entity, CancellationToken ct) => await Desk.ReceiveAsync(entity, User, ct);

    protected override Task AfterCreateAsync(Submission entity, CancellationToken ct) => Desk.AnswerRequestAsync(entity, ct);
}
