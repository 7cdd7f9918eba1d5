using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Escalations;

/// <summary>The rungs of the escalation ladder, lowest first.</summary>
public enum EscalationLevel
{
    ContractManager,
    HeadOfService,
    Director,
    ScrutinyCommittee,
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

    /// <summary>When the current level must respond before the escalation climbs by itself.</summary>
    public DateTime? RespondBy { get; set; }

    [ServerManaged]
    public DateTime? ClosedAt { get; set; }

    [ServerManaged, MaxLength(2000)]
    public string? ClosureReason { get; set; }
}
