using Governance.Api.Data;
using Governance.Domain.Scrutiny;
using Governance.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Workflows.Guards;

/// <summary>signoff:&lt;gate&gt; — sign-off was requested for the gate on this record and every request is approved.</summary>
internal sealed class SignOffGuard(GovernanceDbContext db) : IWorkflowGuard
{
    public string Name => "signoff:";

    public string Description => "Every sign-off requested for this gate is approved (with or without conditions).";

    public async Task<bool> HoldsAsync(GuardContext context, CancellationToken ct)
    {
        var statuses = await db.SignOffRequests.AsNoTracking()
            .Where(s => s.SubjectType == context.Subject.Type && s.SubjectId == context.Subject.Id && s.Gate == context.Argument)
            .Select(s => s.Status)
            .ToListAsync(ct);
        return statuses.Count > 0 && statuses.All(s => s is SignOffStatus.Approved or SignOffStatus.ApprovedWithConditions);
    }
}
