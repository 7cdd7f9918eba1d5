using Governance.Api.Data;
using Governance.Api.Features.Notifications;
using Governance.Api.Features.Performance;
using Governance.Api.Features.Workflows;
using Governance.Domain.Escalations;
using Governance.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Escalations;

/// <summary>
/// Part of the daily sweep: a remediation action still open after its due date is marked missed when it falls due,
/// the case's holder is told (by name where an account is theirs), and a case whose plan is being delivered moves up (PlanBreached) rather than waiting.
/// </summary>
public sealed class RemediationWatch(GovernanceDbContext db, WorkflowCommands workflows, NotificationOutbox outbox, NamedPeople people, ReturnDeadlines deadlines)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = deadlines.Today;
        var overdue = await db.RemediationActions.Where(a => a.Status == RemediationActionStatus.Open && a.DueOn < today).ToListAsync(ct);
        var missed = overdue.Where(a => a.MissIfOverdue(today)).ToList();
        foreach (var plan in missed.GroupBy(a => a.RemediationPlanId))
        {
            var escalationId = await db.RemediationPlans.Where(p => p.Id == plan.Key).Select(p => p.EscalationId).SingleAsync(ct);
            var escalation = await db.Escalations.SingleAsync(e => e.Id == escalationId, ct);
            var what = string.Join("; ", plan.Select(a => $"{a.Description} (due {a.DueOn:d MMMM yyyy}, {a.Owner})"));
            // To the person who holds the case at its rung when an account is theirs, else to the contract managers (or SLA owners).
            var role = escalation.InternalSlaId is null ? Auth.Roles.ContractManager : Auth.Roles.SlaOwner;
            var holder = await people.EmailOfAsync(escalation.Owner, role, ct);
            await outbox.AddAsync($"remediation-plan:{plan.Key}:missed:{today:yyyyMMdd}", holder is null ? role : null, holder,
                "Remediation action missed", $"Missed: {what}.", PortalLinks.For(nameof(Escalation), escalationId), (nameof(Escalation), escalationId), ct);
            if (escalation.Status != EscalationStatus.RemediationAgreed)
                continue;
            var instance = await db.WorkflowInstances.SingleOrDefaultAsync(w => w.SubjectType == nameof(Escalation) && w.SubjectId == escalationId, ct);
            if (instance is not null)
                await workflows.FireAsync(instance, "PlanBreached", WorkflowActor.System("remediation-watch"), $"Remediation action missed: {what}.", ct);
        }

        await db.SaveChangesAsync(ct);
        return missed.Count;
    }
}
