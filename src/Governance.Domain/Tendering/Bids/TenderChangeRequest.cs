using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Tendering.Bids;

public enum ChangeRequestStatus
{
    /// <summary>Asked of the bidder; not yet answered.</summary>
    Open,

    /// <summary>The bidder answered with a changed tender; a second member of the team has not yet decided.</summary>
    Answered,

    /// <summary>A second member of the team found that it changes no essential aspect of the tender.</summary>
    Approved,

    /// <summary>A second member of the team found that it would change an essential aspect: the tender stands as it was.</summary>
    Rejected,
}

/// <summary>
/// After the final-tender deadline a tender changes only at the council's request (PCR 2015 reg 30(16)): the team
/// asks a named bidder to clarify, specify or optimise, saying what it asks; the bidder answers with a changed tender
/// at the same price; a second member of the team decides whether it changes an essential aspect.
/// </summary>
public class TenderChangeRequest : Entity, IBidderRecord
{
    public int ProcurementId { get; set; }

    public int BidderId { get; set; }

    /// <summary>Clarification, Specification or Optimisation.</summary>
    public SubmissionKind Kind { get; set; }

    /// <summary>What the council asks the bidder to clarify, specify or optimise.</summary>
    [Required, MaxLength(4000)]
    public string Request { get; set; } = "";

    [ServerManaged, MaxLength(256)]
    public string RequestedBy { get; set; } = "";

    [ServerManaged]
    public DateTime RequestedAt { get; set; }

    [ServerManaged]
    public ChangeRequestStatus Status { get; set; }

    /// <summary>The bidder's changed tender that answers the request.</summary>
    [ServerManaged]
    public int? SubmissionId { get; set; }

    [ServerManaged, MaxLength(256)]
    public string? DecidedBy { get; set; }

    [ServerManaged]
    public DateTime? DecidedAt { get; set; }

    [ServerManaged, MaxLength(2000)]
    public string? DecisionReason { get; set; }

    private static readonly SubmissionKind[] Kinds = [SubmissionKind.Clarification, SubmissionKind.Specification, SubmissionKind.Optimisation];

    /// <summary>
    /// Rule <c>change-request-after-deadline</c>: the council asks only at the final-tender stage, after its deadline,
    /// of a bidder still competing, for a clarification, specification or optimisation.
    /// </summary>
    public void Raise(Procurement procurement, ProcurementStageDate? finalTenders, Bidder bidder, string requestedBy, DateTime nowUtc)
    {
        if (!Kinds.Contains(Kind))
            throw new BusinessRuleException("change-request-kind", "The council asks for a Clarification, Specification or Optimisation.", isInvalidInput: true);
        if (procurement.Stage != ProcurementStage.FinalTenders || finalTenders?.SubmissionDeadline is not { } deadline || nowUtc <= deadline)
            throw new BusinessRuleException("change-request-after-deadline", "Changes to a final tender are asked for at the final-tender stage, once its deadline has passed.");
        if (!bidder.IsActive || bidder.ProcurementId != procurement.Id)
            throw new BusinessRuleException("bidder-not-active", $"The bidder is {bidder.Status}; nothing is asked of it.");
        RequestedBy = requestedBy;
        RequestedAt = nowUtc;
        Status = ChangeRequestStatus.Open;
    }

    /// <summary>Rule <c>change-request-answered-once</c>: the bidder answers an open request with a tender change of the kind asked.</summary>
    public void Answer(Submission change)
    {
        if (Status != ChangeRequestStatus.Open)
            throw new BusinessRuleException("change-request-answered-once", $"This request is {Status}; it was answered already.");
        if (change.Kind != Kind || change.BidderId != BidderId)
            throw new BusinessRuleException("change-request-kind", $"The council asked this bidder for a {Kind}.", isInvalidInput: true);
        SubmissionId = change.Id;
        Status = ChangeRequestStatus.Answered;
    }

    /// <summary>
    /// Rule <c>second-member-approval</c>: someone on the team other than the person who asked decides, once the
    /// bidder has answered, whether the change leaves every essential aspect as it was; a rejection says why.
    /// </summary>
    public void Decide(bool approved, string decidedBy, string? reason, DateTime nowUtc)
    {
        if (Status != ChangeRequestStatus.Answered)
            throw new BusinessRuleException("change-request-not-answered", $"This request is {Status}: it is decided once the bidder has answered, and only once.");
        if (string.Equals(decidedBy, RequestedBy, StringComparison.OrdinalIgnoreCase))
            throw new BusinessRuleException("second-member-approval", "A second member of the team, not the one who asked, decides whether the change is essential.");
        if (!approved && string.IsNullOrWhiteSpace(reason))
            throw new BusinessRuleException("reason-required", "Say which essential aspect the change would alter.", isInvalidInput: true);
        Status = approved ? ChangeRequestStatus.Approved : ChangeRequestStatus.Rejected;
        DecidedBy = decidedBy;
        DecidedAt = nowUtc;
        DecisionReason = reason;
    }
}
