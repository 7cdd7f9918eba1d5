using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;
using static Governance.Domain.Tests.Tendering.Rules;

namespace Governance.Domain.Tests.Tendering;

/// <summary>Rules <c>change-request-after-deadline</c>, <c>change-request-answered-once</c> and <c>second-member-approval</c>.</summary>
public sealed class TenderChangeRequestRulesTests
{
    private static readonly Procurement AtFinalTenders = new() { Id = 1, Stage = ProcurementStage.FinalTenders };
    private static readonly ProcurementStageDate Deadline = new() { Stage = ProcurementStage.FinalTenders, SubmissionDeadline = Utc(2024, 9, 20, 12) };
    private static readonly Bidder Beta = new() { Id = 2, ProcurementId = 1, Status = BidderStatus.InDialogue };

    [Fact]
    public void Raise_BeforeTheDeadlineOrOfAnOriginal_IsRefused()
    {
        Broken("change-request-after-deadline", () => new TenderChangeRequest { Kind = SubmissionKind.Clarification }.Raise(AtFinalTenders, Deadline, Beta, "lead", Utc(2024, 9, 20, 11)));
        Broken("change-request-kind", () => new TenderChangeRequest { Kind = SubmissionKind.Original }.Raise(AtFinalTenders, Deadline, Beta, "lead", Utc(2024, 9, 21)));
        Broken("bidder-not-active", () => new TenderChangeRequest { Kind = SubmissionKind.Clarification }.Raise(AtFinalTenders, Deadline, new Bidder { ProcurementId = 1, Status = BidderStatus.Eliminated }, "lead", Utc(2024, 9, 21)));
    }

    [Fact]
    public void AnsweredOnce_ThenDecidedByASecondMember()
    {
        var request = new TenderChangeRequest { BidderId = 2, Kind = SubmissionKind.Clarification };
        request.Raise(AtFinalTenders, Deadline, Beta, "lead@council", Utc(2024, 9, 21));
        Broken("change-request-not-answered", () => request.Decide(true, "evaluator@council", null, Utc(2024, 9, 22)));
        Broken("change-request-kind", () => request.Answer(new Submission { Id = 9, BidderId = 2, Kind = SubmissionKind.Optimisation }));
        request.Answer(new Submission { Id = 10, BidderId = 2, Kind = SubmissionKind.Clarification });
        Broken("change-request-answered-once", () => request.Answer(new Submission { Id = 11, BidderId = 2, Kind = SubmissionKind.Clarification }));
        Broken("second-member-approval", () => request.Decide(true, "LEAD@council", null, Utc(2024, 9, 22)));
        Broken("reason-required", () => request.Decide(false, "evaluator@council", null, Utc(2024, 9, 22)));
        request.Decide(false, "evaluator@council", "It would change the service levels, an essential aspect.", Utc(2024, 9, 22));
        Assert.Equal(ChangeRequestStatus.Rejected, request.Status);
        Assert.Equal(10, request.SubmissionId);
    }
}
