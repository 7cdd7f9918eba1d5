using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;
using static Governance.Domain.Tests.Tendering.Rules;

namespace Governance.Domain.Tests.Tendering;

/// <summary>Rule <c>price-fixed-after-deadline</c>: after the final-tender deadline the price does not move, and the preferred bidder confirms the evaluated price.</summary>
public sealed class FinalTenderPriceRulesTests
{
    private static readonly ProcurementStageDate Closed = new() { Stage = ProcurementStage.FinalTenders, SubmissionDeadline = Utc(2024, 9, 20, 12) };

    private static readonly TenderChangeRequest Asked = new() { Kind = SubmissionKind.Optimisation, Status = ChangeRequestStatus.Open };

    [Fact]
    public void CheckSubmission_OptimisationCuttingThePrice_BreaksPriceFixed()
    {
        var procurement = new Procurement { Stage = ProcurementStage.FinalTenders };
        Broken("price-fixed-after-deadline", () => TenderingRules.CheckSubmission(procurement, Closed, SubmissionKind.Optimisation, "An optimisation.", false, Utc(2024, 9, 21), 2_500_000m, 2_900_000m, Asked));
        Assert.Equal(ProcurementStage.FinalTenders, TenderingRules.CheckSubmission(procurement, Closed, SubmissionKind.Optimisation, "An optimisation.", false, Utc(2024, 9, 21), 2_900_000m, 2_900_000m, Asked));
    }

    [Fact]
    public void CheckSubmission_ChangeTheCouncilDidNotAskFor_BreaksAuthorityRequestOnly()
    {
        var procurement = new Procurement { Stage = ProcurementStage.FinalTenders };
        Broken("authority-request-only", () => TenderingRules.CheckSubmission(procurement, Closed, SubmissionKind.Optimisation, "Unasked.", false, Utc(2024, 9, 21), 2_900_000m, 2_900_000m));
        var clarification = new TenderChangeRequest { Kind = SubmissionKind.Clarification, Status = ChangeRequestStatus.Open };
        Broken("authority-request-only", () => TenderingRules.CheckSubmission(procurement, Closed, SubmissionKind.Optimisation, "Other kind.", false, Utc(2024, 9, 21), 2_900_000m, 2_900_000m, clarification));
    }

    [Fact]
    public void CheckSubmission_FinancialConfirmationAtAnotherPrice_BreaksPriceFixed()
    {
        var procurement = new Procurement { Stage = ProcurementStage.PreferredBidder };
        Broken("price-fixed-after-deadline", () => TenderingRules.CheckSubmission(procurement, null, SubmissionKind.FinancialConfirmation, null, true, Utc(2024, 9, 25), 3_000_000m, 3_100_000m));
        Broken("preferred-bidder-financial-only", () => TenderingRules.CheckSubmission(procurement, null, SubmissionKind.FinancialConfirmation, null, false, Utc(2024, 9, 25), 3_100_000m, 3_100_000m));
        Assert.Equal(ProcurementStage.PreferredBidder, TenderingRules.CheckSubmission(procurement, null, SubmissionKind.FinancialConfirmation, null, true, Utc(2024, 9, 25), 3_100_000m, 3_100_000m));
    }
}
