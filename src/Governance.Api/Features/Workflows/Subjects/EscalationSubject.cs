using Governance.Api.Data;
using Governance.Domain.Escalations;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Workflows.Subjects;

/// <summary>An escalation's level, status and respond-by follow the ladder's state and timer.</summary>
internal sealed class EscalationSubject(GovernanceDbContext db) : IWorkflowSubjectType
{
    public string SubjectType => nameof(Escalation);

    public IReadOnlySet<string> Properties { get; } = new HashSet<string> { nameof(Escalation.RespondBy) };

    public Task<bool> ExistsAsync(int id, CancellationToken ct) => db.Escalations.AnyAsync(e => e.Id == id, ct);

    public async Task<DateTime?> GetAsync(int subjectId, string propertyName, CancellationToken ct) =>
        await db.Escalations.Where(e => e.Id == subjectId).Select(e => e.RespondBy).SingleOrDefaultAsync(ct);

    public async Task OnEnteredAsync(int id, string state, string? comment, DateTime? nextTimerDue, DateTime nowUtc, CancellationToken ct)
    {
        var escalation = await db.Escalations.SingleAsync(e => e.Id == id, ct);
        if (Enum.TryParse<EscalationLevel>(state, out var level))
        {
            escalation.Level = level;
            escalation.Status = EscalationStatus.Open;
        }
        else if (state == nameof(EscalationStatus.RemediationAgreed))
        {
            escalation.Status = EscalationStatus.RemediationAgreed;
        }
        else if (state == nameof(EscalationStatus.Resolved))
        {
            escalation.Status = EscalationStatus.Resolved;
            escalation.ClosedAt = nowUtc;
            escalation.ClosureReason = comment;
        }

        escalation.RespondBy = nextTimerDue;
    }
}
