using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Scrutiny;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Scrutiny;

/// <summary>Each signatory's decision; the conditions of a conditional approval are tracked until discharged.</summary>
public sealed class SignOffDecisionsController(GovernanceDbContext db, TimeProvider time) : QueryableEntitySetController<SignOffDecision>(db)
{
    /// <summary>POST /odata/SignOffDecisions(1)/Governance.Discharge — by whoever raised the request, once its conditions are met.</summary>
    [HttpPost]
    public async Task<IActionResult> Discharge([FromODataUri] int key, CancellationToken ct)
    {
        var decision = await Db.SignOffDecisions.SingleOrDefaultAsync(d => d.Id == key, ct);
        if (decision is null)
            return ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"SignOffDecision {key} does not exist.");
        if (decision.Decision != SignOffStatus.ApprovedWithConditions)
            return ODataErrors.Error(StatusCodes.Status409Conflict, "no-conditions", "Only a conditional approval has conditions to discharge.");
        var raisedBy = await Db.SignOffRequests.Where(r => r.Id == decision.SignOffRequestId).Select(r => r.RaisedBy).SingleAsync(ct);
        if (!string.Equals(raisedBy, User.Identity?.Name, StringComparison.OrdinalIgnoreCase))
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "discharge", "Whoever raised the sign-off records that its conditions are met.");
        decision.ConditionsDischargedAt ??= time.GetUtcNow().UtcDateTime;
        decision.ConditionsDischargedBy ??= User.Identity?.Name;
        await Db.SaveChangesAsync(ct);
        return Ok(decision);
    }
}
