using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Scrutiny;

public enum SignOffStatus
{
    Pending,
    Approved,
    ApprovedWithConditions,
    Rejected,
}

/// <summary>A request for a named role to sign off a gate (for example the award of a procurement).</summary>
public class SignOffRequest : Entity
{
    /// <summary>Entity type of the record the gate is on, e.g. Procurement.</summary>
    [Required, MaxLength(64)]
    public string SubjectType { get; set; } = "";

    public int SubjectId { get; set; }

    /// <summary>Gate name as the workflow's guard names it, e.g. award for signoff:award.</summary>
    [Required, MaxLength(64)]
    public string Gate { get; set; } = "";

    /// <summary>The role whose approval is required (e.g. StatutoryOfficer for the Section 151 officer).</summary>
    [Required, MaxLength(64)]
    public string RequiredRole { get; set; } = "";

    [MaxLength(2000)]
    public string? Summary { get; set; }

    [ServerManaged, MaxLength(256)]
    public string RaisedBy { get; set; } = "";

    [ServerManaged]
    public DateTime RaisedAt { get; set; }

    [ServerManaged]
    public SignOffStatus Status { get; set; }

    [ServerManaged, MaxLength(256)]
    public string? DecidedBy { get; set; }

    [ServerManaged]
    public DateTime? DecidedAt { get; set; }

    [ServerManaged, MaxLength(2000)]
    public string? DecisionReason { get; set; }

    /// <summary>
    /// Records a decision. Only a pending request can be decided, never by the person who raised it, and a
    /// rejection or a conditional approval says why.
    /// </summary>
    public void Decide(SignOffStatus decision, string decidedBy, string? reason, DateTime nowUtc)
    {
        if (decision == SignOffStatus.Pending)
            throw new BusinessRuleException("signoff-decision", "A decision is Approved, ApprovedWithConditions or Rejected.", isInvalidInput: true);
        if (Status != SignOffStatus.Pending)
            throw new BusinessRuleException("signoff-decided-once", $"This sign-off was already decided ({Status}) by {DecidedBy}.");
        if (string.Equals(decidedBy, RaisedBy, StringComparison.OrdinalIgnoreCase))
            throw new BusinessRuleException("no-self-sign-off", "Nobody signs off a request they raised.");
        if (decision != SignOffStatus.Approved && string.IsNullOrWhiteSpace(reason))
            throw new BusinessRuleException("signoff-reason", "A rejection or a conditional approval needs its reasons or conditions.", isInvalidInput: true);
        Status = decision;
        DecidedBy = decidedBy;
        DecidedAt = nowUtc;
        DecisionReason = reason;
    }
}
