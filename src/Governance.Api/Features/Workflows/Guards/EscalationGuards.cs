using Governance.Api.Data;
using Governance.Domain.Escalations;
using Governance.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Workflows.Guards;

/// <summary>
/// escalation:rung-holder — the person acting holds the rung the case is on (Escalation.HolderRole), so a lower rung
/// cannot close or hand back a case held above it; at the scrutiny committee rung the committee's decision on the
/// case must also be recorded (a Decision on an agenda item about this escalation).
/// </summary>
internal sealed class RungHolderGuard(GovernanceDbContext db) : IWorkflowGuard
{
    public string Name => "escalation:rung-holder";

    public string Description => "Only the holder of the rung the escalation is on may close it, agree a plan or hand it back; the committee rung needs its recorded decision.";

    public async Task<bool> HoldsAsync(GuardContext context, CancellationToken ct)
    {
        if (context.Actor is not { IsSystem: false } actor)
            return false;
        var escalation = await db.Escalations.AsNoTracking().SingleOrDefaultAsync(e => e.Id == context.Subject.Id, ct);
        if (escalation is null || !escalation.IsHeldBy(actor.IsInRole))
            return false;
        if (escalation.Level != EscalationLevel.ScrutinyCommittee)
            return true;
        var items = db.AgendaItems.Where(a => a.SubjectType == nameof(Escalation) && a.SubjectId == escalation.Id).Select(a => a.Id);
        return await db.Decisions.AnyAsync(d => items.Contains(d.AgendaItemId), ct);
    }
}
