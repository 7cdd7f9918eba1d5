using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Escalations;

/// <summary>A remediation (rectification) plan agreed for an escalation, made of actions with owners and dates.</summary>
public class RemediationPlan : Entity
{
    public int EscalationId { get; set; }

    [Required, MaxLength(300)]
    public string Title { get; set; } = "";

    [Required, MaxLength(4000)]
    public string Objective { get; set; } = "";

    public DateOnly AgreedOn { get; set; }

    [MaxLength(300)]
    public string? AgreedWith { get; set; }
}

public enum RemediationActionStatus
{
    Open,
    Done,
    Missed,
}

public class RemediationAction : Entity
{
    public int RemediationPlanId { get; set; }

    [Required, MaxLength(1000)]
    public string Description { get; set; } = "";

    [Required, MaxLength(200)]
    public string Owner { get; set; } = "";

    public DateOnly DueOn { get; set; }

    public RemediationActionStatus Status { get; set; }

    public DateOnly? CompletedOn { get; set; }
}
