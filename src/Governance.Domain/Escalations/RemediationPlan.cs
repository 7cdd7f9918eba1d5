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

    /// <summary>Stamped by the server when the plan is recorded: the slip rules read it.</summary>
    [ServerManaged]
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

    /// <summary>The supplier carries this action out: its accounts see it and report progress on it.</summary>
    public bool OwnerIsSupplier { get; set; }

    [ServerManaged]
    public RemediationActionStatus Status { get; set; }

    [ServerManaged]
    public DateOnly? CompletedOn { get; set; }

    /// <summary>Done, on the day the server records it.</summary>
    public void Complete(DateOnly today)
    {
        if (Status == RemediationActionStatus.Done)
            throw new BusinessRuleException("remediation-action-done", "This action is already done.");
        Status = RemediationActionStatus.Done;
        CompletedOn = today;
    }

    /// <summary>The action's state at the end of a day: done if completed by then, missed if due before it, else open.</summary>
    public RemediationActionStatus StatusOn(DateOnly day) =>
        CompletedOn is { } done && done <= day ? RemediationActionStatus.Done
        : day > DueOn ? RemediationActionStatus.Missed
        : RemediationActionStatus.Open;

    /// <summary>An open action past its due date is missed; returns whether it just became so.</summary>
    public bool MissIfOverdue(DateOnly today)
    {
        if (Status != RemediationActionStatus.Open || today <= DueOn)
            return false;
        Status = RemediationActionStatus.Missed;
        return true;
    }
}

/// <summary>
/// The supplier's report on an action it owns: progress, or that it is done. Append-only; the contract manager still
/// decides when the action is done (Complete), so a supplier's word never closes it by itself.
/// </summary>
public class RemediationActionResponse : Entity
{
    public int RemediationActionId { get; set; }

    [Required, MaxLength(4000)]
    public string Response { get; set; } = "";

    /// <summary>The supplier says the action is done and asks the council to confirm it.</summary>
    public bool ReportsDone { get; set; }

    [ServerManaged, MaxLength(256)]
    public string RespondedBy { get; set; } = "";

    [ServerManaged]
    public DateTime RespondedAt { get; set; }

    /// <summary>Checks the action is the supplier's and still open, and stamps who and when.</summary>
    public void RespondTo(RemediationAction action, string by, DateTime nowUtc)
    {
        if (!action.OwnerIsSupplier)
            throw new BusinessRuleException("remediation-action-not-suppliers", "This action is the council's, not the supplier's: only an action the supplier owns takes its report.");
        if (action.Status == RemediationActionStatus.Done)
            throw new BusinessRuleException("remediation-action-done", "This action is already done.");
        if (string.IsNullOrWhiteSpace(Response))
            throw new BusinessRuleException("response-required", "Say what has been done.", isInvalidInput: true);
        RemediationActionId = action.Id;
        Response = Response.Trim();
        RespondedBy = by;
        RespondedAt = nowUtc;
    }
}
