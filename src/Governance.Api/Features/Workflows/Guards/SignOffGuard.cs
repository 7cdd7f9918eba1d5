using Governance.Api.Data;
using Governance.Domain.Scrutiny;
using Governance.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Workflows.Guards;

/// <summary>
/// signoff:&lt;gate&gt; — sign-off was requested for the gate on this record and, for each role asked, the latest
/// request is approved: a rejected request blocks the gate until a new one, raised once the issue is addressed, is approved.
/// </summary>
internal sealed class SignOffGuard(GovernanceDbContext db) : IWorkflowGuard
{
    public string Name => "signoff:";

    public string Description => "Every sign-off requested for this gate is approved (with or without conditions).";

    public async Task<bool> HoldsAsync(GuardContext context, CancellationToken ct)
    {
        var requests = await db.SignOffRequests.AsNoTracking()
            .Where(s => s.SubjectType == context.Subject.Type && s.SubjectId == context.Subject.Id && s.Gate == context.Argument)
            .Select(s => new { s.Id, s.RequiredRole, s.Status })
            .ToListAsync(ct);
        var latest = requests.GroupBy(r => r.RequiredRole).Select(g => g.MaxBy(r => r.Id)!.Status).ToList();
        return latest.Count > 0 && latest.All(s => s is SignOffStatus.Approved or SignOffStatus.ApprovedWithConditions);
    }
}
