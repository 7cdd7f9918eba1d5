using Governance.Api.Data;
using Governance.Api.Features.Notifications;
using Governance.Domain.Scrutiny;
using Governance.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Workflows;

/// <summary>
/// request-signoff — a gate asks for its signatories: { "action": "request-signoff", "gate" }. Each role the
/// workflow names for the gate (under "signoffs") gets a request with the gate's quorum; an older workflow that
/// declares no gates names the role in the action ("role", "quorum"). A request already pending or approved for the
/// same record, gate and role since the state was entered is not raised again. Each request tells the role's holders.
/// </summary>
internal sealed class RequestSignOffAction(GovernanceDbContext db, NotificationOutbox outbox, NotificationSubjects subjects) : IWorkflowAction
{
    public string Name => "request-signoff";

    public IReadOnlyList<string> RequiredParameters { get; } = ["gate"];

    public async Task RunAsync(ActionContext context, CancellationToken ct)
    {
        var gate = context.Parameters["gate"];
        var (roles, quorum) = context.Definition.Gates.TryGetValue(gate, out var declared)
            ? (declared.Roles, declared.Quorum)
            : ([context.Parameters["role"]], int.TryParse(context.Parameters.GetValueOrDefault("quorum"), out var q) ? q : 1);
        var facts = await subjects.FactsAsync(context.Subject.Type, context.Subject.Id, ct);
        foreach (var role in roles)
        {
            // Raised on an earlier entry to this state (an award decision now re-made), a request does not stand for this one.
            if (await db.SignOffRequests.AnyAsync(s => s.SubjectType == context.Subject.Type && s.SubjectId == context.Subject.Id && s.Gate == gate
                    && s.RequiredRole == role && s.Status != SignOffStatus.Rejected && s.RaisedAt >= context.Subject.EnteredStateAtUtc, ct))
                continue;
            db.SignOffRequests.Add(new SignOffRequest
            {
                SubjectType = context.Subject.Type, SubjectId = context.Subject.Id, Gate = gate, RequiredRole = role, Quorum = quorum,
                Summary = $"Sign-off of the {gate} gate, requested when the {context.Definition.Title} reached {context.Subject.State}.",
                RaisedBy = context.Actor, RaisedAt = context.NowUtc, Status = SignOffStatus.Pending,
            });
            await outbox.AddAsync($"{context.IdempotencyKey}:signoff:{gate}:{role}", role, user: null,
                $"Your sign-off is needed: the {gate} gate of {facts.Title}",
                $"The {context.Definition.Title} reached {context.Subject.State} and cannot go on until the {gate} gate is signed off: "
                + $"{(quorum == 1 ? "one approval" : $"{quorum} approvals")} from {role} holders. Read the record, then approve or reject the request, giving your reasons.",
                PortalLinks.For(nameof(SignOffRequest), null), (context.Subject.Type, context.Subject.Id), ct);
        }
    }
}
