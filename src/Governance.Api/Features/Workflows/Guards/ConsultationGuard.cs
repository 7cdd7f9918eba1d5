using Governance.Api.Data;
using Governance.Domain.Calendar;
using Governance.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Workflows.Guards;

/// <summary>consultation:&lt;gate&gt; — the union was consulted on this record and has responded, or its response period has ended.</summary>
internal sealed class ConsultationGuard(GovernanceDbContext db) : IWorkflowGuard
{
    public string Name => "consultation:";

    public string Description => "The union has responded to the consultation, or its response period has ended.";

    public async Task<bool> HoldsAsync(GuardContext context, CancellationToken ct)
    {
        var today = LondonTime.DateOf(context.NowUtc);
        var consultations = await db.Consultations.AsNoTracking()
            .Where(c => c.SubjectType == context.Subject.Type && c.SubjectId == context.Subject.Id && c.Gate == context.Argument)
            .Select(c => new { c.Response, c.RespondBy })
            .ToListAsync(ct);
        return consultations.Count > 0 && consultations.All(c => c.Response != null || today > c.RespondBy);
    }
}
