using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Workflows;

/// <summary>
/// Instances are read like any entity set and moved only by Fire. Who may fire what is the definition's business:
/// the transition's roles (403), its guards (409), and whether the state has the trigger at all (400).
/// </summary>
public sealed class WorkflowInstancesController(GovernanceDbContext db) : QueryableEntitySetController<WorkflowInstance>(db)
{
    private WorkflowCommands Commands => Service<WorkflowCommands>();

    /// <summary>GET /odata/WorkflowInstances(1)/Governance.PermittedTriggers()</summary>
    [HttpGet]
    public async Task<IActionResult> PermittedTriggers([FromODataUri] int key, CancellationToken ct)
    {
        var instance = await ReadableRows().SingleOrDefaultAsync(i => i.Id == key, ct);
        if (instance is null)
            return NotFoundError(key);
        var statuses = await Commands.PermittedTriggersAsync(instance, Actor(), ct);
        return Ok(statuses.Select(s => new TriggerStatusView
        {
            Trigger = s.Trigger, To = s.To, CanFire = s.CanFire, RoleAllowed = s.RoleAllowed, UnmetGuards = [.. s.UnmetGuards], Roles = [.. s.Roles],
        }).ToList());
    }

    /// <summary>POST /odata/WorkflowInstances(1)/Governance.Fire { "Trigger": "...", "Comment": "..." }</summary>
    [HttpPost]
    public async Task<IActionResult> Fire([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct)
    {
        var trigger = parameters?.GetValueOrDefault("Trigger") as string;
        if (string.IsNullOrWhiteSpace(trigger))
            return ODataErrors.BadRequest("TriggerRequired", "Give the Trigger to fire, e.g. {\"Trigger\": \"CloseDialogue\", \"Comment\": \"...\"}.");
        var comment = parameters?.GetValueOrDefault("Comment") as string;

        var instance = await Scope(Db.Set<WorkflowInstance>()).SingleOrDefaultAsync(i => i.Id == key, ct);
        if (instance is null)
            return NotFoundError(key);
        if (await Commands.RefuseActorAsync(instance, User, ct) is { } refused)
            return refused;
        if (WorkflowCommands.Refusal(trigger, await Commands.FireAsync(instance, trigger, Actor(), comment, ct)) is { } refusedFire)
            return refusedFire;

        await Db.SaveChangesAsync(ct);
        return Ok(instance);
    }

    private WorkflowActor Actor() => new(User.Identity?.Name ?? "", User.IsInRole);

    private static ObjectResult NotFoundError(int key) =>
        ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"WorkflowInstance {key} does not exist.");
}
