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

    [Fact]
    public void ReopenAward_ReturnsThoseTheDecisionSorted_NotThoseEliminatedBefore()
    {
        var winner = new Bidder { Status = BidderStatus.PreferredBidder };
        winner.DecideAward(successful: true, ProcurementStage.AwardDecision);
        var runnerUp = new Bidder { Status = BidderStatus.InDialogue };
        runnerUp.DecideAward(successful: false, ProcurementStage.AwardDecision);
        var eliminated = new Bidder { Status = BidderStatus.InDialogue };
        eliminated.Leave(BidderStatus.Eliminated, "Lowest outline score.", ProcurementStage.OutlineSolutions);
        Broken("best-price-quality-ratio", () => new Bidder { Status = BidderStatus.InDialogue }.DecideAward(successful: true, ProcurementStage.AwardDecision));
        foreach (var bidder in new[] { winner, runnerUp, eliminated })
            bidder.ReopenAward();
        Assert.Equal([BidderStatus.InDialogue, BidderStatus.InDialogue, BidderStatus.Eliminated], new[] { winner, runnerUp, eliminated }.Select(b => b.Status));
    }
}
