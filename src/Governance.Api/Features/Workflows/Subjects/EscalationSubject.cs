using Governance.Api.Data;
using Governance.Domain.Contracts;
using Governance.Domain.Escalations;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Workflows.Subjects;

/// <summary>An escalation's level, status and respond-by follow the ladder's state and timer.</summary>
internal sealed class EscalationSubject(GovernanceDbContext db) : IWorkflowSubjectType
{
    // Who stands at each rung, read once per contract or SLA in a unit of work: a sweep moves many escalations of one contract.
    private readonly Dictionary<int, Contract> contracts = [];
    private readonly Dictionary<int, InternalSla> slas = [];
    private string? scrutinyCommittee;

    public string SubjectType => nameof(Escalation);

    /// <summary>Where the people at the rungs are named: the contract manager or SLA monitor, and the department.</summary>
    private IQueryable<Contract> ContractsWithDepartment => db.Contracts.AsNoTracking().Include(c => c.Department);

    private IQueryable<InternalSla> SlasWithDepartment => db.InternalSlas.AsNoTracking().Include(s => s.ProviderDepartment);

    public IReadOnlySet<string> Properties { get; } = new HashSet<string> { nameof(Escalation.RespondBy) };

    public Task<bool> ExistsAsync(int id, CancellationToken ct) => db.Escalations.AnyAsync(e => e.Id == id, ct);

    public async Task LoadAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var escalations = await db.Escalations.Where(e => ids.Contains(e.Id)).ToListAsync(ct);
        var contractIds = escalations.Select(e => e.ContractId).OfType<int>().Where(id => !contracts.ContainsKey(id)).Distinct().ToList();
        foreach (var contract in await ContractsWithDepartment.Where(c => contractIds.Contains(c.Id)).ToListAsync(ct))
            contracts[contract.Id] = contract;
        var slaIds = escalations.Select(e => e.InternalSlaId).OfType<int>().Where(id => !slas.ContainsKey(id)).Distinct().ToList();
        foreach (var sla in await SlasWithDepartment.Where(s => slaIds.Contains(s.Id)).ToListAsync(ct))
            slas[sla.Id] = sla;
    }

    public async Task<DateTime?> GetAsync(int subjectId, string propertyName, CancellationToken ct) =>
        await db.Escalations.Where(e => e.Id == subjectId).Select(e => e.RespondBy).SingleOrDefaultAsync(ct);

    public async Task OnEnteredAsync(int id, string state, string? comment, DateTime? nextTimerDue, DateTime nowUtc, CancellationToken ct)
    {
        var escalation = await db.Escalations.FindAsync([id], ct) ?? throw new InvalidOperationException($"Escalation {id} does not exist.");
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

    /// <summary>An internal SLA's breach climbs only the rungs its written route names; the others are passed over.</summary>
    public async Task<(string Trigger, string Reason)?> PassOverAsync(int id, string state, CancellationToken ct)
    {
        if (LevelOf(state) is not { } level || level == EscalationLevel.Monitor)
            return null;
        var escalation = await db.Escalations.FindAsync([id], ct);
        if (escalation?.InternalSlaId is not { } slaId)
            return null;
        if (!slas.TryGetValue(slaId, out var sla))
            slas[slaId] = sla = await SlasWithDepartment.SingleAsync(s => s.Id == slaId, ct);
        return sla.RouteIncludes(level) ? null : ("Escalate", $"{level} is not a rung of this SLA's enforcement route ({sla.EnforcementRungs}).");
    }

    /// <summary>The ladder's rung for a state of either ladder (contract KPIs or an internal SLA's route).</summary>
    private static EscalationLevel? LevelOf(string state) => state switch
    {
        _ when state is nameof(EscalationStatus.RemediationAgreed) or nameof(EscalationStatus.Resolved) => null,
        _ => Enum.TryParse<EscalationLevel>(state, out var level) ? level : null,
    };

    /// <summary>The named person at a rung: the contract manager or SLA monitor, then the department's head of service and director.</summary>
    private async Task<string?> OwnerAsync(Escalation escalation, EscalationLevel level, CancellationToken ct)
    {
        if (escalation.ContractId is { } contractId)
        {
            if (!contracts.TryGetValue(contractId, out var contract))
                contracts[contractId] = contract = await ContractsWithDepartment.SingleAsync(c => c.Id == contractId, ct);
            return level switch
            {
                EscalationLevel.ContractManager => contract.ContractManager,
                EscalationLevel.HeadOfService => contract.Department?.HeadOfService,
                EscalationLevel.Director => contract.Department?.Director,
                _ => scrutinyCommittee ??= await db.Committees.Where(c => c.Kind == Domain.Scrutiny.CommitteeKind.OverviewAndScrutiny).Select(c => c.Name).FirstOrDefaultAsync(ct),
            };
        }

        var slaId = escalation.InternalSlaId ?? throw new InvalidOperationException($"Escalation {escalation.Id} has neither a contract nor an internal SLA.");
        if (!slas.TryGetValue(slaId, out var sla))
            slas[slaId] = sla = await SlasWithDepartment.SingleAsync(s => s.Id == slaId, ct);
        return level switch
        {
            EscalationLevel.ContractManager or EscalationLevel.Monitor => sla.Monitor,
            EscalationLevel.HeadOfService => sla.ProviderDepartment?.HeadOfService,
            EscalationLevel.Director => sla.ProviderDepartment?.Director,
            _ => "Corporate Management Team",
        };
    }
}
