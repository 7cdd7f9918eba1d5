using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Calendar;
using Governance.Domain.Escalations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Escalations;

/// <summary>Remediation (rectification) plans agreed for escalations; the day a plan is agreed is stamped by the server.</summary>
public sealed class RemediationPlansController(GovernanceDbContext db, TimeProvider time, RemediationPlanning planning) : EditableEntitySetController<RemediationPlan>(db, time)
{
    protected override System.Linq.Expressions.Expression<Func<RemediationPlan, bool>> SupplierRows(int supplierId) => SupplierEscalations.Plans(Db, supplierId);

    protected override async Task<IActionResult?> BeforeCreateAsync(RemediationPlan entity, CancellationToken ct) => await planning.PlanAsync(entity, ct);
}

/// <summary>The actions of remediation plans, each with an owner and a due date; done only by Complete, missed by the daily sweep.</summary>
public sealed class RemediationActionsController(GovernanceDbContext db, TimeProvider time) : EditableEntitySetController<RemediationAction>(db, time)
{
    protected override System.Linq.Expressions.Expression<Func<RemediationAction, bool>> SupplierRows(int supplierId) => SupplierEscalations.Actions(Db, supplierId);

    protected override Task<IActionResult?> BeforeCreateAsync(RemediationAction entity, CancellationToken ct)
    {
        entity.Status = RemediationActionStatus.Open;
        return Task.FromResult<IActionResult?>(null);
    }

    /// <summary>POST /odata/RemediationActions(1)/Governance.Complete — done today.</summary>
    [HttpPost]
    public async Task<IActionResult> Complete([FromODataUri] int key, CancellationToken ct)
    {
        if (!Auth.AccessRules.CanWrite("RemediationActions", User.IsInRole))
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "remediation-write", "Contract managers and SLA owners record remediation actions.");
        var action = await Scope(Db.RemediationActions).SingleOrDefaultAsync(a => a.Id == key, ct);
        if (action is null)
            return ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"RemediationAction {key} does not exist.");
        action.Complete(LondonTime.DateOf(Time.GetUtcNow().UtcDateTime));
        await Db.SaveChangesAsync(ct);
        return Ok(action);
    }
}

/// <summary>A supplier's reports on the actions it owns: append-only, stamped by the server; the council reads them all.</summary>
public sealed class RemediationActionResponsesController(GovernanceDbContext db, RemediationPlanning planning) : AppendOnlyEntitySetController<RemediationActionResponse>(db)
{
    protected override System.Linq.Expressions.Expression<Func<RemediationActionResponse, bool>> SupplierRows(int supplierId) => SupplierEscalations.Responses(Db, supplierId);

    protected override async Task<IActionResult?> BeforeCreateAsync(RemediationActionResponse entity, CancellationToken ct) => await planning.RespondAsync(entity, User, ct);
}
