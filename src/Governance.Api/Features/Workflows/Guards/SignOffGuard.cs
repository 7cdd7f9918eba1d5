using Governance.Api.Data;
using Governance.Domain.Scrutiny;
using Governance.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Workflows.Guards;

/// <summary>
/// signoff:&lt;gate&gt; — every signatory role the workflow names for the gate has approved its latest request: a
/// rejected request blocks the gate until a new one, raised once the issue is addressed, is approved.
/// </summary>
internal sealed class SignOffGuard(GovernanceDbContext db, SignOffGates gates) : IWorkflowGuard
{
    public string Name => "signoff:";

    public string Description => "Each signatory role the workflow names for this gate has approved its latest request (with or without conditions).";

    public async Task<bool> HoldsAsync(GuardContext context, CancellationToken ct)
    {
        var gate = context.Argument ?? "";
        var requests = await db.SignOffRequests.AsNoTracking()
            .Where(s => s.SubjectType == context.Subject.Type && s.SubjectId == context.Subject.Id && s.Gate == gate)
            .ToListAsync(ct);
        var roles = (await gates.FindAsync(context.Subject.Type, context.Subject.Id, gate, ct))?.Roles;
        return SignOffRequest.GateHolds(requests, roles);
    }
}
