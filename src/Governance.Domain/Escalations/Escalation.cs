using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Escalations;

/// <summary>The rungs of the escalation ladders: a contract's KPI ladder and an internal SLA's enforcement route.</summary>
public enum EscalationLevel
{
    ContractManager,
    HeadOfService,
    Director,
    ScrutinyCommittee,

    /// <summary>An internal SLA's monitor, the first rung of its enforcement route.</summary>
    Monitor,

    /// <summary>The Corporate Management Team, the top of an internal SLA's route.</summary>
    CorporateManagementTeam,
}

public enum EscalationStatus
{
    Open,
    RemediationAgreed,
    Resolved,
}

/// <summary>A slip in performance being pursued up the ladder until someone acts. One per contract and cause.</summary>
public class Escalation : Entity
{
    public int? ContractId { get; set; }

    public int? InternalSlaId { get; set; }

    /// <summary>Why it was opened, e.g. red-period, consecutive-amber, overdue-return.</summary>
    [Required, MaxLength(64)]
    public string Cause { get; set; } = "";

    [MaxLength(4000)]
    public string? Summary { get; set; }

    [ServerManaged]
    public EscalationLevel Level { get; set; }

    [ServerManaged]
    public EscalationStatus Status { get; set; }

    [ServerManaged]
    public DateTime OpenedAt { get; set; }

    /// <summary>The named person who holds the escalation at its current level.</summary>
    [ServerManaged, MaxLength(300)]
    public string? Owner { get; set; }

    /// <summary>When the current level must respond before the escalation climbs by itself (set by the ladder's timer).</summary>
    [ServerManaged]
    public DateTime? RespondBy { get; set; }

    [ServerManaged]
    public DateTime? ClosedAt { get; set; }

    [ServerManaged, MaxLength(2000)]
    public string? ClosureReason { get; set; }

    /// <summary>
    /// The role that holds each rung: only it closes the case, agrees a plan or hands it back down. The committee rung
    /// is closed through democratic services on a recorded committee decision; the Corporate Management Team's by a
    /// statutory officer who sits on it.
    /// </summary>
    public static string HolderRole(EscalationLevel level) => level switch
    {
        EscalationLevel.ContractManager => "ContractManager",
        EscalationLevel.Monitor => "SlaOwner",
        EscalationLevel.HeadOfService => "HeadOfService",
        EscalationLevel.Director => "Director",
        EscalationLevel.ScrutinyCommittee => "DemocraticServicesOfficer",
        _ => "StatutoryOfficer",
    };

    /// <summary>Whether a person with these roles holds the rung the escalation is on now.</summary>
    public bool IsHeldBy(Func<string, bool> isInRole) => isInRole(HolderRole(Level));

    /// <summary>Director level and above: a report goes to the director, the committee or the Corporate Management Team.</summary>
    public static bool IsSenior(EscalationLevel level) =>
        level is EscalationLevel.Director or EscalationLevel.ScrutinyCommittee or EscalationLevel.CorporateManagementTeam;

    /// <summary>
    /// A new slip on a case whose remediation plan was agreed before the slip's period: the plan is failing, and the case
    /// moves up rather than quietly collecting the slip.
    /// </summary>
    public bool PlanFailsWith(DateOnly slipPeriod, DateOnly? planAgreedOn) =>
        Status == EscalationStatus.RemediationAgreed && planAgreedOn is { } agreed && SlipsAfter(slipPeriod, agreed);

    /// <summary>
    /// The case as it stood at an instant, from its ladder's moves (the workflow's transitions, each to a rung,
    /// RemediationAgreed or Resolved): null when it was not yet open or already resolved. A committee paper reads the
    /// case as at its meeting, so a paper regenerated later shows what the committee saw.
    /// </summary>
    public (EscalationLevel Level, EscalationStatus Status)? StateAt(DateTime at, IEnumerable<(DateTime At, string From, string To)> moves)
    {
        if (OpenedAt > at || (ClosedAt is { } closed && closed <= at))
            return null;
        var ordered = moves.OrderBy(m => m.At).ToList();
        // Where it stood before any move: the first move's origin; with no moves at all, where it is now.
        var (level, status) = ordered.Count == 0 ? (Level, Status) : Parse(ordered[0].From, Level, EscalationStatus.Open);
        foreach (var move in ordered.Where(m => m.At <= at))
            (level, status) = Parse(move.To, level, status);
        return status == EscalationStatus.Resolved ? null : (level, status);

        static (EscalationLevel, EscalationStatus) Parse(string state, EscalationLevel level, EscalationStatus status) =>
            Enum.TryParse<EscalationLevel>(state, out var rung) ? (rung, EscalationStatus.Open)
            : Enum.TryParse<EscalationStatus>(state, out var reached) ? (level, reached)
            : (level, status);
    }

    private static bool SlipsAfter(DateOnly slipPeriod, DateOnly agreed) => slipPeriod >= new DateOnly(agreed.Year, agreed.Month, 1);
}
