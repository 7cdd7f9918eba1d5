using Governance.Api.Data;
using Governance.Domain.Notices;
using Governance.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Notices;

/// <summary>
/// notice:&lt;type&gt; — the procurement's latest notice of that type is recorded as published (notice:uk6: standstill under
/// s.51 begins with the contract award notice's publication, so the step that starts it waits for the record of it).
/// </summary>
internal sealed class NoticePublishedGuard(GovernanceDbContext db) : IWorkflowGuard
{
    public string Name => "notice:";

    public string Description => "The notice is recorded as published, with the platform's reference (Notices(id)/Governance.Publish).";

    public async Task<bool> HoldsAsync(GuardContext context, CancellationToken ct)
    {
        if (!Enum.TryParse<NoticeType>(context.Argument, ignoreCase: true, out var type) || context.Subject.Type != "Procurement")
            return false;
        var latest = await db.Notices.IgnoreQueryFilters().AsNoTracking()
            .Where(n => n.ProcurementId == context.Subject.Id && n.Type == type)
            .OrderByDescending(n => n.Id).Select(n => (NoticeStatus?)n.Status).FirstOrDefaultAsync(ct);
        return latest == NoticeStatus.Published;
    }
}
