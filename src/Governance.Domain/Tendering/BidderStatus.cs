namespace Governance.Domain.Tendering;

public enum BidderStatus
{
    RequestedToParticipate,
    Shortlisted,
    InDialogue,
    Eliminated,
    Withdrawn,
    PreferredBidder,
    Successful,
    Unsuccessful,
}
