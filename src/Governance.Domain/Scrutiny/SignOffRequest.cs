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

    /// <summary>How many approvals from the role the gate needs (e.g. two members of the procurement board).</summary>
    [Range(1, 20)]
    public int Quorum { get; set; } = 1;

    [ServerManaged]
    public int Approvals { get; set; }

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
    /// Whether a gate holds: for each signatory role (those the workflow names, or for an older workflow the roles
    /// asked), the latest request is approved. A later request supersedes a rejected one.
    /// </summary>
    public static bool GateHolds(IEnumerable<SignOffRequest> requests, IReadOnlyCollection<string>? roles)
    {
        var latest = requests.GroupBy(r => r.RequiredRole).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!.Status);
        var needed = roles ?? latest.Keys;
        return needed.Count > 0 && needed.All(role => latest.GetValueOrDefault(role, SignOffStatus.Pending) is SignOffStatus.Approved or SignOffStatus.ApprovedWithConditions);
    }

    /// <summary>
    /// Records one signatory's decision. Only a pending request can be decided, never by the person who raised it
    /// nor twice by the same person, and a rejection or a conditional approval says why. One rejection rejects;
    /// the request is approved once the quorum of approvals is in.
    /// </summary>
    public SignOffDecision Decide(SignOffStatus decision, string decidedBy, string? reason, DateTime nowUtc, IReadOnlyCollection<string> alreadyDecidedBy)
    {
        if (decision == SignOffStatus.Pending)
            throw new BusinessRuleException("signoff-decision", "A decision is Approved, ApprovedWithConditions or Rejected.", isInvalidInput: true);
        if (Status != SignOffStatus.Pending)
            throw new BusinessRuleException("signoff-decided-once", $"This sign-off was already decided ({Status}) by {DecidedBy}.");
        if (string.Equals(decidedBy, RaisedBy, StringComparison.OrdinalIgnoreCase))
            throw new BusinessRuleException("no-self-sign-off", "Nobody signs off a request they raised.");
        if (alreadyDecidedBy.Contains(decidedBy, StringComparer.OrdinalIgnoreCase))
            throw new BusinessRuleException("signoff-once-each", "Each signatory decides once.");
        if (decision != SignOffStatus.Approved && string.IsNullOrWhiteSpace(reason))
            throw new BusinessRuleException("signoff-reason", "A rejection or a conditional approval needs its reasons or conditions.", isInvalidInput: true);
        if (decision != SignOffStatus.Rejected)
            Approvals++;
        if (decision == SignOffStatus.Rejected || Approvals >= Quorum)
        {
            Status = decision == SignOffStatus.Rejected ? SignOffStatus.Rejected
                : decision == SignOffStatus.ApprovedWithConditions || DecisionReason is not null ? SignOffStatus.ApprovedWithConditions
                : SignOffStatus.Approved;
            DecidedAt = nowUtc;
        }

        DecidedBy = decidedBy;
        if (reason is not null)
            DecisionReason = DecisionReason is null ? reason : $"{DecisionReason}; {reason}";
        return new SignOffDecision { SignOffRequestId = Id, Decision = decision, DecidedBy = decidedBy, Reason = reason, DecidedAt = nowUtc };
    }
}

/// <summary>One signatory's decision on a sign-off request (append-only); conditions are tracked until discharged.</summary>
public class SignOffDecision : Entity
{
    public int SignOffRequestId { get; set; }

    public SignOffStatus Decision { get; set; }

    [MaxLength(256)]
    public string DecidedBy { get; set; } = "";

    [MaxLength(2000)]
    public string? Reason { get; set; }

    public DateTime DecidedAt { get; set; }

    /// <summary>For a conditional approval: when its conditions were met, and who said so.</summary>
    [ServerManaged]
    public DateTime? ConditionsDischargedAt { get; set; }

    [ServerManaged, MaxLength(256)]
    public string? ConditionsDischargedBy { get; set; }
}
