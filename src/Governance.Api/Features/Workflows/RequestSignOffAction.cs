using Governance.Api.Data;
using Governance.Domain.Scrutiny;
using Governance.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Workflows;

/// <summary>
/// request-signoff — a gate asks for its signatories: { "action": "request-signoff", "gate", "role", "quorum"? }.
/// A request already pending or approved for the same record, gate and role is not raised again.
/// </summary>
internal sealed class RequestSignOffAction(GovernanceDbContext db) : IWorkflowAction
{
    public string Name => "request-signoff";

    public IReadOnlyList<string> RequiredParameters { get; } = ["gate", "role"];

    public async Task RunAsync(ActionContext context, CancellationToken ct)
    {
        var gate = context.Parameters["gate"];
        var role = context.Parameters["role"];
        if (await db.SignOffRequests.AnyAsync(s => s.SubjectType == context.Subject.Type && s.SubjectId == context.Subject.Id && s.Gate == gate
                && s.RequiredRole == role && s.Status != SignOffStatus.Rejected, ct))
            return;
        db.SignOffRequests.Add(new SignOffRequest
        {
            SubjectType = context.Subject.Type, SubjectId = context.Subject.Id, Gate = gate, RequiredRole = role,
            Quorum = int.TryParse(context.Parameters.GetValueOrDefault("quorum"), out var quorum) ? quorum : 1,
            Summary = $"Sign-off of the {gate} gate, requested when the {context.Definition.Title} reached {context.Subject.State}.",
            RaisedBy = context.Actor, RaisedAt = context.NowUtc, Status = SignOffStatus.Pending,
        });
    }
}
