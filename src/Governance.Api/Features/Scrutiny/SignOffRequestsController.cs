using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Common;
using Governance.Domain.Scrutiny;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Scrutiny;

/// <summary>Sign-off requests are raised, then decided by the role they name; the request itself is never edited.</summary>
public sealed class SignOffRequestsController(GovernanceDbContext db, TimeProvider time) : AppendOnlyEntitySetController<SignOffRequest>(db)
{
    protected override Task<IActionResult?> BeforeCreateAsync(SignOffRequest entity, CancellationToken ct)
    {
        if (!Auth.Roles.All.Contains(entity.RequiredRole))
            return Task.FromResult<IActionResult?>(ODataErrors.BadRequest("unknown-role", $"RequiredRole must be one of {string.Join(", ", Auth.Roles.All)}."));
        entity.RaisedBy = User.Identity?.Name ?? "";
        entity.RaisedAt = time.GetUtcNow().UtcDateTime;
        entity.Status = SignOffStatus.Pending;
        entity.Approvals = 0;
        return Task.FromResult<IActionResult?>(null);
    }

    /// <summary>POST /odata/SignOffRequests(1)/Governance.Decide { "Decision": "Approved", "Reason": "..." }</summary>
    [HttpPost]
    public async Task<IActionResult> Decide([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct)
    {
        if (!Enum.TryParse<SignOffStatus>(parameters?.GetValueOrDefault("Decision") as string, out var decision))
            return ODataErrors.BadRequest("signoff-decision", "Decision must be Approved, ApprovedWithConditions or Rejected.");
        var request = await Scope(Db.SignOffRequests).SingleOrDefaultAsync(s => s.Id == key, ct);
        if (request is null)
            return ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"SignOffRequest {key} does not exist.");
        if (!User.IsInRole(request.RequiredRole))
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "signoff-role", $"This sign-off is for the {request.RequiredRole} role.");
        var decidedBy = await Db.SignOffDecisions.Where(d => d.SignOffRequestId == key).Select(d => d.DecidedBy).ToListAsync(ct);
        try
        {
            Db.SignOffDecisions.Add(request.Decide(decision, User.Identity?.Name ?? "", parameters?.GetValueOrDefault("Reason") as string, time.GetUtcNow().UtcDateTime, decidedBy));
        }
        catch (BusinessRuleException rule) when (rule.Rule == "no-self-sign-off")
        {
            return ODataErrors.Error(StatusCodes.Status403Forbidden, rule.Rule, rule.Message);
        }

        await Db.SaveChangesAsync(ct);
        return Ok(request);
    }
}
