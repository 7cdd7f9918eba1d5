using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Calendar;
using Governance.Domain.Escalations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Escalations;

/// <summary>
/// Recording a remediation plan (for an open escalation, agreed today by the server's clock) and a supplier's report
/// on an action it owns. The API's sets and the portal's escalation and supplier pages both come here; the caller
/// adds and saves, in one transaction with whatever else it does.
/// </summary>
public sealed class RemediationPlanning(GovernanceDbContext db, TimeProvider time)
{
    public async Task<ObjectResult?> PlanAsync(RemediationPlan plan, CancellationToken ct)
    {
        plan.AgreedOn = LondonTime.DateOf(time.GetUtcNow().UtcDateTime);
        return await db.Escalations.AnyAsync(e => e.Id == plan.EscalationId && e.Status != EscalationStatus.Resolved, ct)
            ? null
            : ODataErrors.BadRequest("escalation-open", $"EscalationId {plan.EscalationId} does not refer to an open escalation.");
    }

    /// <summary>A supplier's report on one of its own actions; 400 for an action it cannot see.</summary>
    /// <exception cref="Domain.Common.BusinessRuleException">The action is not the supplier's, or is done.</exception>
    public async Task<ObjectResult?> RespondAsync(RemediationActionResponse response, ClaimsPrincipal user, CancellationToken ct)
    {
        var actions = user.SupplierScope() is { } supplierId ? db.RemediationActions.Where(SupplierEscalations.Actions(db, supplierId)) : db.RemediationActions.Where(_ => false);
        if (await actions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == response.RemediationActionId, ct) is not { } action)
            return ODataErrors.BadRequest("UnknownReference", $"RemediationActionId {response.RemediationActionId} is not an action of your escalations.");
        response.RespondTo(action, user.Identity?.Name ?? "", time.GetUtcNow().UtcDateTime);
        return null;
    }
}
