using Governance.Api.Data;
using Governance.Api.Features.Workflows;
using Governance.Api.OData;
using Governance.Domain.Escalations;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Features.Escalations;

/// <summary>Escalations are opened (by slip detection or by a contract manager) and then move only through their ladder.</summary>
public sealed class EscalationsController(GovernanceDbContext db, TimeProvider time, WorkflowCommands workflows) : AppendOnlyEntitySetController<Escalation>(db)
{
    public const string Workflow = "kpi-escalation";

    /// <summary>Breaches of an internal SLA climb the SLA's own route instead.</summary>
    public const string SlaWorkflow = "sla-breach";

    public static string WorkflowFor(Escalation escalation) => escalation.InternalSlaId is null ? Workflow : SlaWorkflow;

    /// <summary>A new escalation starts at the bottom of the ladder, with its response deadline.</summary>
    protected override async Task AfterCreateAsync(Escalation entity, CancellationToken ct)
    {
        await workflows.StartAsync(WorkflowFor(entity), nameof(Escalation), entity.Id, User.Identity?.Name ?? "", ct);
        await Db.SaveChangesAsync(ct);
    }

    protected override Task<IActionResult?> BeforeCreateAsync(Escalation entity, CancellationToken ct)
    {
        if ((entity.ContractId is null) == (entity.InternalSlaId is null))
            return Task.FromResult<IActionResult?>(ODataErrors.BadRequest("escalation-one-subject", "An escalation is about exactly one contract or one internal SLA."));
        entity.OpenedAt = time.GetUtcNow().UtcDateTime;
        entity.Level = EscalationLevel.ContractManager;
        entity.Status = EscalationStatus.Open;
        return Task.FromResult<IActionResult?>(null);
    }
}
