using Governance.Api.Data;
using Governance.Api.Features.Workflows;
using Governance.Api.OData;
using Governance.Domain.Tendering;

namespace Governance.Api.Features.Tendering;

public sealed class ProcurementsController(GovernanceDbContext db, TimeProvider time, WorkflowCommands workflows)
    : EditableEntitySetController<Procurement>(db, time)
{
    /// <summary>A new procurement starts on its procedure's workflow, in the same transaction.</summary>
    protected override async Task AfterCreateAsync(Procurement entity, CancellationToken ct)
    {
        if (ProcurementWorkflows.For(entity.Procedure) is not { } workflow)
            return;
        await workflows.StartAsync(workflow, nameof(Procurement), entity.Id, User.Identity?.Name ?? "", ct);
        await Db.SaveChangesAsync(ct);
    }
}
