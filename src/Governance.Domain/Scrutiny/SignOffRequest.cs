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
}
