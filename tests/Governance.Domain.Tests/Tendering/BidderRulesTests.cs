using Governance.Domain.Tendering;
using static Governance.Domain.Tests.Tendering.Rules;

namespace Governance.Domain.Tests.Tendering;

/// <summary>Rules <c>selection-score</c>, <c>selection-closed</c>, <c>bidder-not-active</c> and <c>reason-required</c> on a bidder's own transitions.</summary>
public sealed class BidderRulesTests
{
    [Fact]
    public void ScoreSelection_OutOfRangeOrAfterShortlisting_IsRefused()
    {
        var bidder = new Bidder { Status = BidderStatus.RequestedToParticipate };
        Broken("selection-score", () => bidder.ScoreSelection(101, null));
        bidder.ScoreSelection(70, "Meets the criteria.");
        bidder.DecideShortlist(invited: true);
        Broken("selection-closed", () => bidder.ScoreSelection(80, null));
        Broken("selection-closed", () => bidder.DecideShortlist(invited: false));
    }

    [Fact]
    public void DecideShortlist_NotInvited_LeavesWithTheReasonAndStage()
    {
        var bidder = new Bidder { Status = BidderStatus.RequestedToParticipate };
        bidder.DecideShortlist(invited: false);
        Assert.Equal(BidderStatus.Unsuccessful, bidder.Status);
        Assert.Equal(ProcurementStage.SelectionQuestionnaire, bidder.ExitStage);
    }

    [Fact]
    public void Leave_AlreadyGoneOrWithoutAReason_IsRefused()
    {
        var bidder = new Bidder { Status = BidderStatus.InDialogue };
        Broken("reason-required", () => bidder.Leave(BidderStatus.Eliminated, "", ProcurementStage.OutlineSolutions));
        bidder.Leave(BidderStatus.Eliminated, "Lowest score.", ProcurementStage.OutlineSolutions);
        Broken("bidder-not-active", () => bidder.Leave(BidderStatus.Withdrawn, "Again.", ProcurementStage.OutlineSolutions));
        Broken("bidder-not-active", () => bidder.MakePreferred());
    }
}
