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
        if (LevelOf(state) is { } level)
        {
            escalation.Level = level;
            escalation.Status = EscalationStatus.Open;
            escalation.Owner = await OwnerAsync(escalation, level, ct);
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

        escalation.Owner ??= await OwnerAsync(escalation, escalation.Level, ct); // the rung's person stays named after a plan is agreed
        escalation.RespondBy = nextTimerDue;
    }

    /// <summary>The ladder's rung for a state of either ladder (contract KPIs or an internal SLA's route).</summary>
    private static EscalationLevel? LevelOf(string state) => state switch
    {
        "Monitor" => EscalationLevel.ContractManager,
        "CorporateManagementTeam" => EscalationLevel.ScrutinyCommittee,
        _ => Enum.TryParse<EscalationLevel>(state, out var level) ? level : null,
    };

    /// <summary>The named person at a rung: the contract manager or SLA monitor, then the department's head of service and director.</summary>
    private async Task<string?> OwnerAsync(Escalation escalation, EscalationLevel level, CancellationToken ct)
    {
        if (escalation.ContractId is { } contractId)
        {
            var contract = await db.Contracts.AsNoTracking().Include(c => c.Department).SingleAsync(c => c.Id == contractId, ct);
            return level switch
            {
                EscalationLevel.ContractManager => contract.ContractManager,
                EscalationLevel.HeadOfService => contract.Department?.HeadOfService,
                EscalationLevel.Director => contract.Department?.Director,
                _ => await db.Committees.Where(c => c.Kind == Domain.Scrutiny.CommitteeKind.OverviewAndScrutiny).Select(c => c.Name).FirstOrDefaultAsync(ct),
            };
        }

        var sla = await db.InternalSlas.AsNoTracking().Include(s => s.ProviderDepartment).SingleAsync(s => s.Id == escalation.InternalSlaId, ct);
        return level switch
        {
            EscalationLevel.ContractManager => sla.Monitor,
            EscalationLevel.HeadOfService => sla.ProviderDepartment?.HeadOfService,
            EscalationLevel.Director => sla.ProviderDepartment?.Director,
            _ => "Corporate Management Team",
        };
    }
}
