using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;
using Governance.Domain.Organisation;

namespace Governance.Domain.Tendering;

/// <summary>
/// A supplier taking part in one procurement. Pre-award, who is bidding is commercially confidential:
/// readable by the procurement team and by the supplier itself only, and no public entity navigates here.
/// Its status moves only through the methods below.
/// </summary>
public class Bidder : Entity, IProcurementRecord
{
    public int ProcurementId { get; set; }

    public int SupplierId { get; set; }

    public Supplier? Supplier { get; set; }

    /// <summary>The day the request to participate was received: stamped by the server.</summary>
    [ServerManaged]
    public DateOnly RequestedToParticipateOn { get; set; }

    [ServerManaged]
    public BidderStatus Status { get; set; }

    [ServerManaged]
    public decimal? SelectionScore { get; set; }

    [ServerManaged, MaxLength(4000)]
    public string? SelectionNotes { get; set; }

    /// <summary>Why the bidder left the procurement (eliminated at a stage, withdrew, or was not shortlisted).</summary>
    [ServerManaged, MaxLength(4000)]
    public string? ExitReason { get; set; }

    [ServerManaged]
    public ProcurementStage? ExitStage { get; set; }

    /// <summary>Still competing: shortlisted, in dialogue, or preferred.</summary>
    public static readonly BidderStatus[] Active = [BidderStatus.Shortlisted, BidderStatus.InDialogue, BidderStatus.PreferredBidder];

    public bool IsActive => Active.Contains(Status);

    /// <summary>Rule <c>selection-score</c>: a selection score is 0 to 100, given while the candidate awaits the shortlist.</summary>
    public void ScoreSelection(decimal score, string? notes)
    {
        if (score is < 0 or > 100)
            throw new BusinessRuleException("selection-score", "Score is a number from 0 to 100.", isInvalidInput: true);
        if (Status != BidderStatus.RequestedToParticipate)
            throw new BusinessRuleException("selection-closed", $"The candidate is {Status}; selection scores are given before shortlisting.");
        SelectionScore = score;
        SelectionNotes = notes;
    }

    /// <summary>Invited to the dialogue, or told why not.</summary>
    public void DecideShortlist(bool invited)
    {
        if (Status != BidderStatus.RequestedToParticipate)
            throw new BusinessRuleException("selection-closed", $"The candidate is already {Status}.");
        if (invited)
        {
            Status = BidderStatus.Shortlisted;
        }
        else
        {
            Leave(BidderStatus.Unsuccessful, "Not shortlisted at selection", ProcurementStage.SelectionQuestionnaire);
        }
    }

    /// <summary>Rule <c>bidder-not-active</c>: only a bidder still competing can be eliminated or withdraw; the reason is kept.</summary>
    public void Leave(BidderStatus status, string reason, ProcurementStage stage)
    {
        if (!IsActive && Status != BidderStatus.RequestedToParticipate)
            throw new BusinessRuleException("bidder-not-active", $"The bidder is already {Status}.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new BusinessRuleException("reason-required", "Give the reason.", isInvalidInput: true);
        Status = status;
        ExitReason = reason;
        ExitStage = stage;
    }

    /// <summary>The award decision: the preferred bidder succeeds; every other bidder still in leaves, with the reason, at this stage.</summary>
    public void DecideAward(bool successful, ProcurementStage stage)
    {
        if (successful && Status != BidderStatus.PreferredBidder)
            throw new BusinessRuleException("best-price-quality-ratio", "Only the preferred bidder, chosen on the best price-quality ratio, is awarded the contract.");
        if (successful)
            Status = BidderStatus.Successful;
        else
            Leave(BidderStatus.Unsuccessful, "Not the most economically advantageous tender", stage);
    }

    /// <summary>The award decision is re-made: a bidder that the decision made successful or unsuccessful competes again.</summary>
    public void ReopenAward()
    {
        if (Status == BidderStatus.Successful || (Status == BidderStatus.Unsuccessful && ExitStage == ProcurementStage.AwardDecision))
        {
            Status = BidderStatus.InDialogue;
            ExitReason = null;
            ExitStage = null;
        }
    }

    /// <summary>Rule <c>bidder-not-active</c>: the preferred bidder is one still competing.</summary>
    public void MakePreferred()
    {
        if (!IsActive)
            throw new BusinessRuleException("bidder-not-active", $"The bidder is {Status} and cannot be made preferred bidder.");
        Status = BidderStatus.PreferredBidder;
    }
}
